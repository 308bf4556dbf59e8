/**
 * The next dates of a meeting, following RFC 5545 for the RRULE subset the feed
 * supports. Work happens on local calendar days (days since 1970-01-01) in the
 * meeting's zone; only the dates that may be returned become UTC instants, so
 * the wall-clock time stays put across DST changes.
 *
 * Upcoming means "not yet over": an occurrence counts when it starts at or after
 * `from`, or when it has a known duration and is still in progress at `from`.
 * A meeting of unknown length drops out once it has started.
 */
import type { ByDay, Meeting, Rule, WeekdayCode } from '../feed/types.js';
import { WEEKDAYS } from './rrule.js';
import {
  DAY_MS,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  formatLocalDate,
  formatLocalDateTime,
  localToUtc,
  parseLocalDateTime,
  utcToLocal,
  weekdayOfDays,
  type LocalDateTime,
} from './timezone.js';

export interface Occurrence {
  /** Start, epoch ms. */
  start: number;
  /** End, epoch ms; undefined when the meeting's length is unknown. */
  end?: number;
  /** Start as "YYYY-MM-DDTHH:MM" in the meeting's zone. */
  local: string;
}

// Hard bounds so that no rule, however hostile, can keep a loop going.
const MAX_PERIODS = 200_000;
const MAX_RESULTS = 10_000;
const LAST_YEAR = 9999;
const LAST_MS = daysFromCivil(LAST_YEAR + 1, 1, 1) * DAY_MS;

/** A meeting's start and rule, resolved once per call. */
interface Plan {
  zone: string;
  start: LocalDateTime;
  startDay: number;
  durationMs: number | undefined;
  exdates: readonly string[];
}

/**
 * The next `count` occurrences of a meeting that have not ended at `from`
 * (epoch ms), in time order. A meeting without a rule happens once, on `start`.
 */
export function nextOccurrences(meeting: Meeting, from: number, count: number): Occurrence[] {
  return occurrencesFrom(meeting, from, count, true);
}

/**
 * The start (epoch ms) of the next occurrence that has not ended at `from`, or undefined:
 * `nextOccurrence(…)?.start` without the local date string (sorting 70,000 groups by date
 * needs only the number, and every string more is garbage to collect).
 */
export function nextStart(meeting: Meeting, from: number): number | undefined {
  return occurrencesFrom(meeting, from, 1, false)[0]?.start;
}

function occurrencesFrom(meeting: Meeting, from: number, count: number, withLocal: boolean): Occurrence[] {
  const wanted = Math.min(Math.floor(count), MAX_RESULTS);
  if (!(wanted > 0) || Number.isNaN(from)) return [];
  const plan = planOf(meeting);
  const out: Occurrence[] = [];
  const searchFrom = from - (plan.durationMs ?? 0); // an occurrence starting before this has ended
  const rule = meeting.rule;
  if (rule?.until !== undefined && rule.until < searchFrom) return out;
  if (searchFrom >= LAST_MS) return out;
  // Days before this one are certainly over; a day of slack covers any DST shift.
  const searchDay = searchFrom > -LAST_MS ? localDay(plan.zone, searchFrom) - 1 : -Infinity;
  const maxCount = rule ? (rule.count ?? Infinity) : 1;
  let consumed = 0;

  /** Takes one instance of the recurrence set; returns true when nothing after it can matter. */
  const take = (day: number): boolean => {
    if (consumed >= maxCount) return true;
    consumed++;
    if (day < searchDay) return false;
    const date = civilFromDays(day);
    const local = { year: date.year, month: date.month, day: date.day, hour: plan.start.hour, minute: plan.start.minute };
    const start = localToUtc(plan.zone, local);
    if (rule?.until !== undefined && start > rule.until) return true;
    if (plan.exdates.length && plan.exdates.includes(formatLocalDate(local))) return false;
    const end = plan.durationMs === undefined ? undefined : start + plan.durationMs;
    if (start >= from || (end !== undefined && end > from)) {
      const occurrence: Occurrence = { start, local: withLocal ? formatLocalDateTime(utcToLocal(plan.zone, start)) : '' };
      if (end !== undefined) occurrence.end = end;
      out.push(occurrence);
    }
    return out.length >= wanted;
  };

  if (!rule) {
    take(plan.startDay);
    return out;
  }

  const periods = rule.freq === 'WEEKLY' ? weeklyPeriods(rule, plan) : monthlyPeriods(rule, plan);
  let first = rule.count === undefined || periods.countBefore ? periods.periodAt(searchDay) : 0;
  if (first > 0) {
    consumed = periods.countBefore ? periods.countBefore(first) : 0;
  } else {
    first = 0;
    if (take(plan.startDay)) return out; // DTSTART is always the first instance (RFC 5545 3.8.5.3)
  }
  for (let p = first, steps = 0; steps < MAX_PERIODS; p++, steps++) {
    const days = periods.daysOf(p);
    if (!days) break;
    for (const day of days) if (day > plan.startDay && take(day)) return out;
  }
  return out;
}

