/**
 * The feed format: types, loading, normalisation, localised text and safe links.
 * No DOM, no Lit: node scripts (the feed CLI, the benchmarks) import this too.
 */
export type * from './types.js';
export { FeedError, type FeedErrorCode, type FeedErrorDetails } from './errors.js';
export { normaliseFeed, SUPPORTED_VERSION, type NormaliseOptions } from './normalise.js';
export { clearDirectoryCache, loadDirectory, parseFeedJson, type DirectorySource, type LoadOptions } from './load.js';
export { allTexts, resolveTerms, resolveText, type ResolvedTerms, type ResolvedText } from './text.js';
export { safeEmail, safePhone, safeUrl } from './url.js';
