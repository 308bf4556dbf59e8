/**
 * Validation of the contact form: the browser's constraint validation (`validity`) plus the
 * rules it cannot express (email or phone, a dialable phone number), worded by us in the UI
 * language instead of the browser's. Each message is also set with setCustomValidity, so
 * `:invalid` and `form.checkValidity()` agree with what the visitor reads. Runs from the first
 * press on "send" on, so it loads on demand (contact-form.sending.ts).
 */
import { msg, str } from '@lit/localize';
import { safeEmail, safePhone } from '../../feed/url.js';
import { FIELD_IDS, FIELDS, isFieldKey, MAX_LENGTH, reachMessage, type FieldErrors, type FieldKey } from './field-rules.js';

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** Checks every control below `root`; returns the errors in form order (empty when valid). */
export function validateControls(root: ParentNode): FieldErrors {
  const get = <T extends Control = HTMLInputElement>(key: FieldKey) => root.querySelector<T>(`#${FIELD_IDS[key]}`);
  const errors: FieldErrors = {};
  const check = (key: FieldKey, rule: (control: Control) => string | undefined) => {
    const control = get<Control>(key);
    if (!control) return;
    control.setCustomValidity('');
    const message = rule(control);
    control.setCustomValidity(message ?? '');
    if (message) errors[key] = message;
  };
  const emailValue = get('email')?.value.trim() ?? '';
  const phoneValue = get('phone')?.value.trim() ?? '';

  check('name', (c) => tooLong(c.value, MAX_LENGTH.name));
  check('email', (c) => {
    if (!emailValue && !phoneValue) return reachMessage();
    if (!emailValue) return undefined;
    if ((c as HTMLInputElement).validity.typeMismatch || !safeEmail(emailValue)) return msg('Please enter an email address in the form name@example.org.', { id: 'contact.error.email' });
    return tooLong(c.value, MAX_LENGTH.email);
  });
  check('phone', (c) => {
    if (phoneValue && !safePhone(phoneValue)) return msg('Please enter a phone number with digits only; spaces, + and - are fine.', { id: 'contact.error.phone' });
    return tooLong(c.value, MAX_LENGTH.phone);
  });
  check('message', (c) => tooLong(c.value, MAX_LENGTH.message));
  check('consent', (c) =>
    (c as HTMLInputElement).validity.valueMissing
      ? msg('Please tick the box to agree, so that the contact office may read your message.', { id: 'contact.error.consent' })
      : undefined,
  );
  return inFormOrder(errors);
}

/** Re-checks one field as the visitor corrects it (the email/phone pair counts as one). */
export function revalidate(root: ParentNode, key: string, current: FieldErrors): FieldErrors {
  const fresh = validateControls(root);
  const keys = key === 'email' || key === 'phone' ? ['email', 'phone'] : [key];
  const next = { ...current };
  for (const k of keys) {
    if (fresh[k]) next[k] = fresh[k];
    else delete next[k];
  }
  return inFormOrder(next);
}

function tooLong(value: string, max: number): string | undefined {
  return value.length > max ? msg(str`Please shorten this to at most ${max} characters.`, { id: 'contact.error.too-long' }) : undefined;
}

/** Known fields in form order, then anything else an endpoint reported. */
export function inFormOrder(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const key of FIELDS) if (errors[key]) out[key] = errors[key];
  for (const [key, value] of Object.entries(errors)) if (!isFieldKey(key) && value) out[key] = value;
  return out;
}
