/**
 * The fields of the contact form: labels, hints, inline errors tied with aria-describedby,
 * autocomplete tokens. Values are bound with live() so a reset or a restored draft shows.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import type { ContactValues } from './values.js';
import { FIELD_IDS, MAX_LENGTH, reachMessage, type FieldErrors, type FieldKey } from './field-rules.js';

export interface GroupOption {
  id: string;
  name: string;
  /** Set when the group's name is in another language than the UI. */
  lang?: string;
}

export interface LanguageOption {
  tag: string;
  label: string;
}

export interface FieldContext {
  values: ContactValues;
  errors: FieldErrors;
  groups: GroupOption[];
  languages: LanguageOption[];
  consent: boolean;
  consentText: string;
  privacyUrl?: string;
  onInput: (key: keyof ContactValues, value: string) => void;
  onConsent: (checked: boolean) => void;
}

const errorId = (key: FieldKey) => `${FIELD_IDS[key]}-error`;
const hintId = (key: FieldKey) => `${FIELD_IDS[key]}-hint`;

function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const list = ids.filter((id): id is string => !!id);
  return list.length ? list.join(' ') : undefined;
}

function inlineError(id: string, message: string | undefined): TemplateResult | typeof nothing {
  if (!message) return nothing;
  return html`<p class="field-error" part="field-error" id=${id}>
    <span class="visually-hidden">${msg('Error:', { id: 'contact.error-prefix' })}</span> <bdi>${message}</bdi>
  </p>`;
}

const optional = () => html` <span class="optional">${msg('(optional)', { id: 'contact.optional' })}</span>`;

