/**
 * The connecting words of meeting descriptions (see `RuleWords` in
 * schedule/describe.ts), translated through @lit/localize. msg() runs only
 * inside the functions, so every call reads the locale active at that moment.
 * Ordinals are one message each: languages word "2nd Tuesday" or "last Friday"
 * in ways no suffix rule captures.
 */
import { msg, str } from '@lit/localize';
import { currentLocale } from './localization.js';
import { plural } from './plural.js';
import type { RuleWords } from '../schedule/describe.js';

function ordinalWeekday(ordinal: number, day: string): string {
  switch (ordinal) {
    case 1: return msg(str`1st ${day}`, { id: 'rule.ordinal.1', desc: 'Used inside "every … of the month"; day = weekday name.' });
    case 2: return msg(str`2nd ${day}`, { id: 'rule.ordinal.2', desc: 'Used inside "every … of the month"; day = weekday name.' });
    case 3: return msg(str`3rd ${day}`, { id: 'rule.ordinal.3', desc: 'Used inside "every … of the month"; day = weekday name.' });
    case 4: return msg(str`4th ${day}`, { id: 'rule.ordinal.4', desc: 'Used inside "every … of the month"; day = weekday name.' });
    case 5: return msg(str`5th ${day}`, { id: 'rule.ordinal.5', desc: 'Used inside "every … of the month"; day = weekday name.' });
    case -1: return msg(str`last ${day}`, { id: 'rule.ordinal.last', desc: 'Used inside "every … of the month"; day = weekday name.' });
    case -2: return msg(str`second-to-last ${day}`, { id: 'rule.ordinal.last2', desc: 'Used inside "every … of the month"; day = weekday name.' });
    case -3: return msg(str`third-to-last ${day}`, { id: 'rule.ordinal.last3', desc: 'Used inside "every … of the month"; day = weekday name.' });
    case -4: return msg(str`fourth-to-last ${day}`, { id: 'rule.ordinal.last4', desc: 'Used inside "every … of the month"; day = weekday name.' });
    default: return msg(str`fifth-to-last ${day}`, { id: 'rule.ordinal.last5', desc: 'Used inside "every … of the month"; day = weekday name.' });
  }
}

function monthDay(day: number): string {
  if (day === -1) return msg('the last day', { id: 'rule.monthDay.last', desc: 'Used inside "every month on …".' });
  if (day === -2) return msg('the second-to-last day', { id: 'rule.monthDay.last2', desc: 'Used inside "every month on …".' });
  if (day < 0) {
    const n = -day;
    return msg(str`day ${n} from the end`, { id: 'rule.monthDay.fromEnd', desc: 'n = 3..31. Used inside "every month on …".' });
  }
  return msg(str`day ${day}`, { id: 'rule.monthDay', desc: 'A day of the month, day = 1..31. Used inside "every month on …".' });
}

