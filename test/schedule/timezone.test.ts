import { expect } from '@open-wc/testing';
import {
  TimeZoneError,
  civilFromDays,
  daysFromCivil,
  isValidTimeZone,
  localToUtc,
  parseLocalDateTime,
  timeZoneOffsetMinutes,
  utcToLocal,
  weekdayOfDays,
} from '../../src/schedule/timezone.js';
import { zoneTransitions } from '../../src/schedule/ics.js';

const utc = (iso: string): number => Date.parse(iso);
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 16);

describe('time zones', () => {
  it('gives Berlin +60 minutes in winter and +120 in summer, and half-hour zones their odd offsets', () => {
    expect(timeZoneOffsetMinutes('Europe/Berlin', utc('2026-01-15T12:00Z'))).to.equal(60);
    expect(timeZoneOffsetMinutes('Europe/Berlin', utc('2026-07-15T12:00Z'))).to.equal(120);
    expect(timeZoneOffsetMinutes('Asia/Kolkata', utc('2026-07-15T12:00Z'))).to.equal(330);
    expect(timeZoneOffsetMinutes('Asia/Kathmandu', utc('2026-07-15T12:00Z'))).to.equal(345);
    expect(timeZoneOffsetMinutes('America/New_York', utc('2026-01-15T12:00Z'))).to.equal(-300);
  });

  it('switches Berlin to summer time at exactly 01:00 UTC on the last Sunday of March', () => {
    expect(timeZoneOffsetMinutes('Europe/Berlin', utc('2026-03-29T00:59:59Z'))).to.equal(60);
    expect(timeZoneOffsetMinutes('Europe/Berlin', utc('2026-03-29T01:00Z'))).to.equal(120);
  });

  it('turns a Berlin wall time into the right UTC instant in winter and in summer', () => {
    expect(iso(localToUtc('Europe/Berlin', '2026-01-13T18:00'))).to.equal('2026-01-13T17:00');
    expect(iso(localToUtc('Europe/Berlin', '2026-07-14T18:00'))).to.equal('2026-07-14T16:00');
    expect(iso(localToUtc('Australia/Sydney', '2026-01-13T18:00'))).to.equal('2026-01-13T07:00');
  });

  it('moves a wall time that the spring change skips forward by the gap (02:30 becomes 03:30 CEST)', () => {
    const instant = localToUtc('Europe/Berlin', '2026-03-29T02:30');
    expect(iso(instant)).to.equal('2026-03-29T01:30');
    expect(utcToLocal('Europe/Berlin', instant)).to.deep.include({ hour: 3, minute: 30 });
    expect(iso(localToUtc('America/New_York', '2026-03-08T02:30'))).to.equal('2026-03-08T07:30');
  });

  it('takes the first, summer-time instant of a wall time the autumn change repeats', () => {
    expect(iso(localToUtc('Europe/Berlin', '2026-10-25T02:30'))).to.equal('2026-10-25T00:30');
    expect(iso(localToUtc('America/New_York', '2026-11-01T01:30'))).to.equal('2026-11-01T05:30');
  });

  it('reads an instant back as the wall time in the zone', () => {
    expect(utcToLocal('Europe/Berlin', utc('2026-10-25T01:30Z'))).to.deep.equal({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 });
    expect(utcToLocal('Asia/Kathmandu', utc('2025-12-31T18:15Z'))).to.deep.equal({ year: 2026, month: 1, day: 1, hour: 0, minute: 0 });
    expect(utcToLocal('Pacific/Honolulu', utc('2026-01-01T05:00Z'))).to.deep.equal({ year: 2025, month: 12, day: 31, hour: 19, minute: 0 });
  });

  it('finds the two Berlin changes of a year to the second', () => {
    const changes = zoneTransitions('Europe/Berlin', utc('2026-01-01T00:00Z'), utc('2027-01-01T00:00Z'));
    expect(changes).to.deep.equal([
      { at: utc('2026-03-29T01:00Z'), before: 60, after: 120 },
      { at: utc('2026-10-25T01:00Z'), before: 120, after: 60 },
    ]);
    expect(zoneTransitions('Asia/Tokyo', utc('2026-01-01T00:00Z'), utc('2027-01-01T00:00Z'))).to.deep.equal([]);
  });

  it('refuses an unknown zone with an error that names it', () => {
    expect(isValidTimeZone('Europe/Berlin')).to.equal(true);
    expect(isValidTimeZone('Europe/Atlantis')).to.equal(false);
    expect(() => localToUtc('Europe/Atlantis', '2026-01-13T18:00')).to.throw(TimeZoneError, '"Europe/Atlantis" is not a known IANA time zone');
    expect(() => timeZoneOffsetMinutes('', 0)).to.throw(TimeZoneError, 'empty');
  });

  it('reads only real local date-times', () => {
    expect(parseLocalDateTime('2028-02-29T18:00')).to.deep.equal({ year: 2028, month: 2, day: 29, hour: 18, minute: 0 });
    expect(parseLocalDateTime('2027-02-29T18:00')).to.equal(undefined);
    expect(parseLocalDateTime('2026-01-13T24:00')).to.equal(undefined);
    expect(parseLocalDateTime('13.01.2026 18:00')).to.equal(undefined);
    expect(() => localToUtc('Europe/Berlin', '2027-02-29T18:00')).to.throw('not a local date-time');
  });

  it('counts calendar days the same way Date does, leap years and weekdays included', () => {
    for (const date of ['1970-01-01', '2000-02-29', '2026-12-31', '2028-02-29', '2100-03-01', '1600-01-01']) {
      const days = Date.parse(`${date}T00:00Z`) / 86_400_000;
      const [year, month, day] = date.split('-').map(Number) as [number, number, number];
      expect(daysFromCivil(year, month, day), date).to.equal(days);
      expect(civilFromDays(days), date).to.deep.equal({ year, month, day });
      expect(weekdayOfDays(days), date).to.equal((new Date(days * 86_400_000).getUTCDay() + 6) % 7);
    }
  });
});
