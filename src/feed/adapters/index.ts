/**
 * Adapters from other directory formats to feed v1. Each returns the feed and the problems
 * found (by path); what does not map is reported, never dropped silently. No DOM, no
 * dependencies: the group finder uses them for `format="meeting-guide"` and `format="hsds"`.
 */
import type { Feed } from '../types.js';
import { FeedError } from '../errors.js';
import type { AdapterOptions, AdapterResult } from './common.js';
import { meetingGuideToFeed } from './meeting-guide.js';
import { hsdsToFeed } from './hsds.js';

export { meetingGuideToFeed } from './meeting-guide.js';
export { hsdsToFeed } from './hsds.js';
export type { AdapterOptions, AdapterResult } from './common.js';

/** Source formats with an adapter; `feed` is the feed v1 itself. */
export const FEED_FORMATS = ['feed', 'meeting-guide', 'hsds'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

export function isFeedFormat(value: unknown): value is FeedFormat {
  return typeof value === 'string' && (FEED_FORMATS as readonly string[]).includes(value);
}

/**
 * Parsed JSON in `format` → feed v1 plus what did not map. `feed` passes the data through
 * unchanged (normaliseFeed checks it). Throws FeedError `invalid` for data that is not that
 * format at all, or for an unknown format name.
 */
export function adaptFeed(format: string, data: unknown, options: AdapterOptions = {}): AdapterResult<Feed | unknown> {
  switch (format) {
    case 'feed':
      return { feed: data, problems: [] };
    case 'meeting-guide':
      return meetingGuideToFeed(data, options);
    case 'hsds':
      return hsdsToFeed(data, options);
    default:
      throw new FeedError('invalid', `Unknown feed format "${format}" (use ${FEED_FORMATS.map((f) => `"${f}"`).join(', ')}).`);
  }
}
