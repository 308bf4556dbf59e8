import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { Directory } from '../../feed/types.js';
import { DirectoryController } from '../../internal/directory-controller.js';
import { ShgElement } from '../../internal/shg-element.js';
import { stateViews } from '../../internal/state-views.js';
import { feedText } from '../../internal/text.js';
import { emptyValues, hasContent, type ContactValues } from './values.js';
import type { ContactPayload } from './payload.js';
import { clearDraft, draftKey, loadDraft, saveDraft } from './draft.js';
import type { SendFailureReason, SendOutcome, SendResponse } from './send.js';
import type { FieldErrors } from './field-rules.js';
import type { GroupOption } from './fields.js';
import { otherWays } from './notices.js';
import { renderForm, type ContactFormStatus } from './form-view.js';
import { consentText, deliveryFor, effectiveValues, groupOptions, languageOptions, officeName, officeWays, privacyUrlFor, type Delivery } from './office.js';
import { OnDemandController, type OnDemand } from './on-demand.js';
import { contactFormStyles } from './contact-form.styles.js';

export type { ContactValues } from './values.js';
export type { ContactPayload } from './payload.js';
export type { SendFailureReason, SendResponse } from './send.js';
export type { ContactSentDetail, ContactSendErrorDetail } from './events.js';
export type { ContactFormStatus } from './form-view.js';

/**
 * A contact form to the self-help contact office: asks little, explains who reads the
 * message and why, gets explicit consent, and never loses what the visitor wrote.
 *
 * @summary The contact form: the first step a person takes towards a self-help group.
 * @tagname shg-contact-form
 *
 * @fires shg-submit - The visitor sends a valid message. Cancelable: cancel it to send `detail` (the payload) your own way.
 * @fires shg-sent - The endpoint accepted the message. `detail: { payload, response }`.
 * @fires shg-send-error - Sending failed or the endpoint reported field errors. `detail: { payload, status?, reason }`.
 * @fires shg-error - The feed could not be read (`detail.error`) or records were dropped (`detail.problems`).
 *
 * @slot - An optional `<script type="application/json">` with the feed inline.
 *
 * @csspart base - The wrapper around everything.
 * @csspart form - The `<form>`.
 * @csspart input - Every text field and select.
 * @csspart field-error - An error message at a field.
 * @csspart error-summary - The list of problems shown after a failed attempt.
 * @csspart consent - The consent box and the privacy link.
 * @csspart notice - Mail mode, quick-fill and discard notices.
 * @csspart button - Every button.
 * @csspart submit-button - The send button.
 * @csspart retry-button - "Try again" after a failure.
 * @csspart sent - The confirmation after sending.
 * @csspart status - Loading and "not available" messages.
 * @csspart error - Why a message could not be sent; also the feed error.
 *
 * @cssprop [--shg-font-family=inherit] - Font of the element.
 * @cssprop [--shg-color-text=currentColor] - Text colour.
 * @cssprop [--shg-color-muted=#4a4a4a] - Hints.
 * @cssprop [--shg-color-surface=Canvas] - Background of fields and notices.
 * @cssprop [--shg-color-border=#767676] - Borders of fields.
 * @cssprop [--shg-color-accent=#0b5cad] - Links, buttons and focus ring.
 * @cssprop [--shg-color-accent-contrast=#fff] - Text on accent-coloured buttons.
 * @cssprop [--shg-color-error=#a4262c] - Error messages and the border of invalid fields.
 * @cssprop [--shg-radius=0.5rem] - Corner radius of fields and buttons.
 * @cssprop [--shg-space=1rem] - The base spacing unit.
 */
@localized()
export class ShgContactForm extends ShgElement {
  static override styles = contactFormStyles;

  /** URL of the directory feed (JSON): the groups to choose from and the office's details. */
  @property() src?: string;
  /** The feed as an object, instead of `src`. */
  @property({ attribute: false }) feed?: unknown;
  /** The format of the feed at `src`: `feed` (this library's, the default), `meeting-guide` (12-Step Meeting List JSON) or `hsds` (Open Referral HSDS 3). */
  @property() format?: string;
  /** Time limit for loading the feed, in milliseconds (default 10000). */
  @property({ type: Number, attribute: 'feed-timeout' }) feedTimeout?: number;
  /** Where messages are posted (https, or a path on this site; `mailto:` for mail mode). Default: the feed's `office.contactEndpoint`. */
  @property() action?: string;
  /** Overrides the feed's `office.privacyUrl` for the consent text's link. */
  @property({ attribute: 'privacy-url' }) privacyUrl?: string;
  /** The level of the element's headings (2 = like `<h2>`), so it fits the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /** The office's phone number, offered whenever sending fails. Default: the feed's `office.phone`. */
  @property({ attribute: 'office-phone' }) officePhone?: string;
  /** Milliseconds to wait for the endpoint before offering a retry (0: no limit). */
  @property({ type: Number }) timeout = 15000;
  /** Milliseconds a person needs at least; a quicker fill asks to confirm (it never drops the message). */
  @property({ type: Number, attribute: 'min-fill-time' }) minFillTime = 3000;

