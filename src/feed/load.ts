/**
 * Loads a directory from a URL, an inline JSON text or an already parsed object.
 * One request per absolute URL per page: every element asking for the same feed shares
 * one promise. Fetching lives in `fetchFeedText` alone; when the network fails, the last
 * good copy from the Cache API (cache.ts) is returned instead, marked `stale`.
 */
import type { Directory } from './types.js';
import { atUrl, FeedError } from './errors.js';
import { htmlError, parseFeedJsonLazily } from './parse-json.js';
import { normaliseFeedInSlices } from './normalise-slices.js';
import { isNetworkFailure, readLastGoodFeed, storeLastGoodFeed } from './cache.js';
import { whenIdle } from '../search/yield.js';

export { parseFeedJson, parseFeedJsonLazily } from './parse-json.js';

export type DirectorySource = { src: string | URL } | { feed: unknown } | { json: string };

export interface LoadOptions {
  /** Stops this caller's wait (FeedError `aborted`); the shared request goes on for others. */
  signal?: AbortSignal;
  /** Time limit of the request in milliseconds (default 10000; 0 or Infinity: none). */
  timeoutMs?: number;
  /** A fetch implementation, e.g. for tests or node; the global one by default. */
  fetch?: typeof fetch;
  /** Base for a relative `src` and for relative links in inline feeds; default: the page's URL. */
  baseUrl?: string;
  /** Fetch again even if this URL was loaded before, and share the new result. */
  reload?: boolean;
  /**
   * Keep the last good copy of a feed loaded from a URL (Cache API) and return it, marked
   * `stale`, when the network or the server fails (default true).
   */
  lastGoodCopy?: boolean;
  /**
   * Internal, for `<shg-group-finder>` (may change): called with the first stage of a large
   * directory, before its groups are read in full (see `SliceOptions.onEarly`). A caller
   * joining a load that has passed that stage is called at once.
   */
  onEarly?: (early: Directory) => void;
}

export interface FetchFeedOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export const DEFAULT_TIMEOUT_MS = 10000;

/** One load of a URL, shared by every caller on the page. */
interface SharedLoad {
  directory: Promise<Directory>;
  /** The directory's first stage while its groups are read in full. */
  early?: Directory;
  waiting: Set<(early: Directory) => void>;
  settled: boolean;
}

// Absolute URL → its load.
const directories = new Map<string, SharedLoad>();

export async function loadDirectory(source: string | URL | DirectorySource, options: LoadOptions = {}): Promise<Directory> {
  options ??= {};
  if (options.signal?.aborted) throw aborted(undefined, options.signal.reason);
  if (typeof source === 'string' || source instanceof URL) source = { src: source };
  if (typeof source !== 'object' || source === null) {
    throw new FeedError('invalid', 'loadDirectory() needs a URL, { src }, { feed } or { json }.');
  }
  const base = options.baseUrl ?? pageUrl();
  if ('src' in source) {
    if (!(typeof source.src === 'string' && source.src.trim() !== '') && !(source.src instanceof URL)) {
      throw new FeedError('invalid', 'The feed address (src) is empty.');
    }
    const url = feedUrl(source.src, base);
    let shared = options.reload ? undefined : directories.get(url);
    if (!shared) {
      const load: SharedLoad = { directory: undefined as unknown as Promise<Directory>, waiting: new Set(), settled: false };
      const tellEarly = (early: Directory): void => {
        load.early = early;
        for (const tell of load.waiting) tell(early);
        load.waiting.clear();
      };
      // A first stage only when some caller (a finder) asks for one by then.
      load.directory = loadFromUrl(url, options, tellEarly, () => load.waiting.size > 0);
      directories.set(url, load);
      // A failed load (or an old copy in its place) is forgotten, so the next caller tries again.
      const forget = (): void => {
        if (directories.get(url) === load) directories.delete(url);
      };
      load.directory.then((directory) => directory.stale && forget(), forget);
      const done = (): void => {
        load.settled = true;
        load.early = undefined;
        load.waiting.clear();
      };
      load.directory.then(done, done);
      shared = load;
    }
    const onEarly = options.onEarly;
    if (onEarly && shared.early) onEarly(shared.early);
    else if (onEarly && !shared.settled) {
      const waiting = shared.waiting;
      waiting.add(onEarly);
      options.signal?.addEventListener('abort', () => waiting.delete(onEarly), { once: true });
    }
    return untilAborted(shared.directory, options.signal, url);
  }
  // In slices: a visitor can type while a national directory is read (see normaliseFeedInSlices).
  const onEarly = options.onEarly;
  if ('json' in source) return normaliseFeedInSlices(await parseFeedJsonLazily(source.json), { baseUrl: base, onEarly });
  if ('feed' in source) return normaliseFeedInSlices(source.feed, { baseUrl: base, onEarly });
  throw new FeedError('invalid', 'loadDirectory() needs a URL, { src }, { feed } or { json }.');
}

