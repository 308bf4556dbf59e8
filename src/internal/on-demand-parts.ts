/**
 * The parts of one element that load on demand (see OnDemandModule): which are loading,
 * which failed, and "Try again". The element renders a placeholder while `state(part)` is
 * 'loading' and a way on when it is 'failed'; it renders again by itself when either
 * changes, and its `updateComplete` can wait for `settled()`.
 */
import type { ReactiveControllerHost } from 'lit';
import type { OnDemandModule } from './on-demand-module.js';

export type PartState = 'ready' | 'loading' | 'failed';

export class OnDemandParts {
  private readonly pending = new Map<OnDemandModule<unknown>, Promise<void>>();
  private readonly failed = new Set<OnDemandModule<unknown>>();
  private readonly failures = new Map<OnDemandModule<unknown>, number>();

  // No controller hooks: a part loads when `state()` is first asked for it (from render()).
  constructor(private readonly host: Pick<ReactiveControllerHost, 'requestUpdate'>) {}

  /** Where the part stands; a part not yet asked for starts loading now (call it from render()). */
  state(part: OnDemandModule<unknown>): PartState {
    if (part.loaded) return 'ready';
    if (this.failed.has(part)) return 'failed';
    if (!this.pending.has(part)) {
      const done = part.load().then(
        () => undefined,
        () => {
          this.failed.add(part);
          this.failures.set(part, (this.failures.get(part) ?? 0) + 1);
        },
      );
      this.pending.set(part, done);
      void done.then(() => {
        this.pending.delete(part);
        this.host.requestUpdate();
      });
    }
    return 'loading';
  }

  /** Whether any part is still loading. */
  get loading(): boolean {
    return this.pending.size > 0;
  }

  /** Resolves once no part is loading (a part may start loading while another settles). */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.all(this.pending.values());
  }

  /**
   * "Try again" after a part failed. Some browsers remember a failed module for the page's
   * lifetime, so with `reloadAfterTwo` (when the URL keeps the visitor's state) a second
   * failure loads the page again instead.
   */
  retry(part: OnDemandModule<unknown>, { reloadAfterTwo = false } = {}): void {
    if (reloadAfterTwo && (this.failures.get(part) ?? 0) >= 2) {
      location.reload();
      return;
    }
    this.failed.delete(part);
    this.host.requestUpdate();
  }
}
