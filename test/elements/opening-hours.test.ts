import { expect } from '@open-wc/testing';
import { openingState, hoursOn, clockMinutes } from '../../src/elements/office-card/opening-hours.js';
import { clockText, rangeText, weekOrder, weekdayName } from '../../src/elements/office-card/office-hours-view.js';
import type { OpeningHours } from '../../src/feed/types.js';

const BERLIN = 'Europe/Berlin';
const utc = (iso: string) => Date.parse(iso);

// Mornings Monday, Tuesday and Thursday; Tuesday afternoon as well.
const office: OpeningHours[] = [
  { days: ['MO', 'TU', 'TH'], opens: '09:00', closes: '13:00' },
  { days: ['TU'], opens: '14:00', closes: '18:00' },
];

describe('openingState()', () => {
  it('is open on a Monday morning until 13:00 on the office clock', () => {
    // 10:00 in Berlin (CET, UTC+1).
    const state = openingState(office, BERLIN, utc('2026-03-23T09:00:00Z'));
    expect(state.open).to.equal(true);
    expect(state.closesAt).to.include({ weekday: 'MO', time: '13:00', daysAhead: 0 });
    expect(state.closesAt!.at).to.equal(utc('2026-03-23T12:00:00Z'));
    expect(state.opensAt).to.equal(undefined);
  });

  it('says the office opens on Tuesday at 9:00 after it closed on Monday', () => {
    const state = openingState(office, BERLIN, utc('2026-03-23T13:30:00Z'));
    expect(state.open).to.equal(false);
    expect(state.opensAt).to.include({ weekday: 'TU', time: '09:00', daysAhead: 1 });
  });

  it('finds the afternoon opening later the same day', () => {
    const state = openingState(office, BERLIN, utc('2026-03-24T12:30:00Z')); // Tuesday 13:30
    expect(state.opensAt).to.include({ weekday: 'TU', time: '14:00', daysAhead: 0 });
  });

  it('counts closing and opening on the office clock, not the visitor’s', () => {
    // 09:30 UTC is 10:30 in Berlin but 05:30 in New York: the same instant, different answers.
    expect(openingState(office, BERLIN, utc('2026-03-23T09:30:00Z')).open).to.equal(true);
    expect(openingState(office, 'America/New_York', utc('2026-03-23T09:30:00Z')).open).to.equal(false);
    const ny = openingState(office, 'America/New_York', utc('2026-03-23T09:30:00Z'));
    expect(ny.opensAt).to.include({ weekday: 'MO', time: '09:00', daysAhead: 0 });
    expect(ny.opensAt!.at).to.equal(utc('2026-03-23T13:00:00Z')); // EDT, UTC-4
  });

  describe('across the change to summer time (Sunday 29 March 2026 in Berlin)', () => {
    it('opens on Monday at 9:00 summer time when asked on Saturday evening', () => {
      const state = openingState(office, BERLIN, utc('2026-03-28T19:00:00Z')); // Sat 20:00 CET
      expect(state.opensAt).to.include({ weekday: 'MO', time: '09:00', daysAhead: 2 });
      expect(state.opensAt!.at).to.equal(utc('2026-03-30T07:00:00Z')); // 09:00 CEST = 07:00 UTC
    });

    it('says “tomorrow” on the Sunday itself, after the clocks went forward', () => {
      const state = openingState(office, BERLIN, utc('2026-03-29T01:30:00Z')); // Sun 03:30 CEST
      expect(state.open).to.equal(false);
      expect(state.opensAt).to.include({ weekday: 'MO', time: '09:00', daysAhead: 1 });
      expect(state.opensAt!.at).to.equal(utc('2026-03-30T07:00:00Z'));
    });

    it('closes at 04:00 summer time on the night the clocks skip an hour', () => {
      const night: OpeningHours[] = [{ days: ['SU'], opens: '00:00', closes: '04:00' }];
      const state = openingState(night, BERLIN, utc('2026-03-29T00:30:00Z')); // 01:30 CET
      expect(state.open).to.equal(true);
      expect(state.closesAt).to.include({ weekday: 'SU', time: '04:00', daysAhead: 0 });
      // 04:00 CEST is 02:00 UTC: 90 minutes later, not 150.
      expect(state.closesAt!.at).to.equal(utc('2026-03-29T02:00:00Z'));
    });

    it('is still open on the Monday after at 12:30 summer time and closed at 13:30', () => {
      expect(openingState(office, BERLIN, utc('2026-03-30T10:30:00Z')).open).to.equal(true);
      expect(openingState(office, BERLIN, utc('2026-03-30T11:30:00Z')).open).to.equal(false);
    });
  });

  it('opens on Monday at 9:00 winter time across the October change', () => {
    const state = openingState(office, BERLIN, utc('2026-10-24T18:00:00Z')); // Sat 20:00 CEST
    expect(state.opensAt).to.include({ weekday: 'MO', time: '09:00', daysAhead: 2 });
    expect(state.opensAt!.at).to.equal(utc('2026-10-26T08:00:00Z')); // 09:00 CET
  });

  it('merges rows that meet, so the office is open until the later closing', () => {
    const rows: OpeningHours[] = [
      { days: ['WE'], opens: '09:00', closes: '13:00' },
      { days: ['WE'], opens: '13:00', closes: '18:00' },
    ];
    const state = openingState(rows, BERLIN, utc('2026-03-25T10:00:00Z'));
    expect(state.closesAt).to.include({ time: '18:00', daysAhead: 0 });
  });

  it('reads a row that closes before it opens as running past midnight', () => {
    const rows: OpeningHours[] = [{ days: ['FR'], opens: '22:00', closes: '02:00' }];
    const state = openingState(rows, BERLIN, utc('2026-03-28T00:00:00Z')); // Sat 01:00 CET
    expect(state.open).to.equal(true);
    expect(state.closesAt).to.include({ weekday: 'SA', time: '02:00', daysAhead: 0 });
  });

  it('treats 24:00 as the end of the day', () => {
    const rows: OpeningHours[] = [{ days: ['WE'], opens: '20:00', closes: '24:00' }];
    const state = openingState(rows, BERLIN, utc('2026-03-25T20:00:00Z')); // Wed 21:00
    expect(state.closesAt).to.include({ weekday: 'WE', time: '24:00', daysAhead: 0 });
    expect(state.closesAt!.at).to.equal(utc('2026-03-25T23:00:00Z'));
  });

  it('has nothing to say without opening hours', () => {
    expect(openingState([], BERLIN, Date.now())).to.deep.equal({ open: false });
  });

  it('throws for a time zone Intl does not know', () => {
    expect(() => openingState(office, 'Mars/Olympus', Date.now())).to.throw(/Mars\/Olympus/);
  });
});

