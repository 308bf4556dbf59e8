/**
 * Allow-lists for links that come from a feed: only https, http, mailto and tel survive,
 * and nothing that could smuggle another scheme past a browser's URL parser.
 */

const SCHEMES = new Set(['https:', 'http:', 'mailto:', 'tel:']);
// Controls (the URL parser silently drops tabs and newlines: "java\tscript:" would become
// "javascript:"), and invisible or direction-changing characters that disguise a link.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const HIDDEN = /[\u0000-\u001F\u007F-\u009F\u00A0\u00AD\u1680\u180E\u2000-\u200F\u2028-\u202F\u205F-\u206F\u3000\uFEFF]/;
/** A scheme ("https:", "javascript:") at the start: an absolute address, or one that claims to be. */
export const HAS_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
// "//host" and "\\host" (browsers read backslashes as slashes) leave the base's origin.
const OTHER_HOST = /^[/\\]{2}/;

/**
 * The value as a safe absolute URL (`href`), or undefined. A relative path is only
 * accepted when `base` is given, and must stay on the base's origin.
 */
export function safeUrl(value: unknown, base?: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '' || text.length > 4096 || HIDDEN.test(text)) return undefined;
  let url: URL;
  if (HAS_SCHEME.test(text)) {
    url = parse(text);
  } else {
    if (base === undefined || OTHER_HOST.test(text)) return undefined;
    const baseUrl = parse(base);
    if (baseUrl.protocol !== 'https:' && baseUrl.protocol !== 'http:') return undefined;
    url = parse(text, baseUrl);
    if (url.origin !== baseUrl.origin) return undefined;
  }
  if (!SCHEMES.has(url.protocol)) return undefined;
  // "https://trusted.example@evil.example" reads as the first host but goes to the second.
  if (url.username !== '' || url.password !== '') return undefined;
  if (url.protocol === 'https:' || url.protocol === 'http:' ? url.hostname === '' : url.pathname === '') return undefined;
  return url.href;
}

const INVALID = new URL('about:invalid');
function parse(text: string, base?: URL): URL {
  try {
    return new URL(text, base);
  } catch {
    return INVALID;
  }
}

const PHONE_CHARS = /^\+?[0-9 ()/.\-\u00A0]+$/;

/**
 * A phone number as a value for `tel:` ("+49 30 123 45-6" → "+4930123456"), or undefined when
 * it is not a plausible number. "+49 (0)30 …" loses the "(0)" that must not be dialled.
 */
/**
 * `text` with Arabic-Indic (٠–٩), Persian (۰–۹) and full-width (０–９) digits as 0–9: what an
 * Arabic or Persian phone keyboard types is a phone number too.
 */
export function asciiDigits(text: string): string {
  // Each of the three runs starts at a code point ending in 0, so the last hex digit is the digit.
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9\uFF10-\uFF19]/g, (d) => String(d.charCodeAt(0) & 0xf));
}

export function safePhone(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  let text = asciiDigits(value.trim());
  if (/^tel:/i.test(text)) text = text.slice(4).trim();
  if (text.length > 40 || !PHONE_CHARS.test(text)) return undefined;
  if (text.startsWith('+')) text = text.replace(/\(\s*0\s*\)/, '');
  const digits = text.replace(/\D/g, '');
  if (digits.length < 3 || digits.length > 20) return undefined;
  return text.startsWith('+') ? '+' + digits : digits;
}

// The address part of HTML's e-mail pattern, minus the characters that would add headers or
// recipients inside a mailto: URL ("info?bcc=…", "a&b", "%", "/", "#", "=").
const EMAIL = /^[A-Za-z0-9.!$'*+^_`{|}~-]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?)+$/u;

/** An e-mail address fit for `mailto:` (trimmed, without a "mailto:" prefix), or undefined. */
export function safeEmail(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  let text = value.trim();
  if (/^mailto:/i.test(text)) text = text.slice(7);
  if (text.length > 254 || !EMAIL.test(text)) return undefined;
  return text;
}
