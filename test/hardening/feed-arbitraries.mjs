// fast-check arbitraries for feeds a contact office (or an attacker, or a broken export) might
// publish: mostly the right shape with hostile or random values, sometimes anything at all.
// Plain JS so that both the browser tests and the node tests (test/node/) can import it.
import fc from 'fast-check';

/** Strings that have broken parsers before: markup, schemes, controls, bidi, prototype names. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\uFEFF',
  '\u202E',
  '\u200B',
  '\uD800',
  '\uDFFF',
  '<script>window.__pwned()</script>',
  '"><img src=x onerror=window.__pwned()>',
  'javascript:window.__pwned()',
  'java\tscript:x',
  'data:text/html,x',
  '//evil.example',
  '\\\\evil.example',
  'https://a@evil.example',
  'mailto:a@example.org?bcc=b@example.org',
  'tel:+49 30 1',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'NaN',
  'null',
  'undefined',
  '1e309',
  '-0',
  '2026-02-30T18:00',
  '2026-01-13T18:00',
  '2026-12-24',
  'PT2H',
  'PT0M',
  '18:00',
  '24:00',
  'Europe/Berlin',
  'Etc/GMT+14',
  'Mars/Olympus',
  'de',
  'DE-at',
  'x-klingon',
  'FREQ=WEEKLY;BYDAY=TU',
  'FREQ=MONTHLY;BYDAY=-1FR',
  '+49 30 23125 100',
  'a@example.org',
  'https://example.org/gruppe',
  'http://127.0.0.1:8000/x',
  'https://xn--80ak6aa92e.com/',
  'x'.repeat(5001),
];

const nasty = fc.constantFrom(...NASTY_STRINGS);
/** Any string: random code units (lone surrogates included), grapheme soup, or a nasty one. */
export const anyString = fc.oneof(
  { weight: 2, arbitrary: nasty },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('<', '>', '"', "'", '&', ':', '/', '\\', '\u202E', '\u2066', '\u200B', '\u0000', '\n', ' ', 'a', 'ä', '1', '-', '.', '@'), maxLength: 30 }) },
);

/** Anything JSON.parse could return (and a few things it could not, like undefined and -0). */
export const anyJson = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null, -0, Number.NaN, Infinity, [], {}, [[[]]], { __proto__: null }) },
  { weight: 2, arbitrary: anyString },
);

/** Usually a value of the right kind, sometimes junk. */
const maybe = (valid) => fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: anyJson });
const idArb = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('a', 'b', 'c', 'trauer', 'sucht', 'p1', 'p2', 'g-1', 'g.2', 'x~y') }, { weight: 1, arbitrary: anyString });
const textArb = fc.oneof(anyString, fc.dictionary(fc.oneof(fc.constantFrom('de', 'en', 'ar', 'DE-at', 'tr', '__proto__', ''), anyString), anyString, { maxKeys: 4 }));
const termsArb = fc.oneof(fc.array(anyString, { maxLength: 4 }), fc.dictionary(fc.constantFrom('de', 'en', 'xx-bad!', '__proto__'), fc.array(anyString, { maxLength: 3 }), { maxKeys: 3 }), anyString);
const weekday = fc.constantFrom('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU');
const urlArb = fc.oneof(anyString, fc.webUrl(), fc.constantFrom('datenschutz.html', '/kontakt', 'www.example.org'));

/** An RRULE: known parts with good, bad and random values, in any order, sometimes twice. */
export const rruleArb = fc
  .tuple(
    fc.constantFrom('', 'RRULE:', 'rrule:', ' '),
    fc.array(
      fc.oneof(
        fc.constantFrom('FREQ=WEEKLY', 'FREQ=MONTHLY', 'FREQ=DAILY', 'FREQ=YEARLY', 'FREQ=', 'WKST=MO', 'BYSETPOS=1', '=', ';', 'X-NAME=1'),
        fc.tuple(fc.constantFrom('INTERVAL', 'COUNT', 'BYMONTHDAY'), fc.oneof(fc.integer({ min: -40, max: 1_000_001 }).map(String), anyString)).map(([k, v]) => `${k}=${v}`),
        fc.tuple(fc.array(fc.tuple(fc.constantFrom('', '1', '2', '-1', '-5', '5', '6', '0', '+3', '10'), weekday).map(([o, d]) => o + d), { minLength: 1, maxLength: 4 })).map(([days]) => `BYDAY=${days.join(',')}`),
        fc.tuple(fc.integer({ min: 1960, max: 2200 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.boolean(), fc.boolean()).map(
          ([y, m, d, time, z]) => `UNTIL=${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${time ? 'T235959' : ''}${z ? 'Z' : ''}`,
        ),
        anyString,
      ),
      { maxLength: 6 },
    ),
  )
  .map(([prefix, parts]) => prefix + parts.join(';'));

const localDateTime = fc
  .tuple(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }))
  .map(([y, mo, d, h, mi]) => `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}`);

