/**
 * The form itself: heading, error summary, the fields, the notice of the moment, and the
 * buttons. A plain function of what the element decided, so the class keeps the behaviour.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { renderFields, type FieldContext } from './fields.js';
import { connectionFailedText, discardQuestion, failureNotice, mailNotice, type OfficeWays } from './notices.js';
import { headingTag as heading } from '../../internal/heading.js';
import type { Delivery } from './office.js';
import type { SendFailureReason } from './send.js';
import type { FieldErrors } from './field-rules.js';
import type { OnDemand } from './on-demand.js';

export type ContactFormStatus = 'editing' | 'confirm' | 'sending' | 'sent' | 'failed' | 'mail-opened';

export interface FormView {
  phase: ContactFormStatus;
  delivery: Exclude<Delivery, { kind: 'none' }>;
  level: number;
  officeName: string;
  /** The errors to list in the summary, or undefined when it is not shown. */
  summary?: FieldErrors;
  fields: FieldContext;
  failure: SendFailureReason;
  ways: OfficeWays;
  mailHref: string;
  canDiscard: boolean;
  discardAsked: boolean;
  onSubmit: (e: Event) => void;
  focusField: (id: string) => void;
  confirm: () => void;
  retry: () => void;
  askDiscard: () => void;
  discard: () => void;
  keep: () => void;
  /** "Send" was pressed and the sending code is still loading: busy, but nothing sent yet. */
  waiting?: boolean;
  /** The views after "send", once loaded. Every phase but editing comes after they loaded, except "failed" when they could not. */
  views?: OnDemand;
}

export function renderForm(v: FormView): TemplateResult {
  const sending = v.phase === 'sending';
  const busy = sending || v.waiting === true;
  const submitLabel = busy
    ? msg('Sending…', { id: 'contact.sending' })
    : v.delivery.kind === 'mail'
      ? msg('Write the email', { id: 'contact.submit-mail' })
      : msg('Send message', { id: 'contact.submit' });
  return html`${heading(v.level, msg('Get in touch', { id: 'contact.title' }), 'shg-form-title')}
    <p class="intro">${msg(str`With this form you write to ${v.officeName}. The team will get back to you personally.`, { id: 'contact.intro' })}</p>
    ${v.views && v.summary && Object.keys(v.summary).length ? v.views.errorSummary(v.summary, v.level + 1, v.focusField) : nothing}
    <form part="form" novalidate aria-labelledby="shg-form-title" aria-busy=${busy ? 'true' : 'false'} @submit=${v.onSubmit}>
      <fieldset class="fields" ?disabled=${sending}>${renderFields(v.fields)}</fieldset>
      ${v.delivery.kind === 'mail' ? mailNotice(v.delivery.address) : nothing}
      ${v.views && v.phase === 'confirm' ? v.views.confirmNotice(v.confirm) : nothing}
      ${v.phase === 'failed' ? failureNotice(v.views ? v.views.failureText(v.failure) : connectionFailedText(), v.ways, v.retry) : nothing}
      ${v.views && v.phase === 'mail-opened' && v.delivery.kind === 'mail' ? v.views.mailOpenedNotice(v.mailHref, v.delivery.address) : nothing}
      <div class="actions">
        <button type="submit" id="shg-submit" part="button submit-button" class="button" aria-disabled=${busy ? 'true' : 'false'}>${submitLabel}</button>
        ${v.canDiscard && !sending
          ? html`<button type="button" part="button" class="link-button" @click=${v.askDiscard}>${msg('Discard message', { id: 'contact.discard' })}</button>`
          : nothing}
      </div>
      ${v.discardAsked ? discardQuestion(v.discard, v.keep) : nothing}
    </form>`;
}
