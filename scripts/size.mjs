// The bundle-size budget (gzip), measured on the production build in cdn/.
// Fails when a budget is exceeded; prints the figures on every run.
import { gzipSync } from 'node:zlib';
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';

const KB = 1024;
// Issue 7's targets. Not met yet: see TARGETS vs BUDGETS below and docs/size.md.
export const TARGETS = { entry: 25 * KB, locale: 4 * KB, umd: 45 * KB, lazy: 8 * KB };
// The budget that fails the build today: the current size plus a little headroom,
// so nothing grows unnoticed while the slimming work (issue 7) brings it to TARGETS.
export const BUDGETS = {
  // 54.5 → 56.1 KB on 22 Nov: reading national directories in two stages, decoding the feed while
  // it arrives, the first page by first letter (docs/size.md, "Where the bytes of the entry go").
  // 56.2 → 55.8 KB the same evening: trimming src/ (−0.8 KB), then the two visitor reviews' fixes (+0.4 KB).
  entry: 56 * KB, // CDN entry: every element, Lit and the source locale (all chunks but locales)
  locale: 4 * KB, // each further locale (the target holds)
  // 95.5 → 96.3 KB: the two visitor reviews' fixes, with their four new messages in all eight languages.
  umd: 96.5 * KB, // the classic-script file with every locale inlined
  lazy: 8 * KB, // each chunk loaded only on demand (e.g. the feed adapters for format="meeting-guide")
};

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (n) => `${(n / KB).toFixed(1)} KB`;

if (!existsSync('cdn/selbsthilfe-widgets.js')) {
  console.error('cdn/ is missing: run `npm run build` first.');
  process.exit(1);
}

// "The entry" is what a page loads with the script: the entry file and its static imports.
// Chunks only imported dynamically (not locales) load on demand and are listed on their own.
const staticImports = (dir, file) =>
  [...readFileSync(`${dir}/${file}`, 'utf8').matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)].map((m) => m[1]);
/** A file in `dir` and every file it imports statically, transitively. */
function upFront(dir, file) {
  const files = new Set();
  const queue = [file];
  while (queue.length) {
    const next = queue.pop();
    if (files.has(next)) continue;
    files.add(next);
    queue.push(...staticImports(dir, next));
  }
  return files;
}
const entryFiles = upFront('cdn', 'selbsthilfe-widgets.js');
const entry = [...entryFiles].reduce((sum, f) => sum + gz(`cdn/${f}`), 0);
// One element alone (cdn/elements/<element>.js): what a page with only that element loads.
const ELEMENTS = ['group-finder', 'topic-list', 'office-card', 'contact-form'];
const elementEntries = ELEMENTS.filter((name) => existsSync(`cdn/elements/${name}.js`)).map((name) => [
  name,
  [...upFront('cdn/elements', `${name}.js`)].reduce((sum, f) => sum + gz(`cdn/elements/${f}`), 0),
]);
const lazyChunks = readdirSync('cdn')
  .filter((f) => f.endsWith('.js') && !f.endsWith('.umd.js') && !entryFiles.has(f))
  .map((f) => [f.replace(/-[\w-]{8}\.js$/, '').replace(/\.js$/, ''), gz(`cdn/${f}`)]);
const locales = existsSync('cdn/locales')
  ? readdirSync('cdn/locales').filter((f) => f.endsWith('.js')).map((f) => [f.replace(/(-[\w-]{8})?\.js$/, ''), gz(`cdn/locales/${f}`)])
  : [];
const umd = gz('cdn/selbsthilfe-widgets.umd.js');

const rows = [
  ['CDN entry (all elements, Lit, English)', entry, BUDGETS.entry, TARGETS.entry],
  ...elementEntries.map(([name, size]) => [`one element: cdn/elements/${name}.js`, size, BUDGETS.entry, TARGETS.entry]),
  ...locales.map(([name, size]) => [`locale ${name}`, size, BUDGETS.locale, TARGETS.locale]),
  ...lazyChunks.map(([name, size]) => [`on demand: ${name} chunk`, size, BUDGETS.lazy, TARGETS.lazy]),
  ['UMD, all locales inlined', umd, BUDGETS.umd, TARGETS.umd],
];
let failed = false;
for (const [name, size, budget, target] of rows) {
  const ok = size <= budget;
  failed ||= !ok;
  const goal = size <= target ? 'target met' : `target ${kb(target)} not yet met`;
  console.log(`${ok ? '✔' : '✖'} ${name.padEnd(42)} ${kb(size).padStart(9)} (budget ${kb(budget)}; ${goal})`);
}
// Keep the README's table true: `node scripts/size.mjs --write-readme` rewrites it.
if (process.argv.includes('--write-readme')) {
  const table = ['| file | gzip | budget | target |', '| --- | --- | --- | --- |', ...rows.map(([name, size, budget, target]) => `| ${name} | ${kb(size)} | ${kb(budget)} | ${kb(target)} |`)].join('\n');
  const readme = readFileSync('README.md', 'utf8');
  writeFileSync('README.md', readme.replace(/<!-- size:start -->[\s\S]*<!-- size:end -->/, `<!-- size:start -->\n${table}\n<!-- size:end -->`));
}
mkdirSync('.test-results', { recursive: true });
writeFileSync('.test-results/size.json', JSON.stringify(Object.fromEntries(rows.map(([n, s]) => [n, s]))));
if (failed) {
  console.error('Bundle size budget exceeded.');
  process.exit(1);
}
