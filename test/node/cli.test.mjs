// The feed CLI as a contact office runs it: `node bin/selbsthilfe-widgets.mjs <command>` in a
// child process, on real-shaped inputs (a Windows-1252 semicolon CSV, a Meeting Guide feed,
// an HSDS service). Needs dist/: npx tsc -p tsconfig.json
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normaliseFeed } from '../../dist/feed/normalise.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = join(ROOT, 'test/fixtures/cli');
const BIN = join(ROOT, 'bin/selbsthilfe-widgets.mjs');
const dir = mkdtempSync(join(tmpdir(), 'shg-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI; resolves to { code, stdout, stderr }. LANG=C so the default language is German. */
function run(args, { env = {}, bin = BIN } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: ROOT, env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const fixture = (name) => join(FIXTURES, name);
const tmp = (name, content) => {
  const path = join(dir, name);
  if (content !== undefined) writeFileSync(path, typeof content === 'string' || content instanceof Uint8Array ? content : JSON.stringify(content));
  return path;
};
const readJsonFile = (path) => JSON.parse(readFileSync(path, 'utf8'));
const errorsOf = (feed) => normaliseFeed(feed).problems.filter((p) => p.severity === 'error');

describe('the command line', () => {
  it('prints the overview with --help in the chosen language and exits with 0', async () => {
    const en = await run(['--help', '--lang', 'en']);
    assert.equal(en.code, 0);
    assert.match(en.stdout, /^Usage: selbsthilfe-widgets <command>/);
    const de = await run(['--help']);
    assert.equal(de.code, 0);
    assert.match(de.stdout, /^Aufruf: selbsthilfe-widgets <Befehl>/);
  });

  it('prints help for every command', async () => {
    for (const command of ['validate', 'import', 'convert', 'stats']) {
      const result = await run([command, '--help', '--lang=en']);
      assert.equal(result.code, 0, command);
      assert.match(result.stdout, new RegExp(`^Usage: selbsthilfe-widgets ${command} `), command);
    }
  });

  it('answers a missing command, an unknown command and an unknown option with exit code 2', async () => {
    const none = await run([]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /Aufruf/);
    const unknown = await run(['publish', '--lang', 'en']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command "publish"/);
    const option = await run(['validate', fixture('meeting-guide.json'), '--strict', '--lang', 'en']);
    assert.equal(option.code, 2);
    assert.match(option.stderr, /unknown option --strict[\s\S]*validate --help/);
    const lang = await run(['stats', 'x.json', '--lang', 'fr']);
    assert.equal(lang.code, 2);
  });

  it('reports an input that does not exist with exit code 1 and its name', async () => {
    const result = await run(['validate', 'nowhere/feed.json', '--lang', 'en']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /nowhere\/feed\.json: file not found/);
  });

  it('explains how to build when dist/ is missing', async () => {
    mkdirSync(join(dir, 'pkg/bin'), { recursive: true });
    copyFileSync(BIN, join(dir, 'pkg/bin/selbsthilfe-widgets.mjs'));
    const result = await run(['--help', '--lang', 'en'], { bin: join(dir, 'pkg/bin/selbsthilfe-widgets.mjs'), env: { LANG: 'en_US.UTF-8' } });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /dist\/cli\/main\.js is missing[\s\S]*npm run build/);
  });
});

describe('validate', () => {
  const broken = {
    version: 1,
    language: 'de',
    timezone: 'Europe/Berlin',
    office: { name: 'KISS Musterstadt', languages: ['de', 'en'], website: 'javascript:alert(1)' },
    topics: [{ id: 'sucht', name: { de: 'Sucht', en: 'Addiction' } }, { id: 'alkohol', name: 'Alkohol', parent: 'suchtt' }],
    places: [{ id: 'haus', name: 'Haus' }],
    groups: [
      { id: 'a', name: { de: 'Gruppe A', en: 'Group A' }, topics: ['sucht', 'alkohl'], meetings: [{ rrule: 'FREQ=WEEKLY;BYDAY=MO', start: '2026-01-05T19:00', place: 'hause' }] },
      { id: 'a', name: { de: 'Doppelt', en: 'Twice' }, topics: ['sucht'] },
      { id: 'b', name: { de: 'Vergangen', en: 'Past' }, topics: ['sucht'], meetings: [{ rrule: 'FREQ=WEEKLY;COUNT=3', start: '2025-01-06T19:00' }] },
      { id: 'c', name: { de: 'Nie', en: 'Never' }, topics: ['sucht'], meetings: [{ rrule: 'FREQ=MONTHLY;BYMONTHDAY=31;UNTIL=20250101', start: '2025-03-31T19:00' }] },
      { id: 'd', name: { de: 'Link', en: 'Link' }, topics: ['sucht'], contact: { via: 'group', website: 'http://gruppe-d.example.org' }, adress: 'typo' },
    ],
  };

  it('finds unknown references, duplicate ids, unsafe links, impossible and past meetings, each with its path', async () => {
    const result = await run(['validate', tmp('broken.json', broken), '--json', '--today', '2026-03-01', '--lang', 'en']);
    assert.equal(result.code, 1);
    const report = JSON.parse(result.stdout);
    const at = (path) => report.problems.filter((p) => p.path === path);
    assert.equal(report.ok, false);
    assert.equal(at('groups[0].topics[1]')[0].severity, 'error');
    assert.match(at('groups[0].topics[1]')[0].message, /unknown topic "alkohl"/);
    assert.match(at('groups[0].meetings[0].place')[0].message, /unknown place "hause"/);
    assert.match(at('topics[1].parent')[0].message, /unknown parent topic "suchtt"/);
    assert.match(at('groups[1].id')[0].message, /already used/);
    assert.match(at('office.website')[0].message, /not a safe link/);
    assert.equal(at('office.website')[0].severity, 'error');
    assert.match(at('groups[4].contact.website')[0].message, /not encrypted/);
    assert.match(at('groups[2].meetings[0]')[0].message, /in the past \(the last was 2025-01-20\)/);
    assert.equal(at('groups[2].meetings[0]')[0].severity, 'warning');
    assert.match(at('groups[3].meetings[0]')[0].message, /never takes place/);
    assert.equal(report.errors, report.problems.filter((p) => p.severity === 'error').length);
  });

  it('names a field the format does not know, from feed.schema.json', async (t) => {
    const result = await run(['validate', tmp('broken.json', broken), '--json', '--today', '2026-03-01', '--lang', 'en']);
    const report = JSON.parse(result.stdout);
    if (report.schema === 'missing') return t.skip('feed.schema.json is not in the package yet');
    const typo = report.problems.find((p) => p.path === 'groups[4].adress');
    assert.equal(typo?.source, 'schema');
    assert.match(typo.message, /"adress" is not a field of the feed format/);
  });

  it('accepts the sample feed with exit code 0 and lists missing translations apart', async () => {
    const result = await run(['validate', 'demo/sample-feed.json', '--today', '2026-03-01', '--base-url', 'https://kiss.example.org/feed.json', '--lang', 'en']);
    assert.equal(result.code, 0, result.stdout);
    assert.match(result.stdout, /^Checking demo\/sample-feed\.json\n72 groups, \d+ topics, \d+ places, \d+ meetings/);
    assert.match(result.stdout, /0 errors, 0 warnings, \d+ missing translations/);
    assert.match(result.stdout, /Missing translations:\n {2}groups\[0\]\.description: no text in English \(en\)/);
  });

  it('checks only the languages asked for with --languages', async () => {
    const result = await run(['validate', 'demo/sample-feed.json', '--json', '--languages', 'de', '--today', '2026-03-01', '--lang', 'en']);
    assert.equal(JSON.parse(result.stdout).translations, 0);
  });

  it('writes its report in German by default and in English with --lang en', async () => {
    const file = tmp('broken.json', broken);
    const de = await run(['validate', file, '--today', '2026-03-01']);
    assert.match(de.stdout, /^Prüfe .*broken\.json\n5 Gruppen, 2 Themen, 1 Ort, 3 Termine/);
    assert.match(de.stdout, /Fehler:\n[\s\S]*groups\[0\]\.topics\[1\]: unbekanntes Thema „alkohl“/);
    const en = await run(['validate', file, '--today', '2026-03-01', '--lang', 'en']);
    assert.match(en.stdout, /Errors:\n[\s\S]*groups\[0\]\.topics\[1\]: unknown topic "alkohl"/);
  });

  it('reads a feed from an http URL', async () => {
    const server = createServer((req, res) => {
      if (req.url !== '/feed.json') return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(broken));
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${server.address().port}`;
    try {
      const ok = await run(['validate', `${base}/feed.json`, '--json', '--today', '2026-03-01']);
      assert.equal(JSON.parse(ok.stdout).counts.groups, 5);
      const missing = await run(['validate', `${base}/gone.json`, '--lang', 'en']);
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /gone\.json answered with HTTP 404/);
    } finally {
      server.close();
    }
  });

  it('names line and column of a JSON syntax error', async () => {
    const result = await run(['validate', tmp('bad.json', '{\n  "version": 1,\n  "groups": [,]\n}'), '--lang', 'en']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /not valid JSON: .*line 3, column 14/);
  });

  it('says a Meeting Guide list has to be converted first', async () => {
    const result = await run(['validate', fixture('meeting-guide.json'), '--lang', 'en']);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /convert --from meeting-guide/);
  });
});

describe('import', () => {
  it('imports a semicolon CSV in Windows-1252 with its umlauts and dashes intact', async () => {
    const out = tmp('win.json');
    const result = await run(['import', fixture('groups-win1252.csv'), '-o', out, '--today', '2026-01-01', '--lang', 'en']);
    assert.match(result.stderr, /^Reading .*groups-win1252\.csv \(windows-1252, separator ";"\)\n10 rows → 9 groups/);
    const feed = readJsonFile(out);
    const names = feed.groups.map((g) => g.name);
    assert.ok(names.includes('Angehörige von Menschen mit Demenz'));
    assert.ok(names.includes('Glücksspiel – Neugründung'));
    assert.equal(feed.groups.find((g) => g.id === 'angst-und-depression').description, '„Wir machen uns gegenseitig Mut.“');
    assert.deepEqual(errorsOf(feed), []);
  });

  it('reports rows it cannot understand by line with the reason and keeps every other row', async () => {
    const result = await run(['import', fixture('groups-win1252.csv'), '--json', '--today', '2026-01-01', '--lang', 'en']);
    assert.equal(result.code, 1);
    const report = JSON.parse(result.stdout);
    const errors = report.problems.filter((p) => p.severity === 'error');
    assert.deepEqual(errors.map((p) => p.line), [8, 9, 10]);
    assert.match(errors[0].message, /"jeden zweiten Dienstag" is ambiguous/);
    assert.match(errors[1].message, /has no name; the row is not imported/);
    assert.match(errors[2].message, /"abends" is not a time/);
    assert.ok(report.problems.some((p) => p.line === 1 && /column "Farbe" is not known/.test(p.message)));
    assert.equal(report.feed.groups.length, 9);
    const adhs = report.feed.groups.find((g) => g.id === 'elterngruppe-adhs');
    assert.equal(adhs.meetings, undefined, 'the group stays, without the meeting that could not be read');
  });

  it('turns German rhythm phrases into rules and keeps each phrase as the meeting text', async () => {
    const { stdout } = await run(['import', fixture('groups-win1252.csv'), '--json', '--today', '2026-01-01']);
    const meetings = Object.fromEntries(JSON.parse(stdout).feed.groups.map((g) => [g.id, g.meetings?.[0]]));
    assert.deepEqual(meetings['diabetes-typ-2'], { rrule: 'FREQ=MONTHLY;BYDAY=2TU', start: '2026-01-13T18:00', end: '20:00', text: 'jeden 2. Dienstag im Monat', place: 'nachbarschaftshaus-lindenhof' });
    assert.equal(meetings['angehoerige-von-menschen-mit-demenz'].rrule, 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH');
    assert.equal(meetings['angehoerige-von-menschen-mit-demenz'].start, '2026-01-08T17:00');
    assert.equal(meetings['angst-und-depression'].rrule, 'FREQ=WEEKLY;BYDAY=MO');
    assert.equal(meetings.trauer.rrule, 'FREQ=MONTHLY;BYDAY=-1FR');
    assert.equal(meetings['rheuma-liga-treff'].rrule, 'FREQ=MONTHLY;BYDAY=1WE,3WE');
    assert.equal(meetings['long-covid'].rrule, 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', 'the weekday of Beginn');
    const groups = Object.fromEntries(JSON.parse(stdout).feed.groups.map((g) => [g.id, g]));
    assert.equal(groups['gluecksspiel-neugruendung'].byArrangement, true);
  });

  it('keeps a group e-mail out of the feed unless contact goes through the group', async () => {
    const { stdout } = await run(['import', fixture('groups-win1252.csv'), '--json', '--today', '2026-01-01', '--lang', 'en']);
    const report = JSON.parse(stdout);
    const groups = Object.fromEntries(report.feed.groups.map((g) => [g.id, g]));
    assert.deepEqual(groups['rheuma-liga-treff'].contact, { via: 'office' });
    assert.ok(report.problems.some((p) => p.line === 7 && /is not published/.test(p.message)));
    assert.deepEqual(groups['angehoerige-von-menschen-mit-demenz'].contact, { via: 'group', name: 'Petra', email: 'demenz@example.org', phone: '+49 30 23125 201' });
  });

  it('reads a UTF-8 CSV with BOM, commas, doubled quotes and line breaks inside quoted fields', async () => {
    const { code, stdout } = await run(['import', fixture('groups-utf8.csv'), '--json', '--today', '2026-01-01']);
    assert.equal(code, 0);
    const { feed, encoding, delimiter } = JSON.parse(stdout);
    assert.equal(encoding, 'utf-8');
    assert.equal(delimiter, ',');
    const [stroke, tinnitus] = feed.groups;
    assert.deepEqual(stroke.name, { de: 'Schlaganfall-Betroffene', en: 'Stroke survivors' });
    assert.equal(stroke.description.de, 'Wir treffen uns im Erdgeschoss.\nDer Eingang ist ebenerdig, ein Aufzug ist "vorhanden".');
    assert.deepEqual(stroke.meetings.map((m) => m.place), ['nachbarschaftshaus-lindenhof', 'familienzentrum-nord'], 'two rows with one ID are one group');
    assert.equal(tinnitus.name, 'Tinnitus, Hörsturz & Co.');
    assert.deepEqual(errorsOf(feed), []);
  });

  it('imports the template in docs/ with the office details without a single problem', async () => {
    const out = tmp('template.json');
    const office = tmp('office.json', { name: 'KISS Musterstadt', phone: '+49 30 23125 100', languages: ['de', 'en'] });
    const result = await run(['import', 'docs/groups-template.csv', '--office', office, '-o', out, '--today', '2026-01-01', '--lang', 'en']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /5 rows → 5 groups[\s\S]*No problems found/);
    const feed = readJsonFile(out);
    assert.deepEqual(Object.keys(feed), ['version', 'updated', 'language', 'timezone', 'office', 'topics', 'places', 'groups']);
    assert.equal(feed.office.name, 'KISS Musterstadt');
    assert.deepEqual(errorsOf(feed), []);
    const validated = await run(['validate', out, '--today', '2026-01-02', '--json']);
    assert.equal(JSON.parse(validated.stdout).errors, 0);
  });

  it('prints progress on stderr every 1000 rows with --progress', async () => {
    const rows = ['Name;Thema;Rhythmus;Uhrzeit'];
    for (let i = 1; i <= 2500; i++) rows.push(`Gruppe ${i};Thema ${i % 40};jeden ${(i % 4) + 1}. Montag im Monat;19:00`);
    const file = tmp('many.csv', rows.join('\n'));
    const result = await run(['import', file, '--progress', '--json', '--today', '2026-01-01', '--lang', 'en']);
    assert.equal(result.code, 0);
    assert.match(result.stderr, /… 1000 rows read\n… 2000 rows read\n/);
    assert.equal(JSON.parse(result.stdout).groups, 2500);
    const quiet = await run(['import', file, '--json', '--today', '2026-01-01']);
    assert.equal(quiet.stderr, '', 'no progress when stderr is not a terminal');
  });

  it('refuses an unknown --encoding with exit code 2 and a file without a Name column with 1', async () => {
    assert.equal((await run(['import', fixture('groups-utf8.csv'), '--encoding', 'latin9'])).code, 2);
    const result = await run(['import', tmp('noname.csv', 'Titel;Ort\nA;B\n'), '--lang', 'en']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /line 1: no column "Name" \(found: Titel, Ort\)/);
  });
});

describe('convert', () => {
  it('turns a Meeting Guide feed into weekly meetings and reports what does not map', async () => {
    const out = tmp('mg.json');
    const result = await run(['convert', '--from', 'meeting-guide', fixture('meeting-guide.json'), '-o', out, '--language', 'de', '--topic', 'Alkohol', '--lang', 'en']);
    assert.equal(result.code, 1, 'one meeting has day 9');
    assert.match(result.stderr, /\[5\]\.day: expected 0 \(Sunday\) to 6 \(Saturday\), got 9/);
    assert.match(result.stderr, /\[1\]\.types\[1\]: type "LIT" has no place in the feed format; left out \(2 times\)/);
    assert.match(result.stderr, /\[3\]\.venmo: Meeting Guide field "venmo"/);
    const feed = readJsonFile(out);
    assert.deepEqual(feed.topics, [{ id: 'alkohol', name: 'Alkohol' }]);
    const aa = feed.groups[0];
    assert.equal(aa.name, 'Anonyme Alkoholiker Mitte');
    assert.deepEqual(aa.meetings.map((m) => [m.rrule, m.start, m.end]), [['FREQ=WEEKLY;BYDAY=MO', '2026-01-05T19:00', '20:30'], ['FREQ=WEEKLY;BYDAY=TH', '2026-01-01T18:30', '20:00']]);
    assert.deepEqual(aa.audience, ['affected', 'relatives']);
    assert.equal(feed.places[0].accessibility.wheelchair, true);
    const online = feed.groups.find((g) => g.id === 'frauenmeeting-online');
    assert.equal(online.meetings[0].online.url, 'https://meet.example.org/frauen');
    assert.equal(online.meetings[0].place, undefined);
    assert.deepEqual(online.keywords, ['Frauen']);
    assert.deepEqual(errorsOf(feed), []);
  });

  it('exits with 0 when every meeting maps', async () => {
    const meetings = readJsonFile(fixture('meeting-guide.json')).filter((m) => m.day !== 9);
    const result = await run(['convert', '--from', 'meeting-guide', tmp('mg-ok.json', meetings), '--json']);
    assert.equal(result.code, 0);
    const report = JSON.parse(result.stdout);
    assert.equal(report.ok, true);
    assert.equal(report.feed.groups.length, 4);
  });

  it('turns an HSDS service with a monthly schedule into a FREQ=MONTHLY meeting', async () => {
    const { code, stdout } = await run(['convert', '--from', 'hsds', fixture('hsds-service.json'), '--json', '--language', 'de']);
    assert.equal(code, 1, 'one schedule is yearly');
    const { feed, problems } = JSON.parse(stdout);
    const [group] = feed.groups;
    assert.deepEqual(group.meetings[0], { rrule: 'FREQ=MONTHLY;BYDAY=2TU', start: '2026-01-13T18:00', end: '20:00', text: 'jeden 2. Dienstag im Monat', place: 'loc-lindenhof' });
    assert.equal(group.meetings[1].rrule, 'FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20261231');
    assert.deepEqual(group.topics, ['psychische-gesundheit', 'angehoerige']);
    assert.equal(feed.topics[1].parent, 'psychische-gesundheit');
    assert.equal(feed.office.name, 'KISS Musterstadt');
    assert.ok(problems.some((p) => p.path === 'service_at_locations[1].schedules[0]' && p.severity === 'error' && /FREQ=YEARLY/.test(p.message)));
    assert.deepEqual(errorsOf(feed), []);
  });

  it('refuses an unknown format with exit code 2 and data of another format with 1', async () => {
    assert.equal((await run(['convert', '--from', 'ical', fixture('hsds-service.json')])).code, 2);
    assert.equal((await run(['convert', fixture('hsds-service.json')])).code, 2);
    const wrong = await run(['convert', '--from', 'meeting-guide', fixture('hsds-service.json'), '--lang', 'en']);
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /not a Meeting Guide feed/);
  });
});

describe('stats', () => {
  let feedFile;
  before(async () => {
    feedFile = tmp('stats-feed.json');
    await run(['import', 'docs/groups-template.csv', '-o', feedFile, '--today', '2026-01-01']);
  });

  it('counts groups per area, topic, status and language, and groups without places', async () => {
    const result = await run(['stats', feedFile, '--json']);
    assert.equal(result.code, 0);
    const stats = JSON.parse(result.stdout);
    assert.equal(stats.groups, 5);
    assert.deepEqual(Object.fromEntries(stats.byArea.map((a) => [a.id, a.groups])), { 'chronische-erkrankungen': 1, 'aeltere-menschen': 1, 'psychische-gesundheit': 2, sucht: 1 });
    assert.deepEqual(stats.byStatus, { open: 3, closed: 1, founding: 1, paused: 0 });
    assert.deepEqual(stats.byLanguage.find((l) => l.language === 'de'), { language: 'de', groups: 5 });
    assert.deepEqual(stats.withoutPlace, { total: 2, onlineOnly: 1, byArrangement: 1, placeNotPublished: 0, noDates: 0 });
  });

  it('counts the texts missing per language and prints a table in German by default', async () => {
    const json = JSON.parse((await run(['stats', feedFile, '--json', '--languages', 'de,en'])).stdout);
    assert.deepEqual(json.missingTexts[1], { language: 'en', groupNames: 5, descriptions: 5, topicNames: 10 });
    const text = await run(['stats', feedFile]);
    assert.match(text.stdout, /^Statistik für .*\n5 Gruppen\n\nGruppen je Bereich\n/);
    assert.match(text.stdout, /Gruppen ohne Ort: 2\n {2}nur online +1\n {2}nach Absprache +1/);
  });
});
