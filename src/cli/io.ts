/**
 * Reading inputs (a file path or an http(s) URL), writing outputs, and progress lines on
 * stderr. Node only.
 */
/// <reference types="node" />
import { readFileSync, writeFileSync } from 'node:fs';
import { FeedError } from '../feed/errors.js';
import { parseFeedJson } from '../feed/load.js';
import type { Messages } from './messages.js';

/** An input that could not be read; the CLI prints `message` and exits with 1. */
export class InputError extends Error {
  override name = 'InputError';
}

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/** The bytes of a file, of standard input ("-") or of a URL's response (30 s time limit). */
export async function readBytes(source: string, t: Messages): Promise<Uint8Array> {
  if (isUrl(source)) {
    let response: Response;
    try {
      response = await fetch(source, { signal: AbortSignal.timeout(30_000), headers: { accept: 'application/json, text/csv, */*' } });
    } catch (e) {
      throw new InputError(t.cannotRead(source, e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e)));
    }
    if (!response.ok) throw new InputError(t.httpStatus(source, response.status));
    return new Uint8Array(await response.arrayBuffer());
  }
  try {
    // "-" reads standard input: `cat feed.json | npx selbsthilfe-widgets validate -`.
    return readFileSync(source === '-' ? 0 : source);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') throw new InputError(t.notFound(source));
    throw new InputError(t.cannotRead(source, code ?? String(e)));
  }
}

/** Parsed JSON of a file or URL; a syntax error names line and column. */
export async function readJson(source: string, t: Messages): Promise<unknown> {
  const bytes = await readBytes(source, t);
  try {
    return parseFeedJson(new TextDecoder('utf-8').decode(bytes), isUrl(source) ? source : undefined);
  } catch (e) {
    if (e instanceof FeedError) throw new InputError(`${source}: ${e.message}`);
    throw e;
  }
}

/** Writes to a file, or to stdout when `path` is undefined or "-". */
export function writeOutput(path: string | undefined, text: string, t: Messages): void {
  if (path === undefined || path === '-') {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new InputError(t.cannotRead(path, (e as { code?: string }).code ?? String(e)));
  }
}

/** Progress lines on stderr ("1000 rows read"), when stderr is a terminal or --progress asks for them. */
export function progress(enabled: boolean, text: (n: number) => string): (n: number) => void {
  if (!enabled) return () => undefined;
  return (n) => process.stderr.write(`… ${text(n)}\n`);
}
