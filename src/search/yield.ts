/**
 * Scheduling of idle-time work (the word index, next meetings, warm-ups). `shouldYield`: when
 * such work should pause: its slice is used up,
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

export interface IdleDeadlineLike {
  timeRemaining(): number;
  didTimeout: boolean;
}

/**
 * Runs `fn` when the page is idle, at the latest after `timeoutMs`. Without idle callbacks
 * (Safari), after the next frame: a task posted from requestAnimationFrame runs after the paint.
 */
export function whenIdle(fn: (deadline?: IdleDeadlineLike) => void, timeoutMs = 1000): void {
  const idle = (globalThis as { requestIdleCallback?: (fn: (d: IdleDeadlineLike) => void, o: object) => number }).requestIdleCallback;
  if (typeof idle === 'function') idle(fn, { timeout: timeoutMs });
  else if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(fn, 0));
  else setTimeout(fn, 0);
}
