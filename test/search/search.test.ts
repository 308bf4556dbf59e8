import { expect, waitUntil } from '@open-wc/testing';
import fc from 'fast-check';
import type { Group } from '../../src/feed/types.js';
import {
  DEFAULT_STATUSES, createSearchIndex, districtsWithCoordinates, facetCounts, highlightRanges, searchGroups,
  type FinderQuery,
} from '../../src/search/index.js';
import { DIRECTORY, GROUPS, KOELN, MITTE, TOPICS, directory, group, ids, meeting, place, topic } from './helpers.js';
import { withoutArticle } from '../../src/search/fold.js';

const index = createSearchIndex(DIRECTORY, { locale: 'de' });
const find = (query: FinderQuery) => ids(searchGroups(index, query));
const byId = (id: string): Group => DIRECTORY.groupsById.get(id)!;

describe('searchGroups: words', () => {
  it('finds a name whatever the case and umlaut spelling', () => {
    for (const q of ['Mädchen', 'MAEDCHEN', 'madchengruppe']) expect(find({ q }), q).to.deep.equal(['maedchen']);
  });

  it('finds ß by ss and ss by ß', () => {
    expect(find({ q: 'strassenkinder' })).to.deep.equal(['maedchen']);
    expect(find({ q: 'Großen' })).to.deep.equal(['maedchen']);
  });

  it('requires every word to match', () => {
    expect(find({ q: 'angst mitte' })).to.deep.equal(['angst']);
    expect(find({ q: 'angst köln' })).to.deep.equal(['arabisch']);
    expect(find({ q: 'angst hamburg köln' })).to.deep.equal([]);
  });

  it('matches the start of words while typing, for every word', () => {
    expect(find({ q: 'Angehö' })).to.deep.equal(['alkohol']);
    expect(find({ q: 'ang mit' })).to.deep.equal(['angst']);
    expect(find({ q: 'ngst' })).to.deep.equal([]);
  });

  it('finds groups filed under "Angst und Depression" by "Depression"', () => {
    expect(find({ q: 'Depression' })).to.include.members(['angst', 'arabisch', 'senioren']);
  });

  it("finds groups by a synonym of their topic", () => {
    expect(find({ q: 'schwermut' })).to.deep.equal(['angst', 'arabisch', 'senioren']);
  });

  it("finds groups by the name and synonyms of their topic's area", () => {
    expect(find({ q: 'psychische' })).to.deep.equal(['angst', 'vereinbarung', 'arabisch', 'senioren', 'trauer', 'treff-trauer']);
    expect(find({ q: 'abhängigkeit' })).to.deep.equal(['alkohol']);
  });

  it('finds names and topics in every language, whatever the locale', () => {
    expect(find({ q: 'anxiety self' })).to.deep.equal(['angst']);
    expect(find({ q: 'grupa wsparcia' })).to.deep.equal(['polnisch']);
  });

  it('finds places by name, district, city and postal code', () => {
    expect(find({ q: 'nachbarschaftshaus' })).to.deep.equal(['angst']);
    expect(find({ q: 'ehrenfeld' })).to.deep.equal(['offen', 'arabisch', 'trauer']);
    expect(find({ q: '10115' })).to.deep.equal(['angst']);
  });

  it('ranks name above topic above description, then by name', () => {
    expect(find({ q: 'depression' })).to.deep.equal(['senioren', 'angst', 'arabisch', 'offen']);
  });

  it('ranks an exact word above a word it only starts', () => {
    expect(find({ q: 'trauer' })).to.deep.equal(['treff-trauer', 'trauer', 'vereinbarung']);
  });

  it('ranks a topic named by the exact word above a topic the word only starts', () => {
    const topics = [
      topic('sucht', { de: 'Sucht' }),
      topic('beratung', { de: 'Suchtberatung' }),
      topic('beides', { de: 'Sucht und Suchtberatung' }),
    ];
    const dir = directory(
      [group('a', { de: 'Anker' }, { topics: ['beratung'] }), group('b', { de: 'Boje' }, { topics: ['sucht'] }), group('c', { de: 'Cello' }, { topics: ['beides'] })],
      topics,
    );
    expect(ids(searchGroups(createSearchIndex(dir, { locale: 'de' }), { q: 'sucht' }))).to.deep.equal(['b', 'c', 'a']);
  });

  it('gives results without search text a score of 0 and with text a positive score', () => {
    expect(searchGroups(index, {}).every((r) => r.score === 0)).to.be.true;
    expect(searchGroups(index, { q: 'trauer' }).every((r) => r.score > 0)).to.be.true;
  });

  it('finds Polish words typed without diacritics', () => {
    expect(find({ q: 'lodz' })).to.deep.equal(['polnisch']);
    expect(find({ q: 'zle sie' })).to.deep.equal(['polnisch']);
  });

  it('finds Arabic words with or without tashkeel, article and hamza forms', () => {
    expect(find({ q: 'الاكْتِئاب' })).to.deep.equal(['arabisch']);
    expect(find({ q: 'اكتئاب' })).to.deep.equal(['arabisch']);
    expect(find({ q: 'اسبوعيه' })).to.deep.equal(['arabisch']);
    // "بالقلق" is "ب" + "ال" + "قلق": found by the word itself, and "للقلق" the same way.
    expect(find({ q: 'قلق' })).to.deep.equal(['arabisch']);
    expect(find({ q: 'للقلق' })).to.deep.equal(['arabisch']);
  });

  it('takes only a real prefix off an Arabic word', () => {
    expect(withoutArticle('الاكتئاب')).to.equal('اكتئاب');
    expect(withoutArticle('بالقلق')).to.equal('قلق');
    expect(withoutArticle('للقلق')).to.equal('قلق');
    expect(withoutArticle('بالغ')).to.equal(undefined); // "adult": a word of its own
    expect(withoutArticle('لله')).to.equal(undefined);
    expect(withoutArticle('angst')).to.equal(undefined);
  });

  it('finds Persian words typed with Arabic yeh and kaf', () => {
    expect(find({ q: 'كمك' })).to.deep.equal(['persisch']);
    expect(find({ q: 'يكشنبه' })).to.deep.equal(['persisch']);
  });

  it('narrows while typing and widens again when letters are deleted', () => {
    const typed = ['t', 'tr', 'tre', 'trex', 'tre', 'tr'].map((q) => find({ q }));
    expect(typed[1]).to.include.members(['alkohol', 'offen', 'trauer', 'treff-trauer', 'vereinbarung']);
    expect(typed[2]).to.deep.equal(['offen', 'treff-trauer']);
    expect(typed[3]).to.deep.equal([]);
    expect(typed[4]).to.deep.equal(typed[2]);
    expect(typed[5]).to.deep.equal(typed[1]);
  });

  it('does not reuse the matches of a filtered query once the filter is removed', () => {
    expect(find({ q: 'tr', days: ['MO'] })).to.deep.equal(['treff-trauer', 'alkohol']);
    expect(find({ q: 'tre', days: ['MO'] })).to.deep.equal(['treff-trauer']);
    expect(find({ q: 'tre' })).to.deep.equal(['offen', 'treff-trauer']);
  });

  it('answers a query before the word index is built in the background, completely', async () => {
    const fresh = createSearchIndex(directory(GROUPS), { locale: 'de' });
    expect(ids(searchGroups(fresh, { q: 'trauer' }))).to.deep.equal(['treff-trauer', 'trauer', 'vereinbarung']);
    await fresh.ready;
  });

  it('builds the word index in idle time and then says it is ready', async () => {
    const fresh = createSearchIndex(directory(GROUPS), { locale: 'de' });
    await fresh.ready;
    expect(ids(searchGroups(fresh, { q: 'köln' }))).to.deep.equal(['trauer', 'offen', 'arabisch']);
  });
});

