/**
 * A short human description of a meeting's rhythm and time ("every 2nd Tuesday
 * of the month, 18:00–20:00"). Weekday names, dates, times and lists come from
 * Intl in the given locale; the connecting words come from a `RuleWords` object
 * so the elements can translate them through @lit/localize and node code can
 * use the English or German words below.
 */
import type { Meeting, WeekdayCode } from '../feed/types.js';
import { WEEKDAYS } from './rrule.js';
import { meetingStart } from './occurrences.js';
import { DAY_MS, civilFromDays, daysFromCivil, utcToLocal, weekdayOfDays, type LocalDateTime } from './timezone.js';

/**
 * The connecting words of a description. Every function receives pieces that
 * are already formatted in the UI language (weekday names, joined lists, dates,
 * times) and returns a whole phrase, so each language can order and inflect it.
 */
export interface RuleWords {
  /** Every week. `days` is one weekday ("Monday") or a joined list; `dayCount` says which. "every Monday", "every week on Monday and Thursday". */
  weekly(days: string, dayCount: number): string;
  /** Every n-th week, n ≥ 2. "every other Monday", "every 3 weeks on Wednesday". */
  everyNthWeek(n: number, days: string, dayCount: number): string;
  /** A weekday with its place in the month; ordinal 1..5, or -1 (last) .. -5. One whole phrase per ordinal: "2nd Tuesday", "last Friday". */
  ordinalWeekday(ordinal: number, day: string): string;
  /** Monthly on ordinal weekdays (from `ordinalWeekday`, joined). "every 2nd Tuesday of the month". */
  monthlyOnWeekdays(days: string): string;
  /** Every n-th month (n ≥ 2) on ordinal weekdays. "the 2nd Tuesday of every other month". */
  everyNthMonthOnWeekdays(n: number, days: string): string;
  /** A day of the month; negative counts from the end (-1 = last day). "day 15", "the last day". */
  monthDay(day: number): string;
  /** Monthly on days of the month (from `monthDay`, joined). "every month on day 15". */
  monthlyOnMonthDays(days: string): string;
  /** Every n-th month (n ≥ 2) on days of the month. "every other month on day 15". */
  everyNthMonthOnMonthDays(n: number, days: string): string;
  /** A weekly-sounding rhythm that only runs every n-th month (rare: FREQ=MONTHLY;INTERVAL=2;BYDAY=TU). "every Tuesday, every other month". */
  everyNthMonth(n: number, rhythm: string): string;
  /** Two rhythms at once (ordinal and plain weekdays in one monthly rule). "every 2nd Tuesday of the month and every Friday". */
  both(first: string, second: string): string;
  /** A single meeting. `date` is formatted with its weekday. "once, on Tue, 9 Dec 2026". */
  once(date: string): string;
  /** A rhythm with a last date. "every Monday, until 31 Dec 2026". */
  until(rhythm: string, date: string): string;
  /** A rhythm with a number of meetings, count ≥ 2. "every Monday, 4 times". */
  times(rhythm: string, count: number): string;
  /** Start and end time. "18:00–20:00". */
  timeRange(from: string, to: string): string;
  /** Start time when the end is unknown. "18:00". */
  startTime(time: string): string;
  /** A rhythm followed by its time. "every Monday, 18:00–20:00". */
  withTime(rhythm: string, time: string): string;
}

const ENGLISH_ORDINALS: Record<number, string> = {
  1: '1st', 2: '2nd', 3: '3rd', 4: '4th', 5: '5th',
  [-1]: 'last', [-2]: 'second-to-last', [-3]: 'third-to-last', [-4]: 'fourth-to-last', [-5]: 'fifth-to-last',
};

/** English connecting words, for node scripts, the CLI and tests. */
export const englishRuleWords: RuleWords = {
  weekly: (days, dayCount) => (dayCount === 1 ? `every ${days}` : `every week on ${days}`),
  everyNthWeek: (n, days, dayCount) =>
    n === 2 ? (dayCount === 1 ? `every other ${days}` : `every other week on ${days}`) : `every ${n} weeks on ${days}`,
  ordinalWeekday: (ordinal, day) => `${ENGLISH_ORDINALS[ordinal] ?? ordinal} ${day}`,
  monthlyOnWeekdays: (days) => `every ${days} of the month`,
  everyNthMonthOnWeekdays: (n, days) => (n === 2 ? `the ${days} of every other month` : `the ${days} of every ${n} months`),
  monthDay: (day) => (day > 0 ? `day ${day}` : day === -1 ? 'the last day' : day === -2 ? 'the second-to-last day' : `day ${-day} from the end`),
  monthlyOnMonthDays: (days) => `every month on ${days}`,
  everyNthMonthOnMonthDays: (n, days) => (n === 2 ? `every other month on ${days}` : `every ${n} months on ${days}`),
  everyNthMonth: (n, rhythm) => (n === 2 ? `${rhythm}, every other month` : `${rhythm}, every ${n} months`),
  both: (first, second) => `${first} and ${second}`,
  once: (date) => `once, on ${date}`,
  until: (rhythm, date) => `${rhythm}, until ${date}`,
  times: (rhythm, count) => `${rhythm}, ${count} times`,
  timeRange: (from, to) => `${from}–${to}`,
  startTime: (time) => time,
  withTime: (rhythm, time) => `${rhythm}, ${time}`,
};

