// `npm test`: everything a reviewer needs, in the order that fails fastest.
// Uses the machine's Chrome/Chromium (CHROME_PATH overrides); never downloads a browser.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { bin, steps } from './run.mjs';

rmSync('.test-results', { recursive: true, force: true });
mkdirSync('.test-results', { recursive: true });

await steps([
  ['translations (lit-localize build)', bin('lit-localize'), ['build']],
  ['typecheck (tsc)', bin('tsc'), ['-p', 'tsconfig.test.json']],
  ['lint (eslint + eslint-plugin-lit)', bin('eslint'), ['.', '--max-warnings', '0']],
  ['production build (tsc, rollup, custom-elements.json)', process.execPath, ['scripts/build.mjs', '--translations-built']],
  ['README API reference matches custom-elements.json', process.execPath, ['scripts/api-docs.mjs', '--check']],
  ['bundle size budget', process.execPath, ['scripts/size.mjs']],
  ['browser tests (web-test-runner, headless Chromium)', bin('web-test-runner'), []],
]);

// Node tests (the no-DOM modules and tools, run against dist/): count from node's own summary.
console.log('\n▶ node tests (node --test)');
const nodeTotals = await new Promise((resolve) => {
  const child = spawn(process.execPath, ['--test', '--test-reporter=spec', '--test-reporter=tap', '--test-reporter-destination=stdout', '--test-reporter-destination=.test-results/node.tap', 'test/node/'], { stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('close', (code) => {
    const tap = readFileSync('.test-results/node.tap', 'utf8');
    const num = (name) => Number(new RegExp(`^# ${name} (\\d+)`, 'm').exec(tap)?.[1] ?? 0);
    resolve({ code, passed: num('pass'), failed: num('fail') + (code !== 0 && num('fail') === 0 ? 1 : 0), skipped: num('skipped') });
  });
});
writeFileSync('.test-results/node.json', JSON.stringify(nodeTotals));
if (nodeTotals.code !== 0) {
  console.error('✖ node tests failed');
  process.exit(1);
}
console.log('✔ node tests');

await steps([
  ['Storybook static build', bin('storybook'), ['build', '--disable-telemetry', '--quiet', '-o', 'storybook-static']],
  ['every story through axe (what the accessibility addon shows)', process.execPath, ['scripts/storybook-a11y.mjs']],
]);

const browser = JSON.parse(readFileSync('.test-results/browser.json', 'utf8'));
const stories = JSON.parse(readFileSync('.test-results/storybook-a11y.json', 'utf8'));
console.log(`\nAll checks passed. Browser tests: ${browser.passed} passed; node tests: ${nodeTotals.passed} passed; stories without accessibility violations: ${stories.passed}.`);
