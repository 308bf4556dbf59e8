/**
 * Turns the rhythm phrases contact offices write into RRULEs: "jeden 2. Dienstag im Monat",
 * "wöchentlich montags", "14-tägig donnerstags", "letzter Freitag im Monat", "1. und 3.
 * Mittwoch", "nach Absprache", and their English counterparts. Ambiguous phrases are
 * refused with a reason rather than guessed ("jeden zweiten Dienstag": fortnightly, or the
 * second Tuesday of the month?). Times of day ("18–20 Uhr") are read here too.
 */
import type { WeekdayCode } from '../feed/types.js';

export type RhythmReason = 'ambiguous-second' | 'monthly-which-day' | 'daily' | 'mixed-ordinals' | 'not-understood';

export type Rhythm =
  | { kind: 'rule'; freq: 'WEEKLY' | 'MONTHLY'; interval: number; byDay: string[]; byMonthDay?: number; time?: TimeRange }
  | { kind: 'arrangement' }
  | { kind: 'once'; time?: TimeRange }
  | { kind: 'unknown'; reason: RhythmReason };

export interface TimeRange {
  start: string;
  end?: string;
}

const DAY_WORDS: [RegExp, WeekdayCode][] = [
  [/^(montags?|mo|mon|mondays?)$/, 'MO'],
  [/^(dienstags?|di|tue|tues|tuesdays?)$/, 'TU'],
  [/^(mittwochs?|mi|wed|wednesdays?)$/, 'WE'],
  [/^(donnerstags?|do|thu|thurs|thursdays?)$/, 'TH'],
  [/^(freitags?|fr|fri|fridays?)$/, 'FR'],
  [/^(samstags?|sonnabends?|sa|sat|saturdays?)$/, 'SA'],
  [/^(sonntags?|so|sun|sundays?)$/, 'SU'],
];
const ORDINAL_WORDS: [RegExp, number][] = [
  [/^(erste[nmrs]?|first|1st)$/, 1],
  [/^(zweite[nmrs]?|second|2nd)$/, 2],
  [/^(dritte[nmrs]?|third|3rd)$/, 3],
  [/^(vierte[nmrs]?|fourth|4th)$/, 4],
  [/^(fünfte[nmrs]?|fuenfte[nmrs]?|fifth|5th)$/, 5],
  [/^(letzte[nmrs]?|last)$/, -1],
  [/^(vorletzte[nmrs]?)$/, -2],
];
const NUMBER_WORDS: Record<string, number> = { zwei: 2, drei: 3, vier: 4, fünf: 5, fuenf: 5, sechs: 6, two: 2, three: 3, four: 4, five: 5, six: 6 };

const ARRANGEMENT = /nach (absprache|vereinbarung)|auf anfrage|bei bedarf|by arrangement|on request|by appointment/;
const MONTHLY = /monat|monthly|month/;
const WEEKLY = /wöchentlich|woechentlich|jede woche|weekly|every week/;
const DAILY = /täglich|taeglich|daily|every day|jeden tag/;
const ONCE = /einmalig|einmal am|once on|one-off/;

/**
 * "18:00–20:00", "18 bis 20 Uhr", "18.30 - 20 Uhr", "ab 19 Uhr", "19:30" → { start, end }.
 * In a column of its own (`loose`), bare hours ("18-20", "19") count as times too.
 */
export function parseTimeRange(text: string, loose = true): TimeRange | undefined {
  const lower = text.toLowerCase().trim();
  if (loose) {
    const bare = /^(?:ab |um )?(\d{1,2})(?:\s*(?:-|–|—|bis)\s*(\d{1,2}))?$/.exec(lower);
    if (bare) {
      const start = clock(bare[1] as string, undefined);
      const end = bare[2] === undefined ? undefined : clock(bare[2], undefined);
      if (start && (bare[2] === undefined || end)) return end ? { start, end } : { start };
    }
  }
  return findTime(lower)?.range;
}

