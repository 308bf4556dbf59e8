// The pieces under the feed CLI, imported from dist/: the CSV reader, the rhythm phrases,
// the schema checker and the CLI entry itself. Needs dist/: npx tsc -p tsconfig.json
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { decodeCsv, detectDelimiter, parseCsv, readCsv } from '../../dist/cli/csv.js';
import { parseRhythm, parseTimeRange, rhythmToRRule } from '../../dist/cli/rhythm.js';
import { checkSchema } from '../../dist/cli/schema-check.js';
import { main } from '../../dist/cli/main.js';

const rrule = (phrase) => {
  const r = parseRhythm(phrase);
  return r.kind === 'rule' ? rhythmToRRule(r) : r.kind === 'unknown' ? `unknown:${r.reason}` : r.kind;
};

describe('the CSV reader', () => {
  it('parses quotes, doubled quotes and line breaks in quoted fields, and keeps the line each record starts on', () => {
    const { records, unclosedQuoteLine } = parseCsv('a;b;c\r\n"x ""y""";"line 1\r\nline 2";z\r\n1;2;3\n', ';');
    assert.equal(unclosedQuoteLine, undefined);
    assert.deepEqual(records, [
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x "y"', 'line 1\nline 2', 'z'] },
      { line: 4, fields: ['1', '2', '3'] },
    ]);
  });

  it('keeps empty fields, a trailing empty field and a last line without a line break', () => {
    assert.deepEqual(parseCsv('a,,c,\n,,', ',').records, [
      { line: 1, fields: ['a', '', 'c', ''] },
      { line: 2, fields: ['', '', ''] },
    ]);
  });

  it('reports a quoted field that never closes by the line it opens on', () => {
    const { records, unclosedQuoteLine } = parseCsv('Name;Text\nA;"open\nstill open\n', ';');
    assert.equal(unclosedQuoteLine, 2);
    assert.equal(records[1].fields[1], 'open\nstill open\n');
  });

  it('detects semicolon, comma and tab from the header line, ignoring separators inside quotes', () => {
    assert.equal(detectDelimiter('Name;Thema;Ort\n'), ';');
    assert.equal(detectDelimiter('Name,Thema,Ort\n'), ',');
    assert.equal(detectDelimiter('Name\tThema\tOrt\n'), '\t');
    assert.equal(detectDelimiter('"A, B, C";D\n'), ';');
  });

  it("honours Excel's sep= line and still counts lines as a spreadsheet shows them", () => {
    const table = readCsv(new TextEncoder().encode('sep=,\nName,Ort\nA,B\n'));
    assert.equal(table.delimiter, ',');
    assert.deepEqual(table.records.map((r) => r.line), [2, 3]);
  });

  it('decodes UTF-8 with or without BOM, and Windows-1252 including the characters Latin-1 lacks', () => {
    assert.deepEqual(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0xc3, 0xa4])), { text: 'ä', encoding: 'utf-8' });
    assert.deepEqual(decodeCsv(new TextEncoder().encode('Straße')), { text: 'Straße', encoding: 'utf-8' });
    // "Grüße – „€“" as German Excel saves it.
    const bytes = new Uint8Array([0x47, 0x72, 0xfc, 0xdf, 0x65, 0x20, 0x96, 0x20, 0x84, 0x80, 0x93]);
    assert.deepEqual(decodeCsv(bytes), { text: 'Grüße – „€“', encoding: 'windows-1252' });
    assert.equal(readCsv(readFileSync(new URL('../fixtures/cli/groups-win1252.csv', import.meta.url))).encoding, 'windows-1252');
  });
});

