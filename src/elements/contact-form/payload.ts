/**
 * What the contact form sends: the visitor's values, the JSON payload of the contract in
 * docs/contact-endpoint.md, its idempotency key, and the mailto: fallback built from it.
 * Needed from the press on "send" on, so it loads on demand (contact-form.sending.ts).
 */
import type { ContactValues, ForWhom } from './values.js';
import { asciiDigits } from '../../feed/url.js';

/** The JSON body of the POST, and the detail of `shg-submit`. */
export interface ContactPayload {
  name: string;
  email: string;
  phone: string;
  language: string | null;
  /** The chosen group, or null for "not sure yet". */
  group: { id: string; name: string } | null;
  forWhom: ForWhom | null;
  message: string;
  /** The UI locale the visitor used. */
  locale: string;
  /** The page the form is on (origin and path only: search words stay private). */
  pageUrl: string;
  /** The consent text exactly as shown, and when the visitor ticked the box (ISO 8601). */
  consent: { text: string; givenAt: string; privacyUrl?: string };
  /** The same for every retry of one message; also sent as the `Idempotency-Key` header. */
  idempotencyKey: string;
  /** The honeypot's value (normally ""). */
  website: string;
}

export interface PayloadContext {
  groupName?: string;
  locale: string;
  consentText: string;
  consentGivenAt: string;
  privacyUrl?: string;
  idempotencyKey: string;
  pageUrl?: string;
}

export function buildPayload(values: ContactValues, context: PayloadContext): ContactPayload {
  const consent: ContactPayload['consent'] = { text: context.consentText, givenAt: context.consentGivenAt };
  if (context.privacyUrl) consent.privacyUrl = context.privacyUrl;
  return {
    name: values.name.trim(),
    email: values.email.trim(),
    // As dialled: Persian or Arabic-Indic digits as 0–9, so any office system can read it.
    phone: asciiDigits(values.phone.trim()),
    language: values.language || null,
    group: values.group ? { id: values.group, name: context.groupName ?? values.group } : null,
    forWhom: values.forWhom || null,
    message: values.message.trim(),
    locale: context.locale,
    pageUrl: context.pageUrl ?? pageUrl(),
    consent,
    idempotencyKey: context.idempotencyKey,
    website: values.website,
  };
}

/** The page's origin and path: the query may hold what the visitor searched for. */
export function pageUrl(): string {
  return location.origin + location.pathname;
}

/**
 * A fingerprint of the message's content (the visitor's own words and choices, not the
 * consent time): equal fingerprint → the same idempotency key is reused. It is kept with the
 * draft, so it is a hash (two 32-bit FNV-1a, 64 bits), never a second copy of the health data.
 */
export function contentFingerprint(values: ContactValues): string {
  const v = values;
  const text = JSON.stringify([v.name.trim(), v.email.trim(), v.phone.trim(), v.language, v.group || null, v.forWhom || null, v.message.trim()]);
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** A random UUID; crypto.randomUUID() exists only on https and localhost pages. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The labelled lines of the mail body, in the UI language (the caller supplies the words). */
export interface MailWords {
  subject: string;
  lines: Array<[label: string, value: string]>;
  message: string;
  consentLine: string;
}

/** A mailto: URL with subject and body, percent-encoded (spaces as %20, line breaks as %0D%0A). */
export function mailtoHref(address: string, words: MailWords): string {
  const head = words.lines.filter(([, value]) => value !== '').map(([label, value]) => `${label}: ${value}`);
  const body = [...head, '', words.message, '', '—', words.consentLine].join('\r\n');
  return `mailto:${address}?subject=${encodeURIComponent(words.subject)}&body=${encodeURIComponent(body)}`;
}
