/**
 * "Open now, until 13:00" / "Opens Tuesday at 9:00": an office's opening state at
 * an instant, worked out on the office's wall clock. Opening hours are wall
 * times in the office's zone, so days are stepped on the calendar, never by
 * adding 24 hours (which skips or repeats a day around a daylight-saving change).
 * Pure: no DOM, no Lit.
 */
import type { OpeningHours, WeekdayCode } from '../../feed/types.js';
import { civilFromDays, daysFromCivil, localToUtc, utcToLocal, weekdayOfDays } from '../../schedule/timezone.js';

/** Monday first, as `weekdayOfDays` counts. */
export const WEEKDAY_CODES: readonly WeekdayCode[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** A moment on the office's wall clock, with the instant it falls on. */
export interface OpeningMoment {
  weekday: WeekdayCode;
  /** Local "HH:MM" in the office's zone. */
  time: string;
  /** The instant, epoch ms (for formatting in the office's zone). */
  at: number;
  /** Calendar days from today in the office's zone: 0 = today, 1 = tomorrow. */
  daysAhead: number;
}

export interface OpeningState {
  open: boolean;
  /** While open: when this opening ends (adjacent rows are merged, 9–13 and 13–18 close at 18). */
  closesAt?: OpeningMoment;
  /** While closed: the next opening within a week. */
  opensAt?: OpeningMoment;
}

const DAY_MINUTES = 1440;
const CLOCK = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** Minutes after midnight of "HH:MM" ("24:00" allowed as the end of a day), or undefined. */
export function clockMinutes(text: string): number | undefined {
  const m = CLOCK.exec(text);
  if (!m) return undefined;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes > DAY_MINUTES ? undefined : minutes;
}

/**
 * The opening state at `now` (epoch ms) for rows of wall-clock hours in `timezone`.
 * A row whose `closes` is not after `opens` runs past midnight into the next day.
 * Throws a TimeZoneError for a zone Intl does not know.
 */
export function openingState(hours: readonly OpeningHours[], timezone: string, now: number): OpeningState {
  const local = utcToLocal(timezone, now);
  const today = daysFromCivil(local.year, local.month, local.day);
  // Everything below is in "wall minutes": day number × 1440 + minutes on the office's clock.
  const nowWall = today * DAY_MINUTES + local.hour * 60 + local.minute;
  const intervals = wallIntervals(hours, today - 1, today + 8);
  const current = intervals.find(([start, end]) => start <= nowWall && nowWall < end);
  if (current) return { open: true, closesAt: moment(timezone, current[1], today) };
  const next = intervals.find(([start]) => start > nowWall);
  return next ? { open: false, opensAt: moment(timezone, next[0], today) } : { open: false };
}

/** The rows as sorted, merged [start, end) wall-minute intervals on the days `from`..`to`. */
function wallIntervals(hours: readonly OpeningHours[], from: number, to: number): Array<[number, number]> {
  const raw: Array<[number, number]> = [];
  for (let day = from; day <= to; day++) {
    const code = WEEKDAY_CODES[weekdayOfDays(day)]!;
    for (const row of hours) {
      if (!row.days.includes(code)) continue;
      const opens = clockMinutes(row.opens);
      const closes = clockMinutes(row.closes);
      if (opens === undefined || closes === undefined || opens === DAY_MINUTES) continue;
      const start = day * DAY_MINUTES + opens;
      raw.push([start, closes > opens ? day * DAY_MINUTES + closes : (day + 1) * DAY_MINUTES + closes]);
    }
  }
  raw.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const interval of raw) {
    const last = merged[merged.length - 1];
    if (last && interval[0] <= last[1]) last[1] = Math.max(last[1], interval[1]);
    else merged.push([...interval]);
  }
  return merged;
}

function moment(timezone: string, wall: number, today: number): OpeningMoment {
  // "24:00" reads better as the end of the day it closes than as 00:00 of the next.
  const day = Math.floor(wall / DAY_MINUTES) - (wall % DAY_MINUTES === 0 ? 1 : 0);
  const minutes = wall - day * DAY_MINUTES;
  const instantDay = Math.floor(wall / DAY_MINUTES);
  const at = localToUtc(timezone, { ...civilFromDays(instantDay), hour: Math.floor((wall - instantDay * DAY_MINUTES) / 60), minute: wall % 60 });
  return {
    weekday: WEEKDAY_CODES[weekdayOfDays(day)]!,
    time: `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`,
    at,
    daysAhead: day - today,
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The rows of one weekday as sorted [opens, closes] "HH:MM" pairs (for a weekly table). */
export function hoursOn(hours: readonly OpeningHours[], weekday: WeekdayCode): Array<[string, string]> {
  return hours
    .filter((row) => row.days.includes(weekday) && clockMinutes(row.opens) !== undefined && clockMinutes(row.closes) !== undefined)
    .map((row): [string, string] => [row.opens, row.closes])
    .sort((a, b) => clockMinutes(a[0])! - clockMinutes(b[0])!);
}