const placeFields = {
  name: maybe(textArb),
  street: maybe(anyString),
  postalCode: maybe(anyString),
  city: maybe(anyString),
  district: maybe(anyString),
  lat: maybe(fc.double({ min: -100, max: 100 })),
  lon: maybe(fc.double({ min: -200, max: 200 })),
  accessibility: maybe(fc.record({ wheelchair: maybe(fc.boolean()), accessibleToilet: maybe(fc.boolean()), hearingLoop: maybe(fc.boolean()), notes: maybe(textArb) }, { requiredKeys: [] })),
};
const placeArb = fc.record({ id: idArb, ...placeFields }, { requiredKeys: [] });

const meetingArb = fc.record(
  {
    rrule: maybe(rruleArb),
    start: maybe(localDateTime),
    end: maybe(fc.oneof(fc.constantFrom('20:00', '00:30', '18:00', '24:00', '7:00'), anyString)),
    duration: maybe(fc.oneof(fc.constantFrom('PT2H', 'PT90M', 'PT1H30M', 'PT0M', 'PT25H', 'P1D'), anyString)),
    timezone: maybe(fc.oneof(fc.constantFrom('Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC', 'Mars/Olympus'), anyString)),
    exdates: maybe(fc.array(fc.oneof(localDateTime.map((s) => s.slice(0, 10)), localDateTime, anyJson), { maxLength: 4 })),
    text: maybe(textArb),
    place: maybe(fc.oneof(idArb, fc.record(placeFields, { requiredKeys: [] }))),
    online: maybe(fc.record({ url: maybe(urlArb), phone: maybe(anyString), notes: maybe(textArb) }, { requiredKeys: [] })),
  },
  { requiredKeys: [] },
);

const groupArb = fc.record(
  {
    id: idArb,
    name: maybe(textArb),
    description: maybe(textArb),
    topics: maybe(fc.array(idArb, { maxLength: 5 })),
    keywords: maybe(termsArb),
    audience: maybe(fc.array(fc.oneof(fc.constantFrom('affected', 'relatives'), anyString), { maxLength: 3 })),
    ageGroup: maybe(fc.constantFrom('young', 'seniors', 'children')),
    status: maybe(fc.constantFrom('open', 'closed', 'founding', 'paused', 'OPEN')),
    languages: maybe(fc.array(fc.oneof(fc.constantFrom('de', 'tr', 'ar', 'DE-at', 'zz'), anyString), { maxLength: 3 })),
    meetings: maybe(fc.array(maybe(meetingArb), { maxLength: 3 })),
    byArrangement: maybe(fc.boolean()),
    contact: maybe(fc.record({ via: maybe(fc.constantFrom('office', 'group')), name: maybe(anyString), email: maybe(anyString), phone: maybe(anyString), website: maybe(urlArb) }, { requiredKeys: [] })),
    updated: maybe(fc.oneof(fc.constantFrom('2026-03-01T09:30:00+01:00', '2026-03-01', '2026-02-30'), anyString)),
  },
  { requiredKeys: [] },
);

const officeArb = fc.record(
  {
    name: maybe(textArb),
    description: maybe(textArb),
    address: maybe(fc.record({ street: maybe(anyString), postalCode: maybe(anyString), city: maybe(anyString), district: maybe(anyString) }, { requiredKeys: [] })),
    phone: maybe(anyString),
    email: maybe(anyString),
    website: maybe(urlArb),
    openingHours: maybe(fc.oneof(textArb, fc.array(maybe(fc.record({ days: maybe(fc.array(fc.oneof(weekday, anyString), { maxLength: 3 })), opens: maybe(fc.constantFrom('09:00', '13:00', '25:00')), closes: maybe(fc.constantFrom('12:00', '18:00', '08:00')) }, { requiredKeys: [] })), { maxLength: 3 }))),
    languages: maybe(fc.array(anyString, { maxLength: 3 })),
    contactEndpoint: maybe(urlArb),
    privacyUrl: maybe(urlArb),
    freeAndConfidential: maybe(fc.boolean()),
    replyTime: maybe(textArb),
  },
  { requiredKeys: [] },
);

/** A feed: the v1 shape with random and hostile values everywhere, sometimes with whole parts of the wrong kind. */
export const feedArb = fc.record(
  {
    version: fc.oneof({ weight: 8, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.constantFrom('1', undefined, null) }, { weight: 1, arbitrary: anyJson }),
    updated: maybe(anyString),
    language: maybe(fc.constantFrom('de', 'en', 'ar', 'DE-at', 'xx-!!')),
    timezone: maybe(fc.constantFrom('Europe/Berlin', 'Asia/Tehran', 'Mars/Olympus')),
    office: maybe(officeArb),
    topics: maybe(fc.array(maybe(fc.record({ id: idArb, name: maybe(textArb), description: maybe(textArb), parent: maybe(idArb), synonyms: maybe(termsArb) }, { requiredKeys: [] })), { maxLength: 6 })),
    places: maybe(fc.array(maybe(placeArb), { maxLength: 4 })),
    groups: fc.oneof({ weight: 9, arbitrary: fc.array(maybe(groupArb), { maxLength: 6 }) }, { weight: 1, arbitrary: anyJson }),
  },
  { requiredKeys: ['version', 'groups'] },
);

/** Any input at all, feed-shaped or not. */
export const anyInput = fc.oneof({ weight: 4, arbitrary: feedArb }, { weight: 1, arbitrary: anyJson });
