import { expect } from '@open-wc/testing';
import { normaliseFeed } from '../../src/feed/normalise.js';
import { FeedError } from '../../src/feed/errors.js';
import type { Directory, FeedProblem } from '../../src/feed/types.js';

type Json = Record<string, unknown>;

/** A small valid feed; `groups` and the rest can be replaced per test. */
function feed(extra: Json = {}): Json {
  return {
    version: 1,
    language: 'de',
    timezone: 'Europe/Berlin',
    topics: [
      { id: 'sucht', name: 'Sucht' },
      { id: 'alkohol', name: 'Alkohol', parent: 'sucht' },
      { id: 'trauer', name: { de: 'Trauer', en: 'Grief' } },
    ],
    places: [{ id: 'nachbarschaftshaus', name: 'Nachbarschaftshaus', street: 'Lindenallee 12', city: 'Musterstadt' }],
    groups: [group('g1')],
    ...extra,
  };
}

function group(id: string, extra: Json = {}): Json {
  return { id, name: `Gruppe ${id}`, topics: ['alkohol'], ...extra };
}

function problemAt(directory: Directory, path: string): FeedProblem | undefined {
  return directory.problems.find((p) => p.path === path);
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an exception');
}

describe('normaliseFeed: what stops a feed', () => {
  it('refuses something that is not a JSON object with FeedError "invalid"', () => {
    for (const data of [null, [], 'feed', 42]) {
      const error = thrown(() => normaliseFeed(data));
      expect(error).to.be.instanceOf(FeedError);
      expect((error as FeedError).code).to.equal('invalid');
    }
  });

  it('refuses a future version with a message naming both versions', () => {
    const error = thrown(() => normaliseFeed(feed({ version: 2 }))) as FeedError;
    expect(error.code).to.equal('version');
    expect(error.message).to.equal('Feed version 2 is not supported by this version of selbsthilfe-widgets (supports 1).');
  });

  it('reads a feed without a version as version 1 and warns', () => {
    const { version: _ignored, ...rest } = feed();
    const directory = normaliseFeed(rest);
    expect(directory.groups).to.have.length(1);
    expect(problemAt(directory, 'version')?.severity).to.equal('warning');
  });

  it('refuses a feed without a groups list with FeedError "no-groups"', () => {
    const { groups: _ignored, ...rest } = feed();
    expect((thrown(() => normaliseFeed(rest)) as FeedError).code).to.equal('no-groups');
    expect((thrown(() => normaliseFeed(feed({ groups: { g1: {} } }))) as FeedError).code).to.equal('no-groups');
  });

  it('accepts an empty groups list as an empty directory', () => {
    const directory = normaliseFeed(feed({ groups: [] }));
    expect(directory.groups).to.deep.equal([]);
    expect(directory.problems).to.deep.equal([]);
  });
});