  /** The preselected group's id. The group finder sets it when it hands off; `?shg-group=` in the URL does too. */
  @property()
  get group(): string | undefined {
    return this._group;
  }
  set group(value: string | undefined) {
    const old = this._group;
    this._group = value ?? undefined;
    // Applied every time, also to the same id: the visitor may have changed the select since.
    if (this.restored && value) {
      this.values = { ...this.values, group: value };
      if (this.phase === 'sent') this.phase = 'editing';
      this.persist();
    }
    this.requestUpdate('group', old);
  }
  private _group?: string;

  @state() private values: ContactValues = emptyValues();
  @state() private consent = false;
  @state() private errors: FieldErrors = {};
  @state() private showSummary = false;
  @state() private phase: ContactFormStatus = 'editing';
  @state() private failure: SendFailureReason = 'network';
  @state() private discardAsked = false;
  @state() private mailHref = '';
  @state() private announcement = '';

  private readonly data = new DirectoryController(this);
  // Validation, sending and the views after "send" load on demand (issue 7: not in the first paint).
  private readonly onDemand = new OnDemandController(this);
  /** A send waiting for that code: `updateComplete` waits for it too, so what follows is on screen. */
  /** Set while a press on "send" waits for the sending code: the form is busy meanwhile. */
  @state() private waitingForCode?: Promise<unknown>;
  private consentGivenAt?: string;
  private startedAt = Date.now();
  private pending?: { key: string; fingerprint: string };
  private urlGroup?: string;
  private restored = false;
  private busy = false;
  private humanConfirmed = false;
  private focusAfterRender?: string;
  private wantsFocus?: FocusOptions;
  private openMailLink = false;

  /** The loaded directory, once the feed is ready. */
  get directory(): Directory | undefined {
    return this.data.directory;
  }

