/**
 * What the contact form says around its fields: the error summary, the notices for a failed
 * send, a quick fill and mail mode, and the confirmation after sending. Calm, short, and
 * always with a next step; the office's phone is the way out of every failure.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { FIELD_IDS, isFieldKey, type FieldErrors } from './validation.js';
import type { SendFailureReason } from './send.js';
import { headingTag as heading } from '../../internal/heading.js';
import { officeLinks, type OfficeWays } from '../../internal/office-contact.js';

export type { OfficeWays };


/** A link to each field; following it focuses the field (a fragment link cannot reach into a shadow root). */
export function errorSummary(errors: FieldErrors, level: number, focusField: (id: string) => void): TemplateResult {
  return html`<div class="summary" part="error-summary" id="shg-summary" tabindex="-1" role="group" aria-labelledby="shg-summary-title">
    ${heading(level, msg('Please check the following:', { id: 'contact.summary.title' }), 'shg-summary-title')}
    <ul>
      ${Object.entries(errors).map(([key, message]) =>
        isFieldKey(key)
          ? html`<li>
              <a
                href="#${FIELD_IDS[key]}"
                @click=${(e: Event) => {
                  e.preventDefault();
                  focusField(FIELD_IDS[key]);
                }}
                >${message}</a
              >
            </li>`
          : html`<li>${message}</li>`,
      )}
    </ul>
  </div>`;
}

export function failureText(reason: SendFailureReason): string {
  switch (reason) {
    case 'offline':
      return msg('Your device seems to be offline, so the message has not been sent yet. Please check your connection and try again.', { id: 'contact.failed.offline' });
    case 'timeout':
      return msg('The contact office did not answer in time. Please try again: your message will not arrive twice.', { id: 'contact.failed.timeout' });
    case 'rate-limited':
      return msg('The contact office is receiving many messages right now. Please wait a minute and try again.', { id: 'contact.failed.busy' });
    case 'server':
      return msg('The contact office cannot receive messages at the moment. Please try again in a few minutes.', { id: 'contact.failed.server' });
    case 'rejected':
      return msg('The contact office could not accept the message. Please try again later or get in touch by phone.', { id: 'contact.failed.rejected' });
    default:
      return msg('The message could not be sent because the connection failed. Please try again.', { id: 'contact.failed.network' });
  }
}


/** "You can also call the office: …" – the way that works when the form does not. */
export function otherWays(ways: OfficeWays): TemplateResult | typeof nothing {
  if (!ways.phone && !ways.email) return nothing;
  return html`<p class="other-ways">
    ${ways.phone ? msg('You can also call the contact office:', { id: 'contact.other.phone' }) : msg('You can also write to the contact office:', { id: 'contact.other.email' })}
    ${officeLinks(ways)}
  </p>`;
}

export function failureNotice(reason: SendFailureReason, ways: OfficeWays, retry: () => void): TemplateResult {
  return html`<div class="notice failed" part="error" id="shg-failure" tabindex="-1">
    <p><strong>${msg('Your message has not been sent yet.', { id: 'contact.failed.title' })}</strong> ${failureText(reason)}</p>
    <p>${msg('What you wrote is still here.', { id: 'contact.failed.kept' })}</p>
    <p><button type="button" part="button retry-button" class="button" @click=${retry}>${msg('Try again', { id: 'contact.retry' })}</button></p>
    ${otherWays(ways)}
  </div>`;
}

export function confirmNotice(send: () => void): TemplateResult {
  return html`<div class="notice confirm" part="notice" id="shg-confirm" tabindex="-1">
    <p>
      ${msg('This form was filled in very quickly, as automated programs do. If you filled it in yourself, please confirm and your message will be sent.', { id: 'contact.confirm.text' })}
    </p>
    <p><button type="button" part="button" class="button" @click=${send}>${msg('Yes, send my message', { id: 'contact.confirm.send' })}</button></p>
  </div>`;
}

export function mailNotice(address: string): TemplateResult {
  return html`<p class="notice mail" part="notice" id="shg-mail-note">
    ${msg(str`This form opens your email program with the message prepared for ${address}. Nothing is sent until you send that email.`, { id: 'contact.mail.note' })}
  </p>`;
}

export function mailOpenedNotice(href: string, address: string): TemplateResult {
  return html`<div class="notice" part="notice" id="shg-mail-opened" tabindex="-1">
    <p>${msg('Your email program should now show the prepared message. Please send it from there.', { id: 'contact.mail.opened' })}</p>
    <p>
      ${msg('If no email program opened:', { id: 'contact.mail.fallback' })}
      <a id="shg-mail-link" href=${href}>${msg(str`write to ${address}`, { id: 'contact.mail.link' })}</a>
    </p>
  </div>`;
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

export interface SentInfo {
  officeName: string;
  replyTime?: TemplateResult | typeof nothing;
  ways: OfficeWays;
}

export function sentView(info: SentInfo, level: number, again: () => void): TemplateResult {
  return html`<div class="sent" part="sent">
    ${heading(level, msg('Thank you. Your message has been sent.', { id: 'contact.sent.title' }), 'shg-sent-title')}
    <p>${msg(str`${info.officeName} will read it and get back to you personally.`, { id: 'contact.sent.next' })}</p>
    ${info.replyTime && info.replyTime !== nothing ? html`<p>${msg('How long a reply usually takes:', { id: 'contact.sent.reply-time' })} ${info.replyTime}</p>` : nothing}
    <p>${msg('The form has been cleared, and nothing of your message is kept in this browser.', { id: 'contact.sent.cleared' })}</p>
    ${info.ways.phone
      ? html`<p class="other-ways">
          ${msg('If it is urgent, please call the contact office:', { id: 'contact.sent.urgent' })}
          <a href="tel:${info.ways.phone}" dir="ltr">${info.ways.phoneLabel ?? info.ways.phone}</a>
        </p>`
      : nothing}
    <p><button type="button" part="button" class="button secondary" @click=${again}>${msg('Write another message', { id: 'contact.sent.again' })}</button></p>
  </div>`;
}
