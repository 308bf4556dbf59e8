#!/usr/bin/env node
// `npm run bench`: the group finder's production build in headless Chromium on generated
// feeds of 250, 5,000 and 70,000 groups; writes bench/results.json and bench/results.md.
//
//   node bench/run.mjs                      build, then every size, then 250 and 5,000 at 4× CPU
//   node bench/run.mjs --quick              smoke run: 250 and 5,000, 3 runs each
//   node bench/run.mjs --sizes 5000 --runs 3 --no-build
//   node bench/run.mjs --profile            also one profiled run per configuration (bench/profiles/)
//
// Options: --sizes LIST, --runs N (every configuration), --throttle-sizes LIST (CPU 4× slower;
// "none" for none), --throttle N, --no-build, --quick, --profile. CHROME_PATH picks the browser.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { startStaticServer } from '../server/static-server.mjs';
import { formatSummary, formatTrace, setServedRoot, startProfile, stopProfile, summariseProfile, summariseTrace, TRACE_CATEGORIES } from './profile.mjs';
import { judgeTargets, markdown } from './report.mjs';
import { ms, summary } from './stats.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const here = (p) => join(repo, 'bench', p);

const usage = 'usage: node bench/run.mjs [--sizes 250,5000,70000] [--runs N] [--throttle-sizes 250,5000] [--no-build] [--quick] [--profile]';
let args;
try {
  ({ values: args } = parseArgs({
    options: {
      sizes: { type: 'string' },
      runs: { type: 'string' },
      'throttle-sizes': { type: 'string' },
      throttle: { type: 'string', default: '4' },
      'no-build': { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      'profile-build': { type: 'string', default: 'dist' },
      seed: { type: 'string', default: '1' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (error) {
  console.error(`${error.message}\n${usage}`);
  process.exit(2);
}
if (args.help) {
  console.log(usage);
  process.exit(0);
}

const list = (s) => (s === 'none' || s === '' ? [] : s.split(',').map((x) => Number(x.trim())));
const sizes = list(args.sizes ?? (args.quick ? '250,5000' : '250,5000,70000'));
const throttleSizes = list(args['throttle-sizes'] ?? (args.quick ? '5000' : '250,5000'));
const throttle = Number(args.throttle);
/** Runs per configuration: fewer where one run takes long. */
const defaultRuns = (groups, rate) => (args.quick ? 3 : rate > 1 ? 5 : groups >= 50000 ? 5 : groups >= 5000 ? 7 : 10);
const runsFor = (groups, rate) => (args.runs ? Number(args.runs) : defaultRuns(groups, rate));
for (const n of [...sizes, ...throttleSizes, throttle]) {
  if (!Number.isInteger(n) || n <= 0) {
    console.error(`not a whole positive number: ${n}\n${usage}`);
    process.exit(2);
  }
}

/** The fixed script of typed queries; "⌫" = select the text and press Backspace (one keystroke). */
const TYPING = ['depress', '⌫', 'sucht', '⌫', 'alt angst'];
/** Weekday checkboxes toggled with no search text: Monday on, Tuesday on, Tuesday off, Monday off. */
const TOGGLES = [[0, 'on'], [1, 'on'], [1, 'off'], [0, 'off']];
const OPENS = 3;
const PAUSE_MS = 50;
const VIEWPORT = { width: 1280, height: 900 };
const CHROME_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync',
];

const sleep = (t) => new Promise((r) => setTimeout(r, t));
const started = Date.now();
const log = (...a) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s]`, ...a);
const errors = [];

function exec(cmd, argv, { quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: repo, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let out = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${argv.join(' ')} exited ${code}\n${out}`))));
  });
}

function chromePath() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  for (const p of ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) if (existsSync(p)) return p;
  throw new Error('No Chromium found: install it (apt-get install chromium) or set CHROME_PATH.');
}

// ---- build, feeds, bundle ----

