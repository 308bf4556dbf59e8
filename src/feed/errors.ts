/**
 * The one error type the feed module throws: a `code` a program can branch on
 * and a `message` a page author understands without reading our source.
 */

export type FeedErrorCode =
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'http'
  | 'empty'
  | 'not-json'
  | 'html'
  | 'version'
  | 'no-groups'
  | 'invalid';

export interface FeedErrorDetails {
  /** HTTP status, for code `http`. */
  status?: number;
  /** The feed's absolute URL, when it was loaded from one. */
  url?: string;
  /** Character offset of a JSON syntax error, for code `not-json`. */
  position?: number;
  cause?: unknown;
}

export class FeedError extends Error {
  override name = 'FeedError';
  readonly code: FeedErrorCode;
  status?: number;
  /** Set by the loader, also on errors normalisation raised. */
  url?: string;
  position?: number;

  constructor(code: FeedErrorCode, message: string, details: FeedErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    if (details.status !== undefined) this.status = details.status;
    if (details.url !== undefined) this.url = details.url;
    if (details.position !== undefined) this.position = details.position;
  }
}

/** " at https://…" when the URL is known, so messages read well with and without one. */
export function atUrl(url: string | undefined): string {
  return url ? ` at ${url}` : '';
}