describe('searchGroups: filters', () => {
  const all = ['alkohol', 'angst', 'vereinbarung', 'maedchen', 'offen', 'persisch', 'arabisch', 'senioren', 'trauer', 'treff-trauer', 'polnisch'];

  it('shows open and founding groups by default and closed or paused ones only when asked', () => {
    expect(DEFAULT_STATUSES).to.deep.equal(['open', 'founding']);
    expect(find({})).to.deep.equal(all);
    expect(find({ statuses: ['closed'] })).to.deep.equal(['geschlossen']);
    expect(find({ statuses: ['paused', 'founding'] })).to.deep.equal(['pausiert', 'polnisch']);
    expect(find({ q: 'depression', statuses: ['open', 'founding', 'closed', 'paused'] })).to.include.members(['geschlossen', 'pausiert']);
  });

  it('filters by topic, by area (all its topics) and by several topics (any of them)', () => {
    expect(find({ topics: ['trauer'] })).to.deep.equal(['vereinbarung', 'trauer', 'treff-trauer']);
    expect(find({ topics: ['psyche'] })).to.deep.equal(['angst', 'vereinbarung', 'arabisch', 'senioren', 'trauer', 'treff-trauer']);
    expect(find({ topics: ['alkohol', 'familie'] })).to.deep.equal(['alkohol', 'maedchen', 'offen', 'persisch', 'polnisch']);
    expect(find({ topics: ['alleinerziehende'] })).to.deep.equal(['maedchen', 'offen', 'polnisch']);
    expect(find({ topics: ['no-such-topic'] })).to.deep.equal([]);
  });

  it('filters by audience, where groups for both match either', () => {
    expect(find({ audience: 'relatives' })).to.deep.equal(['alkohol', 'trauer']);
    expect(find({ audience: 'affected' })).to.include('trauer').and.not.include('alkohol');
  });

  it('filters by weekday, several days meaning any of them, monthly rules included', () => {
    expect(find({ days: ['TU'] })).to.deep.equal(['angst']);
    expect(find({ days: ['TU', 'WE'] })).to.deep.equal(['angst', 'trauer', 'treff-trauer']);
  });

  it('filters by time of day', () => {
    expect(find({ times: ['morning'] })).to.deep.equal(['offen', 'senioren', 'trauer', 'treff-trauer']);
    expect(find({ times: ['afternoon'] })).to.deep.equal(['maedchen', 'persisch', 'polnisch']);
    expect(find({ times: ['evening'] })).to.deep.equal(['alkohol', 'angst', 'arabisch', 'treff-trauer']);
  });

  it('requires weekday and time of day to fit the same meeting', () => {
    expect(find({ days: ['MO'], times: ['evening'] })).to.deep.equal(['alkohol']);
    expect(find({ days: ['MO'], times: ['morning'] })).to.deep.equal(['treff-trauer']);
  });

  it('counts a monthly meeting on a day of the month for its time of day but not for a weekday', () => {
    const monthly = group('monatlich', { de: 'Monatlicher Treff' }, {
      meetings: [meeting('2026-01-15T14:00', { rule: { freq: 'MONTHLY', interval: 1, byDay: [], byMonthDay: [15] } })],
    });
    const monthlyIndex = createSearchIndex(directory([monthly]), { locale: 'de' });
    expect(ids(searchGroups(monthlyIndex, { days: ['TH'] }))).to.deep.equal([]);
    expect(ids(searchGroups(monthlyIndex, { times: ['afternoon'] }))).to.deep.equal(['monatlich']);
    expect(ids(searchGroups(monthlyIndex, { days: ['TH'], times: ['afternoon'] }))).to.deep.equal([]);
  });

  it('never matches groups meeting by arrangement on a weekday or time, but does on other filters', () => {
    expect(find({ days: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] })).to.not.include('vereinbarung');
    expect(find({ times: ['morning', 'afternoon', 'evening'] })).to.not.include('vereinbarung');
    expect(find({ topics: ['trauer'], mode: 'in-person' })).to.include('vereinbarung');
  });

  it('filters by mode: online-only meetings are not in person, hybrid ones are both', () => {
    expect(find({ mode: 'online' })).to.deep.equal(['alkohol', 'vereinbarung', 'maedchen']);
    expect(find({ mode: 'in-person' })).to.include('maedchen').and.not.include('alkohol');
  });

  it('filters by a wheelchair-accessible meeting place', () => {
    expect(find({ wheelchair: true })).to.deep.equal(['angst']);
    expect(find({ wheelchair: false })).to.deep.equal(all);
  });

  it('filters by group language, a base language matching its regional variants', () => {
    expect(find({ languages: ['tr'] })).to.deep.equal(['senioren']);
    expect(find({ languages: ['pl', 'ar'] })).to.deep.equal(['arabisch', 'polnisch']);
    expect(find({ languages: ['de'] })).to.include('trauer');
    expect(find({ languages: ['de-AT'] })).to.deep.equal([]);
  });

  it('filters by age group', () => {
    expect(find({ ageGroup: 'young' })).to.deep.equal(['maedchen']);
    expect(find({ ageGroup: 'seniors' })).to.deep.equal(['senioren']);
  });

  it('combines filters with the search text', () => {
    expect(find({ q: 'trauer', days: ['WE'], times: ['evening'] })).to.deep.equal(['treff-trauer']);
  });
});

