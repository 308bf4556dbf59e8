#!/usr/bin/env node
// Writes a large invented feed for benchmarks:
//   npx tsc -p tsconfig.json && node scripts/generate-feed.mjs --groups 5000 --seed 1 --out bench/feeds/5000.json
// Options: --groups N (required), --seed N (default 1), --language de, --pretty, --out FILE (default: stdout).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';

const usage = 'usage: node scripts/generate-feed.mjs --groups N [--seed N] [--language de] [--pretty] [--out FILE]';

let args;
try {
  ({ values: args } = parseArgs({
    options: {
      groups: { type: 'string' },
      seed: { type: 'string', default: '1' },
      language: { type: 'string', default: 'de' },
      out: { type: 'string' },
      pretty: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (error) {
  console.error(`${error.message}\n${usage}`);
  process.exit(2);
}
if (args.help) {
  console.log(usage);
  process.exit(0);
}

const groups = Number(args.groups);
const seed = Number(args.seed);
if (args.groups === undefined || !Number.isInteger(groups) || groups < 0) {
  console.error(`--groups must be a whole number of 0 or more\n${usage}`);
  process.exit(2);
}
if (!Number.isInteger(seed)) {
  console.error(`--seed must be a whole number\n${usage}`);
  process.exit(2);
}

let generateFeed;
try {
  ({ generateFeed } = await import('../dist/feed/generate.js'));
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  console.error('dist/feed/generate.js is missing: build it first with `npx tsc -p tsconfig.json`.');
  process.exit(1);
}

const started = performance.now();
const feed = generateFeed({ groups, seed, language: args.language });
const json = JSON.stringify(feed, null, args.pretty ? 2 : undefined) + '\n';
const bytes = Buffer.byteLength(json);
const ms = Math.round(performance.now() - started);

if (args.out) {
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, json);
  console.log(`${args.out}: ${groups} groups, ${feed.places.length} places, ${bytes} bytes (${ms} ms)`);
} else {
  process.stdout.write(json);
  console.error(`${groups} groups, ${feed.places.length} places, ${bytes} bytes (${ms} ms)`);
}
