/**
 * Time-zone maths with Intl only: the offset of an IANA zone at an instant, a
 * local wall time in a zone as a UTC instant (and back), and the plain calendar
 * arithmetic (days since 1970-01-01) the recurrence code works in. No DOM: runs
 * in node too. A zone's offset transitions, needed only for .ics export, are
 * found in ics.ts, so the page's first script does not carry them.
 */

/** A wall-clock date and time in some zone; months and days count from 1. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** Thrown for a time zone Intl does not know; the message names the zone. */
export class TimeZoneError extends Error {
  override name = 'TimeZoneError';
}

const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
// Offsets are cached per quarter hour: every real transition lies on one, and two never fall in the same quarter.
const BUCKET_MS = 15 * MINUTE_MS;
const MAX_CACHED_BUCKETS = 200_000;

// ---------------------------------------------------------------------------
// Calendar arithmetic (proleptic Gregorian, no zone)

/** Days since 1970-01-01 for a calendar date (H. Hinnant's days_from_civil; works for any year). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date of a day number (inverse of `daysFromCivil`). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day: doy - Math.floor((153 * mp + 2) / 5) + 1 };
}

/** Weekday of a day number, 0 = Monday … 6 = Sunday (the order of `WEEKDAYS`). */
export function weekdayOfDays(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A wall time read as if it were UTC, in epoch ms: the base of all offset arithmetic. */
export function wallClockMs(local: LocalDateTime): number {
  return daysFromCivil(local.year, local.month, local.day) * DAY_MS + (local.hour * 60 + local.minute) * MINUTE_MS;
}

function wallClockFromMs(ms: number): LocalDateTime {
  const days = Math.floor(ms / DAY_MS);
  const minutes = Math.floor((ms - days * DAY_MS) / MINUTE_MS);
  const date = civilFromDays(days);
  return { year: date.year, month: date.month, day: date.day, hour: Math.floor(minutes / 60), minute: minutes % 60 };
}

// ---------------------------------------------------------------------------
// Local date-time strings

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::00(?:\.0+)?)?$/;

/** Reads "YYYY-MM-DDTHH:MM" (seconds ":00" tolerated); undefined when it is not a real date and time. */
export function parseLocalDateTime(text: string): LocalDateTime | undefined {
  const m = LOCAL_PATTERN.exec(text);
  if (!m) return undefined;
  const local = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]) };
  if (local.month < 1 || local.month > 12 || local.day < 1 || local.day > daysInMonth(local.year, local.month)) return undefined;
  if (local.hour > 23 || local.minute > 59) return undefined;
  return local;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** "YYYY-MM-DD" of a local date-time. */
export function formatLocalDate(local: { year: number; month: number; day: number }): string {
  return `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}`;
}

/** "YYYY-MM-DDTHH:MM" of a local date-time. */
export function formatLocalDateTime(local: LocalDateTime): string {
  return `${formatLocalDate(local)}T${pad(local.hour)}:${pad(local.minute)}`;
}

// ---------------------------------------------------------------------------
// Zones

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCaches = new Map<string, Map<number, number>>();

// Creating a DateTimeFormat costs far more than using one, so there is one per zone for the page's life.
function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter) return formatter;
  if (typeof zone !== 'string' || zone.trim() === '') throw new TimeZoneError('the time zone is empty (expected an IANA name such as Europe/Berlin)');
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new TimeZoneError(`"${zone}" is not a known IANA time zone (such as Europe/Berlin)`);
  }
  formatters.set(zone, formatter);
  return formatter;
}

/** True when Intl knows the zone. */
export function isValidTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

// The offset straight from Intl, in ms, for whole seconds (sub-second offsets do not exist).
export function intlOffsetMs(zone: string, ms: number): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const fields: Record<string, string> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(whole))) fields[part.type] = part.value;
  let year = Number(fields.year);
  if (fields.era === 'BC' || fields.era === 'B') year = 1 - year;
  const hour = Number(fields.hour) % 24; // some engines still print midnight as 24
  const wall = daysFromCivil(year, Number(fields.month), Number(fields.day)) * DAY_MS + ((hour * 60 + Number(fields.minute)) * 60 + Number(fields.second)) * 1000;
  return wall - whole;
}

function offsetMs(zone: string, ms: number): number {
  let cache = offsetCaches.get(zone);
  if (!cache) {
    formatterFor(zone);
    cache = new Map();
    offsetCaches.set(zone, cache);
  }
  const bucket = Math.floor(ms / BUCKET_MS);
  const cached = cache.get(bucket);
  if (cached !== undefined) return cached;
  const first = intlOffsetMs(zone, bucket * BUCKET_MS);
  const last = intlOffsetMs(zone, (bucket + 1) * BUCKET_MS - 1000);
  if (first !== last) return intlOffsetMs(zone, ms); // a transition inside this quarter hour: do not cache
  if (cache.size >= MAX_CACHED_BUCKETS) cache.clear();
  cache.set(bucket, first);
  return first;
}

/** The zone's offset from UTC at an instant, in minutes east (Berlin in summer: 120). */
export function timeZoneOffsetMinutes(zone: string, epochMs: number): number {
  return offsetMs(zone, epochMs) / MINUTE_MS;
}

/** The wall time in a zone at an instant. */
export function utcToLocal(zone: string, epochMs: number): LocalDateTime {
  return wallClockFromMs(epochMs + offsetMs(zone, epochMs));
}

/**
 * The instant of a wall time in a zone. A time skipped by a spring-forward gap
 * moves forward by the gap (02:30 → 03:30 CEST); a time that happens twice in
 * the autumn takes the first, summer-time instant.
 */
export function localToUtc(zone: string, local: LocalDateTime | string): number {
  const parts = typeof local === 'string' ? parseLocalDateTime(local) : local;
  if (!parts) throw new RangeError(`"${String(local)}" is not a local date-time such as 2026-01-13T18:00`);
  const wall = wallClockMs(parts);
  const before = offsetMs(zone, wall - DAY_MS);
  const after = offsetMs(zone, wall + DAY_MS);
  if (before === after) {
    const instant = wall - before;
    if (offsetMs(zone, instant) === before) return instant;
  }
  let earliest: number | undefined;
  for (const offset of [before, after, offsetMs(zone, wall - before), offsetMs(zone, wall - after)]) {
    const instant = wall - offset;
    if (offsetMs(zone, instant) === offset && (earliest === undefined || instant < earliest)) earliest = instant;
  }
  // No offset fits: the wall time lies in a gap, and the offset from before the gap lands just after it.
  return earliest ?? wall - before;
}
