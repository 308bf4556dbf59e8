/**
 * Loads the part of the contact form that runs only once the visitor presses "send"
 * (contact-form.sending.ts), so the first paint of every page does not carry it. Loading
 * starts when the visitor turns to the form (focus or typing), so it is there by the time
 * they send; a press on "send" before that waits for it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { OnDemandModule } from '../../internal/on-demand-module.js';

export type OnDemand = typeof import('./contact-form.sending.js');

/** The sending code, loaded once per page; tests swap its `source` to simulate a dead connection. */
export const sendingCode = new OnDemandModule<OnDemand>(() => import('./contact-form.sending.js'));

export class OnDemandController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** The loaded code, once it is there: the views after "send" render from it synchronously. */
  get code(): OnDemand | undefined {
    return sendingCode.loaded;
  }

  hostConnected(): void {
    if (this.code) return;
    // Focus and input events from the shadow root are composed: they reach the host.
    this.host.addEventListener('focusin', this.prepare);
    this.host.addEventListener('input', this.prepare);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('focusin', this.prepare);
    this.host.removeEventListener('input', this.prepare);
  }

  /** Starts loading early, once: if that fails (no connection), the next press on "send" tries again, not every keystroke. */
  private readonly prepare = () => {
    this.hostDisconnected();
    sendingCode.preload();
  };

  /** The code, loading it once; a failed load is forgotten, so the next try asks again. */
  load(): Promise<OnDemand> {
    return sendingCode.load();
  }
}
