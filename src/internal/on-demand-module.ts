/**
 * A part of an element that loads on first need (a dynamic import), once per page; a
 * failed load is forgotten, so the next need tries again. `source` is the one place the
 * import happens: tests swap it to simulate a dead connection.
 */
export class OnDemandModule<M> {
  private module?: M;
  private loading?: Promise<M>;

  constructor(public source: () => Promise<M>) {}

  /** The module once it is here, else undefined (render from it synchronously). */
  get loaded(): M | undefined {
    return this.module;
  }

  load(): Promise<M> {
    this.loading ??= this.source().then(
      (module) => (this.module = module),
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }

  /** Starts loading without waiting (a visitor points at what needs it). */
  preload(): void {
    this.load().catch(() => undefined);
  }

  /** Forgets the module, so that a test can load it again. */
  forget(): void {
    this.module = undefined;
    this.loading = undefined;
  }
}