/** RuleWords in the page's active locale. Call it where you render, not at module load. */
export function localizedRuleWords(): RuleWords {
  return {
    weekly: (days, dayCount) =>
      dayCount === 1
        ? msg(str`every ${days}`, { id: 'rule.weekly.oneDay', desc: 'days = one weekday name, e.g. "every Monday".' })
        : msg(str`every week on ${days}`, { id: 'rule.weekly.days', desc: 'days = a list of weekday names, e.g. "Monday and Thursday".' }),
    everyNthWeek: (n, days, dayCount) => {
      if (n !== 2)
        return plural(n, currentLocale(), {
      one: () => msg(str`every ${n} weeks on ${days}`, { id: 'rule.everyNthWeek.one', desc: 'n = 3 or more; days = weekday name(s). Plural form “one”.' }),
      two: () => msg(str`every ${n} weeks on ${days}`, { id: 'rule.everyNthWeek.two', desc: 'n = 3 or more; days = weekday name(s). Plural form “two”.' }),
      few: () => msg(str`every ${n} weeks on ${days}`, { id: 'rule.everyNthWeek.few', desc: 'n = 3 or more; days = weekday name(s). Plural form “few”.' }),
      many: () => msg(str`every ${n} weeks on ${days}`, { id: 'rule.everyNthWeek.many', desc: 'n = 3 or more; days = weekday name(s). Plural form “many”.' }),
      other: () => msg(str`every ${n} weeks on ${days}`, { id: 'rule.everyNthWeek.other', desc: 'n = 3 or more; days = weekday name(s). Plural form “other”.' }),
    });
      return dayCount === 1
        ? msg(str`every other ${days}`, { id: 'rule.everyOtherWeek.oneDay', desc: 'Every second week; days = one weekday name.' })
        : msg(str`every other week on ${days}`, { id: 'rule.everyOtherWeek.days', desc: 'Every second week; days = a list of weekday names.' });
    },
    ordinalWeekday,
    monthlyOnWeekdays: (days) =>
      msg(str`every ${days} of the month`, { id: 'rule.monthly.weekdays', desc: 'days = e.g. "2nd Tuesday" or "1st Monday and 3rd Thursday".' }),
    everyNthMonthOnWeekdays: (n, days) =>
      n === 2
        ? msg(str`the ${days} of every other month`, { id: 'rule.everyOtherMonth.weekdays', desc: 'days = e.g. "2nd Tuesday".' })
        : plural(n, currentLocale(), {
      one: () => msg(str`the ${days} of every ${n} months`, { id: 'rule.everyNthMonth.weekdays.one', desc: 'n = 3 or more; days = e.g. “2nd Tuesday”. Plural form “one”.' }),
      two: () => msg(str`the ${days} of every ${n} months`, { id: 'rule.everyNthMonth.weekdays.two', desc: 'n = 3 or more; days = e.g. “2nd Tuesday”. Plural form “two”.' }),
      few: () => msg(str`the ${days} of every ${n} months`, { id: 'rule.everyNthMonth.weekdays.few', desc: 'n = 3 or more; days = e.g. “2nd Tuesday”. Plural form “few”.' }),
      many: () => msg(str`the ${days} of every ${n} months`, { id: 'rule.everyNthMonth.weekdays.many', desc: 'n = 3 or more; days = e.g. “2nd Tuesday”. Plural form “many”.' }),
      other: () => msg(str`the ${days} of every ${n} months`, { id: 'rule.everyNthMonth.weekdays.other', desc: 'n = 3 or more; days = e.g. “2nd Tuesday”. Plural form “other”.' }),
    }),
    monthDay,
    monthlyOnMonthDays: (days) =>
      msg(str`every month on ${days}`, { id: 'rule.monthly.monthDays', desc: 'days = e.g. "day 15" or "the last day".' }),
    everyNthMonthOnMonthDays: (n, days) =>
      n === 2
        ? msg(str`every other month on ${days}`, { id: 'rule.everyOtherMonth.monthDays', desc: 'days = e.g. "day 15".' })
        : plural(n, currentLocale(), {
      one: () => msg(str`every ${n} months on ${days}`, { id: 'rule.everyNthMonth.monthDays.one', desc: 'n = 3 or more; days = e.g. “day 15”. Plural form “one”.' }),
      two: () => msg(str`every ${n} months on ${days}`, { id: 'rule.everyNthMonth.monthDays.two', desc: 'n = 3 or more; days = e.g. “day 15”. Plural form “two”.' }),
      few: () => msg(str`every ${n} months on ${days}`, { id: 'rule.everyNthMonth.monthDays.few', desc: 'n = 3 or more; days = e.g. “day 15”. Plural form “few”.' }),
      many: () => msg(str`every ${n} months on ${days}`, { id: 'rule.everyNthMonth.monthDays.many', desc: 'n = 3 or more; days = e.g. “day 15”. Plural form “many”.' }),
      other: () => msg(str`every ${n} months on ${days}`, { id: 'rule.everyNthMonth.monthDays.other', desc: 'n = 3 or more; days = e.g. “day 15”. Plural form “other”.' }),
    }),
    everyNthMonth: (n, rhythm) =>
      n === 2
        ? msg(str`${rhythm}, every other month`, { id: 'rule.everyOtherMonth.rhythm', desc: 'rhythm = e.g. "every Tuesday".' })
        : plural(n, currentLocale(), {
      one: () => msg(str`${rhythm}, every ${n} months`, { id: 'rule.everyNthMonth.rhythm.one', desc: 'n = 3 or more; rhythm = e.g. “every Tuesday”. Plural form “one”.' }),
      two: () => msg(str`${rhythm}, every ${n} months`, { id: 'rule.everyNthMonth.rhythm.two', desc: 'n = 3 or more; rhythm = e.g. “every Tuesday”. Plural form “two”.' }),
      few: () => msg(str`${rhythm}, every ${n} months`, { id: 'rule.everyNthMonth.rhythm.few', desc: 'n = 3 or more; rhythm = e.g. “every Tuesday”. Plural form “few”.' }),
      many: () => msg(str`${rhythm}, every ${n} months`, { id: 'rule.everyNthMonth.rhythm.many', desc: 'n = 3 or more; rhythm = e.g. “every Tuesday”. Plural form “many”.' }),
      other: () => msg(str`${rhythm}, every ${n} months`, { id: 'rule.everyNthMonth.rhythm.other', desc: 'n = 3 or more; rhythm = e.g. “every Tuesday”. Plural form “other”.' }),
    }),
    both: (first, second) => msg(str`${first} and ${second}`, { id: 'rule.both', desc: 'Two rhythms of one meeting.' }),
    once: (date) => msg(str`once, on ${date}`, { id: 'rule.once', desc: 'A single meeting; date includes the weekday.' }),
    until: (rhythm, date) => msg(str`${rhythm}, until ${date}`, { id: 'rule.until', desc: 'The rhythm ends on this date.' }),
    times: (rhythm, count) =>
      plural(count, currentLocale(), {
      one: () => msg(str`${rhythm}, ${count} times`, { id: 'rule.times.one', desc: 'count = 2 or more meetings in all. Plural form “one”.' }),
      two: () => msg(str`${rhythm}, ${count} times`, { id: 'rule.times.two', desc: 'count = 2 or more meetings in all. Plural form “two”.' }),
      few: () => msg(str`${rhythm}, ${count} times`, { id: 'rule.times.few', desc: 'count = 2 or more meetings in all. Plural form “few”.' }),
      many: () => msg(str`${rhythm}, ${count} times`, { id: 'rule.times.many', desc: 'count = 2 or more meetings in all. Plural form “many”.' }),
      other: () => msg(str`${rhythm}, ${count} times`, { id: 'rule.times.other', desc: 'count = 2 or more meetings in all. Plural form “other”.' }),
    }),
    timeRange: (from, to) => msg(str`${from}–${to}`, { id: 'rule.timeRange', desc: 'Start and end time of a meeting.' }),
    startTime: (time) => msg(str`${time}`, { id: 'rule.startTime', desc: 'Start time when the end is unknown (de: "18:00 Uhr").' }),
    withTime: (rhythm, time) => msg(str`${rhythm}, ${time}`, { id: 'rule.withTime', desc: 'A rhythm followed by its time.' }),
  };
}
