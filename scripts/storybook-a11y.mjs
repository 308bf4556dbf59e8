// Every story of the built Storybook (storybook-static/) through axe, in the machine's
// Chromium: what the accessibility addon shows a designer, checked on every `npm test`.
// Fails on any violation; prints one line per story. CHROME_PATH picks the browser.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';
import { startStaticServer } from '../server/static-server.mjs';

const ROOT = 'storybook-static';
if (!existsSync(`${ROOT}/index.json`)) {
  console.error('storybook-static/ is missing: run `npm run storybook:build` first.');
  process.exit(1);
}
const stories = Object.values(JSON.parse(readFileSync(`${ROOT}/index.json`, 'utf8')).entries).filter((e) => e.type === 'story');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const chrome = process.env.CHROME_PATH ?? ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/google-chrome'].find((p) => existsSync(p));
if (!chrome) {
  console.error('No Chrome/Chromium found (apt-get install chromium, or set CHROME_PATH).');
  process.exit(1);
}

const server = await startStaticServer({ root: ROOT, port: 0 });
const browser = await puppeteer.launch({
  executablePath: chrome,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
});
let failed = 0;
try {
  for (const story of stories) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 900 });
    await page.goto(`${server.url}iframe.html?id=${story.id}&viewMode=story`, { waitUntil: 'load' });
    // Until the story's elements have settled (a loading story stays busy: checked as it is).
    await page
      .waitForFunction(
        () => {
          const elements = [...document.querySelectorAll('#storybook-root *')].filter((e) => e.localName.startsWith('shg-'));
          // A finder showing a large directory's first page before it is read in full (cards but no directory yet) is not settled.
          const reading = (e) => e.localName === 'shg-group-finder' && !e.directory && e.shadowRoot.querySelector('.card');
          return elements.length > 0 && elements.every((e) => e.shadowRoot && e.shadowRoot.childElementCount > 0 && !e.shadowRoot.querySelector('[aria-busy="true"]') && !reading(e));
        },
        { timeout: 5000, polling: 100 },
      )
      .catch(() => undefined);
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      // The story is a part of a page, so page-level landmark rules do not apply (as in the addon).
      // The addon runs axe in the same page too: wait for its run to end.
      for (let attempt = 0; ; attempt++) {
        try {
          const result = await window.axe.run('#storybook-root', { rules: { region: { enabled: false } } });
          return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`);
        } catch (e) {
          if (attempt > 50 || !String(e?.message).includes('already running')) throw e;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    });
    await page.close();
    if (violations.length) {
      failed++;
      console.log(`✖ ${story.title} › ${story.name}\n    ${violations.join('\n    ')}`);
    } else {
      console.log(`✔ ${story.title} › ${story.name}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
mkdirSync('.test-results', { recursive: true });
writeFileSync('.test-results/storybook-a11y.json', JSON.stringify({ passed: stories.length - failed, failed }));
console.log(`${stories.length - failed} of ${stories.length} stories without accessibility violations.`);
if (failed) process.exit(1);
