import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FeedError } from '../feed/errors.js';
import { fetchFeedText, loadDirectory, parseFeedJsonLazily, type DirectorySource } from '../feed/load.js';
import type { Directory, FeedProblem } from '../feed/types.js';

export type DirectoryState = 'idle' | 'loading' | 'ready' | 'error';

/**
 * Detail of `shg-error`: a feed that could not be read (`error`), or records that were dropped
 * (`problems`). With `stale`, the feed failed but the element shows the last good copy from that date.
 */
export interface FeedErrorDetail {
  error?: FeedError;
  problems: FeedProblem[];
  src?: string;
  stale?: { fetchedAt: string };
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** A feed could not be read, or records were dropped (every shg-* element that loads a feed). */
    'shg-error': CustomEvent<FeedErrorDetail>;
  }
}

interface DirectoryHost extends ReactiveControllerHost, HTMLElement {
  src?: string;
  feed?: unknown;
  /** Time limit for fetching the feed in ms (an element's `feed-timeout`); the loader's default when unset. */
  feedTimeout?: number;
  /** The feed's format when it is not this library's own (`meeting-guide`, `hsds`). */
  format?: string;
}

/**
 * Loads the directory for an element from its `src`, its `feed` property or an
 * inline `<script type="application/json">` child, and tells the page author
 * (console + `shg-error`) what went wrong, while the element shows the visitor
 * one calm sentence.
 */
export class DirectoryController implements ReactiveController {
  state: DirectoryState = 'idle';
  directory?: Directory;
  error?: FeedError;
  /**
   * While a large directory is read (state `loading`), its first stage, for hosts that asked
   * for it: groups with id, name and status only (see `readInFull`). Gone once it is ready.
   */
  early?: Directory;

  private generation = 0;
  private abort?: AbortController;
  private lastKey?: unknown;
  private lastFormat?: string;
  // The source the current directory came from: only a retry of that source may keep it.
  private directoryKey?: unknown;
  private reported = new WeakSet<Directory>();

