/**
 * What the format adapters share: ids from names, the first date a rule meets on,
 * clock times, and a problem list that can report a thing once with a count.
 * No DOM, no dependencies: the adapters also run in the browser.
 */
import type { FeedAddress, FeedGroup, FeedMeeting, FeedProblem, LanguageTag, Rule } from '../types.js';
import { WEEKDAYS } from '../../schedule/rrule.js';
import { civilFromDays, daysFromCivil, daysInMonth, formatLocalDate, weekdayOfDays } from '../../schedule/timezone.js';

export interface AdapterOptions {
  /** Language of the source's texts (default `en`): the feed's `language`. */
  language?: LanguageTag;
  /** IANA time zone of the meetings when the source names none (default `Europe/Berlin`). */
  timezone?: string;
  /**
   * First meetings are placed on the first matching day on or after this date
   * ("YYYY-MM-DD"; default 2026-01-01). Fixed, so the same input converts to the same feed.
   */
  anchorDate?: string;
  /** The topic for groups the source gives none (default: "Meetings" / "Treffen"). */
  topic?: { id: string; name: string };
}

export interface AdapterResult<F> {
  feed: F;
  problems: FeedProblem[];
}

export const DEFAULT_ANCHOR = '2026-01-01';
export const DEFAULT_TIMEZONE = 'Europe/Berlin';

const ID = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,127}$/;

/** A URL-safe id from a name: "Angst & Depression (Mitte)" → "angst-depression-mitte". */
export function slugify(text: string, fallback: string): string {
  const slug = text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 64)
    .replace(/^-+|-+$/g, '');
  return slug || fallback;
}

/** `value` as a feed id when it already is one, else its slug. */
export function toId(value: unknown, fallback: string): string {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value.trim() : '';
  return ID.test(text) ? text : slugify(text, fallback);
}

/** `base`, or `base-2`, `base-3`, … whichever is still free; marks it used. */
export function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

/** A trimmed non-empty string, or undefined (numbers become strings: "postal_code": 10115). */
export function str(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' ? undefined : text;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function num(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/**
 * "18:00", "9:30", "18:00:00", "18.30", and with a UTC offset ("18:00Z", "18:00+01:00"),
 * as "HH:MM"; `offset` says an offset was dropped (the feed keeps local wall-clock times).
 */
export function readClockText(value: unknown): { time: string; offset: boolean } | undefined {
  const text = str(value);
  if (!text) return undefined;
  const m = /^(\d{1,2})[:.](\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(text);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return undefined;
  return { time: `${String(h).padStart(2, '0')}:${m[2]}`, offset: m[3] !== undefined };
}

/** A date "YYYY-MM-DD" (a longer ISO date-time is cut), or undefined when it is not a real date. */
export function readIsoDate(value: unknown): string | undefined {
  const text = str(value);
  const m = text ? /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(text) : null;
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

function dayNumber(date: string): number {
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** Whether a rule may meet on a day (INTERVAL, COUNT and UNTIL aside). */
function matches(rule: Rule, day: number): boolean {
  const weekday = WEEKDAYS[weekdayOfDays(day)];
  const { year, month, day: date } = civilFromDays(day);
  if (rule.byMonthDay?.length) {
    const length = daysInMonth(year, month);
    return rule.byMonthDay.some((n) => (n > 0 ? n : length + n + 1) === date);
  }
  if (rule.byDay.length === 0) return true;
  return rule.byDay.some(({ day: code, ordinal }) => {
    if (code !== weekday) return false;
    if (ordinal === undefined || rule.freq === 'WEEKLY') return true;
    if (ordinal > 0) return Math.ceil(date / 7) === ordinal;
    return -Math.ceil((daysInMonth(year, month) - date + 1) / 7) === ordinal;
  });
}

/**
 * The first date on or after `from` ("YYYY-MM-DD") that a rule meets on: a meeting's
 * `start` must be one (RFC 5545 counts DTSTART as the first instance). Undefined when no
 * day within two years matches.
 */
export function firstMatchingDate(rule: Rule, from: string): string | undefined {
  const first = dayNumber(from);
  for (let day = first; day < first + 800; day++) {
    if (matches(rule, day)) return formatLocalDate(civilFromDays(day));
  }
  return undefined;
}

/** Whether two addresses (and names) describe the same place, ignoring case and spacing. */
export function placeKey(address: FeedAddress, name?: string): string {
  const fold = (s: string | undefined): string => (s ?? '').toLowerCase().replace(/str(\.|asse|aße)/g, 'str').replace(/[^\p{L}\p{N}]+/gu, '');
  const where = [address.street, address.postalCode, address.city].map(fold).join('|');
  return where === '||' ? `name:${fold(name)}` : where;
}

interface Repeated {
  path: string;
  severity: FeedProblem['severity'];
  message: (count: number) => string;
  count: number;
}

/** Problems in source order; `once` collects a repeated finding into one entry with a count. */
export class ProblemList {
  readonly list: FeedProblem[] = [];
  private readonly repeated = new Map<string, Repeated>();

  error(path: string, message: string): void {
    this.list.push({ path, message, severity: 'error' });
  }

  warn(path: string, message: string): void {
    this.list.push({ path, message, severity: 'warning' });
  }

  /** Reports `key` at its first `path`; the message is built at the end with how often it came. */
  once(key: string, path: string, message: (count: number) => string, severity: FeedProblem['severity'] = 'warning'): void {
    const seen = this.repeated.get(key);
    if (seen) seen.count++;
    else this.repeated.set(key, { path, severity, message, count: 1 });
  }

  finish(): FeedProblem[] {
    for (const r of this.repeated.values()) this.list.push({ path: r.path, message: r.message(r.count), severity: r.severity });
    this.repeated.clear();
    return this.list;
  }
}

/** " (3 times)" for counts above one, for messages reported once. */
export function times(count: number): string {
  return count > 1 ? ` (${count} times)` : '';
}

const GROUP_ORDER = ['id', 'name', 'description', 'topics', 'keywords', 'audience', 'ageGroup', 'status', 'languages', 'meetings', 'byArrangement', 'contact', 'updated'];
const MEETING_ORDER = ['rrule', 'start', 'end', 'duration', 'timezone', 'exdates', 'text', 'place', 'online'];

function ordered<T extends object>(record: T, order: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const key of order) if ((record as Record<string, unknown>)[key] !== undefined) out[key] = (record as Record<string, unknown>)[key];
  return out as T;
}

/** The group with its fields (and its meetings' fields) in the order docs/feed.md lists them, so output diffs stay readable. */
export function orderGroup(group: FeedGroup): FeedGroup {
  const out = ordered(group, GROUP_ORDER);
  if (group.meetings) out.meetings = group.meetings.map((m: FeedMeeting) => ordered(m, MEETING_ORDER));
  return out;
}

/** Reports the fields of `record` an adapter does not carry over, once per field name. */
export function reportIgnored(problems: ProblemList, record: Record<string, unknown>, handled: ReadonlySet<string>, path: string, what: string): void {
  for (const key in record) {
    if (!Object.hasOwn(record, key) || handled.has(key)) continue;
    const value = record[key];
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    problems.once(`field:${what}:${key}`, path ? `${path}.${key}` : key, (n) => `${what} field "${key}" has no place in the feed format; not carried over${times(n)}`);
  }
}

/** Distinct non-empty texts joined as paragraphs. */
export function paragraphs(texts: (string | undefined)[]): string | undefined {
  const seen = [...new Set(texts.filter((t): t is string => !!t))];
  return seen.length ? seen.join('\n\n') : undefined;
}
