/**
 * The last good copy of each feed, kept in the browser's Cache API so a visitor whose
 * network fails still sees the directory, marked with the date it was fetched.
 *
 * Only feeds that loaded and normalised are stored, at most `FEED_CACHE_LIMITS.feeds` of them,
 * none over `FEED_CACHE_LIMITS.bytes`. Feeds are public lists of groups: nothing a visitor
 * typed or chose is stored here. Every function feature-detects `caches` (absent in node and
 * on plain-http pages) and never throws or rejects: a broken cache must not break loading.
 */
import { FeedError } from './errors.js';

export const FEED_CACHE_NAME = 'selbsthilfe-widgets-feeds-v1';

export const FEED_CACHE_LIMITS = {
  /** Feeds kept per origin; the oldest copy goes first. */
  feeds: 5,
  /** Larger feeds are not stored (UTF-8 bytes). */
  bytes: 20 * 1024 * 1024,
  /** How long a read may take before the loader gives up on it (ms). */
  readMs: 3000,
} as const;

const FETCHED_AT = 'x-shg-fetched-at';

export interface CachedFeed {
  /** The feed's text as the server sent it. */
  text: string;
  /** When it was fetched (ISO 8601, UTC). */
  fetchedAt: string;
}

/** Whether this page can keep copies at all (the Cache API exists only in secure contexts). */
export function feedCacheAvailable(): boolean {
  try {
    return typeof caches !== 'undefined' && typeof caches.open === 'function';
  } catch {
    return false;
  }
}

/** Errors after which the last good copy is shown: the network or the server failed, not the feed. */
export function isNetworkFailure(error: unknown): boolean {
  if (!(error instanceof FeedError)) return false;
  return error.code === 'network' || error.code === 'timeout' || (error.code === 'http' && (error.status ?? 0) >= 500);
}

/** Stores the text of a feed that loaded well; resolves to whether it was stored. */
export async function storeLastGoodFeed(url: string, text: string, fetchedAt: Date = new Date()): Promise<boolean> {
  if (!feedCacheAvailable() || typeof text !== 'string' || tooLargeToStore(text)) return false;
  try {
    const cache = await caches.open(FEED_CACHE_NAME);
    const response = new Response(text, {
      headers: { 'content-type': 'application/json; charset=utf-8', [FETCHED_AT]: fetchedAt.toISOString() },
    });
    await cache.put(new Request(url), response);
    await evictOldest(cache);
    return true;
  } catch {
    return false;
  }
}

/** The last good copy of the feed at `url`, or undefined (none, no Cache API, or the cache failed). */
export async function readLastGoodFeed(url: string): Promise<CachedFeed | undefined> {
  if (!feedCacheAvailable()) return undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const giveUp = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), FEED_CACHE_LIMITS.readMs)));
  try {
    return await Promise.race([read(url), giveUp]);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/** Deletes every stored copy (for tests, or a page that must leave nothing behind). */
export async function forgetLastGoodFeeds(): Promise<void> {
  if (!feedCacheAvailable()) return;
  try {
    await caches.delete(FEED_CACHE_NAME);
  } catch {
    // Nothing stored, or storage is blocked: either way nothing is left to forget.
  }
}

async function read(url: string): Promise<CachedFeed | undefined> {
  const cache = await caches.open(FEED_CACHE_NAME);
  const response = await cache.match(new Request(url));
  if (!response) return undefined;
  const fetchedAt = validDate(response.headers.get(FETCHED_AT));
  if (!fetchedAt) return undefined;
  return { text: await response.text(), fetchedAt };
}

async function evictOldest(cache: Cache): Promise<void> {
  const keys = await cache.keys();
  if (keys.length <= FEED_CACHE_LIMITS.feeds) return;
  const dated = await Promise.all(
    keys.map(async (request) => {
      const response = await cache.match(request);
      return { request, at: Date.parse(validDate(response?.headers.get(FETCHED_AT) ?? null) ?? '') || 0 };
    }),
  );
  dated.sort((a, b) => a.at - b.at);
  for (const { request } of dated.slice(0, dated.length - FEED_CACHE_LIMITS.feeds)) await cache.delete(request);
}

function validDate(value: string | null): string | undefined {
  if (!value || Number.isNaN(Date.parse(value))) return undefined;
  return new Date(value).toISOString();
}

/** Whether the text is over the byte limit as UTF-8 (1 to 3 bytes per UTF-16 unit: only the middle range needs counting). */
function tooLargeToStore(text: string): boolean {
  const max = FEED_CACHE_LIMITS.bytes;
  if (text.length > max) return true;
  if (text.length * 3 <= max) return false;
  return new TextEncoder().encode(text).length > max;
}