describe('normaliseFeed: records', () => {
  it('keeps valid groups next to invalid ones and names each dropped one by path', () => {
    const directory = normaliseFeed(
      feed({ groups: [group('a'), null, { name: 'ohne id', topics: ['sucht'] }, group('a b'), { id: 'ohne-name', topics: ['sucht'] }, group('b')] }),
    );
    expect(directory.groups.map((g) => g.id)).to.deep.equal(['a', 'b']);
    expect(directory.groupsById.get('b')?.name).to.deep.equal({ de: 'Gruppe b' });
    for (const path of ['groups[1]', 'groups[2].id', 'groups[3].id', 'groups[4].name']) {
      expect(problemAt(directory, path)?.severity, path).to.equal('error');
    }
  });

  it('keeps the first of two groups with the same id and drops the second', () => {
    const directory = normaliseFeed(feed({ groups: [group('g1', { name: 'Erste' }), group('g1', { name: 'Zweite' })] }));
    expect(directory.groups.map((g) => g.name.de)).to.deep.equal(['Erste']);
    expect(problemAt(directory, 'groups[1].id')?.message).to.contain('already used');
  });

  it('drops unknown topic references but keeps the group, even when no topic is left', () => {
    const directory = normaliseFeed(feed({ groups: [group('a', { topics: ['alkohol', 'alkohl'] }), group('b', { topics: ['tippfehler'] })] }));
    expect(directory.groupsById.get('a')?.topics).to.deep.equal(['alkohol']);
    expect(problemAt(directory, 'groups[0].topics[1]')).to.deep.include({ severity: 'warning', message: 'unknown topic "alkohl"; left out' });
    expect(directory.groupsById.get('b')?.topics).to.deep.equal([]);
    expect(problemAt(directory, 'groups[1].topics')?.severity).to.equal('warning');
  });

  it('treats a group without place and with contact only via the office as normal', () => {
    const directory = normaliseFeed(feed({ groups: [group('g1', { contact: { via: 'office' }, meetings: [{ start: '2026-01-13T18:00', rrule: 'FREQ=WEEKLY;BYDAY=TU' }] })] }));
    expect(directory.problems).to.deep.equal([]);
    expect(directory.groups[0]?.contact).to.deep.equal({ via: 'office' });
    expect(directory.groups[0]?.meetings[0]?.place).to.equal(undefined);
  });

  it('fills in defaults for optional group fields', () => {
    const g = normaliseFeed(feed()).groups[0];
    expect(g).to.deep.include({ status: 'open', byArrangement: false, audience: [], languages: [], meetings: [], keywords: {} });
    expect(g?.contact).to.deep.equal({ via: 'office' });
  });

  it('turns plain-string texts into the feed language', () => {
    const directory = normaliseFeed(feed({ language: 'en', groups: [group('g1', { name: 'Grief group', description: 'We meet.' })] }));
    expect(directory.language).to.equal('en');
    expect(directory.groups[0]?.name).to.deep.equal({ en: 'Grief group' });
    expect(directory.groups[0]?.description).to.deep.equal({ en: 'We meet.' });
  });

  it('canonicalises language keys and drops keys that are not language tags', () => {
    const directory = normaliseFeed(feed({ groups: [group('g1', { name: { DE: 'Trauer', 'pt-br': 'Luto', 'not a tag': 'x' } })] }));
    expect(directory.groups[0]?.name).to.deep.equal({ de: 'Trauer', 'pt-BR': 'Luto' });
    expect(problemAt(directory, 'groups[0].name["not a tag"]')?.severity).to.equal('warning');
  });

  it('drops fields of the wrong type with a warning and keeps the group', () => {
    const directory = normaliseFeed(
      feed({ groups: [group('g1', { description: 42, status: 'inactive', byArrangement: 'yes', audience: ['affected', 'friends'], ageGroup: 'kids', languages: ['de', 7] })] }),
    );
    const g = directory.groups[0];
    expect(g?.description).to.equal(undefined);
    expect(g?.status).to.equal('open');
    expect(g?.byArrangement).to.equal(false);
    expect(g?.audience).to.deep.equal(['affected']);
    expect(g?.ageGroup).to.equal(undefined);
    expect(g?.languages).to.deep.equal(['de']);
    for (const path of ['groups[0].description', 'groups[0].status', 'groups[0].byArrangement', 'groups[0].audience[1]', 'groups[0].ageGroup', 'groups[0].languages[1]']) {
      expect(problemAt(directory, path)?.severity, path).to.equal('warning');
    }
  });

  it('leaves bad entries out of lists given as objects in code, holes and undefined included', () => {
    // eslint-disable-next-line no-sparse-arrays
    const languages = ['de', undefined, , 'tr'];
    const directory = normaliseFeed({ version: 1, groups: [group('g1', { topics: [], languages })] });
    expect(directory.groups[0]?.languages).to.deep.equal(['de', 'tr']);
  });

  it('reads null in an optional field as absent, without a problem', () => {
    const directory = normaliseFeed(feed({ groups: [group('g1', { description: null, contact: null, meetings: null, keywords: null })] }));
    expect(directory.problems).to.deep.equal([]);
  });
});

