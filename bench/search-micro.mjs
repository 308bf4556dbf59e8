// Micro-benchmark of src/search at national scale: a synthetic directory of 70,000 groups,
// index creation, first results, word index build, keystrokes and filter toggles.
// Prints figures; asserts nothing.
//
//   node bench/search-micro.mjs              # in node
//   node bench/search-micro.mjs --browser    # in Chromium (CHROME_PATH, default Debian's)
//   node bench/search-micro.mjs --synthetic  # this file's own groups instead of the feed
//                                            # generator's (src/feed/generate.ts, normalised)
//   node bench/search-micro.mjs --groups 20000 --runs 5
// With several runs, each figure is the median over the runs (the machine may be shared).
import { build } from 'esbuild';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const inBrowser = args.includes('--browser');
const groupsArg = args.indexOf('--groups');
const groupCount = groupsArg >= 0 ? Number(args[groupsArg + 1]) : 70000;
const runsArg = args.indexOf('--runs');
const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 1;
const generated = !args.includes('--synthetic') && existsSync(new URL('../src/feed/generate.ts', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));

/** Runs where the search module runs (node or the page); `api` is src/search/index.ts. */
async function workload(api, groupCount, generated) {
  const now = () => performance.now();
  const directory = generated
    ? api.normaliseFeed(JSON.parse(JSON.stringify(api.generateFeed({ groups: groupCount, seed: 1 }))))
    : synthesize(groupCount);

  const p = (list, q) => list.slice().sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(q * list.length))];
  const stats = (list) => ({ p50: +p(list, 0.5).toFixed(2), p95: +p(list, 0.95).toFixed(2), max: +Math.max(...list).toFixed(2), n: list.length });
  const report = {};

  const nextStart = (g) => 1.9e12 + ((g.id.length * 997) % 100000);
  const area = directory.topics.find((topic) => !topic.parent).id;
  const placed = directory.places.filter((place) => place.lat !== undefined);
  const somewhere = ({ lat, lon }) => ({ lat, lon });
  const typed = ['depression berlin', 'angehörige alkohol', 'trauer köln', 'selbsthilfe straße', 'alleinerziehende', 'x'];
  /** Types every prefix of each text, as a visitor does; returns the times and the slowest. */
  const type = (index, texts, extra = {}) => {
    const times = [];
    const slowest = [];
    for (const text of texts) {
      for (let i = 1; i <= text.length; i++) {
        const q = text.slice(0, i);
        const t0 = now();
        const n = api.searchGroups(index, { ...extra, q }).length;
        const ms = now() - t0;
        times.push(ms);
        slowest.push([+ms.toFixed(1), q, n]);
      }
    }
    return { times, slowest: slowest.sort((a, b) => b[0] - a[0]).slice(0, 3) };
  };

  // 1. Cold: creation and first results, then a visitor who types before any idle time,
  //    so the word index is built at the first keystroke.
  // Node only (Chrome's performance.memory is too coarse); after a collection with --expose-gc.
  const heapMb = () => {
    globalThis.gc?.();
    const memory = globalThis.process?.memoryUsage?.();
    return memory === undefined ? 'n/a' : Math.round((memory.heapUsed + memory.arrayBuffers) / 1e6);
  };
  report['memory MB with the directory (heap + typed arrays)'] = heapMb();
  // Copies of the directory object: each part gets its own shared word index, and part 1's
  // can be collected before part 2 runs.
  const held = { copy: { ...directory } };
  let t = now();
  let index = api.createSearchIndex(held.copy, { locale: 'de', background: false, nextStart });
  report['createSearchIndex ms'] = +(now() - t).toFixed(1);
  t = now();
  const first = api.searchGroups(index, {});
  report['first results ms (no query, name order)'] = +(now() - t).toFixed(1);
  report['first results count'] = first.length;
  t = now();
  api.searchGroups(index, { q: 'x' });
  report['word index build ms (all at once, typed before any idle time)'] = +(now() - t).toFixed(1);
  const cold = type(index, [typed[0]]);
  report['keystroke ms right after that build'] = stats(cold.times);
  report['memory MB with directory and index'] = heapMb();
  delete held.copy;

  // 2. As the elements use it, on a copy of the directory (nothing shared with part 1): the
  //    index builds in idle slices after the first results; the visitor types a little later.
  const copy = { ...directory };
  t = now();
  index = api.createSearchIndex(copy, { locale: 'de', nextStart });
  api.searchGroups(index, {});
  report['background: create + first results ms'] = +(now() - t).toFixed(1);
  await index.ready;
  report['background: word index ready after ms (wall clock)'] = +(now() - t).toFixed(0);
  await new Promise((resolve) => setTimeout(resolve, 1500));

  const warm = type(index, typed);
  report['keystroke ms'] = stats(warm.times);
  report['slowest keystrokes [ms, text, results]'] = warm.slowest;
  const filtered = type(index, ['depression'], { days: ['TU'], near: somewhere(placed[0]), sort: 'distance' });
  report['keystroke ms (day filter, sorted by distance)'] = stats(filtered.times);

  const toggles = [];
  const slowToggles = [];
  const filterSets = [{ days: ['MO'] }, { days: ['MO', 'WE'] }, { days: ['MO', 'WE'], times: ['evening'] }, { topics: [area] },
    { topics: [area], audience: 'relatives' }, { mode: 'online' }, { wheelchair: true }, { languages: ['tr'] }, { ageGroup: 'young' },
    { statuses: ['open', 'founding', 'closed'] }, {}, { sort: 'name' }, { near: somewhere(placed[1]), sort: 'distance' }, { sort: 'next' }];
  for (let round = 0; round < 3; round++) {
    for (const filters of filterSets) {
      const query = { ...filters, q: round === 2 ? 'trauer' : '', ...(round === 1 ? { days: ['FR'] } : {}) };
      const t0 = now();
      api.searchGroups(index, query);
      toggles.push(now() - t0);
      slowToggles.push([+(now() - t0).toFixed(1), JSON.stringify(query)]);
    }
  }
  report['filter toggle ms'] = stats(toggles);
  report['slowest toggles'] = slowToggles.sort((a, b) => b[0] - a[0]).slice(0, 3);
  t = now();
  api.facetCounts(index, { q: 'trauer', days: ['MO'] });
  report['facetCounts ms'] = +(now() - t).toFixed(1);

  // Another locale of the same directory: the word index is shared, only the names re-sort.
  t = now();
  api.searchGroups(api.createSearchIndex(copy, { locale: 'en', background: false }), { q: 'trauer' });
  report['locale switch: new index + first query ms'] = +(now() - t).toFixed(1);
  return report;

  /** Groups with German-like words, umlauts and Zipf-distributed descriptions. */
  function synthesize(groupCount) {
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff);
    const pick = (list) => list[Math.floor(random() * list.length)];
    const zipf = (list) => list[Math.floor(random() ** 2.5 * list.length)];

    const syllables = ['an', 'be', 'ge', 'schaft', 'hil', 'fe', 'selbst', 'kreis', 'treff', 'ängst', 'lich', 'keit', 'ung',
      'sucht', 'trau', 'er', 'eltern', 'kind', 'mut', 'ter', 'fa', 'mi', 'lie', 'krebs', 'herz', 'schmerz', 'dia', 'be', 'tes',
      'rück', 'en', 'mü', 'de', 'über', 'for', 'de', 'rung', 'stö', 'run', 'gen', 'straß', 'ver', 'lust', 'wei', 'ter',
      'ge', 'spräch', 'al', 'ko', 'hol', 'spiel', 'ess', 'arbeit', 'los', 'pfle', 'gen', 'de', 'an', 'ge', 'hö', 'ri', 'ge'];
    const word = () => {
      let w = '';
      const n = 1 + Math.floor(random() * 4);
      for (let i = 0; i < n; i++) w += pick(syllables);
      return w;
    };
    const vocabulary = Array.from({ length: 60000 }, () => (random() < 0.3 ? word().replace(/^./, (c) => c.toUpperCase()) : word()));
    const common = ['die', 'der', 'und', 'in', 'für', 'mit', 'wir', 'uns', 'sich', 'treffen', 'Gruppe', 'Menschen', 'Austausch', 'gemeinsam'];
    const sentence = (n) => Array.from({ length: n }, () => (random() < 0.4 ? pick(common) : zipf(vocabulary))).join(' ') + '.';

    const areas = ['Psyche', 'Sucht', 'Chronische Erkrankungen', 'Behinderung', 'Familie', 'Soziales', 'Krebs', 'Herz und Kreislauf'];
    const topicNames = ['Angst und Depression', 'Essstörungen', 'Alkohol', 'Glücksspiel', 'Diabetes', 'Rheuma', 'Trauer', 'Pflegende Angehörige',
      'Alleinerziehende', 'Brustkrebs', 'Schlaganfall', 'Autismus', 'ADHS', 'Borderline', 'Burnout', 'Migräne', 'Long Covid', 'Tinnitus'];
    const topics = [];
    areas.forEach((name, a) => topics.push({ id: `area-${a}`, name: { de: name }, synonyms: {} }));
    for (let t = 0; t < 400; t++) {
      topics.push({
        id: `topic-${t}`,
        name: { de: t < topicNames.length ? topicNames[t] : `${word()} ${word()}`, en: `topic ${t}` },
        parent: `area-${t % areas.length}`,
        synonyms: { de: [word(), word()] },
      });
    }
    const cities = Array.from({ length: 400 }, (_, i) => (i === 0 ? 'Berlin' : i === 1 ? 'Köln' : word().replace(/^./, (c) => c.toUpperCase())));
    const places = Array.from({ length: 8000 }, (_, i) => ({
      id: `place-${i}`,
      name: { de: `Haus der ${word()}` },
      street: `${word()}straße ${i}`,
      postalCode: String(10000 + Math.floor(random() * 89999)),
      city: cities[i % cities.length],
      district: random() < 0.5 ? `Bezirk ${i % 12}` : undefined,
      lat: 47.5 + random() * 7,
      lon: 6 + random() * 9,
      accessibility: { wheelchair: random() < 0.4 },
    }));
    const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
    const statuses = ['open', 'open', 'open', 'open', 'founding', 'paused', 'closed'];
    const groups = [];
    for (let g = 0; g < groupCount; g++) {
      const topic = pick(topics.slice(areas.length));
      const place = pick(places);
      const byArrangement = random() < 0.05;
      const description = { de: sentence(35 + Math.floor(random() * 40)) };
      if (random() < 0.1) description.en = `A group for people with ${word()} meeting every week in ${place.city}.`;
      groups.push({
        id: `g${g}`,
        name: { de: `${pick(['Selbsthilfegruppe', 'SHG', 'Gesprächskreis', 'Treffpunkt', 'Anonyme'])} ${topic.name.de} ${place.city} ${g % 50}` },
        description,
        topics: [topic.id],
        keywords: random() < 0.5 ? { de: [word(), word(), word()] } : {},
        audience: random() < 0.7 ? ['affected'] : ['affected', 'relatives'],
        ageGroup: random() < 0.1 ? 'young' : random() < 0.1 ? 'seniors' : undefined,
        status: pick(statuses),
        languages: random() < 0.1 ? ['de', 'tr'] : ['de'],
        meetings: byArrangement ? [] : [{
          rule: { freq: 'WEEKLY', interval: 1, byDay: [{ day: pick(days) }] },
          start: `2026-01-${String(5 + Math.floor(random() * 7)).padStart(2, '0')}T${String(9 + Math.floor(random() * 12)).padStart(2, '0')}:00`,
          timezone: 'Europe/Berlin',
          exdates: [],
          place: random() < 0.9 ? place : undefined,
          online: random() < 0.2 ? { url: 'https://example.org/room' } : undefined,
        }],
        byArrangement,
        contact: { via: 'office' },
      });
    }
    // Texts as a parsed feed has them (flat strings), not as template literals build them.
    for (const g of groups) {
      g.name = JSON.parse(JSON.stringify(g.name));
      g.description = JSON.parse(JSON.stringify(g.description));
    }
    const byId = (list) => new Map(list.map((x) => [x.id, x]));
    return {
      version: 1, language: 'de', timezone: 'Europe/Berlin', topics, topicsById: byId(topics), places, placesById: byId(places),
      groups, groupsById: byId(groups), problems: [],
    };
  }
}