  constructor(
    private readonly host: DirectoryHost,
    private readonly options: { early?: boolean } = {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.lastKey = undefined;
  }

  /** Loads again when the source changed (call from willUpdate). */
  sync(): void {
    const source = this.source();
    const key = keyOf(source);
    // Compared by identity: a new feed object is a new directory, even with equal text.
    if (key === this.lastKey && this.host.format === this.lastFormat) return;
    this.lastKey = key;
    this.lastFormat = this.host.format;
    void this.load(source);
  }

  /** Fetches the feed again (the retry button). */
  retry(): Promise<void> {
    return this.load(this.source(), true);
  }

  private source(): DirectorySource | undefined {
    if (this.host.feed !== undefined && this.host.feed !== null) return { feed: this.host.feed };
    if (this.host.src) return { src: new URL(this.host.src, document.baseURI).href };
    const inline = this.host.querySelector(':scope > script[type="application/json"]');
    if (inline) return { json: inline.textContent ?? '' };
    return undefined;
  }

  private async load(source: DirectorySource | undefined, reload = false): Promise<void> {
    this.abort?.abort();
    const generation = ++this.generation;
    if (!source) {
      this.state = 'idle';
      this.host.requestUpdate();
      return;
    }
    const abort = (this.abort = new AbortController());
    this.early = undefined;
    const key = keyOf(source);
    // A retry of the source on screen keeps it there: a failed refresh never blanks a working element.
    const refreshing = reload && this.directory !== undefined && this.directoryKey === key;
    if (!refreshing) this.state = 'loading';
    this.error = undefined;
    this.host.requestUpdate();
    try {
      // A developer may hand over a Promise of the feed while fetching it themselves.
      if ('feed' in source && typeof (source.feed as PromiseLike<unknown>)?.then === 'function') {
        source = { feed: await (source.feed as PromiseLike<unknown>) };
        if (generation !== this.generation) return;
      }
      // Without another format, no await before the request: it goes out before the first render.
      const format = this.host.format;
      const adapted = format && format !== 'feed' ? await this.adapt(source, format, abort.signal) : undefined;
      if (generation !== this.generation) return;
      const onEarly = this.options.early && !refreshing ? (early: Directory) => this.showEarly(early, generation) : undefined;
      const directory = await loadDirectory(adapted?.source ?? source, { signal: abort.signal, reload, timeoutMs: this.timeoutMs(), onEarly });
      if (adapted?.problems.length) directory.problems.unshift(...adapted.problems);
      if (generation !== this.generation) return;
      this.early = undefined;
      this.directory = directory;
      this.directoryKey = key;
      this.state = 'ready';
      this.report(directory, source);
    } catch (e) {
      if (generation !== this.generation) return;
      this.early = undefined;
      const error = e instanceof FeedError ? e : new FeedError('invalid', String((e as Error)?.message ?? e));
      if (error.code === 'aborted') return;
      this.state = refreshing ? 'ready' : 'error';
      this.error = error;
      console.error(`selbsthilfe-widgets: ${error.message}`);
      this.dispatch({ error, problems: [], src: srcOf(source) });
    }
    this.host.requestUpdate();
  }

  private showEarly(early: Directory, generation: number): void {
    if (generation !== this.generation || this.state !== 'loading') return;
    this.early = early;
    this.host.requestUpdate();
  }

  /**
   * Another directory format (`format="meeting-guide"`) goes through its adapter first.
   * The adapters load only when a page asks for them, so the core bundle stays small.
   */
  private async adapt(source: DirectorySource, format: string, signal: AbortSignal): Promise<{ source: DirectorySource; problems: FeedProblem[] }> {
    const { adaptFeed } = await import('../feed/adapters/index.js');
    let data: unknown;
    if ('src' in source) data = await parseFeedJsonLazily(await fetchFeedText(String(source.src), { signal, timeoutMs: this.timeoutMs() }), String(source.src));
    else if ('json' in source) data = await parseFeedJsonLazily(source.json);
    else data = source.feed;
    const { feed, problems } = adaptFeed(format, data);
    return { source: { feed }, problems };
  }

  private timeoutMs(): number | undefined {
    const ms = Number(this.host.feedTimeout);
    return Number.isFinite(ms) && ms > 0 ? ms : undefined;
  }

  private report(directory: Directory, source: DirectorySource): void {
    if (this.reported.has(directory)) return;
    this.reported.add(directory);
    if (directory.stale) {
      const { error, fetchedAt } = directory.stale;
      console.error(`selbsthilfe-widgets: ${error.message} Showing the copy this browser kept from ${fetchedAt}.`);
      this.dispatch({ error, problems: [], src: srcOf(source), stale: { fetchedAt } });
    }
    this.reportProblems(directory, source);
  }

  private reportProblems(directory: Directory, source: DirectorySource): void {
    const errors = directory.problems;
    if (!errors.length) return;
    const lines = errors.slice(0, 20).map((p) => `  ${p.severity}: ${p.path ? `${p.path}: ` : ''}${p.message}`);
    const more = errors.length > 20 ? `\n  … and ${errors.length - 20} more` : '';
    console.warn(`selbsthilfe-widgets: the feed has ${errors.length} problem(s):\n${lines.join('\n')}${more}`);
    this.dispatch({ problems: errors, src: srcOf(source) });
  }

  private dispatch(detail: FeedErrorDetail): void {
    this.host.dispatchEvent(new CustomEvent('shg-error', { detail, bubbles: true, composed: true }));
  }
}

function keyOf(source: DirectorySource | undefined): unknown {
  return source && ('src' in source ? source.src : 'feed' in source ? source.feed : source.json);
}

function srcOf(source: DirectorySource): string | undefined {
  return 'src' in source ? String(source.src) : undefined;
}
