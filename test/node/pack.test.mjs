// What `npm publish` would ship: `npm pack --dry-run` (no network, no lifecycle scripts) must
// hold the built library and nothing of the workshop, and every package path the README and
// docs/ tell a developer to import must resolve through `exports` to a file in the tarball.
// Needs dist/ and cdn/: npm run build.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const built = existsSync(join(ROOT, 'dist/index.js')) && existsSync(join(ROOT, 'cdn/selbsthilfe-widgets.js'));

/** `'selbsthilfe-widgets'` or `'selbsthilfe-widgets/…'` in quotes or backticks: imports and mentions alike. */
const SPECIFIER = /(?<=['"`])selbsthilfe-widgets(?:\/[^'"`\s]+)?(?=['"`])/g;

function documentedSpecifiers() {
  const docs = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  const found = new Map();
  for (const file of docs) {
    for (const match of readFileSync(join(ROOT, file), 'utf8').matchAll(SPECIFIER)) {
      if (!found.has(match[0])) found.set(match[0], file);
    }
  }
  return found;
}

/** Every target of the exports map, with the conditions leading to it. */
function exportTargets(entry, path = []) {
  if (typeof entry === 'string') return [{ path: path.join(' → '), target: entry }];
  return Object.entries(entry).flatMap(([key, value]) => exportTargets(value, [...path, key]));
}

describe('the npm package', { skip: built ? false : 'dist/ or cdn/ is missing: run `npm run build` first' }, () => {
  let files;
  let dir;

  before(async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, maxBuffer: 32 * 1024 * 1024 });
    files = new Set(JSON.parse(stdout)[0].files.map((f) => f.path));
    dir = mkdtempSync(join(tmpdir(), 'shg-pack-'));
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('ships the built library, the CDN files, the schema, the manifest, the CLI, the README and the licence', () => {
    const expected = [
      'package.json',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/define.js',
      'dist/define.d.ts',
      'cdn/selbsthilfe-widgets.js',
      'cdn/selbsthilfe-widgets.umd.js',
      'feed.schema.json',
      'custom-elements.json',
      'bin/selbsthilfe-widgets.mjs',
      'README.md',
      'LICENSE',
    ];
    assert.deepEqual(expected.filter((f) => !files.has(f)), [], 'missing from the tarball');
    assert.ok([...files].some((f) => f.startsWith('cdn/locales/')), 'the lazily loaded locale modules are shipped beside the CDN entry');
  });

  it('ships no tests, stories, demo, sources, tooling or Storybook', () => {
    const workshop = /^(test|stories|demo|src|server|bench|scripts|locales|\.storybook|storybook-static|\.test-results|\.ci|node_modules)\//;
    const stray = [...files].filter(
      (f) => workshop.test(f) || /\.(test|stories)\.[cm]?[jt]sx?$/.test(f) || (/\.[cm]?tsx?$/.test(f) && !/\.d\.[cm]?ts$/.test(f)) || /(^|\/)(tsconfig[^/]*\.json|\.env.*|\.npmrc)$/.test(f),
    );
    assert.deepEqual(stray, []);
  });

  it('ships every file the exports map, main, types and bin point to', () => {
    const targets = [
      ...exportTargets(pkg.exports).map(({ path, target }) => ({ what: `exports ${path}`, target })),
      ...['main', 'module', 'types', 'customElements'].filter((k) => pkg[k]).map((k) => ({ what: k, target: pkg[k] })),
      ...Object.entries(pkg.bin ?? {}).map(([name, target]) => ({ what: `bin ${name}`, target })),
    ];
    // A pattern ("./dist/define/*.js") must match a file for every element.
    const shipped = (target) => {
      const path = target.replace(/^\.\//, '');
      if (!path.includes('*')) return files.has(path);
      return ['group-finder', 'topic-list', 'office-card', 'contact-form'].every((name) => files.has(path.replace('*', name)));
    };
    const unshipped = targets.filter(({ target }) => !shipped(target)).map(({ what, target }) => `${what}: ${target}`);
    assert.deepEqual(unshipped, []);
  });

  it('ships the command-line tool as an executable node script', () => {
    const bin = readFileSync(join(ROOT, 'bin/selbsthilfe-widgets.mjs'), 'utf8');
    assert.match(bin.split('\n')[0], /^#!\/usr\/bin\/env node\b/);
  });

  it('resolves every package path in README.md and docs/ through exports to a shipped file', async () => {
    const specifiers = documentedSpecifiers();
    assert.ok(specifiers.has('selbsthilfe-widgets') && specifiers.has('selbsthilfe-widgets/define.js'), 'the README names the main and the define entry');
    // A project that installed the package: node_modules/selbsthilfe-widgets is this repository.
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(ROOT, join(dir, 'node_modules/selbsthilfe-widgets'), 'dir');
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(
      join(dir, 'resolve.mjs'),
      `const out = {};
for (const s of JSON.parse(process.argv[2])) {
  try { out[s] = import.meta.resolve(s); } catch (e) { out[s] = 'error ' + (e.code ?? e.message); }
}
console.log(JSON.stringify(out));
`,
    );
    const { stdout } = await run(process.execPath, [join(dir, 'resolve.mjs'), JSON.stringify([...specifiers.keys()])], { cwd: dir });
    const resolved = JSON.parse(stdout);
    const root = realpathSync(ROOT);
    const broken = [];
    for (const [specifier, file] of specifiers) {
      const url = resolved[specifier];
      if (!url.startsWith('file:')) {
        broken.push(`${specifier} (${file}): ${url}`);
        continue;
      }
      const path = relative(root, fileURLToPath(url)).split(sep).join('/');
      if (!files.has(path)) broken.push(`${specifier} (${file}): resolves to ${path}, which is not in the tarball`);
    }
    assert.deepEqual(broken, []);
  });
});
