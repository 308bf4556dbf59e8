// The React wrapper (`selbsthilfe-widgets/react.js`) in a real React 18 app in headless
// Chromium: test/react/app.tsx, bundled by esbuild through the package's own `exports` the way
// an app's bundler resolves it. Needs dist/ (npm run build) and the machine's Chromium.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { startStaticServer } from '../../server/static-server.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const built = existsSync(new URL('../../dist/react.js', import.meta.url));

function chromePath() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  return ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p)) ?? '/usr/bin/chromium';
}

const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>React app</title><link rel="icon" href="data:,"></head>
<body><div id="root"></div><script type="module" src="/react-app.js"></script></body>
</html>`;

describe('the React wrapper', { skip: built ? false : 'dist/react.js is missing: run `npm run build` first' }, () => {
  let server;
  let browser;
  let page;
  const problems = [];

  before(async () => {
    const { exports } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    assert.ok(exports['./react.js'], 'package.json "exports" has no "./react.js": apps cannot import the wrappers');
    const bundle = await build({
      entryPoints: [fileURLToPath(new URL('../react/app.tsx', import.meta.url))],
      bundle: true,
      write: false,
      format: 'esm',
      target: 'es2022',
      jsx: 'automatic',
      // React's development build: its warnings (wrong props, bad hooks) fail the test below.
      define: { 'process.env.NODE_ENV': '"development"' },
      logLevel: 'silent',
    });
    const appJs = bundle.outputFiles[0].contents;
    server = await startStaticServer({
      root: ROOT,
      port: 0,
      routes: {
        '/react.html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE),
        '/react-app.js': (_req, res) => res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(appJs),
      },
    });
    browser = await puppeteer.launch({
      executablePath: chromePath(),
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
    });
    page = await browser.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warn') problems.push(`console.${message.type()}: ${message.text()}`);
    });
    await page.goto(new URL('react.html', server.url).href);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const cardTitles = () =>
    page.evaluate(() => [...(document.querySelector('shg-group-finder')?.shadowRoot?.querySelectorAll('[part~="card"] .card-title') ?? [])].map((a) => a.textContent.trim()));

  it('renders the finder with its result cards inside the shadow root', async () => {
    await page.waitForFunction(() => document.querySelector('shg-group-finder')?.shadowRoot?.querySelector('[part~="card"]'), { timeout: 10000 });
    const titles = await cardTitles();
    assert.equal(titles.length, 6, `open and founding groups of the mini feed, got ${JSON.stringify(titles)}`);
    assert.ok(titles.some((t) => t.startsWith('Diabetes Typ 2')));
  });

  it('calls the onSearch prop with detail.count when the visitor types a search', async () => {
    const search = await page.waitForSelector('>>> #shg-q');
    await search.type('Angst');
    await page.waitForFunction(() => document.querySelector('#count')?.textContent !== '', { timeout: 5000 });
    const shown = (await cardTitles()).length;
    assert.ok(shown > 0 && shown < 6, `the search narrows the list, got ${shown} cards`);
    assert.equal(await page.$eval('#count', (o) => o.textContent), String(shown), 'React state holds the count the event carried');
    assert.equal(await page.evaluate(() => window.searchCounts.at(-1)), shown);
  });

  it('re-renders when a prop changes, without firing shg-search for it', async () => {
    const searchesBefore = await page.evaluate(() => window.searchCounts.length);
    await page.click('#only-diabetes');
    await page.waitForFunction(() => document.querySelector('shg-group-finder')?.topic === 'diabetes', { timeout: 5000 });
    await page.waitForFunction(() => document.querySelector('shg-group-finder').shadowRoot.querySelectorAll('[part~="card"]').length === 1, { timeout: 5000 });
    assert.deepEqual(await cardTitles(), ['Diabetes Typ 2 – Gesprächskreis Südstadt']);
    assert.equal(await page.evaluate(() => window.searchCounts.length), searchesBefore, 'a prop set by code is not a visitor action');
  });

  it('hands the newest onSearch closure the next event after a re-render', async () => {
    const search = await page.waitForSelector('>>> #shg-q');
    await search.click({ count: 3 });
    await search.type('Zzzz');
    await page.waitForFunction(() => document.querySelector('#count')?.textContent === '0', { timeout: 5000 });
    assert.equal(await page.evaluate(() => window.searchCounts.at(-1)), 0);
  });

  it('logs no error or warning from React or the element', () => {
    assert.deepEqual(problems, []);
  });
});
