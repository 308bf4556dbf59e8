import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FeedError } from '../feed/errors.js';
import { loadDirectory, type DirectorySource } from '../feed/load.js';
import type { Directory, FeedProblem } from '../feed/types.js';

export type DirectoryState = 'idle' | 'loading' | 'ready' | 'error';

/** Detail of `shg-error`: a feed that could not be read (`error`), or records that were dropped (`problems`). */
export interface FeedErrorDetail {
  error?: FeedError;
  problems: FeedProblem[];
  src?: string;
}

interface DirectoryHost extends ReactiveControllerHost, HTMLElement {
  src?: string;
  feed?: unknown;
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

  private generation = 0;
  private abort?: AbortController;
  private lastKey?: unknown;
  private reported = new WeakSet<Directory>();

  constructor(private readonly host: DirectoryHost) {
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
    const key = source && ('src' in source ? source.src : 'feed' in source ? source.feed : source.json);
    if (key === this.lastKey) return;
    this.lastKey = key;
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
    this.state = 'loading';
    this.error = undefined;
    this.host.requestUpdate();
    try {
      // A developer may hand over a Promise of the feed while fetching it themselves.
      if ('feed' in source && typeof (source.feed as PromiseLike<unknown>)?.then === 'function') {
        source = { feed: await (source.feed as PromiseLike<unknown>) };
        if (generation !== this.generation) return;
      }
      const directory = await loadDirectory(source, { signal: abort.signal, reload });
      if (generation !== this.generation) return;
      this.directory = directory;
      this.state = 'ready';
      this.reportProblems(directory, source);
    } catch (e) {
      if (generation !== this.generation) return;
      const error = e instanceof FeedError ? e : new FeedError('invalid', String((e as Error)?.message ?? e));
      if (error.code === 'aborted') return;
      // A failed refresh keeps a working directory on screen.
      if (this.directory && reload) this.state = 'ready';
      else this.state = 'error';
      this.error = error;
      console.error(`selbsthilfe-widgets: ${error.message}`);
      this.dispatch({ error, problems: [], src: 'src' in source ? String(source.src) : undefined });
    }
    this.host.requestUpdate();
  }

  private reportProblems(directory: Directory, source: DirectorySource): void {
    const errors = directory.problems;
    if (!errors.length || this.reported.has(directory)) return;
    this.reported.add(directory);
    const lines = errors.slice(0, 20).map((p) => `  ${p.severity}: ${p.path ? `${p.path}: ` : ''}${p.message}`);
    const more = errors.length > 20 ? `\n  … and ${errors.length - 20} more` : '';
    console.warn(`selbsthilfe-widgets: the feed has ${errors.length} problem(s):\n${lines.join('\n')}${more}`);
    this.dispatch({ problems: errors, src: 'src' in source ? String(source.src) : undefined });
  }

  private dispatch(detail: FeedErrorDetail): void {
    this.host.dispatchEvent(new CustomEvent('shg-error', { detail, bubbles: true, composed: true }));
  }
}
