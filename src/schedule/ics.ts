/**
 * A group's meetings as an RFC 5545 calendar file (.ics): one VEVENT per
 * meeting with its RRULE and EXDATEs in the meeting's own zone, and a VTIMEZONE
 * per zone built from Intl, so calendar apps keep 18:00 at 18:00 across DST.
 */
import type { Group, Meeting, Place, Rule, Text } from '../feed/types.js';
import { WEEKDAYS } from './rrule.js';
import { DAY_MS, civilFromDays, daysFromCivil, daysInMonth, formatLocalDate, intlOffsetMs, isValidTimeZone, localToUtc, parseLocalDateTime, timeZoneOffsetMinutes, utcToLocal, weekdayOfDays, type LocalDateTime } from './timezone.js';

export interface IcsOptions {
  /** Language for texts (group name, place name); default the first language of each text. */
  locale?: string;
  /** DTSTAMP, epoch ms; default now. */
  now?: number;
  /** PRODID; default "-//selbsthilfe-widgets//Group meetings//EN". */
  productId?: string;
  /** A page about the group: becomes URL, and its host name the UID suffix. */
  url?: string;
}

const DEFAULT_PRODUCT_ID = '-//selbsthilfe-widgets//Group meetings//EN';
const DEFAULT_UID_DOMAIN = 'selbsthilfe-widgets';
const MAX_DESCRIPTION = 500;
const MAX_ZONE_YEARS = 30;

/**
 * The .ics text for a group's meetings (CRLF line ends, lines folded at 75
 * octets). Meetings whose start or zone cannot be read are left out rather than
 * breaking the whole file.
 */