async function loadFromUrl(url: string, options: LoadOptions, onEarly: (early: Directory) => void, wantsEarly: () => boolean): Promise<Directory> {
  const keep = options.lastGoodCopy !== false;
  let text: string;
  try {
    text = await fetchFeedText(url, { timeoutMs: options.timeoutMs, fetch: options.fetch });
  } catch (error) {
    const copy = keep && isNetworkFailure(error) ? await readLastGoodFeed(url) : undefined;
    if (!copy) throw error;
    let directory: Directory;
    try {
      directory = await normaliseFeedInSlices(await parseFeedJsonLazily(copy.text, url), { baseUrl: url, onEarly, wantsEarly });
    } catch {
      throw error;
    }
    directory.stale = { fetchedAt: copy.fetchedAt, error: error as FeedError };
    return directory;
  }
  const data = await parseFeedJsonLazily(text, url);
  const directory = await withUrl(normaliseFeedInSlices(data, { baseUrl: url, onEarly, wantsEarly }), url);
  // Once the page is idle: copying the text into the Cache API must not delay the first results.
  if (keep) whenIdle(() => void storeLastGoodFeed(url, text), 2000);
  return directory;
}

/** Forgets every loaded or loading feed (for tests, or after the page changed feeds). */
export function clearDirectoryCache(): void {
  directories.clear();
}

/**
 * One GET of the feed's text with `Accept: application/json` and the browser's default
 * credentials mode. Rejects with FeedError `network`, `timeout`, `aborted`, `http` or `html`.
 */
export async function fetchFeedText(url: string, options: FetchFeedOptions = {}): Promise<string> {
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const signal = options.signal;
  let timedOut = false;
  const timer =
    timeoutMs > 0 && timeoutMs < 2 ** 31
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeoutMs)
      : undefined;
  const onAbort = (): void => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) controller.abort();
  const failed = (cause: unknown): FeedError => {
    if (timedOut) return new FeedError('timeout', `The feed${atUrl(url)} did not answer within ${seconds(timeoutMs)}.`, { url, cause });
    if (signal?.aborted) return aborted(url, signal.reason);
    return new FeedError(
      'network',
      `The feed${atUrl(url)} could not be reached. Check the address, the connection, and that the feed server allows this page (CORS: Access-Control-Allow-Origin).`,
      { url, cause },
    );
  };
  try {
    let response: Response;
    try {
      response = await fetchImpl(url, { headers: { Accept: 'application/json' }, signal: controller.signal });
    } catch (e) {
      throw failed(e);
    }
    if (!response.ok) {
      throw new FeedError('http', `The feed${atUrl(url)} answered with HTTP ${response.status}.`, { status: response.status, url });
    }
    if (/^\s*text\/html/i.test(response.headers.get('content-type') ?? '')) throw htmlError(url);
    try {
      return await readText(response);
    } catch (e) {
      throw failed(e);
    }
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * The body as text, decoded while it arrives: a 40 MB national feed is then almost all
 * decoded by the time its last byte is in, instead of after it (~90 ms in Chromium).
 * The same text as `response.text()`: UTF-8, a byte order mark dropped, bad bytes as U+FFFD.
 */
async function readText(response: Response): Promise<string> {
  // Not every fetch gives a web stream (node-fetch's body is a Node stream): then all at once.
  if (typeof response.body?.pipeThrough !== 'function' || typeof TextDecoderStream !== 'function') return response.text();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text;
    text += value;
  }
}

function aborted(url: string | undefined, reason: unknown): FeedError {
  return new FeedError('aborted', `Loading the feed${atUrl(url)} was cancelled.`, { url, cause: reason });
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} seconds` : `${ms} ms`;
}

function feedUrl(src: string | URL, base: string | undefined): string {
  let url: URL;
  try {
    url = new URL(String(src), base);
  } catch {
    throw new FeedError(
      'invalid',
      base === undefined ? `The feed address "${String(src)}" is relative; pass an absolute URL or baseUrl.` : `The feed address "${String(src)}" is not a valid URL.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new FeedError('invalid', `The feed address "${String(src)}" must start with https:// or http://.`);
  }
  url.hash = '';
  return url.href;
}

function pageUrl(): string | undefined {
  const href = (globalThis as { location?: { href?: unknown } }).location?.href;
  return typeof href === 'string' ? href : undefined;
}

async function withUrl<T>(work: Promise<T>, url: string): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof FeedError && e.url === undefined) e.url = url;
    throw e;
  }
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined, url: string): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(aborted(url, signal.reason));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(aborted(url, signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
