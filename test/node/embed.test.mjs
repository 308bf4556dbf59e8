// A partner's plain HTML page embeds the finder with the two lines of the README's partner
// quick start, copied by this test from README.md (only the feed URL is swapped for a local
// one): the page lives on one origin with the CDN files where the snippet expects them, the
// feed on another with CORS. Needs cdn/ (npm run build) and the machine's Chromium.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { startStaticServer } from '../../server/static-server.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const built = existsSync(join(ROOT, 'cdn/selbsthilfe-widgets.js'));

function chromePath() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  return ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p)) ?? '/usr/bin/chromium';
}

/** The first ```html block under "Quick start for partner websites", as a partner copies it. */
function readmeSnippet() {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('## Quick start for partner websites');
  assert.ok(start >= 0, 'README.md has a "Quick start for partner websites" section');
  const block = /```html\n([\s\S]*?)```/.exec(readme.slice(start))?.[1];
  assert.ok(block, 'the partner quick start has an ```html block');
  const lines = block.split('\n').filter((l) => l.trim());
  assert.equal(lines.length, 2, `the snippet is two lines, got:\n${block}`);
  const script = /<script\b[^>]*\bsrc="([^"]+)"/.exec(block)?.[1];
  const feed = /<shg-group-finder\b[^>]*\bsrc="([^"]+)"/.exec(block)?.[1];
  assert.ok(script && feed, 'the snippet has a script src and a <shg-group-finder src>');
  return { text: lines.join('\n'), script, feed };
}

const origin = (url) => new URL(url).origin;

describe('a partner page with the README snippet', { skip: built ? false : 'cdn/ is missing: run `npm run build` first' }, () => {
  let snippet;
  let dir;
  let site;
  let feedServer;
  let closedFeedServer;
  let browser;

  /** Opens the site's page whose feed comes from `feedBase`; records every request and console message. */
  async function open(name, feedBase) {
    const feedPath = new URL(snippet.feed).pathname;
    const lines = snippet.text.replace(snippet.feed, new URL(feedPath, feedBase).href);
    writeFileSync(
      join(dir, 'site', name),
      `<!doctype html>\n<html lang="de">\n<head><meta charset="utf-8"><title>Selbsthilfe in Musterstadt</title><link rel="icon" href="data:,"></head>\n<body>\n<h1>Selbsthilfegruppen</h1>\n${lines}\n</body>\n</html>\n`,
    );
    const page = await browser.newPage();
    const requests = [];
    const logged = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => logged.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => logged.push(`pageerror: ${error.message}`));
    const pageUrl = new URL(name, site.url).href;
    await page.goto(pageUrl);
    return { page, requests, logged, pageUrl };
  }

  const cardCount = (page) => page.evaluate(() => document.querySelector('shg-group-finder')?.shadowRoot?.querySelectorAll('[part~="card"]').length ?? 0);

  before(async () => {
    snippet = readmeSnippet();
    dir = mkdtempSync(join(tmpdir(), 'shg-embed-'));
    // The partner's web server: the page, and cdn/ copied to where the snippet's script points.
    const scriptPath = new URL(snippet.script, 'http://partner.example').pathname;
    const cdnDir = join(dir, 'site', dirname(scriptPath));
    mkdirSync(dirname(cdnDir), { recursive: true });
    symlinkSync(join(ROOT, 'cdn'), cdnDir, 'dir');
    assert.ok(existsSync(join(dir, 'site', scriptPath)), `the snippet's script ${scriptPath} is a file of cdn/`);
    // The contact office's server, on another origin: 127.0.0.1 for the page, localhost for the feed.
    const feedDir = join(dir, 'office', dirname(new URL(snippet.feed).pathname));
    mkdirSync(feedDir, { recursive: true });
    copyFileSync(join(ROOT, 'test/fixtures/mini-feed.json'), join(dir, 'office', new URL(snippet.feed).pathname));
    site = await startStaticServer({ root: join(dir, 'site'), port: 0, host: '127.0.0.1' });
    site.url = site.url.replace('//localhost:', '//127.0.0.1:');
    feedServer = await startStaticServer({ root: join(dir, 'office'), port: 0, host: '127.0.0.1', headers: { 'Access-Control-Allow-Origin': '*' } });
    closedFeedServer = await startStaticServer({ root: join(dir, 'office'), port: 0, host: '127.0.0.1' });
    browser = await puppeteer.launch({
      executablePath: chromePath(),
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
    });
  });

  after(async () => {
    await browser?.close();
    await Promise.all([site?.close(), feedServer?.close(), closedFeedServer?.close()]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the groups of a feed on another origin, searches them, and talks to no third origin', async () => {
    const feedBase = feedServer.url; // http://localhost:<port>/
    const { page, requests, logged, pageUrl } = await open('gruppen.html', feedBase);
    assert.notEqual(origin(pageUrl), origin(feedBase), 'the page and the feed live on different origins');
    await page.waitForFunction(() => document.querySelector('shg-group-finder')?.shadowRoot?.querySelector('[part~="card"]'), { timeout: 10000 });
    assert.equal(await cardCount(page), 6, 'the open and founding groups of the feed');
    // The page is German: the translation loads from locales/ beside the script, on the page's origin.
    await page.waitForFunction(() => /6 Gruppen gefunden/.test(document.querySelector('shg-group-finder').shadowRoot.textContent), { timeout: 5000 });

    const search = await page.waitForSelector('>>> #shg-q');
    await search.type('Diabetes');
    await page.waitForFunction(() => document.querySelector('shg-group-finder').shadowRoot.querySelectorAll('[part~="card"]').length === 1, { timeout: 5000 });

    assert.ok(requests.some((url) => url.startsWith(new URL(new URL(snippet.feed).pathname, feedBase).href)), 'the feed was fetched from its own origin');
    const elsewhere = requests.filter((url) => !url.startsWith('data:') && ![origin(pageUrl), origin(feedBase)].includes(origin(url)));
    assert.deepEqual(elsewhere, [], 'no request to any third origin');
    assert.deepEqual(logged, [], 'nothing in the console');
    await page.close();
  });

  it('cannot read the same feed from a server that sends no CORS header (so the test above really crosses origins)', async () => {
    const { page } = await open('ohne-cors.html', closedFeedServer.url);
    await page.waitForFunction(() => document.querySelector('shg-group-finder')?.shadowRoot?.querySelector('[part~="error"]'), { timeout: 10000 });
    assert.equal(await cardCount(page), 0);
    await page.close();
  });
});
