import { expect } from '@open-wc/testing';
import type { Meeting } from '../../src/feed/types.js';
import { parseRRule } from '../../src/schedule/rrule.js';
import { meetingWeekdays, nextOccurrence, nextOccurrences, nextStart } from '../../src/schedule/occurrences.js';

function meeting(rrule: string | undefined, start: string, extra: Partial<Meeting> = {}): Meeting {
  return { start, timezone: 'Europe/Berlin', exdates: [], durationMinutes: 120, ...(rrule ? { rule: parseRRule(rrule), rrule } : {}), ...extra };
}

const utc = (iso: string): number => Date.parse(iso);
const locals = (list: { local: string }[]): string[] => list.map((o) => o.local);
const isoStarts = (list: { start: number }[]): string[] => list.map((o) => new Date(o.start).toISOString().slice(0, 16));

describe('nextOccurrences', () => {
  describe('across daylight saving time', () => {
    it('keeps a Berlin meeting at 18:00 local through the March change while the UTC instant moves an hour earlier', () => {
      const found = nextOccurrences(meeting('FREQ=WEEKLY;BYDAY=TU', '2026-03-17T18:00'), utc('2026-03-01T00:00Z'), 3);
      expect(locals(found)).to.deep.equal(['2026-03-17T18:00', '2026-03-24T18:00', '2026-03-31T18:00']);
      expect(isoStarts(found)).to.deep.equal(['2026-03-17T17:00', '2026-03-24T17:00', '2026-03-31T16:00']);
    });

    it('keeps a Berlin meeting at 18:00 local through the October change while the UTC instant moves an hour later', () => {
      const found = nextOccurrences(meeting('FREQ=WEEKLY;BYDAY=TU', '2026-01-06T18:00'), utc('2026-10-15T00:00Z'), 2);
      expect(locals(found)).to.deep.equal(['2026-10-20T18:00', '2026-10-27T18:00']);
      expect(isoStarts(found)).to.deep.equal(['2026-10-20T16:00', '2026-10-27T17:00']);
    });

    it('follows the zone of the meeting, not Berlin: New York changes on the second Sunday of March', () => {
      const found = nextOccurrences(meeting('FREQ=WEEKLY;BYDAY=MO', '2026-03-02T18:00', { timezone: 'America/New_York' }), utc('2026-03-01T00:00Z'), 2);
      expect(isoStarts(found)).to.deep.equal(['2026-03-02T23:00', '2026-03-09T22:00']);
    });

    it('moves a meeting set inside the spring-forward gap to the first time that exists', () => {
      const found = nextOccurrences(meeting('FREQ=WEEKLY', '2026-03-22T02:30', { durationMinutes: 60 }), utc('2026-03-25T00:00Z'), 2);
      expect(locals(found)).to.deep.equal(['2026-03-29T03:30', '2026-04-05T02:30']);
    });
  });

  describe('monthly rules', () => {
    it('skips months without a fifth Tuesday instead of moving the meeting', () => {
      const found = nextOccurrences(meeting('FREQ=MONTHLY;BYDAY=5TU', '2026-03-31T18:00'), utc('2026-03-01T00:00Z'), 4);
      expect(locals(found)).to.deep.equal(['2026-03-31T18:00', '2026-06-30T18:00', '2026-09-29T18:00', '2026-12-29T18:00']);
    });

    it('finds the last Friday of each month', () => {
      const found = nextOccurrences(meeting('FREQ=MONTHLY;BYDAY=-1FR', '2026-01-30T18:00'), utc('2026-01-01T00:00Z'), 4);
      expect(locals(found)).to.deep.equal(['2026-01-30T18:00', '2026-02-27T18:00', '2026-03-27T18:00', '2026-04-24T18:00']);
    });

    it('meets on 29 February only in a leap year and skips February otherwise', () => {
      const rule = 'FREQ=MONTHLY;BYMONTHDAY=29';
      expect(locals(nextOccurrences(meeting(rule, '2027-01-29T18:00'), utc('2027-01-01T00:00Z'), 2))).to.deep.equal(['2027-01-29T18:00', '2027-03-29T18:00']);
      expect(locals(nextOccurrences(meeting(rule, '2028-01-29T18:00'), utc('2028-01-01T00:00Z'), 2))).to.deep.equal(['2028-01-29T18:00', '2028-02-29T18:00']);
    });

    it('skips months without a 31st and counts negative month days from the end', () => {
      expect(locals(nextOccurrences(meeting('FREQ=MONTHLY', '2026-01-31T18:00'), utc('2026-01-01T00:00Z'), 3))).to.deep.equal(['2026-01-31T18:00', '2026-03-31T18:00', '2026-05-31T18:00']);
      expect(locals(nextOccurrences(meeting('FREQ=MONTHLY;BYMONTHDAY=-1', '2028-01-31T18:00'), utc('2028-02-01T00:00Z'), 2))).to.deep.equal(['2028-02-29T18:00', '2028-03-31T18:00']);
    });

    it('counts INTERVAL=2 from the month of the start', () => {
      const every2nd = meeting('FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU', '2026-01-13T18:00');
      expect(locals(nextOccurrences(every2nd, utc('2026-02-01T00:00Z'), 2))).to.deep.equal(['2026-03-10T18:00', '2026-05-12T18:00']);
      expect(locals(nextOccurrences(every2nd, utc('2026-04-01T00:00Z'), 1))).to.deep.equal(['2026-05-12T18:00']);
    });
  });

  describe('weekly rules', () => {
    it('meets across 29 February like any other day', () => {
      const found = nextOccurrences(meeting('FREQ=WEEKLY', '2028-02-22T18:00'), utc('2028-02-23T00:00Z'), 2);
      expect(locals(found)).to.deep.equal(['2028-02-29T18:00', '2028-03-07T18:00']);
    });

    it('counts INTERVAL=2 from the week of the start, weeks beginning on Monday', () => {
      const everyOtherWeek = meeting('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH', '2026-01-15T18:00');
      expect(locals(nextOccurrences(everyOtherWeek, utc('2026-01-01T00:00Z'), 3))).to.deep.equal(['2026-01-15T18:00', '2026-01-26T18:00', '2026-01-29T18:00']);
      // 2 March lies in an off week (7 weeks after the week of 12 January).
      expect(locals(nextOccurrences(everyOtherWeek, utc('2026-03-02T00:00Z'), 2))).to.deep.equal(['2026-03-09T18:00', '2026-03-12T18:00']);
    });

    it('uses the weekday of the start when BYDAY is absent', () => {
      expect(locals(nextOccurrences(meeting('FREQ=WEEKLY', '2026-01-14T18:00'), utc('2026-01-15T00:00Z'), 1))).to.deep.equal(['2026-01-21T18:00']);
    });
  });

  describe('ends and exceptions', () => {
    it('includes an occurrence that starts exactly at UNTIL and nothing after it', () => {
      const until = meeting('FREQ=WEEKLY;UNTIL=20260127T170000Z', '2026-01-13T18:00');
      expect(locals(nextOccurrences(until, utc('2026-01-01T00:00Z'), 10))).to.deep.equal(['2026-01-13T18:00', '2026-01-20T18:00', '2026-01-27T18:00']);
      const justBefore = meeting('FREQ=WEEKLY;UNTIL=20260127T165959Z', '2026-01-13T18:00');
      expect(nextOccurrences(justBefore, utc('2026-01-01T00:00Z'), 10)).to.have.length(2);
    });

    it('stops after COUNT occurrences counted from the start, even when asked from later on', () => {
      const three = meeting('FREQ=WEEKLY;COUNT=3', '2026-01-13T18:00');
      expect(locals(nextOccurrences(three, utc('2026-01-01T00:00Z'), 10))).to.deep.equal(['2026-01-13T18:00', '2026-01-20T18:00', '2026-01-27T18:00']);
      expect(locals(nextOccurrences(three, utc('2026-01-21T00:00Z'), 10))).to.deep.equal(['2026-01-27T18:00']);
    });

    it('returns nothing once COUNT is used up', () => {
      expect(nextOccurrences(meeting('FREQ=WEEKLY;COUNT=3', '2026-01-13T18:00'), utc('2026-02-01T00:00Z'), 5)).to.deep.equal([]);
      expect(nextOccurrences(meeting('FREQ=MONTHLY;BYDAY=5TU;COUNT=2', '2026-03-31T18:00'), utc('2026-07-01T00:00Z'), 5)).to.deep.equal([]);
    });

    it('leaves out cancelled dates, and a cancelled date still uses up one of COUNT', () => {
      const cancelled = meeting('FREQ=WEEKLY;COUNT=3', '2026-01-13T18:00', { exdates: ['2026-01-20'] });
      expect(locals(nextOccurrences(cancelled, utc('2026-01-01T00:00Z'), 10))).to.deep.equal(['2026-01-13T18:00', '2026-01-27T18:00']);
      const christmas = meeting('FREQ=WEEKLY;BYDAY=TH', '2026-01-01T18:00', { exdates: ['2026-12-24', '2026-12-31'] });
      expect(locals(nextOccurrences(christmas, utc('2026-12-20T00:00Z'), 1))).to.deep.equal(['2027-01-07T18:00']);
    });

    it('returns a single meeting without a rule once, and nothing after it', () => {
      const once = meeting(undefined, '2026-12-09T18:00');
      expect(locals(nextOccurrences(once, utc('2026-01-01T00:00Z'), 5))).to.deep.equal(['2026-12-09T18:00']);
      expect(nextOccurrence(once, utc('2026-12-10T00:00Z'))).to.equal(undefined);
    });
  });

  describe('what counts as upcoming', () => {
    it('still lists a meeting that is in progress, with its end', () => {
      const weekly = meeting('FREQ=WEEKLY', '2026-01-13T18:00');
      const during = nextOccurrence(weekly, utc('2026-01-13T17:30Z'));
      expect(during?.local).to.equal('2026-01-13T18:00');
      expect(during?.end).to.equal(utc('2026-01-13T19:00Z'));
      expect(nextOccurrence(weekly, utc('2026-01-13T19:00Z'))?.local).to.equal('2026-01-20T18:00');
    });

    it('drops a meeting of unknown length once it has started', () => {
      const unknownLength = meeting('FREQ=WEEKLY', '2026-01-13T18:00', { durationMinutes: undefined });
      const next = nextOccurrence(unknownLength, utc('2026-01-13T17:01Z'));
      expect(next?.local).to.equal('2026-01-20T18:00');
      expect(next).not.to.have.property('end');
    });
  });

  describe('efficiency and safety', () => {
    it('gives the same dates when jumping ahead as when walking from the start', () => {
      const rules = [
        'FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,FR;COUNT=400',
        'FREQ=MONTHLY;BYDAY=1MO,3MO;COUNT=200',
        'FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=-3;COUNT=150',
        'FREQ=MONTHLY;BYDAY=2TU,-1TH;COUNT=300',
        'FREQ=MONTHLY;BYDAY=5TU;COUNT=40',
        'FREQ=MONTHLY;INTERVAL=5;BYDAY=5WE',
        'FREQ=MONTHLY;BYMONTHDAY=31,1',
      ];
      for (const rule of rules) {
        const m = meeting(rule, '2019-01-31T19:30', { exdates: ['2026-06-01'] });
        const all = nextOccurrences(m, utc('2019-01-01T00:00Z'), 2000);
        const from = utc('2026-05-01T00:00Z');
        const expected = all.filter((o) => o.end! > from).slice(0, 6);
        expect(expected.length, rule).to.be.greaterThan(0);
        expect(nextOccurrences(m, from, 6), rule).to.deep.equal(expected);
      }
    });

    it('computes the next date of 20,000 meetings quickly', () => {
      const rules = ['FREQ=WEEKLY;BYDAY=TU', 'FREQ=MONTHLY;BYDAY=2TU', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH', 'FREQ=MONTHLY;BYDAY=-1FR;COUNT=500'].map((r) => parseRRule(r));
      const meetings = Array.from({ length: 20_000 }, (_, i): Meeting => ({
        start: `20${10 + (i % 16)}-0${1 + (i % 9)}-1${i % 10}T1${i % 10}:00`, timezone: 'Europe/Berlin', exdates: [], durationMinutes: 90, rule: rules[i % 4],
      }));
      const began = performance.now();
      const found = meetings.filter((m) => nextOccurrence(m, utc('2026-05-01T00:00Z')));
      expect(found).to.have.length(20_000);
      expect(performance.now() - began).to.be.lessThan(1500);
    });

    it('ends promptly for a rule that can never produce another date', () => {
      // February never has a 30th, and INTERVAL=12 only ever looks at February.
      const never = meeting('FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=30', '2026-02-10T18:00');
      const began = performance.now();
      expect(nextOccurrences(never, utc('2026-03-01T00:00Z'), 3)).to.deep.equal([]);
      expect(nextOccurrences({ ...never, rule: { ...never.rule!, count: 100_000 } }, utc('2026-03-01T00:00Z'), 3)).to.deep.equal([]);
      expect(performance.now() - began).to.be.lessThan(2000);
    });

    it('throws a clear error for an unknown time zone', () => {
      expect(() => nextOccurrences(meeting('FREQ=WEEKLY', '2026-01-13T18:00', { timezone: 'Europe/Atlantis' }), 0, 1)).to.throw('Europe/Atlantis');
    });
  });
});

describe('meetingWeekdays', () => {
  it('lists the BYDAY weekdays Monday first, the start weekday for plain weekly rules, and none for month days', () => {
    expect(meetingWeekdays(meeting('FREQ=WEEKLY;BYDAY=TH,MO', '2026-01-15T18:00'))).to.deep.equal(['MO', 'TH']);
    expect(meetingWeekdays(meeting('FREQ=MONTHLY;BYDAY=-1FR', '2026-01-30T18:00'))).to.deep.equal(['FR']);
    expect(meetingWeekdays(meeting('FREQ=WEEKLY', '2026-01-14T18:00'))).to.deep.equal(['WE']);
    expect(meetingWeekdays(meeting(undefined, '2026-12-09T18:00'))).to.deep.equal(['WE']);
    expect(meetingWeekdays(meeting('FREQ=MONTHLY;BYMONTHDAY=15', '2026-01-15T18:00'))).to.deep.equal([]);
  });
});

describe('nextStart', () => {
  it('is the start of nextOccurrence for weekly, monthly, ending, counted and single meetings, across DST', () => {
    const meetings = [
      meeting('FREQ=WEEKLY;BYDAY=TU', '2026-01-06T18:00', { durationMinutes: 90 }),
      meeting('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH', '2025-10-20T19:30'),
      meeting('FREQ=MONTHLY;BYDAY=-1FR', '2025-03-28T02:30', { timezone: 'Europe/Berlin' }),
      meeting('FREQ=MONTHLY;BYMONTHDAY=31', '2026-01-31T10:00'),
      meeting('FREQ=WEEKLY;COUNT=3', '2026-03-02T18:00'),
      meeting('FREQ=WEEKLY;UNTIL=20260401T000000Z', '2026-03-02T18:00', { exdates: ['2026-03-09'] }),
      meeting(undefined, '2026-05-05T17:00', { durationMinutes: 60 }),
    ];
    const moments = ['2025-01-01T00:00Z', '2026-03-09T17:30Z', '2026-03-29T01:30Z', '2026-10-25T00:59Z', '2026-12-31T23:00Z', '2030-01-01T00:00Z'];
    for (const m of meetings) for (const at of moments) expect(nextStart(m, utc(at)), `${m.start} at ${at}`).to.equal(nextOccurrence(m, utc(at))?.start);
  });
});
