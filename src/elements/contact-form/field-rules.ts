/**
 * What the fields are before any check runs: their ids and order, their length limits, and the
 * "email or phone" message the template recognises. Needed to paint the form; the checks
 * themselves (validation.ts) load on demand.
 */
import { msg } from '@lit/localize';

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

export function reachMessage(): string {
  return msg('Please give an email address or a phone number, so that the contact office can reply to you.', { id: 'contact.error.reach' });
}
