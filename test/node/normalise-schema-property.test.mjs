// Property-based (fast-check): whatever feed normaliseFeed is given, the directory it returns,
// written back as a version 1 feed, validates against feed.schema.json (ajv). The schema is the
// contract the elements are built on, so the normaliser must never let through what it forbids.
// Run: node --test test/node/ (the normaliser comes from dist/: `npx tsc -p tsconfig.json`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { feedArb } from '../hardening/feed-arbitraries.mjs';
import { directoryToFeed } from '../hardening/directory-to-feed.mjs';

const root = new URL('../../', import.meta.url);
const built = new URL('dist/feed/index.js', root);
const notBuilt = !existsSync(built) && 'dist/ is missing: run `npx tsc -p tsconfig.json` (npm test builds it)';
const schema = JSON.parse(readFileSync(new URL('feed.schema.json', root), 'utf8'));
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);
const BASE = 'https://kiss.example/feed.json';

// Where the normaliser is knowingly more lenient than the schema (reported to the lead; none is a
// safety problem): each is matched narrowly, so any other difference still fails the test.
const KNOWN_LENIENCY = [
  // readPhone keeps a "tel:" prefix in the display text; links are built from safePhone() anyway.
  (e, v) => /\/phone$/.test(e.instancePath) && e.keyword === 'pattern' && /^tel:/i.test(v),
  // WHATWG URLs may keep "%", "[", "|" … in paths that RFC 3986 ("format": "uri") forbids.
  (e, v) => /\/(website|url|privacyUrl|contactEndpoint)$/.test(e.instancePath) && ['format', 'pattern', 'anyOf'].includes(e.keyword) && /^https?:\/\//.test(v),
  // readInstant accepts a date-time without offset ("2026-01-13T18:00"); the schema wants one.
  (e, v) => /\/updated$/.test(e.instancePath) && ['format', 'anyOf'].includes(e.keyword) && /T\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(v),
  // parseRRule reads lower case; the rule is kept as written.
  (e, v) => /\/rrule$/.test(e.instancePath) && e.keyword === 'pattern' && v !== v.toUpperCase(),
];

function valueAt(feed, pointer) {
  let v = feed;
  for (const key of pointer.split('/').slice(1)) v = v?.[key];
  return v;
}

/** Schema errors, minus a group whose topics are all unknown (kept and reported on purpose) and the known leniencies. */
function schemaErrors(feed) {
  if (validate(feed)) return [];
  return validate.errors
    .filter((e) => !(/^\/groups\/\d+\/topics$/.test(e.instancePath) && e.keyword === 'minItems'))
    .filter((e) => !KNOWN_LENIENCY.some((known) => known(e, String(valueAt(feed, e.instancePath)))))
    .map((e) => `${e.instancePath || '/'} ${e.message} (${JSON.stringify(e.params)})`);
}

test('a normalised directory written back as a feed validates against feed.schema.json, for random feeds', { skip: notBuilt }, async () => {
  const { normaliseFeed, FeedError } = await import(built.href);
  fc.assert(
    fc.property(feedArb, (input) => {
      let directory;
      try {
        directory = normaliseFeed(input, { baseUrl: BASE });
      } catch (e) {
        if (e instanceof FeedError) return;
        throw e;
      }
      const feed = directoryToFeed(directory);
      assert.deepEqual(schemaErrors(feed), [], JSON.stringify(feed).slice(0, 2000));
    }),
    { numRuns: 500 },
  );
});

test('the sample corpus of hostile feeds normalises to feeds that validate', { skip: notBuilt }, async () => {
  const { normaliseFeed } = await import(built.href);
  const dir = new URL('test/fixtures/hostile/', root);
  for (const name of ['markup-in-text', 'unsafe-urls', 'bidi-and-invisible', 'wrong-types', 'nulls', 'duplicate-ids', 'missing-references', 'impossible-dates', 'prototype-pollution']) {
    const input = JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8'));
    const feed = directoryToFeed(normaliseFeed(input, { baseUrl: BASE }));
    assert.deepEqual(schemaErrors(feed), [], name);
  }
});