async function build() {
  log('building (npm run build) …');
  try {
    await exec(process.execPath, ['scripts/build.mjs'], { quiet: true });
  } catch (error) {
    // A build running at the same time in this checkout empties dist/ under ours: once more.
    log(`the build failed; trying once more (${error.message.split('\n').find((l) => /Error|✖/.test(l))?.trim() ?? ''})`);
    await exec(process.execPath, ['scripts/build.mjs'], { quiet: true });
  }
  log('build done');
}

/** bench/feeds/N.json from the seeded generator, made again when the generator changed. */
async function ensureFeed(groups) {
  const generator = join(repo, 'dist/feed/generate.js');
  if (!existsSync(generator)) throw new Error('dist/feed/generate.js is missing: run without --no-build (or npm run build) first.');
  const stamp = createHash('sha256').update(readFileSync(generator)).update(`seed=${args.seed}`).digest('hex').slice(0, 16);
  const file = here(`feeds/${groups}.json`);
  const stampFile = `${file}.stamp`;
  if (existsSync(file) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return file;
  log(`generating bench/feeds/${groups}.json …`);
  await exec(process.execPath, ['scripts/generate-feed.mjs', '--groups', String(groups), '--seed', args.seed, '--out', file], { quiet: true });
  writeFileSync(stampFile, stamp);
  return file;
}

function bundleSizes(dir) {
  const cdn = join(dir, 'cdn');
  if (!existsSync(join(cdn, 'selbsthilfe-widgets.js'))) throw new Error('cdn/ is missing: run without --no-build (or npm run build) first.');
  const gz = (f) => gzipSync(readFileSync(join(cdn, f)), { level: 9 }).length;
  const chunks = readdirSync(cdn).filter((f) => f.endsWith('.js') && !f.endsWith('.umd.js'));
  const perFile = Object.fromEntries(chunks.map((f) => [f, gz(f)]));
  // What the entry loads up front: its static imports, transitively; the rest loads on demand.
  const upFront = new Set();
  const visit = (f) => {
    if (upFront.has(f) || !existsSync(join(cdn, f))) return;
    upFront.add(f);
    const code = readFileSync(join(cdn, f), 'utf8');
    for (const m of code.matchAll(/\b(?:import|export)\s*(?:[^"'();]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) visit(m[1]);
  };
  visit('selbsthilfe-widgets.js');
  const locales = existsSync(join(cdn, 'locales'))
    ? Object.fromEntries(readdirSync(join(cdn, 'locales')).filter((f) => f.endsWith('.js')).map((f) => [f.replace(/(-[\w-]{8})?\.js$/, ''), gz(`locales/${f}`)]))
    : {};
  const sum = (files) => files.reduce((a, f) => a + perFile[f], 0);
  return {
    allGzip: sum(chunks),
    entryGzip: sum(chunks.filter((f) => upFront.has(f))),
    onDemandGzip: sum(chunks.filter((f) => !upFront.has(f))),
    files: Object.fromEntries(chunks.map((f) => [f, { gzip: perFile[f], loaded: upFront.has(f) ? 'up front' : 'on demand' }])),
    umdGzip: existsSync(join(cdn, 'selbsthilfe-widgets.umd.js')) ? gz('selbsthilfe-widgets.umd.js') : undefined,
    localesGzip: locales,
  };
}

/**
 * A private copy of what the page loads (cdn/, dist/, the page), so a colleague's build
 * that empties cdn/ or dist/ mid-run cannot break or change a measurement. Feeds and
 * node_modules are linked, not copied.
 */
function snapshot() {
  const dir = mkdtempSync(join(os.tmpdir(), 'shg-bench-snapshot-'));
  cpSync(join(repo, 'cdn'), join(dir, 'cdn'), { recursive: true });
  if (existsSync(join(repo, 'dist'))) cpSync(join(repo, 'dist'), join(dir, 'dist'), { recursive: true });
  mkdirSync(join(dir, 'bench'));
  for (const f of ['page.html', 'page.mjs']) cpSync(here(f), join(dir, 'bench', f));
  symlinkSync(here('feeds'), join(dir, 'bench', 'feeds'));
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

// ---- one run in the browser ----

/**
 * Loads the page on a fresh browser context (no HTTP or code cache) and measures: first
 * results, heap, filter toggles, opening groups, the typing script and JSON.parse.
 * With `profile`, records a CPU profile per phase instead of trusting the timings.
 */
async function oneRun(browser, baseUrl, groups, rate, profile) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
  });
  try {
    await page.setViewport(VIEWPORT);
    const cdp = await page.createCDPSession();
    if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const profiles = {};
    const traces = {};
    const phase = async (name, fn) => {
      if (!profile) return fn();
      await page.tracing.start({ categories: TRACE_CATEGORIES });
      await startProfile(cdp);
      try {
        return await fn();
      } finally {
        profiles[name] = await stopProfile(cdp);
        traces[name] = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8'));
      }
    };
    const evaluate = (fn, ...a) => page.evaluate(fn, ...a);
    const measure = async (kind, act) => {
      await evaluate((k) => window.bench.arm(k), kind);
      await act();
      return evaluate(() => window.bench.result());
    };

    // Profiles run on the unbundled dist/ by default: cdn/'s source map cannot name everything.
    const build = profile && args['profile-build'] === 'dist' ? '&build=dist' : '';
    const url = `${baseUrl}bench/page.html?feed=/bench/feeds/${groups}.json${build}`;
    const load = await phase('load', async () => {
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 180000 });
      await page.waitForFunction(() => window.bench, { timeout: 180000, polling: 50 });
      return evaluate(() => window.bench.loaded);
    });
    const indexReadyAt = await evaluate(() => window.bench.indexReady());
    const longest = await evaluate((since) => Math.max(0, ...window.bench.longTasks(since).map((t) => t.duration)), load.feedResponseEnd);

    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');

    const filter = await phase('filter', async () => {
      const out = [];
      const button = await page.evaluateHandle(() => window.bench.filterButton());
      await button.click();
      if (!(await evaluate(() => window.bench.filtersOpen()))) throw new Error('the filter panel did not open');
      for (const [day, to] of TOGGLES) {
        const box = await page.evaluateHandle((d) => window.bench.weekdayCheckbox(d), day);
        const label = await evaluate((b) => window.bench.checkboxLabel(b), box);
        const r = await measure('filter', () => box.click());
        out.push({ step: `${label} ${to}`, ...r });
        await sleep(PAUSE_MS);
      }
      await button.click();
      await evaluate(() => window.bench.settle());
      return out;
    });

    const open = await phase('open', async () => {
      const out = [];
      for (let i = 0; i < OPENS; i++) {
        const title = await page.evaluateHandle((n) => window.bench.cardTitle(n), i);
        if (!(await title.evaluate((t) => !!t))) throw new Error(`no card ${i + 1} to open`);
        const r = await measure('open', () => title.click());
        out.push({ step: `card ${i + 1}`, ...r });
        await evaluate(() => window.bench.closeGroup());
        await sleep(PAUSE_MS);
      }
      return out;
    });

    const keystroke = await phase('keystrokes', async () => {
      const out = [];
      await evaluate(() => window.bench.focusSearch());
      for (const part of TYPING) {
        if (part === '⌫') {
          await evaluate(() => window.bench.selectSearchText());
          out.push({ step: 'clear', ...(await measure('key', () => page.keyboard.press('Backspace'))) });
          await sleep(PAUSE_MS);
          continue;
        }
        for (let i = 0; i < part.length; i++) {
          out.push({ step: part.slice(0, i + 1), ...(await measure('key', () => page.keyboard.type(part[i]))) });
          await sleep(PAUSE_MS);
        }
      }
      const typed = await evaluate(() => window.bench.searchValue());
      if (typed !== TYPING.at(-1)) throw new Error(`the search box holds "${typed}", expected "${TYPING.at(-1)}"`);
      return out;
    });

    const reps = groups >= 50000 ? 1 : groups >= 5000 ? 3 : 10;
    const parse = await evaluate((n) => window.bench.parseFloor(n), reps);

    return {
      load,
      indexReadyMs: indexReadyAt - load.feedResponseEnd,
      longestTaskMs: longest,
      heapBytes: heap.usedSize,
      filter,
      open,
      keystroke,
      parseMs: parse.times,
      problems,
      profiles,
      traces,
    };
  } finally {
    await context.close();
  }
}

// ---- one configuration: repeated runs ----

const figure = (samples) => ({ busy: summary(samples.map((s) => s.busy)), frame: summary(samples.map((s) => s.frame)), dom: summary(samples.map((s) => s.domMs)) });

async function configuration(browser, baseUrl, groups, rate) {
  const label = rate > 1 ? `${groups}@${rate}x` : String(groups);
  const runs = runsFor(groups, rate);
  const feedBytes = statSync(here(`feeds/${groups}.json`)).size;
  const loadStart = os.loadavg().map((x) => Number(x.toFixed(2)));
  const all = [];
  for (let i = 0; i < runs; i++) {
    const r = await oneRun(browser, baseUrl, groups, rate, false);
    all.push(r);
    for (const p of r.problems) if (!errors.includes(`${label}: ${p}`)) errors.push(`${label}: ${p}`);
    const keys = summary(r.keystroke.map((k) => k.busy));
    log(
      `${label.padEnd(9)} run ${i + 1}/${runs}: first results ${ms(r.load.busy)}, parse ${ms(Math.min(...r.parseMs))}, ` +
        `keys median ${ms(keys.median)} max ${ms(keys.max)}, filter max ${ms(Math.max(...r.filter.map((f) => f.busy)))}, ` +
        `open max ${ms(Math.max(...r.open.map((f) => f.busy)))}, heap ${(r.heapBytes / 1e6).toFixed(1)} MB`,
    );
  }
  const steps = {};
  for (const r of all) for (const k of r.keystroke) (steps[k.step] ??= []).push(k);
  const result = {
    groups,
    throttle: rate,
    runs,
    feedBytes,
    parseMs: summary(all.flatMap((r) => r.parseMs)),
    feedToFirstResults: figure(all.map((r) => r.load)),
    feedTransferMs: summary(all.map((r) => r.load.feedResponseEnd - r.load.feedFetchStart)),
    indexReadyMs: summary(all.map((r) => r.indexReadyMs)),
    longestTaskMs: summary(all.map((r) => r.longestTaskMs)),
    keystroke: figure(all.flatMap((r) => r.keystroke)),
    keystrokeSteps: Object.fromEntries(
      Object.entries(steps).map(([step, s]) => [step, { results: s[0].count, busy: summary(s.map((x) => x.busy)), frame: summary(s.map((x) => x.frame)) }]),
    ),
    filter: figure(all.flatMap((r) => r.filter)),
    filterSteps: Object.fromEntries(all[0].filter.map((f, i) => [f.step, { results: f.count, busy: summary(all.map((r) => r.filter[i].busy)) }])),
    open: figure(all.flatMap((r) => r.open)),
    heapBytes: summary(all.map((r) => r.heapBytes)),
    firstResults: { cards: all[0].load.cards, count: all[0].load.countText },
    loadAverage: { start: loadStart, end: os.loadavg().map((x) => Number(x.toFixed(2))) },
  };
  return { label, result };
}

async function profiled(browser, baseUrl, groups, rate) {
  const label = rate > 1 ? `${groups}@${rate}x` : String(groups);
  log(`${label}: profiled run …`);
  const r = await oneRun(browser, baseUrl, groups, rate, true);
  mkdirSync(here('profiles'), { recursive: true });
  const summaries = {};
  const text = [];
  for (const [name, profile] of Object.entries(r.profiles)) {
    writeFileSync(here(`profiles/${label}-${name}.cpuprofile`), JSON.stringify(profile));
    const s = summariseProfile(profile, { top: 15 });
    const t = summariseTrace(r.traces[name]);
    summaries[name] = { cpu: s, trace: t };
    text.push(formatTrace(`${label} ${name}`, t), formatSummary(`${label} ${name} (CPU profile, ${args['profile-build']}/)`, s));
  }
  writeFileSync(here(`profiles/${label}.txt`), text.join('\n\n') + '\n');
  console.log(text.join('\n\n'));
  return summaries;
}

// ---- main ----

async function main() {
  if (!args['no-build']) await build();
  const allSizes = [...new Set([...sizes, ...throttleSizes])];
  for (const n of allSizes) await ensureFeed(n);
  if (!existsSync(join(repo, 'cdn/selbsthilfe-widgets.js'))) throw new Error('cdn/ is missing: run without --no-build (or npm run build) first.');
  const served = snapshot();
  setServedRoot(served);
  const bundle = bundleSizes(served);

  const server = await startStaticServer({ root: served, port: 0 });
  const executablePath = chromePath();
  const browser = await puppeteer.launch({ executablePath, headless: true, args: CHROME_FLAGS, protocolTimeout: 600000 });
  const machine = {
    os: `${os.type()} ${os.release()} (${os.platform()} ${os.arch()})`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    memoryGB: Number((os.totalmem() / 1e9).toFixed(1)),
    node: process.version,
    browser: (await browser.version()).replace('/', ' '),
    browserPath: executablePath,
    loadAverageStart: os.loadavg().map((x) => Number(x.toFixed(2))),
  };
  log(`${machine.browser}, ${machine.cpus} × ${machine.cpuModel}, load average ${machine.loadAverageStart.join(' ')}`);

  const results = {
    date: new Date().toISOString(),
    machine,
    settings: { seed: Number(args.seed), typing: TYPING, toggles: TOGGLES.map(([d, to]) => `weekday ${d} ${to}`), opens: OPENS, pauseMs: PAUSE_MS, viewport: VIEWPORT, throttle },
    bundle,
    sizes: {},
  };
  const profiles = {};
  try {
    const configs = [...sizes.map((n) => [n, 1]), ...throttleSizes.map((n) => [n, throttle])];
    for (const [groups, rate] of configs) {
      const { label, result } = await configuration(browser, server.url, groups, rate);
      results.sizes[label] = result;
    }
    if (args.profile) for (const [groups, rate] of configs) profiles[rate > 1 ? `${groups}@${rate}x` : String(groups)] = await profiled(browser, server.url, groups, rate);
  } finally {
    await browser.close();
    await server.close();
    rmSync(served, { recursive: true, force: true });
  }
  machine.loadAverageEnd = os.loadavg().map((x) => Number(x.toFixed(2)));
  results.durationS = Math.round((Date.now() - started) / 1000);
  results.targets = judgeTargets(results);
  results.slowestKeystrokes = Object.entries(results.sizes)
    .flatMap(([config, r]) => Object.entries(r.keystrokeSteps).map(([step, s]) => ({ config, step, median: s.busy.median })))
    .sort((a, b) => b.median - a.median)
    .slice(0, 5);
  results.errors = errors;
  if (args.profile) results.profiles = profiles;

  writeFileSync(here('results.json'), JSON.stringify(results, null, 2) + '\n');
  const md = markdown(results);
  writeFileSync(here('results.md'), md);
  console.log(`\n${md}`);
  log(`wrote bench/results.json and bench/results.md in ${results.durationS} s`);
  const missed = results.targets.filter((t) => t.ok === false);
  if (missed.length && !args.profile) console.log(`${missed.length} target(s) missed: \`node bench/run.mjs --profile\` shows where the time goes.`);
}

main().catch((error) => {
  console.error(error?.stack ?? error);
  process.exit(1);
});
