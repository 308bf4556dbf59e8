/**
 * The events of <shg-contact-form>, typed once for addEventListener everywhere.
 */
import type { ShgContactForm } from './contact-form.js';
import type { ContactPayload } from './payload.js';
import type { SendFailureReason, SendResponse } from './send.js';

export interface ContactSentDetail {
  payload: ContactPayload;
  response: SendResponse;
}
export interface ContactSendErrorDetail {
  payload: ContactPayload;
  /** The HTTP status, when the endpoint answered. */
  status?: number;
  reason: SendFailureReason;
}

declare global {
  interface HTMLElementTagNameMap {
    'shg-contact-form': ShgContactForm;
  }
  interface GlobalEventHandlersEventMap {
    'shg-submit': CustomEvent<ContactPayload>;
    'shg-sent': CustomEvent<ContactSentDetail>;
    'shg-send-error': CustomEvent<ContactSendErrorDetail>;
  }
}
declare module '../../internal/shg-element.js' {
  interface ShgEventMap {
    'shg-submit': CustomEvent<ContactPayload>;
    'shg-sent': CustomEvent<ContactSentDetail>;
    'shg-send-error': CustomEvent<ContactSendErrorDetail>;
  }
}

