/**
 * Readers for values with a format: links, e-mail, phone, dates, clock times, durations and
 * time zones. Hand-written parsers where a regex per field would cost more than it says.
 */
import { HAS_SCHEME, safeEmail, safePhone, safeUrl } from './url.js';
import { at, quote, typeName, warn, type Ctx } from './normalise-context.js';
import { prepare } from './normalise-text.js';
import { daysFromCivil, daysInMonth, weekdayOfDays } from '../schedule/timezone.js';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A web link (http or https), made absolute against the feed's URL. `endpoint` is for
 * addresses that receive personal data: https only (http just on localhost, for development).
 */
export function readWebUrl(ctx: Ctx, value: unknown, base: string, field: string, endpoint = false): string | undefined {
  ctx.why = '';
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    ctx.why = `expected a web address, got ${typeName(value)}`;
    return undefined;
  }
  let text = value.trim();
  if (text === '') return undefined;
  if (/^www\./i.test(text)) {
    text = 'https://' + text;
    warn(ctx, at(base, field), `has no "https://"; read as ${quote(text)}`);
  }
  const relative = !HAS_SCHEME.test(text);
  if (relative && ctx.baseUrl === undefined) {
    ctx.why = `${quote(text)} is a relative address; write a full address starting with https://`;
    return undefined;
  }
  const url = safeUrl(text, ctx.baseUrl);
  if (url === undefined || !(url.startsWith('https:') || url.startsWith('http:'))) {
    ctx.why = `${quote(text)} is not a safe web address (only https:// and http:// links are shown)`;
    return undefined;
  }
  if (endpoint && !relative && url.startsWith('http:') && !LOCAL_HOSTS.has(new URL(url).hostname)) {
    ctx.why = `${quote(text)} would send personal data unencrypted; use https://`;
    return undefined;
  }
  return url;
}

export function readEmail(ctx: Ctx, value: unknown): string | undefined {
  ctx.why = '';
  if (value === undefined || value === null || value === '') return undefined;
  const email = safeEmail(value);
  if (email === undefined) {
    ctx.why = typeof value === 'string' ? `${quote(value)} is not an e-mail address` : `expected an e-mail address, got ${typeName(value)}`;
  }
  return email;
}

/** A phone number as the office writes it ("030 123 45-6"); build links with `tel:${safePhone(phone)}`. */
export function readPhone(ctx: Ctx, value: unknown, base: string, field: string): string | undefined {
  ctx.why = '';
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') {
    ctx.why = `expected a phone number as a string, got ${typeName(value)}`;
    return undefined;
  }
  if (safePhone(value) === undefined) {
    ctx.why = `${quote(value)} is not a phone number (digits, spaces, "+", "-", "/", "(", ")")`;
    return undefined;
  }
  return prepare(ctx, value, 40, false, at(base, field));
}

// --- dates and times ------------------------------------------------------

function digits(text: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Reads "YYYY-MM-DD" at the start of `text`; -1 for a bad shape, -2 for an impossible date, else 0. */
function checkDate(text: string): number {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return -1;
  const y = digits(text, 0, 4);
  const m = digits(text, 5, 2);
  const d = digits(text, 8, 2);
  if (y < 0 || m < 0 || d < 0) return -1;
  return m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m) ? -2 : 0;
}

/** Reads "HH:MM" (and ":SS") at `start`; minutes since midnight, -1 for a bad shape, -2 out of range. */
function checkClock(text: string, start: number, withSeconds: boolean): number {
  if (text.charCodeAt(start + 2) !== 58) return -1;
  const h = digits(text, start, 2);
  const m = digits(text, start + 3, 2);
  const s = withSeconds ? (text.charCodeAt(start + 5) === 58 ? digits(text, start + 6, 2) : -1) : 0;
  if (h < 0 || m < 0 || s < 0) return -1;
  return h > 23 || m > 59 || s > 59 ? -2 : h * 60 + m;
}

/** A local date-time "2026-01-13T18:00" (seconds allowed, dropped); no offset: the meeting's time zone applies. */
export function readLocalDateTime(ctx: Ctx, value: unknown): string | undefined {
  ctx.why = '';
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    ctx.why = `expected a local date-time such as "2026-01-13T18:00", got ${typeName(value)}`;
    return undefined;
  }
  const text = value.trim();
  const long = text.length === 19;
  const date = text.length === 16 || long ? checkDate(text) : -1;
  const clock = date === 0 && text.charCodeAt(10) === 84 /* T */ ? checkClock(text, 11, long) : -1;
  if (date === -2 || clock === -2) ctx.why = `${quote(text)} is not a real date and time`;
  else if (date === -1 || clock === -1) {
    ctx.why = /(Z|[+-]\d\d:?\d\d)$/.test(text)
      ? `${quote(text)} has a UTC offset; write the local time without it ("2026-01-13T18:00") and set "timezone" if needed`
      : `${quote(text)} is not a local date-time such as "2026-01-13T18:00"`;
  } else return text.slice(0, 16);
  return undefined;
}