describe('searchGroups: order', () => {
  it('sorts names by the collation of the locale', () => {
    const dir = directory(['Zebra', 'Öl', 'Apfel', 'Gruppe 10', 'Gruppe 2'].map((name, i) => group(`g${i}`, { de: name })));
    const names = (locale: string) => searchGroups(createSearchIndex(dir, { locale }), { sort: 'name' }).map((r) => r.group.name.de);
    expect(names('de')).to.deep.equal(['Apfel', 'Gruppe 2', 'Gruppe 10', 'Öl', 'Zebra']);
    expect(names('sv')).to.deep.equal(['Apfel', 'Gruppe 2', 'Gruppe 10', 'Zebra', 'Öl']);
  });

  it('sorts any names exactly as Intl.Collator of the locale does (with numbers by value), equal names in feed order', () => {
    const parts = ['a', 'A', 'ä', 'Ä', 'ae', 'b', 'ö', 'z', 'ß', 'ss', 'æ', 'ı', 'İ', 'i', 'ł', 'l', '0', '2', '10', '007', ' ', '-', '„', '\u00ad', 'я', 'ب'];
    const namesArb = fc.array(fc.array(fc.constantFrom(...parts), { maxLength: 5 }).map((p) => p.join('')), { maxLength: 60 });
    for (const locale of ['de', 'sv', 'tr']) {
      const collator = new Intl.Collator(locale, { numeric: true });
      fc.assert(
        fc.property(namesArb, (names) => {
          const dir = directory(names.map((name, i) => group(`g${i}`, { de: name })));
          const got = ids(searchGroups(createSearchIndex(dir, { locale, background: false }), { sort: 'name' }));
          const want = names.map((_, i) => i).sort((a, b) => collator.compare(names[a], names[b]) || a - b).map((i) => `g${i}`);
          expect(got, locale).to.deep.equal(want);
        }),
        { numRuns: 25 },
      );
    }
  });

  it('with firstPage, gives the first page of the first search in exact name order and the full order once idle', async () => {
    const parts = ['a', 'A', 'ä', 'ae', 'b', 'ö', 'z', 'ß', 'ss', '2', '10', ' ', '-', 'я', 'ب'];
    const names = fc.sample(fc.array(fc.constantFrom(...parts), { minLength: 1, maxLength: 4 }).map((p) => p.join('')), { numRuns: 300, seed: 7 });
    const dir = directory(names.map((name, i) => group(`g${i}`, { de: name }, { status: i % 7 === 0 ? 'closed' : 'open' })));
    const collator = new Intl.Collator('de', { numeric: true });
    const open = names.map((_, i) => i).filter((i) => i % 7 !== 0);
    const want = open.sort((a, b) => collator.compare(names[a], names[b]) || a - b).map((i) => `g${i}`);
    let reordered = 0;
    const fresh = createSearchIndex(dir, { locale: 'de', background: false, firstPage: 20, onReorder: () => reordered++ });
    const first = ids(searchGroups(fresh, {}));
    expect(first.slice(0, 20)).to.deep.equal(want.slice(0, 20));
    expect([...first].sort()).to.deep.equal([...want].sort());
    await waitUntil(() => reordered === 1, 'onReorder is called once the page is idle', { timeout: 3000 });
    expect(ids(searchGroups(fresh, {}))).to.deep.equal(want);
  });

  it('with firstPage, only the first search is partly ordered: every later one is in full name order', () => {
    const dir = directory(['Zebra', 'Öl', 'Apfel', 'Gruppe 10', 'Gruppe 2'].map((name, i) => group(`g${i}`, { de: name })));
    const fresh = createSearchIndex(dir, { locale: 'de', background: false, firstPage: 2 });
    expect(ids(searchGroups(fresh, { sort: 'name', days: ['MO'] })).length).to.be.at.most(5);
    expect(ids(searchGroups(fresh, { sort: 'name' }))).to.deep.equal(['g2', 'g4', 'g3', 'g1', 'g0']);
  });

  it('measures the distance to the nearest of several meeting places', () => {
    const twoPlaces = group('zwei', { de: 'Zwei Orte' }, { meetings: [meeting('2026-01-12T10:00', { place: MITTE }), meeting('2026-01-13T10:00', { place: KOELN })] });
    const [result] = searchGroups(createSearchIndex(directory([twoPlaces]), { locale: 'de' }), { near: { lat: 50.95, lon: 6.92 } });
    expect(result.distanceKm).to.equal(0);
    const [fromBerlin] = searchGroups(createSearchIndex(directory([twoPlaces]), { locale: 'de' }), { near: { lat: 52.53, lon: 13.38 } });
    expect(fromBerlin.distanceKm).to.equal(0);
  });

  it('sorts by distance to the nearest meeting place, groups without coordinates last', () => {
    const results = searchGroups(index, { near: { lat: 52.53, lon: 13.38 }, sort: 'distance' });
    expect(ids(results)).to.deep.equal([
      'angst', 'maedchen', 'treff-trauer', 'polnisch', 'offen', 'arabisch', 'trauer', 'alkohol', 'vereinbarung', 'persisch', 'senioren',
    ]);
    expect(results[0].distanceKm).to.equal(0);
    expect(results[1].distanceKm).to.be.closeTo(4.65, 0.1);
    expect(results[4].distanceKm).to.be.closeTo(478, 3);
    expect(results[7].distanceKm).to.be.undefined;
  });

  it('reports distances with any sort order when a position is given', () => {
    const results = searchGroups(index, { q: 'trauer', near: { lat: 50.95, lon: 6.92 } });
    expect(ids(results)).to.deep.equal(['treff-trauer', 'trauer', 'vereinbarung']);
    expect(results[1].distanceKm).to.equal(0);
  });

  it('sorts by the next meeting the caller computes, groups without one last', () => {
    const now = Date.now();
    const next: Record<string, number> = { angst: now + 3 * 3600e3, trauer: now + 3600e3, offen: now + 2 * 3600e3 };
    const nextIndex = createSearchIndex(DIRECTORY, { locale: 'de', nextStart: (g) => next[g.id] });
    const order = ids(searchGroups(nextIndex, { sort: 'next' }));
    expect(order.slice(0, 4)).to.deep.equal(['trauer', 'offen', 'angst', 'alkohol']);
    expect(order).to.have.length(11);
  });

  it('falls back to name order for relevance without search text', () => {
    expect(find({ sort: 'relevance' })).to.deep.equal(find({ sort: 'name' }));
  });
});

