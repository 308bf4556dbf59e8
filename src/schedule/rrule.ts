/**
 * Parses the RFC 5545 RRULE subset the feed supports:
 * FREQ=WEEKLY|MONTHLY, INTERVAL, BYDAY (with ordinals, -1 = last), BYMONTHDAY,
 * COUNT, UNTIL. Anything else is refused with a message a page author understands.
 * Writing a rule back (`formatRRule`) is only needed for .ics export and lives in ics.ts.
 */
import type { ByDay, Rule, WeekdayCode } from '../feed/types.js';

export const WEEKDAYS: readonly WeekdayCode[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** Thrown for a rule outside the supported subset; `message` says which part. */
export class RuleError extends Error {
  override name = 'RuleError';
}

// Parts that are harmless to ignore (WKST only shifts weekly rules with BYDAY lists spanning a week start we do not use).
const IGNORED_PARTS = new Set(['WKST']);

/** Parses an RRULE value ("FREQ=MONTHLY;BYDAY=2TU"), with or without the "RRULE:" prefix. */
export function parseRRule(text: string): Rule {
  if (typeof text !== 'string' || text.trim() === '') throw new RuleError('the rule is empty');
  const body = text.trim().replace(/^RRULE:/i, '');
  const parts = new Map<string, string>();
  for (const piece of body.split(';')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    if (eq <= 0) throw new RuleError(`"${piece}" is not NAME=VALUE`);
    const name = piece.slice(0, eq).toUpperCase();
    if (parts.has(name)) throw new RuleError(`${name} appears twice`);
    parts.set(name, piece.slice(eq + 1).toUpperCase());
  }

  const freq = parts.get('FREQ');
  if (!freq) throw new RuleError('FREQ is missing');
  if (freq !== 'WEEKLY' && freq !== 'MONTHLY') throw new RuleError(`FREQ=${freq} is not supported (use WEEKLY or MONTHLY)`);

  const rule: Rule = { freq, interval: 1, byDay: [] };
  for (const [name, value] of parts) {
    switch (name) {
      case 'FREQ':
        break;
      case 'INTERVAL':
        rule.interval = positiveInt(name, value, 1000);
        break;
      case 'COUNT':
        rule.count = positiveInt(name, value, 100000);
        break;
      case 'UNTIL':
        rule.until = parseUntil(value);
        break;
      case 'BYDAY':
        rule.byDay = value.split(',').map((v) => parseByDay(v, freq));
        break;
      case 'BYMONTHDAY':
        if (freq !== 'MONTHLY') throw new RuleError('BYMONTHDAY is only supported with FREQ=MONTHLY');
        rule.byMonthDay = value.split(',').map(parseMonthDay);
        break;
      default:
        if (!IGNORED_PARTS.has(name)) throw new RuleError(`${name} is not supported`);
    }
  }
  if (rule.count !== undefined && rule.until !== undefined) throw new RuleError('COUNT and UNTIL must not both be given');
  if (rule.byMonthDay && rule.byDay.length) throw new RuleError('BYDAY and BYMONTHDAY must not both be given');
  return rule;
}

function positiveInt(name: string, value: string, max: number): number {
  if (!/^\d{1,6}$/.test(value)) throw new RuleError(`${name}=${value} is not a whole number`);
  const n = Number(value);
  if (n < 1 || n > max) throw new RuleError(`${name}=${value} is out of range (1..${max})`);
  return n;
}

function parseByDay(value: string, freq: Rule['freq']): ByDay {
  const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(value);
  if (!m) throw new RuleError(`BYDAY=${value} is not a weekday such as TU, 2TU or -1FR`);
  const day = m[2] as WeekdayCode;
  if (m[1] === undefined) return { day };
  const ordinal = Number(m[1]);
  if (ordinal === 0 || ordinal < -5 || ordinal > 5) throw new RuleError(`BYDAY=${value}: the ordinal must be 1..5 or -1..-5`);
  if (freq !== 'MONTHLY') throw new RuleError(`BYDAY=${value}: ordinals are only supported with FREQ=MONTHLY`);
  return { day, ordinal };
}

function parseMonthDay(value: string): number {
  if (!/^[+-]?\d{1,2}$/.test(value)) throw new RuleError(`BYMONTHDAY=${value} is not a day of the month`);
  const n = Number(value);
  if (n === 0 || n < -31 || n > 31) throw new RuleError(`BYMONTHDAY=${value} is out of range`);
  return n;
}

/** UNTIL as a UTC instant: "20261231T235959Z", a floating "20261231T235959" or a date "20261231" (end of that day, UTC). */
function parseUntil(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(value);
  if (!m) throw new RuleError(`UNTIL=${value} is not a date such as 20261231 or 20261231T235959Z`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [h, mi, s] = m[4] === undefined ? [23, 59, 59] : [Number(m[4]), Number(m[5]), Number(m[6])];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(ms);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    throw new RuleError(`UNTIL=${value} is not a real date`);
  }
  return ms;
}