describe('normaliseFeed: meetings', () => {
  it('drops a meeting with an unsupported rule, naming the rule by path, and keeps the group', () => {
    const groups = Array.from({ length: 13 }, (_, i) => group(`g${i}`));
    groups[12] = group('g12', { meetings: [{ start: '2026-01-13T18:00', rrule: 'FREQ=YEARLY' }, { start: '2026-01-13T18:00', rrule: 'FREQ=MONTHLY;BYDAY=2TU' }] });
    const directory = normaliseFeed(feed({ groups }));
    const problem = problemAt(directory, 'groups[12].meetings[0].rrule');
    expect(problem?.severity).to.equal('error');
    expect(problem?.message).to.match(/^FREQ=YEARLY is not supported/);
    expect(directory.groupsById.get('g12')?.meetings.map((m) => m.rrule)).to.deep.equal(['FREQ=MONTHLY;BYDAY=2TU']);
  });

  it('parses the rule and keeps it as written', () => {
    const meeting = normaliseFeed(feed({ groups: [group('g1', { meetings: [{ start: '2026-01-13T18:00:00', rrule: 'FREQ=MONTHLY;BYDAY=2TU', end: '20:00' }] })] })).groups[0]?.meetings[0];
    expect(meeting).to.deep.include({ start: '2026-01-13T18:00', rrule: 'FREQ=MONTHLY;BYDAY=2TU', durationMinutes: 120, timezone: 'Europe/Berlin' });
    expect(meeting?.rule).to.deep.equal({ freq: 'MONTHLY', interval: 1, byDay: [{ day: 'TU', ordinal: 2 }] });
  });

  it('drops a meeting on an impossible date', () => {
    const directory = normaliseFeed(feed({ groups: [group('g1', { meetings: [{ start: '2026-02-30T18:00' }, { start: '2026-02-28T18:00' }] })] }));
    expect(problemAt(directory, 'groups[0].meetings[0].start')).to.deep.include({ severity: 'error', message: '"2026-02-30T18:00" is not a real date and time; the meeting is left out' });
    expect(directory.groups[0]?.meetings.map((m) => m.start)).to.deep.equal(['2026-02-28T18:00']);
  });

  it('drops a meeting whose start has a UTC offset, saying how to write it', () => {
    const directory = normaliseFeed(feed({ groups: [group('g1', { meetings: [{ start: '2026-01-13T18:00:00Z' }] })] }));
    expect(problemAt(directory, 'groups[0].meetings[0].start')?.message).to.contain('write the local time without it');
  });

  it('keeps a meeting at an unknown place id without the place', () => {
    const directory = normaliseFeed(feed({ groups: [group('g1', { meetings: [{ start: '2026-01-13T18:00', place: 'rathaus' }, { start: '2026-01-14T18:00', place: 'nachbarschaftshaus' }] })] }));
    const [unknown, known] = directory.groups[0]?.meetings ?? [];
    expect(unknown?.place).to.equal(undefined);
    expect(problemAt(directory, 'groups[0].meetings[0].place')?.severity).to.equal('warning');
    expect(known?.place).to.equal(directory.placesById.get('nachbarschaftshaus'));
  });

  it('reads an inline place and gives it an id that cannot collide with feed ids', () => {
    const meeting = normaliseFeed(feed({ groups: [group('g1', { meetings: [{ start: '2026-01-13T18:00', place: { name: 'Café Lind', city: 'Musterstadt', lat: 52.5, lon: 13.4 } }] })] })).groups[0]?.meetings[0];
    expect(meeting?.place).to.deep.include({ id: 'g1/meeting-0', name: { de: 'Café Lind' }, city: 'Musterstadt', lat: 52.5, lon: 13.4 });
  });

  it('uses the feed time zone for a meeting with an invalid one, and Europe/Berlin for an invalid feed zone', () => {
    const directory = normaliseFeed(feed({ timezone: 'Mars/Olympus', groups: [group('g1', { meetings: [{ start: '2026-01-13T18:00', timezone: 'Europe/Atlantis' }, { start: '2026-01-13T18:00', timezone: 'Europe/Vienna' }] })] }));
    expect(directory.timezone).to.equal('Europe/Berlin');
    expect(problemAt(directory, 'timezone')?.severity).to.equal('warning');
    expect(directory.groups[0]?.meetings.map((m) => m.timezone)).to.deep.equal(['Europe/Berlin', 'Europe/Vienna']);
    expect(problemAt(directory, 'groups[0].meetings[0].timezone')?.severity).to.equal('warning');
  });

  it('keeps valid cancelled dates as dates and drops impossible ones', () => {
    const directory = normaliseFeed(feed({ groups: [group('g1', { meetings: [{ start: '2026-01-13T18:00', exdates: ['2026-12-24', '2026-12-31T18:00', '2026-13-01', 7] }] })] }));
    expect(directory.groups[0]?.meetings[0]?.exdates).to.deep.equal(['2026-12-24', '2026-12-31']);
    expect(problemAt(directory, 'groups[0].meetings[0].exdates[2]')?.severity).to.equal('warning');
    expect(problemAt(directory, 'groups[0].meetings[0].exdates[3]')?.severity).to.equal('warning');
  });

  it('computes the length from a duration or from an end past midnight', () => {
    const meetings = normaliseFeed(
      feed({ groups: [group('g1', { meetings: [{ start: '2026-01-13T18:00', duration: 'PT1H30M' }, { start: '2026-01-13T23:00', end: '01:00' }, { start: '2026-01-13T18:00', duration: 'two hours' }] })] }),
    ).groups[0]?.meetings;
    expect(meetings?.map((m) => m.durationMinutes)).to.deep.equal([90, 120, undefined]);
  });

  it('warns when the first meeting is not on a weekday of its rule', () => {
    const directory = normaliseFeed(feed({ groups: [group('g1', { meetings: [{ start: '2026-01-14T18:00', rrule: 'FREQ=WEEKLY;BYDAY=TU' }] })] }));
    expect(problemAt(directory, 'groups[0].meetings[0].start')).to.deep.include({ severity: 'warning', message: 'is a Wednesday (WE) but the rule meets on Tuesday (TU); check both' });
  });

  it('reads a rule with a prefix "RRULE:" or empty parts ("FREQ=WEEKLY;") and keeps it without them', () => {
    const directory = normaliseFeed(feed({ groups: [group('g1', { meetings: [{ start: '2026-01-13T18:00', rrule: 'RRULE:;FREQ=WEEKLY;;BYDAY=TU;' }] })] }));
    expect(directory.groups[0]?.meetings[0]?.rrule).to.equal('FREQ=WEEKLY;BYDAY=TU');
  });

  it('keeps at most 50 meetings per group and says so', () => {
    const meetings = Array.from({ length: 60 }, () => ({ start: '2026-01-13T18:00' }));
    const directory = normaliseFeed(feed({ groups: [group('g1', { meetings })] }));
    expect(directory.groups[0]?.meetings).to.have.length(50);
    expect(problemAt(directory, 'groups[0].meetings')?.message).to.contain('only the first 50');
  });
});