/** A date "2026-12-24", or the date of a local date-time. */
export function readDate(ctx: Ctx, value: unknown): string | undefined {
  ctx.why = '';
  if (typeof value === 'string') {
    const text = value.trim();
    if (text.length === 10) {
      const date = checkDate(text);
      if (date === 0) return text;
      ctx.why = date === -2 ? `${quote(text)} is not a real date` : `${quote(text)} is not a date such as "2026-12-24"`;
      return undefined;
    }
    const dateTime = readLocalDateTime(ctx, text);
    return dateTime?.slice(0, 10);
  }
  ctx.why = `expected a date such as "2026-12-24", got ${typeName(value)}`;
  return undefined;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** An ISO 8601 date or date-time ("2026-03-01T09:30:00+01:00"), kept as written. */
export function readInstant(ctx: Ctx, value: unknown): string | undefined {
  ctx.why = '';
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    ctx.why = `expected an ISO date-time such as "2026-03-01T09:30:00+01:00", got ${typeName(value)}`;
    return undefined;
  }
  const text = value.trim();
  if (!INSTANT.test(text)) ctx.why = `${quote(text)} is not an ISO date-time such as "2026-03-01T09:30:00+01:00"`;
  else if (checkDate(text) !== 0 || (text.length > 10 && checkClock(text, 11, false) < 0)) ctx.why = `${quote(text)} is not a real date and time`;
  else return text;
  return undefined;
}

/** A local clock time "HH:MM" as minutes since midnight. */
export function readClock(ctx: Ctx, value: unknown): number | undefined {
  ctx.why = '';
  if (value === undefined || value === null) return undefined;
  const minutes = typeof value === 'string' && value.length === 5 ? checkClock(value, 0, false) : -1;
  if (minutes >= 0) return minutes;
  ctx.why = `expected a time such as "18:30", got ${typeName(value)}`;
  return undefined;
}

export function formatClock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}

/** An ISO 8601 duration of hours and/or minutes ("PT2H", "PT90M", "PT1H30M") in minutes, at most a day. */
export function readDuration(ctx: Ctx, value: unknown): number | undefined {
  ctx.why = '';
  if (value === undefined || value === null) return undefined;
  const minutes = typeof value === 'string' ? parseDuration(value.trim()) : -1;
  if (minutes > 0 && minutes <= 1440) return minutes;
  ctx.why = minutes < 0 ? `expected a duration such as "PT2H" or "PT90M", got ${typeName(value)}` : `${quote(String(value))} is not between 1 minute and 24 hours`;
  return undefined;
}

// PT, then digits + "H" and/or digits + "M"; -1 for anything else.
function parseDuration(text: string): number {
  if (text.charCodeAt(0) !== 80 /* P */ || text.charCodeAt(1) !== 84 /* T */ || text.length < 4 || text.length > 12) return -1;
  let total = 0;
  let n = -1;
  let unit = 0; // 1 after hours, 2 after minutes
  for (let i = 2; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n = (n < 0 ? 0 : n * 10) + c - 48;
    else if (c === 72 /* H */ && n >= 0 && unit === 0) {
      total += n * 60;
      n = -1;
      unit = 1;
    } else if (c === 77 /* M */ && n >= 0 && unit < 2) {
      total += n;
      n = -1;
      unit = 2;
    } else return -1;
  }
  return n >= 0 || unit === 0 ? -1 : total;
}

/** Minutes since midnight of a local date-time "YYYY-MM-DDTHH:MM" already checked. */
export function minutesOf(dateTime: string): number {
  return digits(dateTime, 11, 2) * 60 + digits(dateTime, 14, 2);
}

/** Weekday index (0 = Monday) of a checked "YYYY-MM-DD…", without allocating a Date. */
export function weekdayOf(date: string): number {
  return weekdayOfDays(daysFromCivil(digits(date, 0, 4), digits(date, 5, 2), digits(date, 8, 2)));
}

const zoneCache = new Map<string, string | null>();

/** The canonical IANA name of a time zone, or undefined; Intl decides, once per distinct name. */
export function canonicalZone(name: string): string | undefined {
  let zone = zoneCache.get(name);
  if (zone === undefined) {
    zone = null;
    // Offsets ("+01:00") would ignore daylight saving time; a feed must name a region.
    if (name.length <= 64 && /^[A-Za-z]/.test(name)) {
      try {
        zone = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
      } catch {
        zone = null;
      }
    }
    if (zoneCache.size < 1000) zoneCache.set(name, zone);
  }
  return zone ?? undefined;
}

export function readZone(ctx: Ctx, value: unknown): string | undefined {
  ctx.why = '';
  if (value === undefined || value === null) return undefined;
  const zone = typeof value === 'string' ? canonicalZone(value.trim()) : undefined;
  if (zone === undefined) ctx.why = `expected an IANA time zone such as "Europe/Berlin", got ${typeName(value)}`;
  return zone;
}
