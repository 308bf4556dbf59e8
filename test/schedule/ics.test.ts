import { expect } from '@open-wc/testing';
import type { Group, Meeting } from '../../src/feed/types.js';
import { parseRRule } from '../../src/schedule/rrule.js';
import { groupToIcs, icsFileName } from '../../src/schedule/ics.js';

// --- a tiny reader for what we write: unfold, split properties, nest components ---

interface Property { name: string; params: Record<string, string>; value: string }
interface Component { name: string; props: Property[]; children: Component[] }

function unfold(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n').filter((line) => line !== '');
}

function parseLine(line: string): Property {
  const colon = line.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  const [name, ...params] = line.slice(0, colon).split(';');
  return {
    name: name!,
    params: Object.fromEntries(params.map((p) => p.split('=') as [string, string])),
    value: line.slice(colon + 1),
  };
}

function parseIcs(text: string): Component {
  const stack: Component[] = [{ name: 'ROOT', props: [], children: [] }];
  for (const line of unfold(text)) {
    const prop = parseLine(line);
    if (prop.name === 'BEGIN') {
      const child = { name: prop.value, props: [], children: [] };
      stack[stack.length - 1]!.children.push(child);
      stack.push(child);
    } else if (prop.name === 'END') {
      expect(stack.pop()!.name).to.equal(prop.value);
    } else stack[stack.length - 1]!.props.push(prop);
  }
  expect(stack).to.have.length(1);
  return stack[0]!.children[0]!;
}

const unescapeText = (value: string): string => value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
const prop = (c: Component, name: string): Property | undefined => c.props.find((p) => p.name === name);
const props = (c: Component, name: string): Property[] => c.props.filter((p) => p.name === name);
const children = (c: Component, name: string): Component[] => c.children.filter((k) => k.name === name);

// --- fixtures ---

function meeting(rrule: string | undefined, start: string, extra: Partial<Meeting> = {}): Meeting {
  return { start, timezone: 'Europe/Berlin', exdates: [], durationMinutes: 120, ...(rrule ? { rule: parseRRule(rrule), rrule } : {}), ...extra };
}

const LONG_NAME = 'Gesprächskreis für Angehörige; Trauer, Verlust & Neubeginn – Ümläute „überall“ 🌻 und mehr Text, der lang genug ist';

function group(meetings: Meeting[], extra: Partial<Group> = {}): Group {
  return {
    id: 'g-42',
    name: { de: LONG_NAME, en: 'Grief circle for relatives' },
    description: { de: 'Erste Zeile\nZweite Zeile, mit Komma; Semikolon \\ Backslash' },
    topics: [],
    keywords: {},
    audience: [],
    status: 'open',
    languages: [],
    meetings,
    byArrangement: false,
    contact: { via: 'office' },
    ...extra,
  };
}

const berlinMeeting = meeting('FREQ=MONTHLY;BYDAY=2TU;UNTIL=20271231T225959Z', '2026-01-13T18:00', {
  exdates: ['2026-12-08'],
  place: { id: 'p1', name: { de: 'KISS-Haus' }, street: 'Hauptstraße 1', postalCode: '10115', city: 'Berlin', accessibility: {} },
});
const NOW = Date.UTC(2026, 0, 2, 9, 30);

