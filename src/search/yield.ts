/**
 * When idle-time work (the word index, next meetings) should pause: its slice is used up,
 * or — where the browser can tell (Chromium's isInputPending) — the visitor just pressed a
 * key or clicked, so their input is handled now rather than after the slice.
 */
const scheduling = (globalThis.navigator as { scheduling?: { isInputPending?: () => boolean } } | undefined)?.scheduling;

/** Whether this browser can tell of pending input at all. */
export const seesPendingInput = typeof scheduling?.isInputPending === 'function';

export function shouldYield(deadline: number): boolean {
  if (deadline === Infinity) return false;
  return performance.now() >= deadline || (seesPendingInput && scheduling!.isInputPending!());
}
