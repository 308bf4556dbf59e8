/**
 * A small normalised directory for search tests: a few topics in two areas, places in
 * Berlin, Köln and Hamburg, and groups that each exist to make one behaviour visible.
 */
import type { Directory, Group, Meeting, Place, Rule, Topic, WeekdayCode } from '../../src/feed/types.js';

export function topic(id: string, name: Record<string, string>, extra: Partial<Topic> = {}): Topic {
  return { id, name, synonyms: {}, ...extra };
}

export function place(id: string, extra: Partial<Place> = {}): Place {
  return { id, accessibility: {}, ...extra };
}

export function weekly(...days: WeekdayCode[]): Rule {
  return { freq: 'WEEKLY', interval: 1, byDay: days.map((day) => ({ day })) };
}

export function meeting(start: string, extra: Partial<Meeting> = {}): Meeting {
  return { start, timezone: 'Europe/Berlin', exdates: [], ...extra };
}

export function group(id: string, name: Record<string, string>, extra: Partial<Group> = {}): Group {
  return {
    id,
    name,
    topics: [],
    keywords: {},
    audience: ['affected'],
    status: 'open',
    languages: ['de'],
    meetings: [],
    byArrangement: false,
    contact: { via: 'office' },
    ...extra,
  };
}

export function directory(groups: Group[], topics: Topic[] = TOPICS, places: Place[] = PLACES): Directory {
  return {
    version: 1,
    language: 'de',
    timezone: 'Europe/Berlin',
    topics,
    topicsById: new Map(topics.map((t) => [t.id, t])),
    places,
    placesById: new Map(places.map((p) => [p.id, p])),
    groups,
    groupsById: new Map(groups.map((g) => [g.id, g])),
    problems: [],
  };
}

export const TOPICS: Topic[] = [
  topic('psyche', { de: 'Psychische Gesundheit', en: 'Mental health' }, { synonyms: { de: ['Seele'] } }),
  topic('angst-depression', { de: 'Angst und Depression', en: 'Anxiety and depression' }, {
    parent: 'psyche',
    synonyms: { de: ['Schwermut', 'Panik'] },
  }),
  topic('trauer', { de: 'Trauer' }, { parent: 'psyche' }),
  topic('sucht', { de: 'Sucht' }, { synonyms: { de: ['Abhängigkeit'] } }),
  topic('alkohol', { de: 'Alkohol' }, { parent: 'sucht', synonyms: { de: ['Trinken'] } }),
  topic('familie', { de: 'Familie' }),
  topic('alleinerziehende', { de: 'Alleinerziehende' }, { parent: 'familie' }),
];

export const MITTE = place('mitte', {
  name: { de: 'Nachbarschaftshaus' },
  postalCode: '10115',
  city: 'Berlin',
  district: 'Mitte',
  lat: 52.53,
  lon: 13.38,
  accessibility: { wheelchair: true },
});
export const PANKOW = place('pankow', { city: 'Berlin', district: 'Pankow', lat: 52.57, lon: 13.4 });
export const KOELN = place('koeln', {
  name: { de: 'Bürgerzentrum' },
  city: 'Köln',
  district: 'Ehrenfeld',
  lat: 50.95,
  lon: 6.92,
  accessibility: { wheelchair: false },
});
export const HAMBURG = place('hamburg', { city: 'Hamburg', district: 'Altona' });
export const PLACES: Place[] = [MITTE, PANKOW, KOELN, HAMBURG];

