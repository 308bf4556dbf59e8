/**
 * Property-based tests (fast-check): random feeds, random strings in every field and random
 * RRULEs never make normaliseFeed throw anything but a FeedError, and what it returns always
 * keeps the directory's promises (unique, URL-safe ids; allow-listed links; rules that parse;
 * non-empty clean texts; topics that exist or a reported problem). The schedule code the
 * elements call on that output must not throw either.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { normaliseFeed } from '../../src/feed/normalise.js';
import { FeedError } from '../../src/feed/errors.js';
import { safeEmail, safePhone, safeUrl } from '../../src/feed/url.js';
import { parseRRule, RuleError } from '../../src/schedule/rrule.js';
import { nextOccurrences } from '../../src/schedule/occurrences.js';
import { describeMeeting, englishRuleWords } from '../../src/schedule/describe.js';
import { groupToIcs } from '../../src/schedule/ics.js';
import type { Directory, Terms, Text } from '../../src/feed/types.js';
import { anyInput, anyString, feedArb, rruleArb } from './feed-arbitraries.mjs';

const BASE = 'https://kiss.example/feed.json';
const RUNS = 300;
const ID = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,127}$/;
// What normalisation strips from every text (bidi embeddings, overrides and isolates, zero-width space, controls).
// eslint-disable-next-line no-control-regex -- the characters under test
const STRIPPED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** Runs normaliseFeed and fails the property on anything but a FeedError. */
function normaliseOrFeedError(input: unknown): Directory | undefined {
  try {
    return normaliseFeed(input, { baseUrl: BASE });
  } catch (e) {
    if (e instanceof FeedError) return undefined;
    throw new Error(`normaliseFeed threw ${(e as Error)?.name}: ${(e as Error)?.message}`, { cause: e });
  }
}

function checkText(text: Text | undefined, where: string, max: number): void {
  if (text === undefined) return;
  const entries = Object.entries(text);
  if (entries.length === 0) throw new Error(`${where}: a text without any language`);
  for (const [lang, value] of entries) {
    if (typeof value !== 'string' || value === '' || value !== value.trim()) throw new Error(`${where}.${lang}: ${JSON.stringify(value)} is not a trimmed non-empty string`);
    if (value.length > max) throw new Error(`${where}.${lang}: longer than ${max}`);
    if (STRIPPED.test(value)) throw new Error(`${where}.${lang}: keeps a control, bidi or zero-width character`);
    if (Intl.getCanonicalLocales(lang)[0] !== lang) throw new Error(`${where}: "${lang}" is not a canonical language tag`);
  }
}

function checkTerms(terms: Terms, where: string): void {
  for (const [lang, list] of Object.entries(terms)) {
    if (!Array.isArray(list)) throw new Error(`${where}.${lang}: not a list`);
    for (const term of list) if (typeof term !== 'string' || term === '' || STRIPPED.test(term)) throw new Error(`${where}.${lang}: bad term ${JSON.stringify(term)}`);
  }
}

