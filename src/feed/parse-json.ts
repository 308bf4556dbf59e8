/**
 * A feed's JSON text → data, with errors a page author can act on. The scanner that finds a
 * syntax error's line and column (json-position.ts) is needed only for a broken feed, so
 * the loader's path (`parseFeedJsonLazily`) loads it on demand; `parseFeedJson` is the
 * synchronous form for scripts and the command line.
 */
import { atUrl, FeedError } from './errors.js';
import { findJsonSyntaxProblem, type JsonSyntaxProblem } from './json-position.js';

/**
 * Parses a feed's JSON text, e.g. the content of an inline `<script type="application/json">`.
 * Strips a byte order mark; rejects with FeedError `empty`, `html` or `not-json` (with position).
 */
export function parseFeedJson(text: string, url?: string): unknown {
  const checked = checkedText(text, url);
  try {
    return JSON.parse(checked);
  } catch (e) {
    throw notJson(findJsonSyntaxProblem(checked), e, url);
  }
}

/** `parseFeedJson` that loads the position scanner only when the text is not JSON. */
export async function parseFeedJsonLazily(text: string, url?: string): Promise<unknown> {
  const checked = checkedText(text, url);
  try {
    return JSON.parse(checked);
  } catch (e) {
    let problem: JsonSyntaxProblem | undefined;
    try {
      problem = (await import('./json-position.js')).findJsonSyntaxProblem(checked);
    } catch {
      // Offline or blocked: the engine's own message has to do.
    }
    throw notJson(problem, e, url);
  }
}

export function htmlError(url: string | undefined): FeedError {
  return new FeedError('html', `The feed${atUrl(url)} is an HTML page, not JSON: check the URL.`, { url });
}

function checkedText(text: string, url: string | undefined): string {
  if (typeof text !== 'string') throw new FeedError('empty', `The feed${atUrl(url)} is empty.`, { url });
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const first = text.search(/\S/);
  if (first === -1) throw new FeedError('empty', `The feed${atUrl(url)} is empty.`, { url });
  if (text.charAt(first) === '<') throw htmlError(url);
  return text;
}

function notJson(problem: JsonSyntaxProblem | undefined, cause: unknown, url: string | undefined): FeedError {
  const where = problem ? `${problem.what} at line ${problem.line}, column ${problem.column}` : cause instanceof Error ? cause.message : String(cause);
  return new FeedError('not-json', `The feed${atUrl(url)} is not valid JSON: ${where}.`, { url, position: problem?.position, cause });
}
