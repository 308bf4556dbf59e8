/**
 * The form's fields as the visitor fills them in: what the template, the draft and typing need.
 * The payload built from them when sending is in payload.ts (loaded on demand).
 */

/** Who the contact is for. */
export type ForWhom = 'myself' | 'relative';

/** The form's fields as the visitor filled them in (the consent box lives apart: it is never stored). */
export interface ContactValues {
  /** A group id, or "" for "I am not sure yet, please advise me". */
  group: string;
  forWhom: ForWhom | '';
  name: string;
  email: string;
  phone: string;
  /** The preferred language for the reply (a language tag from the office's languages). */
  language: string;
  message: string;
  /** The honeypot: people never see it, so it stays empty. */
  website: string;
}

export function emptyValues(language = ''): ContactValues {
  return { group: '', forWhom: '', name: '', email: '', phone: '', language, message: '', website: '' };
}

/** True when the visitor wrote or chose something worth keeping as a draft. */
export function hasContent(values: ContactValues): boolean {
  return [values.name, values.email, values.phone, values.message].some((v) => v.trim() !== '') || values.forWhom !== '';
}
