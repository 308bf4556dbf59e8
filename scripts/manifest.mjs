// Writes custom-elements.json from the JSDoc of src/, without letting the analyzer touch package.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { run, bin } from './run.mjs';

const pkgPath = new URL('../package.json', import.meta.url);
const before = readFileSync(pkgPath, 'utf8');
const code = await run(bin('custom-elements-manifest'), [
  'analyze', '--litelement', '--quiet',
  '--globs', 'src/**/*.ts',
  '--exclude', 'src/generated/**', '--exclude', 'src/**/*.styles.ts', '--exclude', 'src/react.ts', '--exclude', 'src/cli/**',
]);
writeFileSync(pkgPath, before);
process.exit(code);