describe('facetCounts', () => {
  it('counts groups per topic and area under the other filters, ignoring the topic filter itself', () => {
    const { topics } = facetCounts(index, { topics: ['trauer'], days: ['TU', 'WE'] });
    expect(topics['trauer']).to.equal(2);
    expect(topics['angst-depression']).to.equal(1);
    expect(topics['psyche']).to.equal(3);
    expect(topics['sucht']).to.equal(0);
  });

  it('counts groups per weekday under the search text and the other filters, at the selected times', () => {
    const { days } = facetCounts(index, { q: 'trauer', days: ['MO'], times: ['evening'] });
    expect(days).to.deep.equal({ MO: 0, TU: 0, WE: 1, TH: 0, FR: 0, SA: 0, SU: 0 });
    expect(facetCounts(index, {}).days.SA).to.equal(2);
  });
});

describe('highlightRanges', () => {
  it('returns ranges in the display text when folding made it longer (ß → ss)', () => {
    const name = byId('maedchen').name.de;
    const ranges = highlightRanges(index, byId('maedchen'), 'name', 'strassen');
    expect(ranges).to.deep.equal([[14, 21]]);
    expect(name.slice(14, 21)).to.equal('Straßen');
  });

  it('covers the whole ß when the typed word ends inside its expansion', () => {
    const [[start, end]] = highlightRanges(index, byId('maedchen'), 'name', 'stras');
    expect(byId('maedchen').name.de.slice(start, end)).to.equal('Straß');
  });

  it('covers an umlaut whether it was typed as ä, ae or a', () => {
    for (const q of ['mäd', 'maed', 'mad']) expect(highlightRanges(index, byId('maedchen'), 'name', q), q).to.deep.equal([[0, 3]]);
    expect(highlightRanges(index, byId('maedchen'), 'description', 'mädchen straße')).to.deep.equal([[22, 29], [44, 50]]);
  });

  it('highlights the description in the language the visitor reads', () => {
    const en = createSearchIndex(DIRECTORY, { locale: 'en' });
    expect(highlightRanges(en, byId('angst'), 'description', 'panic')).to.deep.equal([[24, 29]]);
    expect(highlightRanges(index, byId('angst'), 'description', 'panik')).to.deep.equal([[29, 34]]);
  });

  it('highlights an Arabic word after its article', () => {
    const name = byId('arabisch').name.ar;
    const [[start, end]] = highlightRanges(createSearchIndex(DIRECTORY, { locale: 'ar' }), byId('arabisch'), 'name', 'اكتئاب');
    expect(name.slice(start, end)).to.equal('اكتئاب');
  });

  it('highlights an Arabic word after a prefix and its article', () => {
    const text = byId('arabisch').description!.ar;
    const [[start, end]] = highlightRanges(createSearchIndex(DIRECTORY, { locale: 'ar' }), byId('arabisch'), 'description', 'قلق');
    expect(text.slice(start, end)).to.equal('قلق');
  });

  it('returns no ranges when nothing matches or there is no description', () => {
    expect(highlightRanges(index, byId('maedchen'), 'name', 'trauer')).to.deep.equal([]);
    expect(highlightRanges(index, byId('senioren'), 'description', 'depression')).to.deep.equal([]);
  });
});