export function renderFields(c: FieldContext): TemplateResult {
  const { values, errors } = c;
  const input = (key: keyof ContactValues) => (e: Event) => c.onInput(key, (e.target as HTMLInputElement).value);
  const reachError = errors.email && errors.email === reachMessage() ? errors.email : undefined;
  const emailError = reachError ? undefined : errors.email;
  return html`
    <div class="field ${errors.group ? 'has-error' : ''}">
      <label class="label" for=${FIELD_IDS.group}>${msg('Which group are you interested in?', { id: 'contact.group.label' })}</label>
      ${inlineError(errorId('group'), errors.group)}
      <select
        id=${FIELD_IDS.group}
        name="group"
        part="input"
        aria-describedby=${ifDefined(describedBy(errors.group && errorId('group')))}
        aria-invalid=${errors.group ? 'true' : 'false'}
        @change=${input('group')}
      >
        <option value="" .selected=${live(values.group === '')}>${msg('I am not sure yet, please advise me', { id: 'contact.group.unsure' })}</option>
        ${c.groups.map((g) => html`<option value=${g.id} lang=${ifDefined(g.lang)} .selected=${live(values.group === g.id)}>${g.name}</option>`)}
      </select>
    </div>

    <fieldset class="field choice ${errors.forWhom ? 'has-error' : ''}" aria-describedby=${ifDefined(describedBy(errors.forWhom && 'shg-for-error'))}>
      <legend class="label">${msg('Who are you looking for support for?', { id: 'contact.for.legend' })}${optional()}</legend>
      ${inlineError('shg-for-error', errors.forWhom)}
      <div class="options">
        ${radio('shg-for-myself', 'myself', values.forWhom, msg('For myself', { id: 'contact.for.myself' }), input('forWhom'))}
        ${radio('shg-for-relative', 'relative', values.forWhom, msg('For a relative or someone close to me', { id: 'contact.for.relative' }), input('forWhom'))}
      </div>
    </fieldset>

    <div class="field ${errors.name ? 'has-error' : ''}">
      <label class="label" for=${FIELD_IDS.name}>${msg('Your name', { id: 'contact.name.label' })}${optional()}</label>
      <p class="hint" id=${hintId('name')}>${msg('A first name or a made-up name is fine.', { id: 'contact.name.hint' })}</p>
      ${inlineError(errorId('name'), errors.name)}
      <input
        id=${FIELD_IDS.name}
        name="name"
        part="input"
        type="text"
        autocomplete="name"
        maxlength=${MAX_LENGTH.name}
        aria-describedby=${ifDefined(describedBy(hintId('name'), errors.name && errorId('name')))}
        aria-invalid=${errors.name ? 'true' : 'false'}
        .value=${live(values.name)}
        @input=${input('name')}
      />
    </div>

    <fieldset class="field reach ${reachError ? 'has-error' : ''}" aria-describedby=${ifDefined(describedBy('shg-reach-hint', reachError && 'shg-reach-error'))}>
      <legend class="label">${msg('How can the contact office reach you?', { id: 'contact.reach.legend' })}</legend>
      <p class="hint" id="shg-reach-hint">${msg('Please give at least one: an email address or a phone number.', { id: 'contact.reach.hint' })}</p>
      ${inlineError('shg-reach-error', reachError)}
      <div class="field ${emailError ? 'has-error' : ''}">
        <label class="label" for=${FIELD_IDS.email}>${msg('Email address', { id: 'contact.email.label' })}</label>
        ${inlineError(errorId('email'), emailError)}
        <input
          id=${FIELD_IDS.email}
          name="email"
          part="input"
          type="email"
          autocomplete="email"
          inputmode="email"
          spellcheck="false"
          dir="ltr"
          maxlength=${MAX_LENGTH.email}
          aria-describedby=${ifDefined(describedBy(reachError ? 'shg-reach-error' : emailError && errorId('email')))}
          aria-invalid=${errors.email ? 'true' : 'false'}
          .value=${live(values.email)}
          @input=${input('email')}
        />
      </div>
      <div class="field ${errors.phone ? 'has-error' : ''}">
        <label class="label" for=${FIELD_IDS.phone}>${msg('Phone number', { id: 'contact.phone.label' })}</label>
        ${inlineError(errorId('phone'), errors.phone)}
        <input
          id=${FIELD_IDS.phone}
          name="phone"
          part="input"
          type="tel"
          autocomplete="tel"
          dir="ltr"
          maxlength=${MAX_LENGTH.phone}
          aria-describedby=${ifDefined(describedBy(reachError && 'shg-reach-error', errors.phone && errorId('phone')))}
          aria-invalid=${errors.phone || reachError ? 'true' : 'false'}
          .value=${live(values.phone)}
          @input=${input('phone')}
        />
      </div>
    </fieldset>

    ${c.languages.length > 1
      ? html`<div class="field ${errors.language ? 'has-error' : ''}">
          <label class="label" for=${FIELD_IDS.language}>${msg('In which language would you like the reply?', { id: 'contact.language.label' })}</label>
          ${inlineError(errorId('language'), errors.language)}
          <select
            id=${FIELD_IDS.language}
            name="language"
            part="input"
            aria-describedby=${ifDefined(describedBy(errors.language && errorId('language')))}
            aria-invalid=${errors.language ? 'true' : 'false'}
            @change=${input('language')}
          >
            ${c.languages.map((l) => html`<option value=${l.tag} .selected=${live(values.language === l.tag)}>${l.label}</option>`)}
          </select>
        </div>`
      : nothing}

    <div class="field ${errors.message ? 'has-error' : ''}">
      <label class="label" for=${FIELD_IDS.message}>${msg('Your message', { id: 'contact.message.label' })}${optional()}</label>
      <p class="hint" id=${hintId('message')}>
        ${msg('A few words about what you are looking for are enough. You do not need to describe any medical details.', { id: 'contact.message.hint' })}
      </p>
      ${inlineError(errorId('message'), errors.message)}
      <textarea
        id=${FIELD_IDS.message}
        name="message"
        part="input"
        rows="6"
        maxlength=${MAX_LENGTH.message}
        aria-describedby=${ifDefined(describedBy(hintId('message'), errors.message && errorId('message')))}
        aria-invalid=${errors.message ? 'true' : 'false'}
        .value=${live(values.message)}
        @input=${input('message')}
      ></textarea>
    </div>

    <div class="field consent ${errors.consent ? 'has-error' : ''}" part="consent">
      ${inlineError(errorId('consent'), errors.consent)}
      <div class="check">
        <input
          id=${FIELD_IDS.consent}
          name="consent"
          type="checkbox"
          required
          aria-describedby=${ifDefined(describedBy(errors.consent && errorId('consent'), c.privacyUrl && 'shg-privacy'))}
          aria-invalid=${errors.consent ? 'true' : 'false'}
          .checked=${live(c.consent)}
          @change=${(e: Event) => c.onConsent((e.target as HTMLInputElement).checked)}
        />
        <label for=${FIELD_IDS.consent}>${c.consentText} <span class="required">${msg('(required)', { id: 'contact.required' })}</span></label>
      </div>
      ${c.privacyUrl
        ? html`<p class="privacy" id="shg-privacy">
            <a href=${c.privacyUrl} target="_blank" rel="noopener noreferrer">${msg('Read how your data is protected (privacy notice, opens in a new tab)', { id: 'contact.privacy-link' })}</a>
          </p>`
        : nothing}
    </div>

    <div class="trap" aria-hidden="true" inert>
      <label for="shg-website">${msg('Please leave this field empty', { id: 'contact.trap' })}</label>
      <input id="shg-website" name="website" type="text" tabindex="-1" autocomplete="off" .value=${live(values.website)} @input=${input('website')} />
    </div>
  `;
}

function radio(id: string, value: string, current: string, label: string, onChange: (e: Event) => void): TemplateResult {
  return html`<div class="check">
    <input id=${id} type="radio" name="forWhom" value=${value} .checked=${live(current === value)} @change=${onChange} />
    <label for=${id}>${label}</label>
  </div>`;
}
