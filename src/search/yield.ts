/**
 * When idle-time work (the word index, next meetings) should pause: its slice is used up,
 * or — where the browser can tell (Chromium's isInputPending) — the visitor just pressed a
 * key or clicked, so their input is handled now rather than after the slice.
 */
const scheduling = (globalThis.navigator as { scheduling?: { isInputPending?: () => boolean } } | undefined)?.scheduling;

export function shouldYield(deadline: number): boolean {
  if (deadline === Infinity) return false;
  return performance.now() >= deadline || scheduling?.isInputPending?.() === true;
}
