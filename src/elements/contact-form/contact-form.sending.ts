/**
 * Everything <shg-contact-form> needs from the first press on "send" on, as one on-demand
 * chunk: the checks, the payload and its key, the POST with its time limit, the mailto:
 * fallback, and the views that follow. Imported only through on-demand.ts.
 */
export { validateControls, revalidate, inFormOrder } from './validation.js';
export { buildPayload, contentFingerprint, newIdempotencyKey } from './payload.js';
export { postContact } from './send.js';
export { mailHref } from './mail.js';
export { errorSummary, failureText, confirmNotice, mailOpenedNotice, sentView } from './send-views.js';
