// Where the time between the feed's response and the first painted results goes, phase by
// phase (median over runs), on the production build in cdn/ (run `npm run build` first):
//
//   node bench/phases.mjs [groups=250] [runs=10]
//
// It marks, from inside the page: the feed body read, JSON.parse, the finder's first update
// with a directory (normalising lies between the parse and it), the first card in the DOM,
// and the end of the frame that painted it (bench/page.mjs). Times are ms after the
// response's last byte (Resource Timing `responseEnd`). Feeds come from `npm run bench`.
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { startStaticServer } from '../server/static-server.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = join(here, '..');
const groups = process.argv[2] ?? '250';
const runs = Number(process.argv[3] ?? 10);
if (!existsSync(join(here, `feeds/${groups}.json`))) throw new Error(`bench/feeds/${groups}.json is missing: run \`npm run bench\` once.`);
if (!existsSync(join(repo, 'cdn/selbsthilfe-widgets.js'))) throw new Error('cdn/ is missing: run `npm run build` first.');

// A private copy, so a build running meanwhile cannot change what is measured.
const dir = mkdtempSync(join(os.tmpdir(), 'shg-phases-'));
cpSync(join(repo, 'cdn'), join(dir, 'cdn'), { recursive: true });
mkdirSync(join(dir, 'bench'));
for (const f of ['page.html', 'page.mjs']) cpSync(join(here, f), join(dir, 'bench', f));
symlinkSync(join(here, 'feeds'), join(dir, 'bench', 'feeds'));
symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));

/** Runs in the page before anything else: wraps the calls whose moments we want. */
function instrument() {
  const marks = (window.__phases = {});
  const mark = (name) => (marks[name] ??= performance.now());
  const parse = JSON.parse;
  JSON.parse = function (text, ...rest) {
    const big = typeof text === 'string' && text.length > 1000;
    if (big) mark('parse start');
    const value = parse.call(this, text, ...rest);
    if (big) mark('parse end');
    return value;
  };
  // The loader decodes the body while it streams in (src/feed/load.ts readText): "body read"
  // is when the last piece of a large body has been read.
  let streamed = 0;
  const read = ReadableStreamDefaultReader.prototype.read;
  ReadableStreamDefaultReader.prototype.read = function () {
    return read.call(this).then((result) => {
      if (typeof result.value === 'string') streamed += result.value.length;
      if (result.done && streamed > 1000) mark('body read');
      return result;
    });
  };
  customElements.whenDefined('shg-group-finder').then((Finder) => {
    const update = Finder.prototype.update;
    // A large feed's first page renders from its first stage, before `directory` is set
    // (src/feed/normalise-slices.ts): "directory read in full" comes after the first results then.
    Finder.prototype.update = function (changed) {
      const cards = () => this.shadowRoot?.querySelector('.card');
      update.call(this, changed);
      if (cards()) mark('render end (first with results)');
      if (this.directory) mark('directory read in full');
    };
  });
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find(existsSync),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});
const server = await startStaticServer({ root: dir, port: 0 });
const rows = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.evaluateOnNewDocument(instrument);
    await page.goto(`${server.url}bench/page.html?feed=/bench/feeds/${groups}.json`);
    await page.waitForFunction(() => window.bench, { polling: 50 });
    const r = await page.evaluate(async () => {
      const loaded = await window.bench.loaded;
      const finder = document.querySelector('shg-group-finder');
      while (!finder.directory) await new Promise((resolve) => setTimeout(resolve, 20));
      return { ...window.__phases, 'request sent': loaded.feedFetchStart, 'first card in DOM': loaded.dom, 'frame painted': loaded.frameEnd, responseEnd: loaded.feedResponseEnd };
    });
    rows.push(Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'responseEnd').map(([k, v]) => [k, v - r.responseEnd])));
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
const median = (name) => {
  const values = rows.map((r) => r[name]).filter((v) => v !== undefined).sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)];
};
const order = ['request sent', 'body read', 'parse start', 'parse end', 'render end (first with results)', 'first card in DOM', 'frame painted', 'directory read in full'];
console.log(`${groups} groups, ${runs} runs: ms after the feed's response (median)`);
for (const name of order) console.log(`  ${name.padEnd(28)} ${median(name)?.toFixed(1).padStart(8)}`);
