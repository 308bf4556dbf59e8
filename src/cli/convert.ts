/**
 * `convert`: Meeting Guide or HSDS 3 JSON → feed v1, through the same adapters the group
 * finder uses in the browser. The adapters report what did not map (paths in the source);
 * the result is then read as the widgets would read it (paths in the feed).
 */
import type { Feed, FeedProblem } from '../feed/types.js';
import { normaliseFeed } from '../feed/normalise.js';
import { hsdsToFeed, meetingGuideToFeed, type AdapterOptions } from '../feed/adapters/index.js';

export const CONVERT_FORMATS = ['meeting-guide', 'hsds'] as const;
export type ConvertFormat = (typeof CONVERT_FORMATS)[number];

export interface ConvertProblem extends FeedProblem {
  /** `source`: the path is in the input; `feed`: in the feed written. */
  in: 'source' | 'feed';
}

export interface ConvertResult {
  feed: Feed;
  problems: ConvertProblem[];
  errors: number;
}

/** Converts parsed JSON; throws FeedError `invalid` when it is not that format at all. */
export function convertData(format: ConvertFormat, data: unknown, options: AdapterOptions = {}): ConvertResult {
  const { feed, problems } = format === 'hsds' ? hsdsToFeed(data, options) : meetingGuideToFeed(data, options);
  const out: ConvertProblem[] = problems.map((p) => ({ ...p, in: 'source' }));
  for (const p of normaliseFeed(feed, { maxProblems: 10_000 }).problems) out.push({ ...p, in: 'feed' });
  return { feed, problems: out, errors: out.filter((p) => p.severity === 'error').length };
}