export function groupToIcs(group: Group, options: IcsOptions = {}): string {
  const locale = options.locale ?? '';
  const now = options.now ?? Date.now();
  const meetings = group.meetings
    .map((meeting, index) => ({ meeting, index, start: parseLocalDateTime(meeting.start) }))
    .filter((m): m is { meeting: Meeting; index: number; start: LocalDateTime } => m.start !== undefined && isValidTimeZone(m.meeting.timezone));

  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${escapeText(options.productId ?? DEFAULT_PRODUCT_ID)}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  lines.push(`X-WR-CALNAME:${escapeText(pickText(group.name, locale))}`);

  const years = new Map<string, { first: number; last: number }>();
  const nowYear = new Date(now).getUTCFullYear();
  for (const { meeting, start } of meetings) {
    const span = years.get(meeting.timezone) ?? { first: start.year, last: Math.max(start.year, nowYear) };
    span.first = Math.min(span.first, start.year);
    span.last = Math.max(span.last, start.year);
    years.set(meeting.timezone, span);
  }
  // A year of margin before the first start, so an observance is in force when the first meeting happens.
  for (const [zone, span] of years) lines.push(...timeZoneLines(zone, span.first - 1, span.last + 1));

  const uidDomain = hostOf(options.url) ?? DEFAULT_UID_DOMAIN;
  for (const { meeting, index, start } of meetings) lines.push(...eventLines(group, meeting, index, start, { locale, now, uidDomain, url: options.url }));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** A file name for the group's calendar: "gespraechskreis-trauer.ics". */
export function icsFileName(group: Group, locale = ''): string {
  const slug = slugify(pickText(group.name, locale)) || slugify(group.id) || 'meetings';
  return `${slug}.ics`;
}

interface EventContext {
  locale: string;
  now: number;
  uidDomain: string;
  url: string | undefined;
}

function eventLines(group: Group, meeting: Meeting, index: number, start: LocalDateTime, context: EventContext): string[] {
  const zone = paramValue(meeting.timezone);
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(`${group.id}-${index}@${context.uidDomain}`)}`,
    `DTSTAMP:${formatUtcStamp(context.now)}`,
    `DTSTART;TZID=${zone}:${icsLocal(start)}`,
  ];
  const minutes = meeting.durationMinutes;
  if (minutes !== undefined && Number.isFinite(minutes) && minutes > 0) {
    const end = utcToLocal(meeting.timezone, localToUtc(meeting.timezone, start) + minutes * 60_000);
    lines.push(`DTEND;TZID=${zone}:${icsLocal(end)}`);
  }
  if (meeting.rule) lines.push(`RRULE:${formatRRule(meeting.rule)}`);
  for (const date of meeting.exdates) {
    const day = parseLocalDateTime(`${date.slice(0, 10)}T00:00`);
    if (day) lines.push(`EXDATE;TZID=${zone}:${icsLocal({ ...day, hour: start.hour, minute: start.minute })}`);
  }
  lines.push(`SUMMARY:${escapeText(pickText(group.name, context.locale))}`);
  const place = meeting.place ? placeText(meeting.place, context.locale) : '';
  const location = place || meeting.online?.url;
  if (location) lines.push(`LOCATION:${escapeText(location)}`);
  const description = [
    meeting.text && pickText(meeting.text, context.locale),
    group.description && shorten(pickText(group.description, context.locale), MAX_DESCRIPTION),
    place && meeting.online?.url,
  ].filter(Boolean).join('\n\n');
  if (description) lines.push(`DESCRIPTION:${escapeText(description)}`);
  if (context.url) lines.push(`URL:${uriValue(context.url)}`);
  lines.push('END:VEVENT');
  return lines;
}

// ---------------------------------------------------------------------------
// VTIMEZONE

interface Observance {
  kind: 'STANDARD' | 'DAYLIGHT';
  before: number;
  after: number;
  /** Wall time of the change in the old offset (RFC 5545: DTSTART of an observance is in TZOFFSETFROM). */
  local: LocalDateTime;
  at: number;
  year: number;
  /** The yearly patterns this change matches: "BYMONTH=3;BYDAY=-1SU" and the like. */
  patterns: string[];
}

/** A VTIMEZONE for `zone` describing its changes in [fromYear, toYear], as yearly RRULEs where the dates follow a pattern. */
function timeZoneLines(zone: string, fromYear: number, toYear: number): string[] {
  fromYear = Math.max(fromYear, toYear - MAX_ZONE_YEARS);
  const fromMs = daysFromCivil(fromYear, 1, 1) * DAY_MS;
  const transitions = zoneTransitions(zone, fromMs, daysFromCivil(toYear + 1, 1, 1) * DAY_MS);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${escapeText(zone)}`];
  if (!transitions.length) {
    const offset = formatOffset(timeZoneOffsetMinutes(zone, fromMs));
    lines.push('BEGIN:STANDARD', `DTSTART:${icsLocal({ year: fromYear, month: 1, day: 1, hour: 0, minute: 0 })}`, `TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`, 'END:STANDARD', 'END:VTIMEZONE');
    return lines;
  }
  const changes: Observance[] = transitions.map((t, i) => {
    const local = utcToLocalWith(t.at, t.before);
    const next = transitions[i + 1];
    // Summer time is a raised offset that is later lowered again; a permanent change is a new standard time.
    const daylight = t.after > t.before && (next === undefined ? transitions.some((o) => o.after < o.before) : next.after < next.before);
    return { kind: daylight ? 'DAYLIGHT' : 'STANDARD', before: t.before, after: t.after, local, at: t.at, year: local.year, patterns: yearlyPatterns(local) };
  });

  // Runs of changes of the same kind, offsets and time of day in consecutive years sharing one pattern become one RRULE.
  const runs: Observance[][] = [];
  for (const change of changes) {
    const run = runs.find((r) => {
      const last = r[r.length - 1]!;
      return last.kind === change.kind && last.before === change.before && last.after === change.after &&
        last.local.hour === change.local.hour && last.local.minute === change.local.minute &&
        last.year + 1 === change.year && commonPatterns(r.concat(change)).length > 0;
    });
    if (run) run.push(change);
    else runs.push([change]);
  }
  for (const run of runs) {
    const first = run[0]!;
    const last = run[run.length - 1]!;
    lines.push(`BEGIN:${first.kind}`, `DTSTART:${icsLocal(first.local)}`, `TZOFFSETFROM:${formatOffset(first.before)}`, `TZOFFSETTO:${formatOffset(first.after)}`);
    const ongoing = last.year >= toYear; // a zone that still changes does so in the last year scanned
    if (run.length > 1 || ongoing) {
      const pattern = commonPatterns(run)[0]!;
      lines.push(`RRULE:FREQ=YEARLY;${pattern}${ongoing ? '' : `;UNTIL=${formatUtcStamp(last.at)}`}`);
    }
    lines.push(`END:${first.kind}`);
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

/** A change of a zone's UTC offset: at `at` (epoch ms) the offset goes from `before` to `after` (minutes east of UTC). */
export interface OffsetTransition {
  at: number;
  before: number;
  after: number;
}

/**
 * Every offset change of a zone between two instants, found by scanning a day
 * at a time and narrowing each change down to the second. For .ics export.
 */
export function zoneTransitions(zone: string, fromMs: number, toMs: number): OffsetTransition[] {
  const out: OffsetTransition[] = [];
  fromMs = Math.floor(fromMs / 1000) * 1000; // whole seconds keep the bisection below strictly shrinking
  toMs = Math.floor(toMs / 1000) * 1000;
  const maxSteps = 366 * 200; // scanning is bounded even for absurd ranges
  let previousAt = fromMs;
  let previous = intlOffsetMs(zone, fromMs);
  for (let step = 1; step <= maxSteps && previousAt < toMs; step++) {
    const at = Math.min(fromMs + step * DAY_MS, toMs);
    const offset = intlOffsetMs(zone, at);
    if (offset !== previous) {
      let low = previousAt;
      let high = at;
      while (high - low > 1000) {
        const mid = Math.floor((low + high) / 2000) * 1000;
        if (intlOffsetMs(zone, mid) === previous) low = mid;
        else high = mid;
      }
      out.push({ at: high, before: previous / 60_000, after: offset / 60_000 });
    }
    previous = offset;
    previousAt = at;
  }
  return out;
}

function utcToLocalWith(at: number, offsetMinutes: number): LocalDateTime {
  const wall = at + Math.round(offsetMinutes * 60) * 1000;
  const days = Math.floor(wall / DAY_MS);
  const seconds = Math.floor((wall - days * DAY_MS) / 1000);
  return { ...civilFromDays(days), hour: Math.floor(seconds / 3600), minute: Math.floor(seconds / 60) % 60 };
}

/** Patterns a change date fits, best first: last weekday of the month, n-th weekday, fixed day. */
function yearlyPatterns(local: LocalDateTime): string[] {
  const code = WEEKDAYS[weekdayOfDays(daysFromCivil(local.year, local.month, local.day))]!;
  const month = `BYMONTH=${local.month}`;
  const patterns: string[] = [];
  if (local.day + 7 > daysInMonth(local.year, local.month)) patterns.push(`${month};BYDAY=-1${code}`);
  patterns.push(`${month};BYDAY=${Math.ceil(local.day / 7)}${code}`, `${month};BYMONTHDAY=${local.day}`);
  return patterns;
}

function commonPatterns(run: readonly Observance[]): string[] {
  return run[0]!.patterns.filter((p) => run.every((o) => o.patterns.includes(p)));
}

/** +0100, -0500, +0545; seconds only when the offset has them. */
function formatOffset(minutes: number): string {
  const total = Math.round(Math.abs(minutes) * 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  const seconds = total % 60;
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(total / 3600))}${pad(Math.floor(total / 60) % 60)}${seconds ? pad(seconds) : ''}`;
}

// ---------------------------------------------------------------------------
// Values and lines

/** Writes a rule back as an RRULE value (the inverse of `parseRRule` in rrule.ts). */
export function formatRRule(rule: Rule): string {
  const out = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) out.push(`INTERVAL=${rule.interval}`);
  if (rule.byDay.length) out.push(`BYDAY=${rule.byDay.map((d) => `${d.ordinal ?? ''}${d.day}`).join(',')}`);
  if (rule.byMonthDay?.length) out.push(`BYMONTHDAY=${rule.byMonthDay.join(',')}`);
  if (rule.count !== undefined) out.push(`COUNT=${rule.count}`);
  if (rule.until !== undefined) out.push(`UNTIL=${formatUtcStamp(rule.until)}`);
  return out.join(';');
}

/** 20261122T170000Z for an epoch-millisecond instant. */
export function formatUtcStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** 20260113T180000 (local, no zone). */
function icsLocal(local: LocalDateTime): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${formatLocalDate(local).replace(/-/g, '')}T${pad(local.hour)}${pad(local.minute)}00`;
}

/** RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped; other control characters dropped. */
function escapeText(text: string): string {
  const escaped = text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
  return withoutControls(escaped, (code) => code === 0x09);
}

/** A parameter value: quoted when it holds characters that end a parameter. */
function paramValue(value: string): string {
  const clean = withoutControls(value.replace(/"/g, ''));
  return /[;:,]/.test(clean) ? `"${clean}"` : clean;
}

function uriValue(uri: string): string {
  return withoutControls(uri).replace(/ /g, '');
}

// Control characters would break a content line; `keep` names the ones a value type allows (TEXT allows tab).
function withoutControls(text: string, keep: (code: number) => boolean = () => false): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if ((code >= 0x20 && code !== 0x7f) || keep(code)) out += char;
  }
  return out;
}

/** Splits a content line into lines of at most 75 octets of UTF-8, never inside a character. */
function foldLine(line: string): string {
  let out = '';
  let octets = 0;
  for (const char of line) {
    const code = char.codePointAt(0)!;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (octets + size > 75) {
      out += '\r\n ';
      octets = 1; // the space that marks the continuation counts
    }
    out += char;
    octets += size;
  }
  return out;
}

/** The text in `locale`, else its base language, else the first one there is. */
function pickText(text: Text, locale: string): string {
  if (locale && text[locale] !== undefined) return text[locale]!;
  const base = locale.split('-')[0]!;
  if (base && text[base] !== undefined) return text[base]!;
  return Object.values(text)[0] ?? '';
}

function placeText(place: Place, locale: string): string {
  const town = [place.postalCode, place.city].filter(Boolean).join(' ');
  return [place.name && pickText(place.name, locale), place.street, town].filter(Boolean).join(', ');
}

function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}

const GERMAN_LETTERS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };

function slugify(text: string): string {
  const slug = text
    .replace(/[äöüßÄÖÜ]/g, (c) => GERMAN_LETTERS[c]!)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 60) return slug;
  const cut = slug.slice(0, 61);
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut.slice(0, 60); // end long names at a word boundary
}
