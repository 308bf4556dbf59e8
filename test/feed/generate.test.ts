import { expect } from '@open-wc/testing';
import { generateFeed } from '../../src/feed/generate.js';
import { parseRRule, WEEKDAYS } from '../../src/schedule/rrule.js';
import type { Feed, FeedText } from '../../src/feed/types.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,127}$/;
const german = (text: FeedText | undefined) => (typeof text === 'string' ? text : text?.de ?? '');

function duplicates(ids: string[]): string[] {
  return ids.filter((id, i) => ids.indexOf(id) !== i);
}

describe('generateFeed', () => {
  let feed: Feed;
  before(() => {
    feed = generateFeed({ groups: 1000, seed: 42 });
  });

  it('gives byte-identical JSON for the same seed', () => {
    expect(JSON.stringify(generateFeed({ groups: 1000, seed: 42 }))).to.equal(JSON.stringify(feed));
  });

  it('gives a different feed for a different seed', () => {
    const other = generateFeed({ groups: 1000, seed: 43 });
    expect(JSON.stringify(other)).not.to.equal(JSON.stringify(feed));
    expect(other.groups.map((g) => g.id)).not.to.deep.equal(feed.groups.map((g) => g.id));
  });

  it('has exactly the requested number of groups, and a place for every four', () => {
    for (const groups of [0, 1, 7, 250]) {
      const small = generateFeed({ groups, seed: 3 });
      expect(small.groups, `${groups} groups`).to.have.length(groups);
      expect(small.places, `places for ${groups} groups`).to.have.length(Math.ceil(groups / 4));
    }
  });

  it('refuses a group count that is negative or not whole', () => {
    expect(() => generateFeed({ groups: -1 })).to.throw(RangeError, 'groups');
    expect(() => generateFeed({ groups: 2.5 })).to.throw(RangeError, 'groups');
  });

  it('gives every topic, place and group a unique URL-safe id', () => {
    for (const list of [feed.topics!, feed.places!, feed.groups]) {
      const ids = list.map((item) => item.id!);
      expect(ids.filter((id) => !ID.test(id))).to.deep.equal([]);
      expect(duplicates(ids)).to.deep.equal([]);
    }
  });

  it('refers only to topics, areas and places that exist', () => {
    const topics = new Map(feed.topics!.map((t) => [t.id, t]));
    const places = new Set(feed.places!.map((p) => p.id));
    for (const topic of feed.topics!) {
      if (topic.parent === undefined) continue;
      expect(topics.has(topic.parent), `parent of ${topic.id}`).to.equal(true);
      expect(topics.get(topic.parent)!.parent, `${topic.parent} is an area`).to.equal(undefined);
    }
    for (const group of feed.groups) {
      expect(group.topics, group.id).not.to.be.empty;
      for (const id of group.topics) expect(topics.has(id), `${group.id} topic ${id}`).to.equal(true);
      for (const meeting of group.meetings ?? []) {
        if (typeof meeting.place === 'string') expect(places.has(meeting.place), `${group.id} place ${meeting.place}`).to.equal(true);
      }
    }
  });

  it('has around forty topics in seven areas', () => {
    const areas = feed.topics!.filter((t) => t.parent === undefined);
    expect(areas).to.have.length(7);
    expect(feed.topics!.length).to.be.within(35, 50);
  });

  it('writes only rules parseRRule accepts, each starting on one of its weekdays', () => {
    const meetings = feed.groups.flatMap((g) => g.meetings ?? []);
    expect(meetings.length).to.be.greaterThan(800);
    for (const meeting of meetings) {
      expect(meeting.start).to.match(/^2026-\d\d-\d\dT\d\d:\d\d$/);
      expect(meeting.end ?? meeting.duration, meeting.start).to.be.a('string');
      if (!meeting.rrule) continue;
      const rule = parseRRule(meeting.rrule);
      if (!rule.byDay.length) continue;
      const weekday = WEEKDAYS[(new Date(`${meeting.start.slice(0, 10)}T00:00:00Z`).getUTCDay() + 6) % 7];
      expect(rule.byDay.map((d) => d.day), `${meeting.rrule} from ${meeting.start}`).to.include(weekday);
    }
  });

  it('cancels only dates on the weekday a rule meets', () => {
    const cancelled = feed.groups.flatMap((g) => g.meetings ?? []).filter((m) => m.exdates?.length);
    expect(cancelled).not.to.be.empty;
    for (const meeting of cancelled) {
      const days = parseRRule(meeting.rrule!).byDay.map((d) => d.day);
      for (const date of meeting.exdates!) {
        expect(days, `${meeting.rrule} cancels ${date}`).to.include(WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]);
      }
    }
  });

  it('mixes every status, audience, language and kind of meeting', () => {
    const statuses = new Set(feed.groups.map((g) => g.status));
    expect([...statuses].sort()).to.deep.equal(['closed', 'founding', 'open', 'paused']);
    const audiences = new Set(feed.groups.map((g) => g.audience!.join('+')));
    expect([...audiences].sort()).to.deep.equal(['affected', 'affected+relatives', 'relatives']);
    const languages = new Set(feed.groups.flatMap((g) => g.languages!));
    expect(languages.size).to.be.greaterThan(4);
    const meetings = feed.groups.flatMap((g) => g.meetings ?? []);
    expect(meetings.some((m) => m.place && !m.online), 'in person').to.equal(true);
    expect(meetings.some((m) => !m.place && m.online), 'online').to.equal(true);
    expect(meetings.some((m) => m.place && m.online), 'hybrid').to.equal(true);
    expect(meetings.some((m) => !m.place && !m.online), 'place not published').to.equal(true);
    expect(feed.groups.some((g) => g.byArrangement), 'by arrangement').to.equal(true);
  });

  it('keeps descriptions between 100 and 400 characters', () => {
    const lengths = feed.groups.map((g) => german(g.description).length);
    expect(Math.min(...lengths)).to.be.at.least(100);
    expect(Math.max(...lengths)).to.be.at.most(400);
  });

  it('labels its German texts as de when the feed declares another language', () => {
    const english = generateFeed({ groups: 20, seed: 5, language: 'en' });
    expect(english.language).to.equal('en');
    for (const group of english.groups) {
      expect(group.name, group.id).to.be.an('object').with.property('de');
      expect(group.description, group.id).to.be.an('object').with.property('de');
    }
  });

  it('uses only invented contact details: example.org addresses and the fiction phone range', () => {
    for (const group of feed.groups) {
      const contact = group.contact!;
      if (contact.email) expect(contact.email).to.match(/@example\.org$/);
      if (contact.phone) expect(contact.phone).to.match(/^\+49 30 23125 \d{3}$/);
      for (const meeting of group.meetings ?? []) if (meeting.online?.url) expect(meeting.online.url).to.match(/^https:\/\/meet\.example\.org\//);
    }
  });
});
