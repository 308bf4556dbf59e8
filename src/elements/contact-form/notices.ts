/**
 * What the contact form says around its fields before anything is sent: the notice for mail
 * mode, the question before discarding, the office's other ways, and the failure notice (also
 * shown when the code for sending cannot be loaded). Calm, short, and always with a next step;
 * the office's phone is the way out of every failure. The views after "send" are in send-views.ts.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { officeLinks, type OfficeWays } from '../../internal/office-contact.js';

export type { OfficeWays };

/** Why sending failed when the connection did: also all we know when the code for sending did not arrive. */
export function connectionFailedText(): string {
  return msg('The message could not be sent because the connection failed. Please try again.', { id: 'contact.failed.network' });
}

/** "You can also call the office: …" – the way that works when the form does not. */
export function otherWays(ways: OfficeWays): TemplateResult | typeof nothing {
  if (!ways.phone && !ways.email) return nothing;
  return html`<p class="other-ways">
    ${ways.phone ? msg('You can also call the contact office:', { id: 'contact.other.phone' }) : msg('You can also write to the contact office:', { id: 'contact.other.email' })}
    ${officeLinks(ways)}
  </p>`;
}

/** `why` says what went wrong and what to do (failureText in send-views.ts, or connectionFailedText). */
export function failureNotice(why: string, ways: OfficeWays, retry: () => void): TemplateResult {
  return html`<div class="notice failed" part="error" id="shg-failure" tabindex="-1">
    <p><strong>${msg('Your message has not been sent yet.', { id: 'contact.failed.title' })}</strong> ${why}</p>
    <p>${msg('What you wrote is still here.', { id: 'contact.failed.kept' })}</p>
    <p><button type="button" part="button retry-button" class="button" @click=${retry}>${msg('Try again', { id: 'contact.retry' })}</button></p>
    ${otherWays(ways)}
  </div>`;
}

export function mailNotice(address: string): TemplateResult {
  return html`<p class="notice mail" part="notice" id="shg-mail-note">
    ${msg(str`This form opens your email program with the message prepared for ${address}. Nothing is sent until you send that email.`, { id: 'contact.mail.note' })}
  </p>`;
}

export function discardQuestion(yes: () => void, no: () => void): TemplateResult {
  return html`<div class="notice discard" part="notice" role="group" aria-labelledby="shg-discard-question">
    <p id="shg-discard-question" tabindex="-1">${msg('Delete everything you have written in this form?', { id: 'contact.discard.question' })}</p>
    <p class="actions">
      <button type="button" part="button" class="button" @click=${yes}>${msg('Yes, delete it', { id: 'contact.discard.yes' })}</button>
      <button type="button" part="button" class="button secondary" @click=${no}>${msg('No, keep it', { id: 'contact.discard.no' })}</button>
    </p>
  </div>`;
}