/** The next occurrence that has not ended at `from`, or undefined. */
export function nextOccurrence(meeting: Meeting, from: number): Occurrence | undefined {
  return nextOccurrences(meeting, from, 1)[0];
}

/**
 * The weekdays a meeting always falls on, Monday first: the BYDAY days, or the
 * weekday of `start` for weekly rules without BYDAY and single meetings. Empty
 * for monthly rules by day of the month, whose weekday changes.
 */
export function meetingWeekdays(meeting: Meeting): WeekdayCode[] {
  const rule = meeting.rule;
  if (rule?.byDay.length) return WEEKDAYS.filter((code) => rule.byDay.some((d) => d.day === code));
  if (rule?.freq === 'MONTHLY') return [];
  const start = parseLocalDateTime(meeting.start);
  return start ? [WEEKDAYS[weekdayOfDays(daysFromCivil(start.year, start.month, start.day))]!] : [];
}

function localDay(zone: string, epochMs: number): number {
  const local = utcToLocal(zone, epochMs);
  return daysFromCivil(local.year, local.month, local.day);
}

/** The meeting's start; a RangeError that names it when it is not a local date-time. */
export function meetingStart(meeting: Meeting): LocalDateTime {
  const start = parseLocalDateTime(meeting.start);
  if (!start) throw new RangeError(`meeting.start "${meeting.start}" is not a local date-time such as 2026-01-13T18:00`);
  return start;
}

function planOf(meeting: Meeting): Plan {
  const start = meetingStart(meeting);
  const minutes = meeting.durationMinutes;
  return {
    zone: meeting.timezone,
    start,
    startDay: daysFromCivil(start.year, start.month, start.day),
    durationMs: minutes !== undefined && Number.isFinite(minutes) && minutes >= 0 ? minutes * 60_000 : undefined,
    // Exdates are dates; a date-time is cut to its date so a lenient feed still works.
    exdates: meeting.exdates?.length ? meeting.exdates.map((d) => d.slice(0, 10)) : [],
  };
}

/** A rule's periods (weeks or months, every INTERVAL-th one counted from the start's). */
interface Periods {
  /** The candidate days of period p in order, or undefined past the last supported year. */
  daysOf(p: number): number[] | undefined;
  /** The period containing `day` (negative before the first). */
  periodAt(day: number): number;
  /** How many instances, DTSTART included, come before period p > 0; only where it is plain arithmetic. */
  countBefore?: (p: number) => number;
}

function weeklyPeriods(rule: Rule, plan: Plan): Periods {
  const startWeekday = weekdayOfDays(plan.startDay);
  const weekdays = rule.byDay.length ? uniqueWeekdays(rule.byDay) : [startWeekday];
  const anchorMonday = plan.startDay - startWeekday; // weeks begin on Monday (WKST=MO)
  const step = 7 * rule.interval;
  const lastDay = daysFromCivil(LAST_YEAR, 12, 31);
  const inFirstWeek = weekdays.filter((w) => w > startWeekday).length;
  return {
    daysOf(p) {
      const monday = anchorMonday + p * step;
      return monday > lastDay ? undefined : weekdays.map((w) => monday + w);
    },
    periodAt(day) {
      return Math.floor((day - anchorMonday) / step);
    },
    countBefore(p) {
      return 1 + inFirstWeek + (p - 1) * weekdays.length;
    },
  };
}