const GERMAN_ORDINALS: Record<number, string> = {
  [-1]: 'letzten', [-2]: 'vorletzten', [-3]: 'drittletzten', [-4]: 'viertletzten', [-5]: 'fünftletzten',
};

/** German connecting words (weekdays are masculine, so "jeden"/"am" fit every day). */
export const germanRuleWords: RuleWords = {
  weekly: (days, dayCount) => (dayCount === 1 ? `jeden ${days}` : `jede Woche am ${days}`),
  everyNthWeek: (n, days, dayCount) =>
    n === 2 ? (dayCount === 1 ? `jeden zweiten ${days}` : `jede zweite Woche am ${days}`) : `alle ${n} Wochen am ${days}`,
  ordinalWeekday: (ordinal, day) => `${GERMAN_ORDINALS[ordinal] ?? `${ordinal}.`} ${day}`,
  monthlyOnWeekdays: (days) => `jeden ${days} im Monat`,
  everyNthMonthOnWeekdays: (n, days) => (n === 2 ? `am ${days} jedes zweiten Monats` : `am ${days} alle ${n} Monate`),
  monthDay: (day) => (day > 0 ? `${day}.` : day === -1 ? 'letzten Tag' : day === -2 ? 'vorletzten Tag' : `${-day}.-letzten Tag`),
  monthlyOnMonthDays: (days) => `jeden Monat am ${days}`,
  everyNthMonthOnMonthDays: (n, days) => (n === 2 ? `jeden zweiten Monat am ${days}` : `alle ${n} Monate am ${days}`),
  everyNthMonth: (n, rhythm) => (n === 2 ? `${rhythm}, jeden zweiten Monat` : `${rhythm}, alle ${n} Monate`),
  both: (first, second) => `${first} und ${second}`,
  once: (date) => `einmalig am ${date}`,
  until: (rhythm, date) => `${rhythm}, bis ${date}`,
  times: (rhythm, count) => `${rhythm}, ${count}-mal`,
  timeRange: (from, to) => `${from}–${to}`,
  startTime: (time) => `${time} Uhr`,
  withTime: (rhythm, time) => `${rhythm}, ${time}`,
};

/** The rhythm and time of a meeting: "every 2nd Tuesday of the month, 18:00–20:00". */
export function describeMeeting(meeting: Meeting, locale: string, words: RuleWords): string {
  return words.withTime(describeRule(meeting, locale, words), formatTimeRange(meeting, locale, words));
}

/** The rhythm alone, with its end (until a date, n times): "every other Monday, until 31 Dec 2026". */
export function describeRule(meeting: Meeting, locale: string, words: RuleWords): string {
  const start = meetingStart(meeting);
  const rule = meeting.rule;
  const intl = intlFor(locale);
  if (!rule || rule.count === 1) return words.once(intl.dateWithWeekday.format(utcDate(start)));

  const plainDays = WEEKDAYS.filter((code) => rule.byDay.some((d) => d.day === code && !d.ordinal));
  const ordinalDays = rule.byDay.filter((d) => d.ordinal).sort((a, b) => rank(a.ordinal!) - rank(b.ordinal!) || WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day));
  const weeklyOn = (codes: readonly WeekdayCode[], interval: number): string => {
    const names = intl.list.format(codes.map((code) => intl.weekdays[WEEKDAYS.indexOf(code)]!));
    return interval === 1 ? words.weekly(names, codes.length) : words.everyNthWeek(interval, names, codes.length);
  };

  let rhythm: string;
  if (rule.freq === 'WEEKLY') {
    const codes = rule.byDay.length ? WEEKDAYS.filter((code) => rule.byDay.some((d) => d.day === code)) : [WEEKDAYS[weekdayOf(start)]!];
    rhythm = weeklyOn(codes, rule.interval);
  } else if (rule.byDay.length) {
    const parts: string[] = [];
    if (ordinalDays.length) {
      const names = intl.list.format(ordinalDays.map((d) => words.ordinalWeekday(d.ordinal!, intl.weekdays[WEEKDAYS.indexOf(d.day)]!)));
      parts.push(rule.interval === 1 ? words.monthlyOnWeekdays(names) : words.everyNthMonthOnWeekdays(rule.interval, names));
    }
    if (plainDays.length) {
      // Every such weekday of the month: the dates of a weekly rule, thinned out by the month interval.
      const weekly = weeklyOn(plainDays, 1);
      parts.push(rule.interval === 1 ? weekly : words.everyNthMonth(rule.interval, weekly));
    }
    rhythm = parts.length === 2 ? words.both(parts[0]!, parts[1]!) : parts[0]!;
  } else {
    const monthDays = [...new Set(rule.byMonthDay?.length ? rule.byMonthDay : [start.day])].sort((a, b) => rank(a) - rank(b));
    const names = intl.list.format(monthDays.map((n) => words.monthDay(n)));
    rhythm = rule.interval === 1 ? words.monthlyOnMonthDays(names) : words.everyNthMonthOnMonthDays(rule.interval, names);
  }

  if (rule.until !== undefined) return words.until(rhythm, intl.date.format(utcDate(lastPossibleDate(meeting, start, rule.until))));
  if (rule.count !== undefined) return words.times(rhythm, rule.count);
  return rhythm;
}