describe('groupToIcs', () => {
  const ics = groupToIcs(group([berlinMeeting]), { locale: 'de', now: NOW, url: 'https://kiss.example.org/gruppen/g-42' });
  const calendar = parseIcs(ics);
  const event = children(calendar, 'VEVENT')[0]!;

  it('ends every line with CRLF and never with a bare line feed', () => {
    expect(ics.endsWith('\r\n')).to.equal(true);
    expect(ics.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
  });

  it('folds lines at 75 octets of UTF-8 without splitting a character', () => {
    const encoder = new TextEncoder();
    const physical = ics.split('\r\n');
    expect(physical.some((line) => line.startsWith(' ')), 'some line was folded').to.equal(true);
    for (const line of physical) {
      expect(encoder.encode(line).length, line).to.be.at.most(75);
      expect(line, 'no lone surrogate').not.to.match(/[\ud800-\udbff]$|^ ?[\udc00-\udfff]/);
    }
    expect(unescapeText(prop(event, 'SUMMARY')!.value)).to.equal(LONG_NAME);
  });

  it('escapes backslashes, semicolons, commas and line breaks in text', () => {
    expect(prop(event, 'DESCRIPTION')!.value).to.contain('Erste Zeile\\nZweite Zeile\\, mit Komma\\; Semikolon \\\\ Backslash');
    expect(unescapeText(prop(event, 'LOCATION')!.value)).to.equal('KISS-Haus, Hauptstraße 1, 10115 Berlin');
  });

  it('writes the start and end in the meeting zone, the rule with UNTIL in UTC, and each cancelled date at the start time', () => {
    expect(prop(event, 'DTSTART')).to.deep.equal({ name: 'DTSTART', params: { TZID: 'Europe/Berlin' }, value: '20260113T180000' });
    expect(prop(event, 'DTEND')).to.deep.equal({ name: 'DTEND', params: { TZID: 'Europe/Berlin' }, value: '20260113T200000' });
    expect(prop(event, 'RRULE')!.value).to.equal('FREQ=MONTHLY;BYDAY=2TU;UNTIL=20271231T225959Z');
    expect(props(event, 'EXDATE')).to.deep.equal([{ name: 'EXDATE', params: { TZID: 'Europe/Berlin' }, value: '20261208T180000' }]);
  });

  it('carries a stable UID, DTSTAMP from now, the URL and the name in the chosen language', () => {
    expect(prop(event, 'UID')!.value).to.equal('g-42-0@kiss.example.org');
    expect(prop(event, 'DTSTAMP')!.value).to.equal('20260102T093000Z');
    expect(prop(event, 'URL')!.value).to.equal('https://kiss.example.org/gruppen/g-42');
    const later = parseIcs(groupToIcs(group([berlinMeeting]), { locale: 'en-GB', now: NOW + 86_400_000, url: 'https://kiss.example.org/x' }));
    const laterEvent = children(later, 'VEVENT')[0]!;
    expect(prop(laterEvent, 'UID')!.value).to.equal('g-42-0@kiss.example.org');
    expect(prop(laterEvent, 'SUMMARY')!.value).to.equal('Grief circle for relatives');
  });

  it('describes Berlin with a VTIMEZONE switching between +0100 and +0200 on the last Sundays of March and October', () => {
    const zones = children(calendar, 'VTIMEZONE');
    expect(zones.map((z) => prop(z, 'TZID')!.value)).to.deep.equal(['Europe/Berlin']);
    const [daylight] = children(zones[0]!, 'DAYLIGHT');
    const [standard] = children(zones[0]!, 'STANDARD');
    expect(children(zones[0]!, 'DAYLIGHT')).to.have.length(1);
    expect(children(zones[0]!, 'STANDARD')).to.have.length(1);
    expect([prop(daylight!, 'TZOFFSETFROM')!.value, prop(daylight!, 'TZOFFSETTO')!.value]).to.deep.equal(['+0100', '+0200']);
    expect(prop(daylight!, 'RRULE')!.value).to.equal('FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(prop(daylight!, 'DTSTART')!.value).to.match(/^\d{4}03\d\dT020000$/);
    expect([prop(standard!, 'TZOFFSETFROM')!.value, prop(standard!, 'TZOFFSETTO')!.value]).to.deep.equal(['+0200', '+0100']);
    expect(prop(standard!, 'RRULE')!.value).to.equal('FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
    expect(prop(standard!, 'DTSTART')!.value).to.match(/^\d{4}10\d\dT030000$/);
    // The observances must already be in force when the first meeting happens.
    expect(prop(standard!, 'DTSTART')!.value < '20260113T180000').to.equal(true);
  });

  it('writes one VTIMEZONE per zone, nth-Sunday rules for New York and a single STANDARD for a zone without DST', () => {
    const text = groupToIcs(group([
      meeting('FREQ=WEEKLY', '2026-01-13T18:00'),
      meeting(undefined, '2026-06-01T09:00', { timezone: 'America/New_York', online: { url: 'https://meet.example/room?a=1,2' } }),
      meeting('FREQ=WEEKLY', '2026-01-13T18:00', { timezone: 'Asia/Tokyo', durationMinutes: undefined }),
      meeting('FREQ=WEEKLY', '2026-01-13T18:00', { timezone: 'Asia/Tokyo' }),
    ]), { now: NOW });
    const cal = parseIcs(text);
    const zones = children(cal, 'VTIMEZONE');
    expect(zones.map((z) => prop(z, 'TZID')!.value)).to.deep.equal(['Europe/Berlin', 'America/New_York', 'Asia/Tokyo']);
    const ny = zones[1]!;
    expect(prop(children(ny, 'DAYLIGHT')[0]!, 'RRULE')!.value).to.equal('FREQ=YEARLY;BYMONTH=3;BYDAY=2SU');
    expect(prop(children(ny, 'STANDARD')[0]!, 'RRULE')!.value).to.equal('FREQ=YEARLY;BYMONTH=11;BYDAY=1SU');
    expect(prop(children(ny, 'STANDARD')[0]!, 'TZOFFSETTO')!.value).to.equal('-0500');
    const tokyo = zones[2]!;
    expect(children(tokyo, 'DAYLIGHT')).to.have.length(0);
    expect(children(tokyo, 'STANDARD').map((s) => [prop(s, 'TZOFFSETFROM')!.value, prop(s, 'TZOFFSETTO')!.value])).to.deep.equal([['+0900', '+0900']]);

    const events = children(cal, 'VEVENT');
    expect(events.map((e) => prop(e, 'UID')!.value)).to.deep.equal(['g-42-0@selbsthilfe-widgets', 'g-42-1@selbsthilfe-widgets', 'g-42-2@selbsthilfe-widgets', 'g-42-3@selbsthilfe-widgets']);
    expect(prop(events[1]!, 'RRULE')).to.equal(undefined);
    expect(unescapeText(prop(events[1]!, 'LOCATION')!.value)).to.equal('https://meet.example/room?a=1,2');
    expect(prop(events[2]!, 'DTEND')).to.equal(undefined);
  });

  it('leaves out a meeting whose zone is unknown instead of failing the whole file', () => {
    const cal = parseIcs(groupToIcs(group([meeting('FREQ=WEEKLY', '2026-01-13T18:00', { timezone: 'Mars/Olympus' }), berlinMeeting]), { now: NOW }));
    expect(children(cal, 'VEVENT').map((e) => prop(e, 'UID')!.value)).to.deep.equal(['g-42-1@selbsthilfe-widgets']);
    expect(children(cal, 'VTIMEZONE')).to.have.length(1);
  });
});

describe('icsFileName', () => {
  it('makes a readable ASCII file name from the group name, and falls back to the id', () => {
    expect(icsFileName(group([], { name: { de: 'Gesprächskreis Trauer & Verlust' } }))).to.equal('gespraechskreis-trauer-verlust.ics');
    expect(icsFileName(group([], { id: 'grp-7', name: { ar: 'مجموعة' } }))).to.equal('grp-7.ics');
    expect(icsFileName(group([]))).to.equal('gespraechskreis-fuer-angehoerige-trauer-verlust-neubeginn.ics');
  });
});
