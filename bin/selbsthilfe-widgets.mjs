#!/usr/bin/env node
// `npx selbsthilfe-widgets <command>`: runs the compiled CLI in dist/cli/.
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  const german = !/^en/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '') && !process.argv.includes('--lang=en') && process.argv[process.argv.indexOf('--lang') + 1] !== 'en';
  process.stderr.write(
    german
      ? 'selbsthilfe-widgets: dist/cli/main.js fehlt. In einem Checkout des Quellcodes zuerst bauen: npm run build (oder npx tsc -p tsconfig.json).\n'
      : 'selbsthilfe-widgets: dist/cli/main.js is missing. In a source checkout, build first: npm run build (or npx tsc -p tsconfig.json).\n',
  );
  process.exitCode = 1;
} else {
  const { main: run } = await import(main.href);
  // exitCode, not exit(): a large feed on stdout must be written out completely first.
  process.exitCode = await run(process.argv.slice(2));
}
