/**
 * Validation of the contact form: the browser's constraint validation (`validity`) plus the
 * rules it cannot express (email or phone, a dialable phone number), worded by us in the UI
 * language instead of the browser's. Each message is also set with setCustomValidity, so
 * `:invalid` and `form.checkValidity()` agree with what the visitor reads.
 */
import { msg, str } from '@lit/localize';
import { safeEmail, safePhone } from '../../feed/url.js';

/** The fields in the order the form shows them (and the error summary lists them). */
export const FIELDS = ['group', 'forWhom', 'name', 'email', 'phone', 'language', 'message', 'consent'] as const;
export type FieldKey = (typeof FIELDS)[number];
export type FieldErrors = Partial<Record<string, string>>;

/** The id of the control an error summary link moves to. */
export const FIELD_IDS: Record<FieldKey, string> = {
  group: 'shg-group',
  forWhom: 'shg-for-myself',
  name: 'shg-name',
  email: 'shg-email',
  phone: 'shg-phone',
  language: 'shg-language',
  message: 'shg-message',
  consent: 'shg-consent',
};

export const MAX_LENGTH = { name: 100, email: 254, phone: 40, message: 5000 } as const;

export function isFieldKey(key: string): key is FieldKey {
  return (FIELDS as readonly string[]).includes(key);
}

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

export function reachMessage(): string {
  return msg('Please give an email address or a phone number, so that the contact office can reply to you.', { id: 'contact.error.reach' });
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
