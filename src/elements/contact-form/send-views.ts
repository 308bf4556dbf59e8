/**
 * What the contact form shows once the visitor pressed "send": the error summary, the question
 * to a very quick visitor, why sending failed, the note after opening the mail program, and the
 * confirmation. Loaded on demand with the rest of sending (contact-form.sending.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { FIELD_IDS, isFieldKey, type FieldErrors } from './field-rules.js';
import type { SendFailureReason } from './send.js';
import { connectionFailedText, type OfficeWays } from './notices.js';
import { headingTag as heading } from '../../internal/heading.js';

/** A link to each field; following it focuses the field (a fragment link cannot reach into a shadow root). */
/** Messages in <bdi>: an endpoint may answer in another language and direction than the page's (docs/contact-endpoint.md). */
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
                ><bdi>${message}</bdi></a
              >
            </li>`
          : html`<li><bdi>${message}</bdi></li>`,
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
      return connectionFailedText();
  }
}

export function confirmNotice(send: () => void): TemplateResult {
  return html`<div class="notice confirm" part="notice" id="shg-confirm" tabindex="-1">
    <p>
      ${msg('This form was filled in very quickly, as automated programs do. If you filled it in yourself, please confirm and your message will be sent.', { id: 'contact.confirm.text' })}
    </p>
    <p><button type="button" part="button" class="button" @click=${send}>${msg('Yes, send my message', { id: 'contact.confirm.send' })}</button></p>
  </div>`;
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