function clock(h: string, m: string | undefined): string | undefined {
  const hours = Number(h);
  const minutes = m === undefined ? 0 : Number(m);
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return undefined;
  return `${String(hours % 24).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

// "6 pm" → 18: only for the English forms, German offices write 24-hour times.
function pm(time: string | undefined, suffix: string | undefined): string | undefined {
  if (!time || suffix !== 'pm') return time;
  const h = Number(time.slice(0, 2));
  return h < 12 ? `${String(h + 12).padStart(2, '0')}${time.slice(2)}` : time;
}

/** The first time (range) in a lower-cased text and where it stands, so the rest can be read without it. */
function findTime(text: string): { range: TimeRange; index: number; length: number } | undefined {
  // Lookarounds keep dates ("12.03.2026") from reading as times.
  const range = /(?<![\d.])(\d{1,2})(?:[:.](\d{2}))?\s*(?:uhr|am|pm)?\s*(?:-|–|—|bis|to)\s*(\d{1,2})(?:[:.](\d{2}))?(?![\d.])\s*(uhr|am|pm)?/.exec(text);
  if (range && (range[2] !== undefined || range[4] !== undefined || /uhr|bis|am|pm/.test(range[0]))) {
    const start = pm(clock(range[1] as string, range[2]), range[5]);
    const end = pm(clock(range[3] as string, range[4]), range[5]);
    if (start && end) return { range: { start, end }, index: range.index, length: range[0].length };
  }
  const single = /(?:\b(?:um|ab|at|from) )?(?<![\d.])(\d{1,2})(?:[:.](\d{2}))?(?![\d.])\s*(uhr|am|pm)?/g;
  for (let m = single.exec(text); m; m = single.exec(text)) {
    if (m[2] === undefined && m[3] === undefined) continue;
    const start = pm(clock(m[1] as string, m[2]), m[3]);
    if (start) return { range: { start }, index: m.index, length: m[0].length };
  }
  return undefined;
}

function tokens(text: string): string[] {
  return text
    .replace(/(\d)\.(?=\s|$)/g, '$1. ')
    .split(/[\s,;/()+&]+|(?<=\.)(?=\S)/)
    .map((t) => t.replace(/^[.:-]+|[:-]+$/g, ''))
    .filter(Boolean);
}

function weekdayOf(token: string): WeekdayCode | undefined {
  const word = token.replace(/\.$/, '');
  return DAY_WORDS.find(([re]) => re.test(word))?.[1];
}

function ordinalOf(token: string): number | undefined {
  const numeric = /^([1-5])\.$/.exec(token);
  if (numeric) return Number(numeric[1]);
  return ORDINAL_WORDS.find(([re]) => re.test(token))?.[1];
}

/** How many weeks apart ("14-tägig", "alle zwei Wochen", "every other week"), or 1. */
function weekInterval(text: string): number {
  if (/14[- ]?tägig|14[- ]?taegig|vierzehntägig|alle 14 tage|every other week|fortnightly|biweekly/.test(text)) return 2;
  const every = /alle (\d+|\w+) wochen|every (\d+|\w+) weeks|(\d+|zwei|drei|vier)[- ]?wöchentlich|jede (zweite|dritte|2\.|3\.) woche/.exec(text);
  if (!every) return 1;
  const word = (every[1] ?? every[2] ?? every[3] ?? every[4] ?? '').replace('.', '');
  const n = /^\d+$/.test(word) ? Number(word) : word === 'zweite' ? 2 : word === 'dritte' ? 3 : NUMBER_WORDS[word];
  return n !== undefined && n >= 1 && n <= 52 ? n : 1;
}

/** Reads a rhythm phrase. An empty phrase is `unknown` with reason `not-understood`. */
export function parseRhythm(phrase: string): Rhythm {
  let text = phrase.toLowerCase().replace(/\s+/g, ' ').trim();
  if (ARRANGEMENT.test(text)) return { kind: 'arrangement' };
  const found = findTime(text);
  const time = found?.range;
  if (found) text = `${text.slice(0, found.index)} ${text.slice(found.index + found.length)}`.trim();
  if (DAILY.test(text)) return { kind: 'unknown', reason: 'daily' };
  const withTime = <T extends object>(r: T): T & { time?: TimeRange } => (time ? { ...r, time } : r);
  if (ONCE.test(text)) return withTime({ kind: 'once' as const });

  const monthly = MONTHLY.test(text);
  const interval = weekInterval(text);
  // Pair ordinals with the weekday that follows them: "1. und 3. Mittwoch", "1. Mittwoch und 3. Donnerstag".
  const byDay: string[] = [];
  const plainDays: WeekdayCode[] = [];
  let pending: number[] = [];
  const words = tokens(text);
  for (let i = 0; i < words.length; i++) {
    const token = words[i] as string;
    const ordinal = ordinalOf(token);
    const day = weekdayOf(token);
    if (ordinal !== undefined) {
      // "jede zweite Woche" is an interval, not an ordinal.
      if (!/^(woche|week)/.test(words[i + 1] ?? '')) pending.push(ordinal);
    } else if (day) {
      if (pending.length) {
        for (const o of pending) if (!byDay.includes(`${o}${day}`)) byDay.push(`${o}${day}`);
        pending = [];
      } else if (!plainDays.includes(day)) plainDays.push(day);
    }
  }

  if (byDay.length) {
    if (plainDays.length) return { kind: 'unknown', reason: 'mixed-ordinals' };
    if (interval > 1) return { kind: 'unknown', reason: 'not-understood' };
    // "jeden 2. Dienstag" without "im Monat" is read both as fortnightly and as monthly.
    if (!monthly && byDay.every((d) => d.startsWith('2'))) return { kind: 'unknown', reason: 'ambiguous-second' };
    return withTime({ kind: 'rule' as const, freq: 'MONTHLY' as const, interval: 1, byDay });
  }
  if (monthly) {
    // "am 15. jeden Monats", "on the 15th of each month": a day of the month.
    const monthDay = /(?:^|\s)(\d{1,2})(?:\.|st|nd|rd|th)(?=\s|$)/.exec(text);
    const n = Number(monthDay?.[1]);
    if (monthDay && n >= 1 && n <= 31 && plainDays.length === 0) return withTime({ kind: 'rule' as const, freq: 'MONTHLY' as const, interval: 1, byDay: [], byMonthDay: n });
    return { kind: 'unknown', reason: 'monthly-which-day' };
  }
  if (plainDays.length || interval > 1 || WEEKLY.test(text)) return withTime({ kind: 'rule' as const, freq: 'WEEKLY' as const, interval, byDay: plainDays });
  return { kind: 'unknown', reason: 'not-understood' };
}

/** The RRULE of a rule rhythm, with the weekday of `fallbackDay` when the phrase named none. */
export function rhythmToRRule(rhythm: Extract<Rhythm, { kind: 'rule' }>, fallbackDay?: WeekdayCode): string | undefined {
  const parts = [`FREQ=${rhythm.freq}`];
  if (rhythm.interval > 1) parts.push(`INTERVAL=${rhythm.interval}`);
  if (rhythm.byMonthDay !== undefined) parts.push(`BYMONTHDAY=${rhythm.byMonthDay}`);
  else if (rhythm.byDay.length) parts.push(`BYDAY=${rhythm.byDay.join(',')}`);
  else if (fallbackDay) parts.push(`BYDAY=${fallbackDay}`);
  else return undefined;
  return parts.join(';');
}
