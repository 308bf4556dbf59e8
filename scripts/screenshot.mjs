// Takes a screenshot of a page in the machine's Chromium and prints the page's
// console errors: `node scripts/screenshot.mjs URL out.png [--width 1200] [--height 900] [--full]`.
import puppeteer from 'puppeteer-core';
import { existsSync } from 'node:fs';

const [url, out = 'out.png'] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.match(/^--(width|height|wait)$/));
const flag = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const executablePath = process.env.CHROME_PATH ?? ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find(existsSync);
const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run', '--disable-sync', '--hide-scrollbars'],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: flag('width', 1200), height: flag('height', 900) });
  page.on('console', (m) => ['error', 'warn'].includes(m.type()) && console.log(`[${m.type()}] ${m.text()}`));
  page.on('requestfailed', (r) => console.log(`[requestfailed] ${r.url()}`));
  page.on('response', (r) => r.status() >= 400 && console.log(`[http ${r.status()}] ${r.url()}`));
  page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
  await page.goto(url, { waitUntil: 'networkidle0', timeout: 30000 });
  await new Promise((r) => setTimeout(r, flag('wait', 500)));
  await page.screenshot({ path: out, fullPage: process.argv.includes('--full') });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
}
