// Runs a command with inherited output; resolves with its exit code.
import { spawn } from 'node:child_process';

export function run(cmd, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32', ...options });
    child.on('close', (code) => resolve(code ?? 1));
    child.on('error', (e) => {
      console.error(e.message);
      resolve(1);
    });
  });
}

export const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;

/** Runs steps in order, stopping at the first failure. */
export async function steps(list) {
  for (const [title, cmd, args] of list) {
    const started = Date.now();
    console.log(`\n▶ ${title}`);
    const code = await run(cmd, args);
    if (code !== 0) {
      console.error(`✖ ${title} failed (exit ${code})`);
      process.exit(code);
    }
    console.log(`✔ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
}
