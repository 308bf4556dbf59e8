// The JSON Schema (feed.schema.json) checked with ajv, and the sample feed checked against
// both the schema and the normaliser. Run: node --test test/node/
// The normaliser comes from dist/: build it first with `npx tsc -p tsconfig.json`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const root = new URL('../../', import.meta.url);
const readJson = (path) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
const schema = readJson('feed.schema.json');
const SAMPLE = 'demo/sample-feed.json';
const sampleMissing = !existsSync(new URL(SAMPLE, root)) && `${SAMPLE} does not exist yet`;

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

/** The smallest feed a contact office could publish. */
function minimalFeed() {
  return {
    version: 1,
    topics: [{ id: 'trauer', name: 'Trauer' }],
    groups: [{ id: 'trauercafe', name: 'Trauercafé', topics: ['trauer'] }],
  };
}

function errorsOf(feed) {
  return validate(feed) ? [] : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`);
}

test('the schema compiles under ajv strict mode as draft 2020-12', () => {
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.equal(typeof validate, 'function');
});

test('a minimal valid feed passes', () => {
  assert.deepEqual(errorsOf(minimalFeed()), []);
});

test('a feed with a status outside open, closed, founding and paused fails at that group', () => {
  const feed = minimalFeed();
  feed.groups[0].status = 'inactive';
  assert.ok(errorsOf(feed).some((e) => e.startsWith('/groups/0/status')), errorsOf(feed).join('\n'));
});

test('unknown properties are allowed everywhere, so later minor versions still validate', () => {
  const feed = minimalFeed();
  feed.newTopLevelThing = true;
  feed.groups[0].newGroupField = { any: 'thing' };
  feed.topics[0].icon = 'leaf';
  assert.deepEqual(errorsOf(feed), []);
});

test('ids that are not URL-safe, unsupported rules and a missing version fail', () => {
  const badId = minimalFeed();
  badId.groups[0].id = 'trauer café';
  assert.ok(errorsOf(badId).some((e) => e.startsWith('/groups/0/id')));

  const yearly = minimalFeed();
  yearly.groups[0].meetings = [{ start: '2026-01-13T18:00', rrule: 'FREQ=YEARLY' }];
  assert.ok(errorsOf(yearly).some((e) => e.startsWith('/groups/0/meetings/0/rrule')));

  const noVersion = minimalFeed();
  delete noVersion.version;
  assert.ok(errorsOf(noVersion).some((e) => e.includes("must have required property 'version'")));
});

test('localised texts, inline places and monthly rules with ordinals pass', () => {
  const feed = minimalFeed();
  feed.language = 'de';
  feed.groups[0].name = { de: 'Trauercafé', en: 'Grief café', ar: 'مقهى الحزن' };
  feed.groups[0].keywords = { de: ['Verlust'], en: ['loss'] };
  feed.groups[0].meetings = [
    { start: '2026-01-13T18:00', rrule: 'FREQ=MONTHLY;BYDAY=2TU', end: '20:00', text: 'jeden 2. Dienstag im Monat', place: { name: 'Café Lind', city: 'Musterstadt', accessibility: { wheelchair: true } } },
  ];
  assert.deepEqual(errorsOf(feed), []);
});

test(`${SAMPLE} validates against the schema`, { skip: sampleMissing }, () => {
  assert.deepEqual(errorsOf(readJson(SAMPLE)), []);
});

test(`normaliseFeed finds no errors in ${SAMPLE}`, { skip: sampleMissing }, async () => {
  const built = new URL('dist/feed/index.js', root);
  assert.ok(existsSync(built), `${fileURLToPath(built)} is missing: build first with "npx tsc -p tsconfig.json".`);
  const { normaliseFeed } = await import(built.href);
  const directory = normaliseFeed(readJson(SAMPLE), { baseUrl: 'https://kiss.musterstadt.example/feed.json' });
  const errors = directory.problems.filter((p) => p.severity === 'error').map((p) => `${p.path}: ${p.message}`);
  assert.deepEqual(errors, []);
  assert.ok(directory.groups.length > 0);
});
