import { expect } from '@open-wc/testing';
import type { Meeting } from '../../src/feed/types.js';
import { parseRRule } from '../../src/schedule/rrule.js';
import { describeMeeting, describeRule, englishRuleWords, formatTimeRange, germanRuleWords, type RuleWords } from '../../src/schedule/describe.js';
import { localizedRuleWords } from '../../src/internal/rule-words.js';

function meeting(rrule: string | undefined, start = '2026-01-13T18:00', extra: Partial<Meeting> = {}): Meeting {
  return { start, timezone: 'Europe/Berlin', exdates: [], durationMinutes: 120, ...(rrule ? { rule: parseRRule(rrule), rrule } : {}), ...extra };
}

const en = (m: Meeting): string => describeMeeting(m, 'en-GB', englishRuleWords);
const de = (m: Meeting): string => describeMeeting(m, 'de', germanRuleWords);

describe('describeMeeting', () => {
  it('words the n-th weekday of the month with its time', () => {
    const m = meeting('FREQ=MONTHLY;BYDAY=2TU');
    expect(en(m)).to.equal('every 2nd Tuesday of the month, 18:00–20:00');
    expect(de(m)).to.equal('jeden 2. Dienstag im Monat, 18:00–20:00');
  });

  it('words the last weekday of the month', () => {
    const m = meeting('FREQ=MONTHLY;BYDAY=-1FR', '2026-01-30T18:00');
    expect(describeRule(m, 'en-GB', englishRuleWords)).to.equal('every last Friday of the month');
    expect(describeRule(m, 'de', germanRuleWords)).to.equal('jeden letzten Freitag im Monat');
  });

  it('words every other week, and every n weeks', () => {
    expect(describeRule(meeting('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', '2026-01-12T18:00'), 'en-GB', englishRuleWords)).to.equal('every other Monday');
    expect(describeRule(meeting('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', '2026-01-12T18:00'), 'de', germanRuleWords)).to.equal('jeden zweiten Montag');
    expect(describeRule(meeting('FREQ=WEEKLY;INTERVAL=3;BYDAY=WE', '2026-01-14T18:00'), 'en-GB', englishRuleWords)).to.equal('every 3 weeks on Wednesday');
    expect(describeRule(meeting('FREQ=WEEKLY;INTERVAL=3;BYDAY=WE', '2026-01-14T18:00'), 'de', germanRuleWords)).to.equal('alle 3 Wochen am Mittwoch');
  });

  it('words a weekly rule on one day and on several days, joined the way the language joins lists', () => {
    expect(describeRule(meeting('FREQ=WEEKLY'), 'en-GB', englishRuleWords)).to.equal('every Tuesday');
    expect(describeRule(meeting('FREQ=WEEKLY;BYDAY=TH,MO'), 'en-GB', englishRuleWords)).to.equal('every week on Monday and Thursday');
    expect(describeRule(meeting('FREQ=WEEKLY;BYDAY=TH,MO'), 'de', germanRuleWords)).to.equal('jede Woche am Montag und Donnerstag');
    expect(describeRule(meeting('FREQ=WEEKLY;BYDAY=MO,WE,FR'), 'en-US', englishRuleWords)).to.equal('every week on Monday, Wednesday, and Friday');
  });

  it('words a single meeting with its weekday and date', () => {
    const once = meeting(undefined, '2026-12-09T18:00');
    expect(describeRule(once, 'en-GB', englishRuleWords)).to.match(/^once, on Wed,? 9 Dec 2026$/);
    expect(describeRule(once, 'de', germanRuleWords)).to.equal('einmalig am Mi., 9. Dez. 2026');
  });

  it('writes dates in the Gregorian calendar in Farsi, whose default calendar is the Persian one', () => {
    const once = meeting(undefined, '2026-12-09T18:00');
    const text = describeRule(once, 'fa', englishRuleWords);
    expect(text).to.contain('۲۰۲۶');
    expect(text).not.to.contain('۱۴۰۵');
  });

  it('gives the last local date of UNTIL, not the next day that UTC midnight falls on in Berlin', () => {
    const m = meeting('FREQ=WEEKLY;UNTIL=20261231');
    expect(describeRule(m, 'en-GB', englishRuleWords)).to.equal('every Tuesday, until 31 Dec 2026');
    expect(describeRule(m, 'de', germanRuleWords)).to.equal('jeden Dienstag, bis 31. Dez. 2026');
  });

  it('says how many times a counted rhythm meets', () => {
    expect(describeRule(meeting('FREQ=WEEKLY;COUNT=4'), 'en-GB', englishRuleWords)).to.equal('every Tuesday, 4 times');
    expect(describeRule(meeting('FREQ=WEEKLY;COUNT=4'), 'de', germanRuleWords)).to.equal('jeden Dienstag, 4-mal');
  });

  it('words days of the month, counting the last day from the end', () => {
    const m = meeting('FREQ=MONTHLY;BYMONTHDAY=-1,15', '2026-01-15T18:00');
    expect(describeRule(m, 'en-GB', englishRuleWords)).to.equal('every month on day 15 and the last day');
    expect(describeRule(m, 'de', germanRuleWords)).to.equal('jeden Monat am 15. und letzten Tag');
  });

  it('words a monthly rhythm every other month', () => {
    const m = meeting('FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU');
    expect(describeRule(m, 'en-GB', englishRuleWords)).to.equal('the 2nd Tuesday of every other month');
    expect(describeRule(m, 'de', germanRuleWords)).to.equal('am 2. Dienstag jedes zweiten Monats');
  });

  it('shows only the start time when the length is unknown, in the clock of the locale', () => {
    const open = meeting('FREQ=WEEKLY', '2026-01-13T18:00', { durationMinutes: undefined });
    expect(formatTimeRange(open, 'de', germanRuleWords)).to.equal('18:00 Uhr');
    expect(formatTimeRange(meeting('FREQ=WEEKLY'), 'en-US', englishRuleWords)).to.match(/^6:00\sPM–8:00\sPM$/);
  });

  it('hands the words object weekday names and lists already formatted in the UI language', () => {
    const seen: string[] = [];
    const spy: RuleWords = { ...englishRuleWords, weekly: (days, dayCount) => (seen.push(`${days}/${dayCount}`), 'W') };
    expect(describeMeeting(meeting('FREQ=WEEKLY;BYDAY=MO,TU'), 'fr', spy)).to.equal('W, 18:00–20:00');
    expect(seen).to.deep.equal(['lundi et mardi/2']);
  });

  it('falls back to English formatting for a malformed locale instead of throwing', () => {
    expect(describeRule(meeting('FREQ=WEEKLY'), 'not a locale!', englishRuleWords)).to.equal('every Tuesday');
  });

  it('speaks the same English through @lit/localize in the source locale as the plain English words', () => {
    const rules: [string | undefined, string][] = [
      ['FREQ=MONTHLY;BYDAY=2TU', '2026-01-13T18:00'], ['FREQ=MONTHLY;BYDAY=-1FR,-2FR;COUNT=6', '2026-01-30T18:00'],
      ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', '2026-01-12T18:00'], ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH', '2026-01-12T18:00'],
      ['FREQ=WEEKLY;INTERVAL=4;UNTIL=20261231', '2026-01-13T18:00'], ['FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1,-1,-2,-5', '2026-01-01T18:00'],
      ['FREQ=MONTHLY;INTERVAL=2;BYDAY=1MO,3TH,5FR,-3TU', '2026-01-05T18:00'], ['FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU,FR', '2026-01-13T18:00'],
      [undefined, '2026-12-09T18:00'],
    ];
    const words = localizedRuleWords();
    for (const [rule, start] of rules) {
      expect(describeMeeting(meeting(rule, start), 'en-GB', words), rule).to.equal(describeMeeting(meeting(rule, start), 'en-GB', englishRuleWords));
    }
  });
});