function monthlyPeriods(rule: Rule, plan: Plan): Periods {
  const anchorMonth = plan.start.year * 12 + plan.start.month - 1;
  const byDay = rule.byDay;
  const monthDays = rule.byMonthDay?.length ? rule.byMonthDay : [plan.start.day];
  const periods: Periods = {
    daysOf(p) {
      const index = anchorMonth + p * rule.interval;
      const year = Math.floor(index / 12);
      if (year > LAST_YEAR) return undefined;
      const month = index - year * 12 + 1;
      return byDay.length ? weekdaysInMonth(year, month, byDay) : monthDaysInMonth(year, month, monthDays);
    },
    periodAt(day) {
      const { year, month } = civilFromDays(day);
      return Math.floor((year * 12 + month - 1 - anchorMonth) / rule.interval);
    },
  };
  const perMonth = byDay.length ? fixedCountOfWeekdays(byDay) : fixedCountOfMonthDays(monthDays);
  if (perMonth !== undefined) {
    const inFirstMonth = (periods.daysOf(0) ?? []).filter((d) => d > plan.startDay).length;
    periods.countBefore = (p) => 1 + inFirstMonth + (p - 1) * perMonth;
  }
  return periods;
}

/** Instances per month when every month has the same number (ordinals 1..4 only, or -1..-4 only); else undefined. */
function fixedCountOfWeekdays(byDay: readonly ByDay[]): number | undefined {
  const ordinals = byDay.map((d) => d.ordinal ?? 0);
  const sameSide = ordinals.every((o) => o >= 1 && o <= 4) || ordinals.every((o) => o <= -1 && o >= -4);
  return sameSide ? new Set(byDay.map((d) => `${d.ordinal}${d.day}`)).size : undefined;
}

/** Instances per month when every month has all the days (1..28 only, or -28..-1 only); else undefined. */
function fixedCountOfMonthDays(monthDays: readonly number[]): number | undefined {
  const sameSide = monthDays.every((n) => n >= 1 && n <= 28) || monthDays.every((n) => n <= -1 && n >= -28);
  return sameSide ? new Set(monthDays).size : undefined;
}

function uniqueWeekdays(byDay: readonly ByDay[]): number[] {
  return [...new Set(byDay.map((d) => WEEKDAYS.indexOf(d.day)))].filter((w) => w >= 0).sort((a, b) => a - b);
}

/** Days of a month matching BYDAY: "2TU" is the 2nd Tuesday, "-1FR" the last Friday, "TU" every Tuesday; missing ones are skipped. */
function weekdaysInMonth(year: number, month: number, byDay: readonly ByDay[]): number[] {
  const firstDay = daysFromCivil(year, month, 1);
  const length = daysInMonth(year, month);
  const firstWeekday = weekdayOfDays(firstDay);
  const found = new Set<number>();
  for (const { day, ordinal } of byDay) {
    const weekday = WEEKDAYS.indexOf(day);
    if (weekday < 0) continue;
    const firstMatch = 1 + ((weekday - firstWeekday + 7) % 7);
    const matches: number[] = [];
    for (let d = firstMatch; d <= length; d += 7) matches.push(d);
    if (ordinal === undefined || ordinal === 0) matches.forEach((d) => found.add(d));
    else {
      const pick = ordinal > 0 ? matches[ordinal - 1] : matches[matches.length + ordinal];
      if (pick !== undefined) found.add(pick);
    }
  }
  return [...found].sort((a, b) => a - b).map((d) => firstDay + d - 1);
}

/** Days of a month matching BYMONTHDAY (negative counts from the end); a day the month lacks is skipped. */
function monthDaysInMonth(year: number, month: number, monthDays: readonly number[]): number[] {
  const firstDay = daysFromCivil(year, month, 1);
  const length = daysInMonth(year, month);
  const found = new Set<number>();
  for (const n of monthDays) {
    const d = n > 0 ? n : length + n + 1;
    if (d >= 1 && d <= length) found.add(d);
  }
  return [...found].sort((a, b) => a - b).map((d) => firstDay + d - 1);
}