describe('rhythm phrases', () => {
  it('turns the phrases offices write into rules', () => {
    const cases = {
      'jeden 2. Dienstag im Monat': 'FREQ=MONTHLY;BYDAY=2TU',
      'wöchentlich montags': 'FREQ=WEEKLY;BYDAY=MO',
      'jeden Montag': 'FREQ=WEEKLY;BYDAY=MO',
      'montags und donnerstags': 'FREQ=WEEKLY;BYDAY=MO,TH',
      '14-tägig donnerstags': 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH',
      'alle drei Wochen freitags': 'FREQ=WEEKLY;INTERVAL=3;BYDAY=FR',
      'jede zweite Woche dienstags': 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
      'letzter Freitag im Monat': 'FREQ=MONTHLY;BYDAY=-1FR',
      '1. und 3. Mittwoch': 'FREQ=MONTHLY;BYDAY=1WE,3WE',
      'jeden 1. Mittwoch und 3. Donnerstag': 'FREQ=MONTHLY;BYDAY=1WE,3TH',
      'jeden ersten Sonntag': 'FREQ=MONTHLY;BYDAY=1SU',
      'monatlich am 15.': 'FREQ=MONTHLY;BYMONTHDAY=15',
      'nach Absprache': 'arrangement',
      'every other week on Thursday': 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH',
      'last Friday of the month': 'FREQ=MONTHLY;BYDAY=-1FR',
      'by arrangement': 'arrangement',
    };
    for (const [phrase, expected] of Object.entries(cases)) assert.equal(rrule(phrase), expected, phrase);
  });

  it('refuses phrases that read two ways instead of guessing', () => {
    assert.equal(rrule('jeden zweiten Dienstag'), 'unknown:ambiguous-second');
    assert.equal(rrule('jeden 2. Dienstag'), 'unknown:ambiguous-second');
    assert.equal(rrule('monatlich'), 'unknown:monthly-which-day');
    assert.equal(rrule('täglich'), 'unknown:daily');
    assert.equal(rrule('unregelmäßig'), 'unknown:not-understood');
  });

  it('leaves the weekday open when the phrase names none, for the Beginn date to fill', () => {
    const r = parseRhythm('alle zwei Wochen');
    assert.equal(rhythmToRRule(r), undefined);
    assert.equal(rhythmToRRule(r, 'MO'), 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO');
  });

  it('reads a time of day inside the phrase without mistaking it or a date for an ordinal', () => {
    assert.deepEqual(parseRhythm('jeden 2. Dienstag im Monat, 18:30 Uhr').time, { start: '18:30' });
    assert.equal(rrule('jeden 2. Dienstag im Monat 18.30 Uhr'), 'FREQ=MONTHLY;BYDAY=2TU');
    assert.deepEqual(parseRhythm('montags 18 bis 20 Uhr'), { kind: 'rule', freq: 'WEEKLY', interval: 1, byDay: ['MO'], time: { start: '18:00', end: '20:00' } });
    assert.equal(parseRhythm('einmalig am 12.03.2026').time, undefined);
  });

  it('reads the times of day offices write in the Uhrzeit column', () => {
    const cases = { '18:00–20:00': ['18:00', '20:00'], '18 bis 20 Uhr': ['18:00', '20:00'], '18.30 - 20 Uhr': ['18:30', '20:00'], 'ab 19 Uhr': ['19:00'], '19:30': ['19:30'], '18-20': ['18:00', '20:00'], '7 pm': ['19:00'] };
    for (const [text, [start, end]] of Object.entries(cases)) assert.deepEqual(parseTimeRange(text), end ? { start, end } : { start }, text);
    assert.equal(parseTimeRange('abends'), undefined);
    assert.equal(parseTimeRange('25:00'), undefined);
  });
});

describe('the schema checker', () => {
  const schema = {
    $defs: { text: { oneOf: [{ type: 'string', minLength: 1 }, { type: 'object', patternProperties: { '^[a-z]{2}$': { type: 'string' } }, additionalProperties: false }] } },
    type: 'object',
    required: ['version'],
    properties: { version: { const: 1 }, name: { $ref: '#/$defs/text' }, tags: { type: 'array', items: { enum: ['a', 'b'] }, uniqueItems: true } },
  };
  const unknown = (name) => `unknown ${name}`;

  it('reports each violation with the path of the value', () => {
    const problems = checkSchema(schema, { name: { de: 'x', EN: 'y' }, tags: ['a', 'c', 'a'] }, unknown);
    assert.deepEqual(
      problems.map((p) => [p.path, p.severity]),
      [['version', 'error'], ['name', 'error'], ['tags', 'error'], ['tags[1]', 'error']],
    );
  });

  it('warns about fields no schema describes, and not about fields described through $ref or allOf', () => {
    const withRef = { $defs: { base: { properties: { a: {} } } }, $ref: '#/$defs/base', properties: { b: {} }, allOf: [{ properties: { c: {} } }] };
    assert.deepEqual(checkSchema(withRef, { a: 1, b: 2, c: 3, d: 4 }, unknown), [{ path: 'd', message: 'unknown d', severity: 'warning' }]);
  });

  const schemaUrl = new URL('../../feed.schema.json', import.meta.url);
  it('agrees with ajv on which feeds match feed.schema.json', { skip: !existsSync(schemaUrl) && 'feed.schema.json is not there yet' }, async () => {
    const require = createRequire(import.meta.url);
    const Ajv2020 = require('ajv/dist/2020.js').default;
    const addFormats = require('ajv-formats');
    const feedSchema = JSON.parse(readFileSync(schemaUrl, 'utf8'));
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(feedSchema);
    const sample = JSON.parse(readFileSync(new URL('../../demo/sample-feed.json', import.meta.url), 'utf8'));
    const variants = {
      sample: sample,
      'no groups': { ...sample, groups: undefined },
      'bad version': { ...sample, version: 2 },
      'group without name': { ...sample, groups: [{ ...sample.groups[0], name: undefined }] },
      'audience typo': { ...sample, groups: [{ ...sample.groups[0], audience: ['affectd'] }] },
      'rrule yearly': { ...sample, groups: [{ ...sample.groups[0], meetings: [{ ...sample.groups[0].meetings[0], rrule: 'FREQ=YEARLY' }] }] },
      'lat as text': { ...sample, places: [{ ...sample.places[0], lat: '52.5' }] },
    };
    for (const [name, feed] of Object.entries(variants)) {
      const data = JSON.parse(JSON.stringify(feed));
      const ours = checkSchema(feedSchema, data, unknown).filter((p) => p.severity === 'error');
      assert.equal(ours.length === 0, validate(data), `${name}: ours ${JSON.stringify(ours.slice(0, 2))}, ajv ${JSON.stringify(validate.errors?.slice(0, 2))}`);
    }
  });
});

describe('the CLI entry', () => {
  it('can be called in-process with its own output functions and returns the exit code', async () => {
    let out = '';
    let err = '';
    const io = { out: (s) => (out += s), err: (s) => (err += s), env: {}, isTTY: false };
    assert.equal(await main(['stats', '--help', '--lang', 'en'], io), 0);
    assert.match(out, /^Usage: selbsthilfe-widgets stats/);
    assert.equal(await main(['import'], io), 2);
    assert.match(err, /selbsthilfe-widgets import: <groups\.csv> fehlt/);
  });

  it('takes the language of messages from LANG when --lang is not given', async () => {
    let err = '';
    await main(['validate'], { out: () => {}, err: (s) => (err += s), env: { LANG: 'en_GB.UTF-8' }, isTTY: false });
    assert.match(err, /missing <feed\.json\|URL>/);
  });
});