describe('normaliseFeed: contact and links', () => {
  it('drops an unsafe link with a warning naming its path', () => {
    const directory = normaliseFeed(feed({ groups: [group('g1', { contact: { via: 'group', email: 'anna@example.org', website: 'javascript:alert(1)' } })] }));
    expect(directory.groups[0]?.contact).to.deep.equal({ via: 'group', email: 'anna@example.org' });
    expect(problemAt(directory, 'groups[0].contact.website')?.severity).to.equal('warning');
  });

  it('sends people to the office when a group contact has no way to reach the group', () => {
    const directory = normaliseFeed(feed({ groups: [group('g1', { contact: { via: 'group', name: 'Anna', email: 'not an address' } })] }));
    expect(directory.groups[0]?.contact).to.deep.equal({ via: 'office', name: 'Anna' });
    expect(problemAt(directory, 'groups[0].contact.email')?.severity).to.equal('warning');
    expect(problemAt(directory, 'groups[0].contact.via')?.severity).to.equal('warning');
  });

  it('reads "www." addresses as https and resolves relative links against the base URL only', () => {
    const office = { name: 'KISS', website: 'www.kiss.example', privacyUrl: '/datenschutz', contactEndpoint: 'http://kiss.example/api/contact' };
    const withBase = normaliseFeed(feed({ office }), { baseUrl: 'https://kiss.example/feed.json' });
    expect(withBase.office).to.deep.include({ website: 'https://www.kiss.example/', privacyUrl: 'https://kiss.example/datenschutz' });
    expect(withBase.office?.contactEndpoint).to.equal(undefined);
    expect(problemAt(withBase, 'office.contactEndpoint')?.message).to.contain('unencrypted');
    const withoutBase = normaliseFeed(feed({ office }));
    expect(withoutBase.office?.privacyUrl).to.equal(undefined);
    expect(problemAt(withoutBase, 'office.privacyUrl')?.message).to.contain('relative address');
  });

  it('drops an office without a name, and reads opening hours as rows or as text', () => {
    const noName = normaliseFeed(feed({ office: { phone: '030 123' } }));
    expect(noName.office).to.equal(undefined);
    expect(problemAt(noName, 'office.name')?.severity).to.equal('error');
    const rows = normaliseFeed(feed({ office: { name: 'KISS', openingHours: [{ days: ['MO', 'TU'], opens: '09:00', closes: '13:00' }, { days: ['XX'], opens: '14:00', closes: '12:00' }] } }));
    expect(rows.office?.openingHours).to.deep.equal([{ days: ['MO', 'TU'], opens: '09:00', closes: '13:00' }]);
    expect(problemAt(rows, 'office.openingHours[1].days[0]')?.severity).to.equal('warning');
    const text = normaliseFeed(feed({ office: { name: 'KISS', openingHours: 'Mo–Do 9–13 Uhr' } }));
    expect(text.office?.openingHoursText).to.deep.equal({ de: 'Mo–Do 9–13 Uhr' });
  });
});