export const GROUPS: Group[] = [
  group('angst', { de: 'Angst-Selbsthilfe Mitte', en: 'Anxiety self-help Mitte' }, {
    description: { de: 'Wir sprechen über Ängste und Panik.', en: 'We talk about fears and panic.' },
    topics: ['angst-depression'],
    keywords: { de: ['Panikattacken'] },
    languages: ['de', 'en'],
    meetings: [meeting('2026-01-13T18:00', { rule: weekly('TU'), place: MITTE })],
  }),
  group('trauer', { de: 'Trauercafé Köln' }, {
    description: { de: 'Für Menschen, die einen Verlust erlebt haben.' },
    topics: ['trauer'],
    audience: ['affected', 'relatives'],
    languages: ['de-CH'],
    meetings: [
      meeting('2026-01-14T10:00', { rule: { freq: 'MONTHLY', interval: 1, byDay: [{ day: 'WE', ordinal: 2 }] }, place: KOELN }),
    ],
  }),
  group('treff-trauer', { de: 'Treff Trauer' }, {
    topics: ['trauer'],
    meetings: [meeting('2026-01-12T09:00', { rule: weekly('MO'), place: PANKOW }), meeting('2026-01-14T19:00', { rule: weekly('WE'), place: PANKOW })],
  }),
  group('alkohol', { de: 'Angehörige von Alkoholkranken' }, {
    topics: ['alkohol'],
    audience: ['relatives'],
    meetings: [meeting('2026-01-12T19:30', { rule: weekly('MO'), online: { url: 'https://example.org/room' } })],
  }),
  group('maedchen', { de: 'Mädchengruppe Straßenkinder' }, {
    description: { de: 'Eine Gruppe für junge Mädchen an der Großen Straße.' },
    topics: ['alleinerziehende'],
    ageGroup: 'young',
    meetings: [meeting('2026-01-16T15:00', { rule: weekly('FR'), place: PANKOW, online: { url: 'https://example.org/hybrid' } })],
  }),
  group('senioren', { de: 'Seniorentreff Depression' }, {
    topics: ['angst-depression'],
    ageGroup: 'seniors',
    languages: ['tr'],
    meetings: [meeting('2026-01-15T10:00', { rule: weekly('TH'), place: HAMBURG })],
  }),
  group('offen', { de: 'Offener Treff' }, {
    description: { de: 'Thema: Depression und Alltag.' },
    topics: ['alleinerziehende'],
    meetings: [meeting('2026-01-17T11:00', { rule: weekly('SA'), place: KOELN })],
  }),
  group('geschlossen', { de: 'Geschlossene Gruppe Depression' }, {
    topics: ['angst-depression'],
    status: 'closed',
    meetings: [meeting('2026-01-13T18:00', { rule: weekly('TU'), place: MITTE })],
  }),
  group('pausiert', { de: 'Pausierende Gruppe Depression' }, {
    topics: ['angst-depression'],
    status: 'paused',
    meetings: [meeting('2026-01-13T18:00', { rule: weekly('TU'), place: MITTE })],
  }),
  group('vereinbarung', { de: 'Gesprächskreis nach Vereinbarung' }, { topics: ['trauer'], byArrangement: true }),
  group('polnisch', { pl: 'Grupa wsparcia Łódź', de: 'Unterstützungsgruppe Łódź' }, {
    description: { pl: 'Spotkania dla osób, które źle się czują.' },
    topics: ['alleinerziehende'],
    languages: ['pl'],
    status: 'founding',
    meetings: [meeting('2026-01-17T16:00', { rule: weekly('SA'), place: PANKOW })],
  }),
  group('arabisch', { ar: 'مجموعة دعم الاكتئاب', de: 'Selbsthilfe auf Arabisch' }, {
    description: { ar: 'لقاءات أسبوعية للأشخاص المصابين بالقلق' },
    topics: ['angst-depression'],
    languages: ['ar'],
    meetings: [meeting('2026-01-18T17:00', { rule: weekly('SU'), place: KOELN })],
  }),
  group('persisch', { fa: 'گروه کمک', de: 'Persische Gruppe' }, {
    description: { fa: 'جلسات یکشنبه' },
    topics: ['familie'],
    languages: ['fa'],
    meetings: [meeting('2026-01-18T12:00', { rule: weekly('SU'), place: HAMBURG })],
  }),
];

export const DIRECTORY = directory(GROUPS);

/** The ids of search results, in order. */
export function ids(results: ReadonlyArray<{ group: Group }>): string[] {
  return results.map((r) => r.group.id);
}