/** The meeting's local time: "18:00–20:00", or the start alone when the length is unknown. */
export function formatTimeRange(meeting: Meeting, locale: string, words: RuleWords): string {
  const start = meetingStart(meeting);
  const intl = intlFor(locale);
  const from = intl.time.format(wallTime(start.hour * 60 + start.minute));
  const minutes = meeting.durationMinutes;
  if (minutes === undefined || !Number.isFinite(minutes) || minutes <= 0) return words.startTime(from);
  // Wall-clock end on the same clock face; a meeting rarely spans a DST change at night.
  return words.timeRange(from, intl.time.format(wallTime(start.hour * 60 + start.minute + minutes)));
}

// Positive ordinals and days first, ascending; then "last", "second-to-last", ...
const rank = (n: number): number => (n > 0 ? n : 100 - n);

function weekdayOf(date: { year: number; month: number; day: number }): number {
  return weekdayOfDays(daysFromCivil(date.year, date.month, date.day));
}

/** A calendar date as a Date at UTC midnight; formatters below all use timeZone UTC, so no zone shifts it. */
function utcDate(date: { year: number; month: number; day: number }): Date {
  return new Date(daysFromCivil(date.year, date.month, date.day) * DAY_MS);
}

function wallTime(minutes: number): Date {
  return new Date((((minutes % 1440) + 1440) % 1440) * 60_000);
}

/** The last local date a meeting can take place on under UNTIL (UNTIL is UTC; "20261231" means 23:59:59Z, already next day in Berlin). */
function lastPossibleDate(meeting: Meeting, start: LocalDateTime, until: number): { year: number; month: number; day: number } {
  const local = utcToLocal(meeting.timezone, until);
  const beforeStartTime = local.hour * 60 + local.minute < start.hour * 60 + start.minute;
  if (!beforeStartTime) return local;
  return civilFromDays(daysFromCivil(local.year, local.month, local.day) - 1);
}

interface LocaleIntl {
  weekdays: string[];
  list: Intl.ListFormat;
  date: Intl.DateTimeFormat;
  dateWithWeekday: Intl.DateTimeFormat;
  time: Intl.DateTimeFormat;
}

const intlCache = new Map<string, LocaleIntl>();

// Formatters are slow to build and a results list describes hundreds of meetings: one set per locale.
function intlFor(locale: string): LocaleIntl {
  let intl = intlCache.get(locale);
  if (intl) return intl;
  const tag = supportedLocale(locale);
  const utc = { timeZone: 'UTC' } as const;
  const weekday = new Intl.DateTimeFormat(tag, { ...utc, weekday: 'long' });
  intl = {
    // 2024-01-01 was a Monday.
    weekdays: WEEKDAYS.map((_, i) => weekday.format(new Date(Date.UTC(2024, 0, 1 + i)))),
    list: new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' }),
    // Gregorian dates in every language: meetings are held by a German calendar (Farsi defaults to Persian).
    date: new Intl.DateTimeFormat(tag, { ...utc, calendar: 'gregory', day: 'numeric', month: 'short', year: 'numeric' }),
    dateWithWeekday: new Intl.DateTimeFormat(tag, { ...utc, calendar: 'gregory', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }),
    time: new Intl.DateTimeFormat(tag, { ...utc, hour: 'numeric', minute: '2-digit' }),
  };
  intlCache.set(locale, intl);
  return intl;
}

// A malformed locale tag must not break a page: fall back to English.
function supportedLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}