describe('opening-hours helpers', () => {
  it('lists one weekday’s hours in order', () => {
    const rows: OpeningHours[] = [
      { days: ['TU'], opens: '14:00', closes: '18:00' },
      { days: ['MO', 'TU'], opens: '09:00', closes: '13:00' },
    ];
    expect(hoursOn(rows, 'TU')).to.deep.equal([
      ['09:00', '13:00'],
      ['14:00', '18:00'],
    ]);
    expect(hoursOn(rows, 'WE')).to.deep.equal([]);
  });

  it('reads clock times and rejects others', () => {
    expect(clockMinutes('09:30')).to.equal(570);
    expect(clockMinutes('24:00')).to.equal(1440);
    expect(clockMinutes('24:30')).to.equal(undefined);
    expect(clockMinutes('9:30')).to.equal(undefined);
  });

  it('names weekdays and times in the UI locale', () => {
    expect(weekdayName('TU', 'de')).to.equal('Dienstag');
    expect(weekdayName('TU', 'en')).to.equal('Tuesday');
    expect(clockText('09:00', 'de')).to.equal('9:00');
    expect(clockText('24:00', 'de')).to.equal('24:00');
    expect(clockText('13:00', 'en')).to.match(/^1:00\sPM$/);
    expect(rangeText('09:00', '13:00', 'de')).to.match(/^0?9:00\s?–\s?13:00/);
  });

  it('starts the week on Monday in German', () => {
    expect(weekOrder('de')[0]).to.equal('MO');
    expect(weekOrder('de')).to.have.length(7);
  });
});