describe('normaliseFeed: topics', () => {
  it('places a topic under the area of a parent that is itself a topic, as an error on its parent', () => {
    const directory = normaliseFeed(feed({ topics: [{ id: 'sucht', name: 'Sucht' }, { id: 'alkohol', name: 'Alkohol', parent: 'sucht' }, { id: 'angehoerige', name: 'Angehörige', parent: 'alkohol' }] }));
    expect(directory.topicsById.get('angehoerige')?.parent).to.equal('sucht');
    expect(problemAt(directory, 'topics[2].parent')?.severity).to.equal('error');
  });

  it('reads a topic with an unknown parent, itself as parent, or a loop of parents as an area', () => {
    const directory = normaliseFeed(
      feed({
        topics: [
          { id: 'a', name: 'A', parent: 'fehlt' },
          { id: 'b', name: 'B', parent: 'b' },
          { id: 'c', name: 'C', parent: 'd' },
          { id: 'd', name: 'D', parent: 'c' },
        ],
        groups: [group('g1', { topics: ['a'] })],
      }),
    );
    expect(directory.topics.map((t) => t.parent)).to.deep.equal([undefined, undefined, undefined, undefined]);
    expect(problemAt(directory, 'topics[0].parent')?.severity).to.equal('warning');
    for (const path of ['topics[1].parent', 'topics[2].parent', 'topics[3].parent']) expect(problemAt(directory, path)?.severity, path).to.equal('error');
  });

  it('drops topics without id or name and the second of two with the same id', () => {
    const directory = normaliseFeed(feed({ topics: [{ id: 'sucht', name: 'Sucht' }, { name: 'ohne id' }, { id: 'leer' }, { id: 'sucht', name: 'Doppelt' }], groups: [group('g1', { topics: ['sucht'] })] }));
    expect(directory.topics.map((t) => t.id)).to.deep.equal(['sucht']);
    expect(directory.topicsById.get('sucht')?.name).to.deep.equal({ de: 'Sucht' });
    for (const path of ['topics[1].id', 'topics[2].name', 'topics[3].id']) expect(problemAt(directory, path)?.severity, path).to.equal('error');
  });
});

