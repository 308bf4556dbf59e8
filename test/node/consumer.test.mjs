// A TypeScript project that installed the package gets its types: a temp project with
// node_modules/selbsthilfe-widgets linked to this repository, compiled by the repository's own
// tsc (moduleResolution bundler, strict, every .d.ts checked). A second set of files with
// deliberate mistakes proves the check can fail. Needs dist/: npm run build.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const built = existsSync(join(ROOT, 'dist/index.d.ts'));

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'bundler',
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    jsx: 'react-jsx',
    strict: true,
    isolatedModules: true,
    // A consumer's default: the package's own .d.ts files are checked too.
    skipLibCheck: false,
    noEmit: true,
  },
  include: ['src'],
};

const FILES = {
  'src/main.ts': `
import { ShgGroupFinder, loadDirectory, setLocale, type FinderSearchDetail, type Directory } from 'selbsthilfe-widgets';
import 'selbsthilfe-widgets/define.js';

const finder = document.querySelector('shg-group-finder')!;
const typed: ShgGroupFinder = finder;
typed.urlState = true;
finder.addEventListener('shg-search', (e) => e.detail.count.toFixed());
finder.addEventListener('shg-error', (e) => e.detail.problems.length);
finder.addEventListener('shg-contact', (e) => {
  e.preventDefault();
  console.log(e.detail.group.id, e.detail.href?.length);
});
document.querySelector('shg-topic-list')?.addEventListener('shg-topic-select', (e) => e.detail.href.toUpperCase());
document.querySelector('shg-contact-form')?.addEventListener('shg-send-error', (e) => e.detail.reason);
const describeSearch = (detail: FinderSearchDetail): string => \`\${detail.query.q ?? ''}: \${detail.count}\`;
console.log(describeSearch);
const directory: Directory = await loadDirectory('https://kontaktstelle.example/feed.json');
console.log(directory.groups.length, directory.problems.length);
await setLocale('de');
`,
  // One element alone: its class and setLocale, typed.
  'src/office-page.ts': `
import { ShgOfficeCard, setLocale } from 'selbsthilfe-widgets/define/office-card.js';

const card: ShgOfficeCard | null = document.querySelector('shg-office-card');
card?.setAttribute('variant', 'compact');
await setLocale('ar');
`,
  'src/react-app.tsx': `
import { ContactForm, GroupFinder, OfficeCard, TopicList } from 'selbsthilfe-widgets/react.js';

export const App = () => (
  <>
    <GroupFinder
      src="/feed.json"
      urlState
      topic="sucht"
      onSearch={(e) => e.detail.count.toFixed()}
      onGroupOpen={(e) => e.detail.group.id}
      onContact={(e) => e.preventDefault()}
      onFeedError={(e) => e.detail.problems.length}
    />
    <TopicList src="/feed.json" layout="list" onTopicSelect={(e) => e.detail.href} />
    <OfficeCard src="/feed.json" onFeedError={(e) => e.detail.error?.message} />
    <ContactForm
      src="/feed.json"
      onShgSubmit={(e) => e.detail}
      onSent={(e) => e.detail.response}
      onSendError={(e) => e.detail.reason}
    />
  </>
);
`,
  // Mistakes a consumer can make; each must be reported.
  'src/broken.ts': `
import 'selbsthilfe-widgets/define.js';
import { loadDirectory } from 'selbsthilfe-widgets/src/index.js';

document.querySelector('shg-group-finder')!.addEventListener('shg-search', (e) => e.detail.cont);
console.log(loadDirectory);
`,
  'src/broken-react.tsx': `
import { GroupFinder, TopicList } from 'selbsthilfe-widgets/react.js';

export const Broken = () => (
  <>
    <GroupFinder onSearch={(e) => e.detail.group} />
    <TopicList layout="table" />
  </>
);
`,
};

/** The README's developer example, as written (its helper declared). */
function readmeExample() {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Quick start for developers'));
  const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(block, 'README.md has a ```ts block under "Quick start for developers"');
  return `declare function openMyDialog(group: unknown): void;\n${block}`;
}

function link(dir, name, target) {
  mkdirSync(join(dir, 'node_modules', name, '..'), { recursive: true });
  symlinkSync(target, join(dir, 'node_modules', name), 'dir');
}

describe('a TypeScript project using the package', { skip: built ? false : 'dist/ is missing: run `npm run build` first' }, () => {
  let dir;
  let result;
  /** Errors by file, as tsc prints them: "src/main.ts(3,5): error TS2339: …". */
  const errorsIn = (file) => result.errors.filter((e) => e.startsWith(`${file}(`));

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shg-consumer-'));
    link(dir, 'selbsthilfe-widgets', ROOT);
    link(dir, 'react', join(ROOT, 'node_modules/react'));
    link(dir, '@types/react', join(ROOT, 'node_modules/@types/react'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'partner-portal', private: true, type: 'module' }));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
    mkdirSync(join(dir, 'src'));
    for (const [file, text] of Object.entries({ ...FILES, 'src/readme-example.ts': readmeExample() })) writeFileSync(join(dir, file), text);
    result = await new Promise((resolve) => {
      execFile(process.execPath, [TSC, '-p', dir, '--pretty', 'false'], { cwd: dir, maxBuffer: 8 * 1024 * 1024 }, (error, stdout, stderr) => {
        const output = `${stdout}${stderr}`;
        resolve({ code: error ? error.code : 0, output, errors: output.split('\n').filter((l) => /: error TS\d+:/.test(l)) });
      });
    });
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('types the classes, loadDirectory, the event details and the elements querySelector returns', () => {
    assert.deepEqual(errorsIn('src/main.ts'), []);
  });

  it('compiles the README developer example as written', () => {
    assert.deepEqual(errorsIn('src/readme-example.ts'), []);
  });

  it('types the props and event props of the React wrappers', () => {
    assert.deepEqual(errorsIn('src/react-app.tsx'), []);
  });

  it('reports a consumer mistake, and nothing in the package’s own .d.ts files', () => {
    assert.notEqual(result.code, 0, 'tsc fails on the broken files');
    const broken = [...errorsIn('src/broken.ts'), ...errorsIn('src/broken-react.tsx')];
    const expected = [
      /src\/broken\.ts\(3,\d+\): error TS2307: Cannot find module 'selbsthilfe-widgets\/src\/index\.js'/,
      /src\/broken\.ts\(5,\d+\): error TS2551: Property 'cont' does not exist on type 'FinderSearchDetail'/,
      /src\/broken-react\.tsx\(6,\d+\): error TS2339: Property 'group' does not exist on type 'FinderSearchDetail'/,
      /src\/broken-react\.tsx\(7,\d+\): error TS2322: Type '"table"' is not assignable to type 'TopicListLayout/,
    ];
    for (const pattern of expected) assert.ok(broken.some((e) => pattern.test(e)), `expected ${pattern}, got:\n${result.output}`);
    assert.deepEqual(
      result.errors.filter((e) => !broken.includes(e)),
      [],
      'every error is one of the deliberate mistakes',
    );
  });
});
