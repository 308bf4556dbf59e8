import { expect } from '@open-wc/testing';
import { parseRRule } from '../../src/schedule/rrule.js';
import { formatRRule } from '../../src/schedule/ics.js';

describe('parseRRule', () => {
  it('reads a monthly rule with an ordinal weekday', () => {
    expect(parseRRule('FREQ=MONTHLY;BYDAY=2TU')).to.deep.equal({ freq: 'MONTHLY', interval: 1, byDay: [{ day: 'TU', ordinal: 2 }] });
  });

  it('accepts the RRULE: prefix and lower case', () => {
    expect(parseRRule('RRULE:freq=weekly;interval=2;byday=mo').interval).to.equal(2);
  });

  it('reads "last Friday" as ordinal -1', () => {
    expect(parseRRule('FREQ=MONTHLY;BYDAY=-1FR').byDay).to.deep.equal([{ day: 'FR', ordinal: -1 }]);
  });

  it('refuses yearly rules with a message naming the part', () => {
    expect(() => parseRRule('FREQ=YEARLY')).to.throw('FREQ=YEARLY is not supported');
  });

  it('refuses unknown parts, impossible UNTIL dates and COUNT with UNTIL', () => {
    expect(() => parseRRule('FREQ=WEEKLY;BYHOUR=3')).to.throw('BYHOUR is not supported');
    expect(() => parseRRule('FREQ=WEEKLY;UNTIL=20260231')).to.throw('not a real date');
    expect(() => parseRRule('FREQ=WEEKLY;COUNT=3;UNTIL=20261231')).to.throw('must not both');
  });

  it('writes a parsed rule back unchanged in meaning', () => {
    const text = 'FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR;UNTIL=20271231T235959Z';
    expect(formatRRule(parseRRule(text))).to.equal(text);
  });
});