describe('normaliseFeed: hostile and oversized input', () => {
  it('strips bidi overrides, zero-width and control characters from names and texts', () => {
    const directory = normaliseFeed(feed({ groups: [group('g1', { name: '  Anna\u202E\u200Bgruppe\u0007  \t neu ', description: 'Erste Zeile\r\nZweite\u2028Dritte\u2066 \u0000', keywords: ['Su\u200Bcht'] })] }));
    const g = directory.groups[0];
    expect(g?.name).to.deep.equal({ de: 'Annagruppe neu' });
    expect(g?.description).to.deep.equal({ de: 'Erste Zeile\nZweite\nDritte' });
    expect(g?.keywords).to.deep.equal({ de: ['Sucht'] });
  });

  it('keeps zero-width non-joiners that Persian words need', () => {
    const name = 'گروه خودیاری می\u200Cخواهیم';
    expect(normaliseFeed(feed({ groups: [group('g1', { name: { fa: name } })] })).groups[0]?.name).to.deep.equal({ fa: name });
  });

  it('cuts long names and descriptions with a warning', () => {
    const directory = normaliseFeed(feed({ groups: [group('g1', { name: 'N'.repeat(400), description: 'D'.repeat(1_000_000) })] }));
    const g = directory.groups[0];
    expect(g?.name.de).to.have.length(300);
    expect(g?.name.de?.endsWith('…')).to.equal(true);
    expect(g?.description?.de).to.have.length(5000);
    expect(problemAt(directory, 'groups[0].name')?.message).to.contain('cut to 300');
    expect(problemAt(directory, 'groups[0].description')?.message).to.contain('cut to 5000');
  });

  it('keeps the first 50 of 10,000 topics on a group', () => {
    const topics = Array.from({ length: 60 }, (_, i) => ({ id: `t${i}`, name: `Thema ${i}` }));
    const refs = Array.from({ length: 10000 }, (_, i) => `t${i % 60}`);
    const directory = normaliseFeed(feed({ topics, groups: [group('g1', { topics: refs })] }));
    expect(directory.groups[0]?.topics).to.have.length(50);
    expect(problemAt(directory, 'groups[0].topics')?.message).to.contain('has 10000 topics; only the first 50 are kept');
  });

  it('lists at most maxProblems problems and then how many more there were', () => {
    const groups = Array.from({ length: 20 }, (_, i) => group(`g${i}`, { status: 'weird' }));
    const directory = normaliseFeed(feed({ groups }), { maxProblems: 5 });
    expect(directory.problems).to.have.length(6);
    expect(directory.problems[5]).to.deep.equal({ path: '', message: 'and 15 more problems', severity: 'warning' });
  });

  it('throws nothing but FeedError whatever the input', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 10000; i++) deep = [deep];
    const throwing = { get id(): string { throw new Error('boom'); } };
    const junk: unknown[] = [deep, throwing, { groups: [throwing] }, { groups: deep }, { groups: [{ id: 'x', name: deep, topics: deep, meetings: deep, contact: deep }] }];
    const values = [undefined, null, true, 0, -1, NaN, '', 'x'.repeat(100000), [], {}, deep, [null], { de: 5 }, Symbol('s'), () => 1, 10n];
    for (const value of values) {
      junk.push({ version: 1, groups: [{ id: 'g', name: value, description: value, topics: value, keywords: value, audience: value, ageGroup: value, status: value, languages: value, meetings: [value, { start: value, rrule: value, end: value, duration: value, timezone: value, exdates: value, text: value, place: value, online: value }], byArrangement: value, contact: value, updated: value }], topics: value, places: [value], office: value, language: value, timezone: value });
    }
    for (const data of junk) {
      try {
        normaliseFeed(data);
      } catch (e) {
        expect(e, String(e)).to.be.instanceOf(FeedError);
      }
    }
    expect((thrown(() => normaliseFeed({ groups: [throwing] })) as FeedError).code).to.equal('invalid');
  });
});
