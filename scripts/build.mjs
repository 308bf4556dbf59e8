// The production build: translations → tsc (dist/) → rollup (cdn/) → custom-elements.json.
import { rmSync } from 'node:fs';
import { bin, steps } from './run.mjs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
rmSync(new URL('../cdn', import.meta.url), { recursive: true, force: true });

// `npm test` builds the translations first (the typecheck needs them) and says so with this flag.
const translationsDone = process.argv.includes('--translations-built');

await steps([
  ...(translationsDone ? [] : [['translations (lit-localize build)', bin('lit-localize'), ['build']]]),
  ['compile (tsc → dist/)', bin('tsc'), ['-p', 'tsconfig.json']],
  ['bundle (rollup → cdn/)', bin('rollup'), ['-c', '--silent']],
  ['custom-elements.json', process.execPath, ['scripts/manifest.mjs']],
]);
