/**
 * The group view (finder-detail.ts) loads on demand: most visits search and never open a
 * group, so its code is not part of the first download. Loading starts when a visitor
 * points at or focuses a card, or opens a group; a failed load may be tried again.
 */
type DetailModule = typeof import('./finder-detail.js');

/** Where the group view's code comes from; tests swap it to simulate a failed download.  @internal */
export const detailSource = { load: (): Promise<DetailModule> => import('./finder-detail.js') };

let loaded: DetailModule | undefined;
let loading: Promise<DetailModule> | undefined;

/** The group view's module once it is here, else undefined. */
export function detailView(): DetailModule | undefined {
  return loaded;
}

/** Loads the group view (once); a failure is forgotten so the next call tries again. */
export function loadDetailView(): Promise<DetailModule> {
  loading ??= detailSource.load().then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Forgets the loaded view, so a test can load it again.  @internal */
export function forgetDetailView(): void {
  loaded = undefined;
  loading = undefined;
}