const bundle = await build({
  stdin: {
    contents: [
      "export * from './src/search/index.ts';",
      ...(generated ? ["export { generateFeed } from './src/feed/generate.ts';", "export { normaliseFeed } from './src/feed/normalise.ts';"] : []),
    ].join('\n'),
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: inBrowser ? 'iife' : 'esm',
  globalName: inBrowser ? 'ShgSearch' : undefined,
  target: 'es2022',
  write: false,
  logLevel: 'warning',
});
const code = bundle.outputFiles[0].text;

const reports = [];
let browserVersion;
if (!inBrowser) {
  const file = join(mkdtempSync(join(tmpdir(), 'shg-bench-')), 'search.mjs');
  writeFileSync(file, code);
  const api = await import(pathToFileURL(file).href);
  for (let r = 0; r < runs; r++) reports.push(await workload(api, groupCount, generated));
} else {
  const { default: puppeteer } = await import('puppeteer-core');
  const executablePath = process.env.CHROME_PATH ?? ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  try {
    browserVersion = await browser.version();
    for (let r = 0; r < runs; r++) {
      const page = await browser.newPage();
      await page.addScriptTag({ content: code });
      reports.push(await page.evaluate(`(${workload.toString()})(ShgSearch, ${groupCount}, ${generated})`));
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
const summary = (key) => {
  const values = reports.map((r) => r[key]);
  if (typeof values[0] === 'number') return median(values);
  if (typeof values[0] !== 'object' || Array.isArray(values[0])) return values[0];
  return Object.fromEntries(Object.keys(values[0]).map((k) => [k, median(values.map((v) => v[k]))]));
};
const feed = generated ? 'groups from src/feed/generate.ts' : 'synthetic groups';
console.log(`search micro-benchmark, ${groupCount} ${feed}, ${inBrowser ? browserVersion : `node ${process.version}`}, ${runs} run(s)`);
for (const key of Object.keys(reports[0])) {
  const value = summary(key);
  console.log(`  ${key}: ${typeof value === 'object' ? JSON.stringify(value) : value}`);
}
