/**
 * Search over a directory: text folding, the index, filters, ranking and highlights.
 * No DOM, no Lit: runs in node too.
 */
export { foldText, foldWithMap, tokenize } from './fold.js';
export { DEFAULT_STATUSES } from './filters.js';
export { districtsWithCoordinates, haversineKm } from './places.js';
export { createSearchIndex, facetCounts, highlight, highlightRanges, partlyOrdered, searchGroups } from './search.js';
export type { FacetCounts, FinderQuery, FinderSort, NamedPosition, SearchIndex, SearchOptions, SearchResult, TimeOfDay } from './types.js';