  /** Where the form is at, for page scripts and tests. */
  get status(): ContactFormStatus {
    return this.phase;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.restored) this.restore();
  }

  /** Restores the draft of this tab; a group in the URL or from the hand-off wins over the draft's. */
  private restore(): void {
    this.restored = true;
    this.urlGroup = new URL(location.href).searchParams.get('shg-group') || undefined;
    const draft = loadDraft(this.storageKey);
    const values = { ...emptyValues(), ...draft?.values, website: '' };
    if (this.urlGroup && draft?.urlGroup !== this.urlGroup) values.group = this.urlGroup;
    else if (!values.group && this.group) values.group = this.group;
    this.values = values;
    if (draft) {
      this.startedAt = draft.startedAt;
      this.pending = draft.pending;
    }
  }

  private get storageKey(): string {
    return draftKey(this.id || 'shg-contact-form');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('src') || changed.has('feed') || changed.has('format')) this.data.sync();
  }

  /** Moves focus to the first field (the group), once the form is there. */
  override focus(options?: FocusOptions): void {
    this.wantsFocus = options ?? {};
    this.requestUpdate();
  }

  protected override getUpdateComplete(): Promise<boolean> {
    const waiting = this.waitingForCode;
    if (!waiting) return super.getUpdateComplete();
    const then = () => super.getUpdateComplete();
    return waiting.then(then, then);
  }

  protected override updated(): void {
    if (this.openMailLink) {
      this.openMailLink = false;
      // A real link click: the browser hands the mailto: URL to the visitor's mail program.
      this.renderRoot.querySelector<HTMLAnchorElement>('#shg-mail-link')?.click();
    }
    if (this.focusAfterRender) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.focusAfterRender);
      if (target) {
        this.focusAfterRender = undefined;
        target.focus();
        target.scrollIntoView?.({ block: 'nearest' });
      }
    }
    if (this.wantsFocus) {
      const first = this.renderRoot.querySelector<HTMLElement>('#shg-group');
      if (first) {
        first.focus(this.wantsFocus);
        this.wantsFocus = undefined;
      }
    }
  }

  /** Validates and sends; the submit button, Enter in a field and "Try again" all come here. */
  async submit(): Promise<void> {
    if (this.busy || this.phase === 'sent') return;
    let code = this.onDemand.code;
    if (!code) {
      // Usually loaded since the visitor first focused the form; otherwise this press waits for it.
      this.busy = true;
      const loading = this.onDemand.load();
      this.waitingForCode = loading;
      try {
        code = await loading;
      } catch {
        return this.codeMissing();
      } finally {
        this.busy = false;
        this.waitingForCode = undefined;
      }
    }
    const form = this.renderRoot.querySelector('form');
    if (!form) return;
    const errors = code.validateControls(form);
    this.discardAsked = false;
    if (Object.keys(errors).length) {
      this.errors = errors;
      this.showSummary = true;
      if (this.phase !== 'failed') this.phase = 'editing';
      this.focusAfterRender = '#shg-summary';
      return;
    }
    this.errors = {};
    this.showSummary = false;
    const tooQuick = Date.now() - this.startedAt < this.minFillTime;
    if ((tooQuick || this.values.website.trim() !== '') && !this.humanConfirmed) {
      this.phase = 'confirm';
      this.focusAfterRender = '#shg-confirm';
      return;
    }
    const payload = this.buildPayload(code);
    if (!this.emit('shg-submit', payload, { cancelable: true })) return;
    const delivery = this.delivery();
    if (delivery.kind === 'mail') return this.openMail(code, delivery.address, payload);
    if (delivery.kind !== 'post') return;

    this.busy = true;
    this.phase = 'sending';
    this.announcement = msg('Sending your message…', { id: 'contact.sending-status' });
    const outcome = await code.postContact(delivery.url, payload, { timeout: this.timeout });
    this.busy = false;
    if (outcome.ok) this.succeeded(payload, outcome.response);
    else this.failed(code, payload, outcome);
  }

  /** The code for sending did not arrive (the connection is gone): nothing was sent, the text and the draft stay. */
  private codeMissing(): void {
    this.discardAsked = false;
    this.failure = 'network';
    this.phase = 'failed';
    this.focusAfterRender = '#shg-failure';
  }

  private buildPayload(code: OnDemand): ContactPayload {
    const values = this.effectiveValues();
    const fingerprint = code.contentFingerprint(values);
    // The same message keeps its key across retries (and reloads); a changed message gets a new one.
    if (this.pending?.fingerprint !== fingerprint) this.pending = { key: code.newIdempotencyKey(), fingerprint };
    this.persist();
    const group = this.groupOptions().find((g) => g.id === values.group);
    return code.buildPayload(values, {
      groupName: group?.name,
      locale: this.locale,
      consentText: consentText(officeName(this.data.directory, this.locale)),
      consentGivenAt: this.consentGivenAt ?? new Date().toISOString(),
      privacyUrl: privacyUrlFor(this.privacyUrl, this.data.directory?.office),
      idempotencyKey: this.pending.key,
    });
  }

  private succeeded(payload: ContactPayload, response: SendResponse): void {
    clearDraft(this.storageKey);
    this.clearForm();
    this.phase = 'sent';
    this.announcement = '';
    this.focusAfterRender = '#shg-sent-title';
    this.emit('shg-sent', { payload, response });
  }

  private failed(code: OnDemand, payload: ContactPayload, outcome: Extract<SendOutcome, { ok: false }>): void {
    this.announcement = '';
    if (outcome.reason === 'invalid' && outcome.fieldErrors) {
      this.errors = code.inFormOrder(outcome.fieldErrors);
      this.showSummary = true;
      this.phase = 'editing';
      this.focusAfterRender = '#shg-summary';
    } else {
      this.failure = outcome.reason;
      this.phase = 'failed';
      this.focusAfterRender = '#shg-failure';
    }
    this.emit('shg-send-error', { payload, status: outcome.status, reason: outcome.reason });
  }

  private openMail(code: OnDemand, address: string, payload: ContactPayload): void {
    this.mailHref = code.mailHref(address, payload, this.locale);
    this.phase = 'mail-opened';
    this.openMailLink = true;
    this.focusAfterRender = '#shg-mail-opened';
  }

  private clearForm(): void {
    // As on a fresh page: the group the page hands over (?shg-group=, the finder) stays chosen.
    this.values = { ...emptyValues(), group: this.urlGroup ?? this.group ?? '' };
    this.consent = false;
    this.consentGivenAt = undefined;
    this.pending = undefined;
    this.errors = {};
    this.showSummary = false;
    this.humanConfirmed = false;
    this.startedAt = Date.now();
  }

  private discard(): void {
    clearDraft(this.storageKey);
    this.clearForm();
    this.phase = 'editing';
    this.discardAsked = false;
    this.announcement = msg('Your message has been deleted.', { id: 'contact.discarded' });
    this.focusAfterRender = '#shg-group';
  }

  private persist(): void {
    if (!this.restored) return;
    // A form the visitor has emptied keeps nothing, not even the key of an unconfirmed message.
    if (!hasContent(this.values)) this.pending = undefined;
    if (hasContent(this.values) || this.pending) {
      saveDraft(this.storageKey, this.values, { startedAt: this.startedAt, urlGroup: this.urlGroup, pending: this.pending });
    } else clearDraft(this.storageKey);
  }

  private readonly onInput = (key: keyof ContactValues, value: string) => {
    this.values = { ...this.values, [key]: value };
    // Errors come from a send, so the on-demand code is there whenever there is one to re-check.
    const form = this.renderRoot.querySelector('form');
    const code = this.onDemand.code;
    if (form && code && (this.errors[key] || ((key === 'email' || key === 'phone') && (this.errors.email || this.errors.phone)))) {
      this.errors = code.revalidate(form, key, this.errors);
    }
    this.persist();
  };

  private readonly onConsent = (checked: boolean) => {
    this.consent = checked;
    this.consentGivenAt = checked ? new Date().toISOString() : undefined;
    const form = this.renderRoot.querySelector('form');
    const code = this.onDemand.code;
    if (form && code && this.errors.consent) this.errors = code.revalidate(form, 'consent', this.errors);
  };

  private delivery(): Delivery {
    return deliveryFor(this.action, this.data.directory?.office);
  }

  private groupOptions(): GroupOption[] {
    return groupOptions(this.data.directory, this.locale, this.values.group);
  }

  private effectiveValues(): ContactValues {
    return effectiveValues(this.values, this.groupOptions(), languageOptions(this.data.directory?.office, this.locale), this.locale);
  }

  protected override render() {
    const delivery = this.delivery();
    const state = this.data.state;
    let body: unknown;
    const unavailable = msg('Messages cannot be sent with this form at the moment.', { id: 'contact.unavailable' });
    if (state === 'loading' || (delivery.kind === 'none' && state !== 'ready')) {
      body = stateViews(state, { unavailable, retry: () => void this.data.retry(), officePhone: this.officePhone, office: this.data.directory?.office });
    } else if (delivery.kind === 'none') {
      body = html`<p part="status" class="status">${unavailable}</p>
        ${otherWays(officeWays(this.data.directory?.office, this.officePhone))}`;
    } else if (this.phase === 'sent' && this.onDemand.code) {
      body = this.onDemand.code.sentView({ officeName: officeName(this.data.directory, this.locale), replyTime: this.replyTime(), ways: officeWays(this.data.directory?.office, this.officePhone) }, this.headingLevel, () => this.writeAnother());
    } else {
      body = this.renderForm(delivery);
    }
    return html`<div part="base" class="base" dir=${this.textDirection} lang=${this.locale}>
      ${body}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    </div>`;
  }

  private renderForm(delivery: Exclude<Delivery, { kind: 'none' }>): TemplateResult {
    const office = this.data.directory?.office;
    const name = officeName(this.data.directory, this.locale);
    return renderForm({
      phase: this.phase,
      waiting: this.waitingForCode !== undefined,
      delivery,
      level: this.headingLevel,
      officeName: name,
      summary: this.showSummary ? this.errors : undefined,
      fields: {
        values: this.effectiveValues(),
        errors: this.errors,
        groups: this.groupOptions(),
        languages: languageOptions(office, this.locale),
        consent: this.consent,
        consentText: consentText(name),
        privacyUrl: privacyUrlFor(this.privacyUrl, office),
        onInput: this.onInput,
        onConsent: this.onConsent,
      },
      failure: this.failure,
      ways: officeWays(office, this.officePhone),
      mailHref: this.mailHref,
      canDiscard: hasContent(this.values),
      discardAsked: this.discardAsked,
      onSubmit: this.onSubmit,
      focusField: (id) => this.focusField(id),
      confirm: () => this.confirmHuman(),
      retry: () => void this.submit(),
      askDiscard: () => {
        this.discardAsked = true;
        this.focusAfterRender = '#shg-discard-question';
      },
      discard: () => this.discard(),
      keep: () => {
        this.discardAsked = false;
        this.focusAfterRender = '#shg-message';
      },
      views: this.onDemand.code,
    });
  }

  private replyTime() {
    const d = this.data.directory;
    return d?.office?.replyTime ? feedText(d.office.replyTime, this.locale, d.language) : undefined;
  }

  private readonly onSubmit = (e: Event) => {
    e.preventDefault();
    void this.submit();
  };

  private confirmHuman(): void {
    this.humanConfirmed = true;
    this.phase = 'editing';
    void this.submit();
  }

  private writeAnother(): void {
    this.phase = 'editing';
    this.focusAfterRender = '#shg-group';
  }

  private focusField(id: string): void {
    const field = this.renderRoot.querySelector<HTMLElement>(`#${id}`);
    field?.focus();
    field?.scrollIntoView?.({ block: 'center' });
  }
}