function checkWebUrl(url: string | undefined, where: string): void {
  if (url === undefined) return;
  if (safeUrl(url) !== url || !/^https?:\/\//.test(url)) throw new Error(`${where}: ${url} is not an allow-listed absolute web URL`);
}

function checkPhone(phone: string | undefined, where: string): void {
  if (phone !== undefined && safePhone(phone) === undefined) throw new Error(`${where}: ${phone} is not a dialable phone number`);
}

function checkEmail(email: string | undefined, where: string): void {
  if (email !== undefined && safeEmail(email) !== email) throw new Error(`${where}: ${email} is not a safe e-mail address`);
}

function checkUnique(ids: string[], where: string): void {
  if (new Set(ids).size !== ids.length) throw new Error(`${where}: duplicate ids`);
  for (const id of ids) if (!ID.test(id)) throw new Error(`${where}: ${JSON.stringify(id)} is not a URL-safe id`);
}

/** Every promise the directory makes to the elements. */
function checkDirectory(d: Directory, input: Record<string, unknown>): void {
  expect(d.version).to.equal(1);
  new Intl.DateTimeFormat('en', { timeZone: d.timezone });
  checkUnique(d.topics.map((t) => t.id), 'topics');
  checkUnique(d.places.map((p) => p.id), 'places');
  checkUnique(d.groups.map((g) => g.id), 'groups');
  if (d.topicsById.size !== d.topics.length || d.groupsById.size !== d.groups.length || d.placesById.size !== d.places.length) throw new Error('a ById map disagrees with its list');
  for (const t of d.topics) {
    checkText(t.name, `topic ${t.id}.name`, 300);
    checkText(t.description, `topic ${t.id}.description`, 5000);
    checkTerms(t.synonyms, `topic ${t.id}.synonyms`);
    if (t.parent !== undefined) {
      const parent = d.topicsById.get(t.parent);
      if (!parent || parent.parent !== undefined || parent === t) throw new Error(`topic ${t.id}: parent ${t.parent} is not an area`);
    }
  }
  for (const p of d.places) {
    checkText(p.name, `place ${p.id}.name`, 300);
    if ((p.lat === undefined) !== (p.lon === undefined)) throw new Error(`place ${p.id}: only one coordinate`);
  }
  const o = d.office;
  if (o) {
    checkText(o.name, 'office.name', 300);
    checkText(o.description, 'office.description', 5000);
    checkWebUrl(o.website, 'office.website');
    checkWebUrl(o.privacyUrl, 'office.privacyUrl');
    checkWebUrl(o.contactEndpoint, 'office.contactEndpoint');
    checkPhone(o.phone, 'office.phone');
    checkEmail(o.email, 'office.email');
  }
  const omitted = d.problems.some((p) => p.path === '' && /^and \d+ more problems/.test(p.message));
  const rawGroups = Array.isArray(input.groups) ? (input.groups as unknown[]) : [];
  for (const g of d.groups) {
    checkText(g.name, `group ${g.id}.name`, 300);
    checkText(g.description, `group ${g.id}.description`, 5000);
    checkTerms(g.keywords, `group ${g.id}.keywords`);
    for (const topic of g.topics) if (!d.topicsById.has(topic)) throw new Error(`group ${g.id}: unknown topic ${topic}`);
    if (g.topics.length === 0 && !omitted) {
      const reported = rawGroups.some((raw, i) => (raw as { id?: unknown } | null)?.id === g.id && d.problems.some((p) => p.path.startsWith(`groups[${i}].topics`)));
      if (!reported) throw new Error(`group ${g.id}: no topic and no problem reported`);
    }
    checkWebUrl(g.contact.website, `group ${g.id}.contact.website`);
    checkPhone(g.contact.phone, `group ${g.id}.contact.phone`);
    checkEmail(g.contact.email, `group ${g.id}.contact.email`);
    if (g.contact.via === 'group' && !g.contact.email && !g.contact.phone && !g.contact.website) throw new Error(`group ${g.id}: via group without a way to reach it`);
    for (const [j, m] of g.meetings.entries()) {
      const where = `group ${g.id}.meetings[${j}]`;
      if (!LOCAL_DATE_TIME.test(m.start) || Number.isNaN(Date.parse(m.start + 'Z'))) throw new Error(`${where}: start ${m.start}`);
      new Intl.DateTimeFormat('en', { timeZone: m.timezone });
      if (m.rrule !== undefined) expect(parseRRule(m.rrule), where).to.deep.equal(m.rule);
      if (m.durationMinutes !== undefined && !(m.durationMinutes > 0 && m.durationMinutes <= 1440)) throw new Error(`${where}: duration ${m.durationMinutes}`);
      for (const x of m.exdates) if (!/^\d{4}-\d{2}-\d{2}$/.test(x)) throw new Error(`${where}: exdate ${x}`);
      checkText(m.text, `${where}.text`, 300);
      checkWebUrl(m.online?.url, `${where}.online.url`);
      checkPhone(m.online?.phone, `${where}.online.phone`);
      if (m.place && !d.placesById.has(m.place.id) && !m.place.id.startsWith(`${g.id}/meeting-`) && !ID.test(m.place.id)) throw new Error(`${where}: place id ${m.place.id}`);
    }
  }
  for (const p of d.problems) {
    if (typeof p.path !== 'string' || typeof p.message !== 'string' || p.message === '' || (p.severity !== 'error' && p.severity !== 'warning')) throw new Error(`bad problem ${JSON.stringify(p)}`);
  }
}

/** What the elements do with every meeting: next dates, wording, calendar export. */
function useSchedule(d: Directory): void {
  const now = Date.UTC(2026, 10, 22, 12);
  for (const g of d.groups) {
    for (const m of g.meetings) {
      nextOccurrences(m, now, 3);
      describeMeeting(m, 'en', englishRuleWords);
    }
    groupToIcs(g, { locale: 'en', url: 'https://kiss.example/#g' });
  }
}

describe('normaliseFeed under random input (fast-check)', function () {
  this.timeout(60000);

  it('never throws anything but a FeedError, whatever it is given', () => {
    fc.assert(fc.property(anyInput, (input) => void normaliseOrFeedError(input)), { numRuns: RUNS * 2 });
  });

  it('returns a directory that keeps every promise the elements rely on, for random feeds', () => {
    fc.assert(
      fc.property(feedArb, (feed) => {
        const directory = normaliseOrFeedError(feed);
        if (directory) checkDirectory(directory, feed);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps those promises with a random string in any one field of a valid feed', () => {
    const fields = ['office.name', 'office.website', 'office.phone', 'office.email', 'office.privacyUrl', 'office.contactEndpoint', 'topics.0.id', 'topics.0.name', 'topics.1.parent', 'places.0.id', 'places.0.name', 'groups.0.id', 'groups.0.name', 'groups.0.description', 'groups.0.topics.0', 'groups.0.meetings.0.start', 'groups.0.meetings.0.rrule', 'groups.0.meetings.0.end', 'groups.0.meetings.0.duration', 'groups.0.meetings.0.timezone', 'groups.0.meetings.0.exdates.0', 'groups.0.meetings.0.place', 'groups.0.meetings.0.online.url', 'groups.0.contact.email', 'groups.0.contact.phone', 'groups.0.contact.website', 'groups.0.contact.name', 'language', 'timezone', 'updated'];
    fc.assert(
      fc.property(fc.constantFrom(...fields), anyString, (path, value) => {
        const feed = validFeed();
        setPath(feed, path.split('.'), value);
        const directory = normaliseOrFeedError(feed);
        expect(directory, `a bad ${path} made the whole feed unreadable`).to.exist;
        checkDirectory(directory!, feed);
        // One bad field never costs the other group.
        expect(directory!.groupsById.has('other')).to.equal(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('reads random RRULEs into rules that parse again, or drops the meeting with a reported problem', () => {
    fc.assert(
      fc.property(rruleArb, (rrule) => {
        const feed = validFeed();
        setPath(feed, ['groups', '0', 'meetings', '0', 'rrule'], rrule);
        const directory = normaliseOrFeedError(feed)!;
        checkDirectory(directory, feed);
        const meetings = directory.groupsById.get('g')!.meetings;
        let parsed = true;
        try {
          parseRRule(rrule.trim());
        } catch (e) {
          if (!(e instanceof RuleError)) throw e;
          parsed = false;
        }
        if (parsed) expect(meetings).to.have.length(1);
        else {
          expect(meetings).to.have.length(0);
          expect(directory.problems.some((p) => p.path === 'groups[0].meetings[0].rrule' && p.severity === 'error')).to.equal(true);
        }
        useSchedule(directory);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('gives the schedule code (next dates, wording, .ics) only meetings it can handle', () => {
    fc.assert(
      fc.property(feedArb, (feed) => {
        const directory = normaliseOrFeedError(feed);
        if (directory) useSchedule(directory);
      }),
      { numRuns: RUNS },
    );
  });
});

function validFeed(): Record<string, unknown> {
  return {
    version: 1,
    language: 'de',
    timezone: 'Europe/Berlin',
    updated: '2026-03-01T10:00:00+01:00',
    office: { name: 'KISS', website: 'https://kiss.example', phone: '+49 30 1234', email: 'kiss@kiss.example', privacyUrl: 'https://kiss.example/datenschutz', contactEndpoint: '/api/contact' },
    topics: [
      { id: 'area', name: 'Bereich' },
      { id: 'topic', name: 'Thema', parent: 'area' },
    ],
    places: [{ id: 'place', name: 'Haus', city: 'Musterstadt', lat: 51, lon: 13 }],
    groups: [
      {
        id: 'g',
        name: 'Gruppe',
        description: 'Beschreibung',
        topics: ['topic'],
        meetings: [{ start: '2026-01-13T18:00', rrule: 'FREQ=WEEKLY;BYDAY=TU', end: '20:00', duration: 'PT2H', timezone: 'Europe/Berlin', exdates: ['2026-12-22'], place: 'place', online: { url: 'https://meet.example/x' } }],
        contact: { via: 'group', name: 'Anna', email: 'anna@example.org', phone: '+49 30 5678', website: 'https://example.org' },
      },
      { id: 'other', name: 'Andere Gruppe', topics: ['topic'] },
    ],
  };
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path.at(-1)!] = value;
}