describe('districtsWithCoordinates', () => {
  it('lists districts and cities with the centre of their meeting places, skipping places without coordinates', () => {
    const list = districtsWithCoordinates(DIRECTORY);
    expect(list.map((d) => d.name)).to.deep.equal(['Berlin', 'Ehrenfeld', 'Köln', 'Mitte', 'Pankow']);
    const berlin = list[0];
    expect(berlin.lat).to.be.closeTo(52.55, 1e-9);
    expect(berlin.lon).to.be.closeTo(13.39, 1e-9);
  });

  it('tells towns of the same name apart by their postal code when they lie far apart', () => {
    const west = place('neustadt-w', { city: 'Neustadt', postalCode: '67433', district: 'Mitte', lat: 49.35, lon: 8.14 });
    const westToo = place('neustadt-w2', { city: 'Neustadt', postalCode: '67434', lat: 49.36, lon: 8.15 });
    const east = place('neustadt-e', { city: 'Neustadt', postalCode: '01844', district: 'Mitte', lat: 51.02, lon: 14.21 });
    const groups = [west, westToo, east].map((p, i) => group(`n${i}`, { de: `Gruppe ${i}` }, { meetings: [meeting('2026-01-12T10:00', { place: p })] }));
    const list = districtsWithCoordinates(directory(groups, TOPICS, [west, westToo, east]));
    expect(list.map((d) => d.name)).to.deep.equal(['Mitte (Neustadt (01844))', 'Mitte (Neustadt (67433))', 'Neustadt (01844)', 'Neustadt (67433)']);
    const neustadtWest = list.find((d) => d.name === 'Neustadt (67433)')!;
    expect(neustadtWest.lat).to.be.closeTo(49.355, 1e-9);
    expect(list.find((d) => d.name === 'Mitte (Neustadt (01844))')).to.deep.include({ city: 'Neustadt (01844)', district: 'Mitte' });
  });

  it('computes the list once per directory and returns the same one after', () => {
    expect(districtsWithCoordinates(DIRECTORY)).to.equal(districtsWithCoordinates(DIRECTORY));
    expect(Object.isFrozen(districtsWithCoordinates(DIRECTORY))).to.be.true;
  });
});
