/**
 * The search index and the query pass: the filters (their result cached per filter set,
 * in name order), then the words (each word's scores cached per directory; a query that
 * only lengthens the previous one's words re-checks the previous matches only), then the
 * order (name order for free, the others by counting sort or by filtering an order sorted
 * once).
 */
import type { Directory, Group, WeekdayCode } from '../feed/types.js';
import { foldText, tokenize, withoutArticle } from './fold.js';
import { applyFilter, compileFilter } from './filters.js';
import { matchRanges } from './highlight.js';
import { groupDistances } from './places.js';
import { byPrimary, byTotalDescending, firstInNameOrder, nameOrder, type NameOrder } from './rank.js';
import { DirectoryData, remember } from './directory-data.js';
import { textValue } from '../feed/text.js';
import { whenReadInFull } from '../feed/normalise-slices.js';
import { WEEKDAYS } from './tables.js';
import { MAX_WORD_SCORE } from './text-index.js';
import { seesPendingInput, shouldYield, whenIdle, type IdleDeadlineLike } from './yield.js';
import type { FacetCounts, FinderQuery, SearchIndex, SearchOptions, SearchResult } from './types.js';

/** More words than this add nothing but work. */
const MAX_WORDS = 12;
const FILTER_CACHE_SIZE = 8;
/**
 * Milliseconds of work per idle slice: a key or click that arrives during a slice waits for
 * its end. Where the browser tells of pending input (see yield.ts), a slice ends at once for
 * it, so slices may be longer (15 ms) and the index is ready sooner.
 */
const SLICE_MS = 6;

/** The folded words of a search text, each once, at most MAX_WORDS. */
export function queryWords(q: string | undefined): string[] {
  // One render highlights 20 cards with the same query: fold it once.
  if (q === lastQuery.q) return lastQuery.words.slice();
  const words = foldQuery(q);
  lastQuery = { q, words };
  return words.slice();
}
let lastQuery: { q: string | undefined; words: string[] } = { q: undefined, words: [] };

function foldQuery(q: string | undefined): string[] {
  const words: string[] = [];
  if (!q) return words;
  for (const token of tokenize(foldText(q))) {
    const word = withoutArticle(token) ?? token;
    if (!words.includes(word)) words.push(word);
    if (words.length === MAX_WORDS) break;
  }
  return words;
}

/** One directory in one locale: name order, display texts and caches of recent queries. */
class Index implements SearchIndex {
  readonly ready: Promise<void>;
  private readonly data: DirectoryData;
  private readonly collator: Intl.Collator;
  private readonly nextStart?: (group: Group) => number | undefined;
  private names?: NameOrder;
  private readonly filterCache = new Map<string, Int32Array>();
  private last?: { filterKey: string; words: string[]; matched: Int32Array };
  private distances?: { key: string; km: Float64Array; order?: Int32Array };
  private nextCache?: Float64Array;
  private byNext?: { order: Int32Array; validUntil: number };
  private lastResults?: { key: string; results: SearchResult[] };
  private resultObjects?: (SearchResult | undefined)[];
  private readonly firstPage: number;
  private readonly onReorder?: () => void;
  private firstPageGiven = false;

  /** True between a first-page search (see `SearchOptions.firstPage`) and the full name order. */
  get partlyOrdered(): boolean {
    return this.firstPageGiven && !this.names;
  }

  constructor(
    readonly directory: Directory,
    readonly locale: string,
    options: SearchOptions,
  ) {
    this.collator = new Intl.Collator(locale, { numeric: true });
    this.nextStart = options.nextStart;
    this.firstPage = Math.max(0, Math.floor(options.firstPage ?? 0));
    this.onReorder = options.onReorder;
    this.data = DirectoryData.of(directory);
    this.ready = this.data.ready;
    const background = options.background !== false;
    // A directory still being read in full (its first stage, feed/normalise-slices.ts): what
    // was searched meanwhile saw only names and status, so forget it once the groups are all
    // read; the tables are built then too.
    const reading = whenReadInFull(directory);
    if (reading) {
      void reading.then(() => {
        this.forgetFirstStage();
        if (background) this.buildInIdleTime();
      });
    } else if (background) this.buildInIdleTime();
  }

  private forgetFirstStage(): void {
    this.filterCache.clear();
    this.last = undefined;
    this.lastResults = undefined;
    this.distances = undefined;
    this.nextCache = undefined;
    this.byNext = undefined;
  }

  nameOrder(): NameOrder {
    this.names ??= nameOrder(this.nameTexts(), this.collator);
    return this.names;
  }

  private nameTexts(): string[] {
    const { directory, locale } = this;
    return (this.texts ??= directory.groups.map((g) => textValue(g.name, locale, directory.language) ?? ''));
  }
  private texts?: string[];

  /**
   * The first search, when it needs only name order: its first page (`options.firstPage`) in
   * order and the rest unordered, so the first results need not wait for sorting every
   * name. The full order follows once the page is idle; `onReorder` then asks for the
   * search again (every later search uses the full order).
   */
  private firstPageOnly(filter: ReturnType<typeof compileFilter>, near: { lat: number; lon: number } | undefined): SearchResult[] {
    this.firstPageGiven = true;
    const feedOrder = new Int32Array(this.data.count);
    for (let g = 0; g < feedOrder.length; g++) feedOrder[g] = g;
    const order = firstInNameOrder(applyFilter(this.data, filter, feedOrder), this.nameTexts(), this.collator, this.firstPage);
    whenIdle(() => {
      this.nameOrder();
      this.onReorder?.();
    });
    return this.resultsFor(order, undefined, near ? this.distancesFrom(near) : undefined);
  }

  /**
   * Idle-time work, in slices: the filter tables, the word index, the scores of common
   * first letters, then (when the caller gave `nextStart`) every group's next meeting and
   * the order by it, so that the first filter, keystroke and sort by date do not wait.
   */
  private buildInIdleTime(): void {
    const later = whenIdle;
    let nextGroup = 0;
    const slice = (deadline?: IdleDeadlineLike) => {
      const budget = deadline && !deadline.didTimeout ? Math.min(Math.max(deadline.timeRemaining(), 4), seesPendingInput ? 15 : SLICE_MS) : SLICE_MS;
      const until = performance.now() + budget;
      if (!this.data.tablesReady) {
        this.data.prepareTables();
        later(slice);
        return;
      }
      if (!this.data.textReady) {
        this.data.buildUntil(until);
        later(slice);
        return;
      }
      if (!this.data.warmInitials(until)) {
        later(slice);
        return;
      }
      if (!this.nextStart || this.byNext) return;
      if (nextGroup >= this.data.count) {
        this.nextOrder(this.nameOrder());
        return;
      }
      const now = Date.now();
      while (nextGroup < this.data.count && !shouldYield(until)) {
        const end = Math.min(nextGroup + 64, this.data.count);
        for (; nextGroup < end; nextGroup++) this.nextOf(nextGroup, now);
      }
      later(slice);
    };
    later(slice);
  }

  search(query: FinderQuery): SearchResult[] {
    const words = queryWords(query.q);
    const filter = compileFilter(() => this.data.tables, query);
    const near = query.near && Number.isFinite(query.near.lat) && Number.isFinite(query.near.lon) ? query.near : undefined;
    const sort = query.sort ?? 'relevance';
    const key = [filter.key, words.join(' '), sort, near ? `${near.lat},${near.lon}` : ''].join('\u0001');
    // The next meeting moves with the clock, so those results are never reused.
    if (sort !== 'next' && this.lastResults?.key === key) return this.lastResults.results.slice();

    if (!this.names && !this.firstPageGiven && this.firstPage > 0 && words.length === 0 && (sort === 'relevance' || sort === 'name')) {
      return this.firstPageOnly(filter, near);
    }
    const names = this.nameOrder();
    let candidates = this.filterCache.get(filter.key);
    if (!candidates) {
      candidates = applyFilter(this.data, filter, names.order);
      remember(this.filterCache, filter.key, candidates, FILTER_CACHE_SIZE);
    }

    let matched = candidates;
    let totals: Uint16Array | undefined;
    if (words.length > 0) {
      const last = this.last;
      const narrows =
        last !== undefined &&
        last.filterKey === filter.key &&
        last.words.length <= words.length &&
        last.words.every((w, i) => words[i].startsWith(w));
      ({ matched, totals } = matchWords(narrows ? last.matched : candidates, words.map((w) => this.wordScores(w))));
      this.last = { filterKey: filter.key, words, matched };
    }

    const km = near ? this.distancesFrom(near) : undefined;
    let order = matched;
    if (sort === 'relevance' && totals) {
      order = byTotalDescending(matched, totals, MAX_WORD_SCORE * words.length);
    } else if (sort === 'distance' && near) {
      order = keepInOrder(this.distanceOrder(near, names), matched, this.data.count);
    } else if (sort === 'next' && this.nextStart) {
      order = keepInOrder(this.nextOrder(names), matched, this.data.count);
    }

    let scoreOf: Uint16Array | undefined;
    if (totals) {
      scoreOf = new Uint16Array(this.data.count);
      for (let i = 0; i < matched.length; i++) scoreOf[matched[i]] = totals[i];
    }
    const results = this.resultsFor(order, scoreOf, km);
    this.lastResults = { key, results };
    return results.slice();
  }

  private resultsFor(order: Int32Array, scoreOf: Uint16Array | undefined, km: Float64Array | undefined): SearchResult[] {
    // Typing mostly changes few scores: a group keeps its result object while score and
    // distance stay the same, which spares allocating tens of thousands per keystroke.
    const groups = this.directory.groups;
    const shared = (this.resultObjects ??= new Array(this.data.count));
    const results: SearchResult[] = new Array(order.length);
    for (let i = 0; i < order.length; i++) {
      const g = order[i];
      const score = scoreOf ? scoreOf[g] : 0;
      const distanceKm = km && !Number.isNaN(km[g]) ? km[g] : undefined;
      let result = shared[g];
      if (result === undefined || result.score !== score || result.distanceKm !== distanceKm) {
        shared[g] = result = distanceKm === undefined ? { group: groups[g], score } : { group: groups[g], score, distanceKm };
      }
      results[i] = result;
    }
    return results;
  }

  /** Result counts per topic and per weekday, each under all the query's other filters. */
  facets(query: FinderQuery): FacetCounts {
    const words = query.q ? queryWords(query.q) : [];
    const scores = words.map((w) => this.wordScores(w));
    const groupsWithout = (q: FinderQuery) => {
      const filter = compileFilter(() => this.data.tables, q);
      let groups = this.filterCache.get(filter.key);
      if (!groups) {
        groups = applyFilter(this.data, filter, this.nameOrder().order);
        remember(this.filterCache, filter.key, groups, FILTER_CACHE_SIZE);
      }
      return scores.length > 0 ? matchWords(groups, scores).matched : groups;
    };

    const topicCounts = new Int32Array(this.directory.topics.length);
    const tables = this.data.tables;
    const { start, items } = tables.groupTopics;
    for (const g of groupsWithout({ ...query, topics: undefined })) {
      for (let k = start[g]; k < start[g + 1]; k++) topicCounts[items[k]]++;
    }
    const topics: Record<string, number> = {};
    this.directory.topics.forEach((topic, t) => (topics[topic.id] = topicCounts[t]));

    // A meeting counts for its weekday only at the selected times of day, if any.
    const times = compileFilter(() => tables, { times: query.times }).dayTimeMask & 0x7 || 0x7;
    const dayCounts = new Int32Array(7);
    for (const g of groupsWithout({ ...query, days: undefined })) {
      const bits = tables.dayTimes[g];
      for (let d = 0; d < 7; d++) if (bits & (times << (d * 3))) dayCounts[d]++;
    }
    const days = {} as Record<WeekdayCode, number>;
    WEEKDAYS.forEach((day, d) => (days[day] = dayCounts[d]));
    return { topics, days };
  }

  private wordScores(word: string): Uint8Array {
    return this.data.wordScores(word);
  }

  private distancesFrom(near: { lat: number; lon: number }): Float64Array {
    const key = `${near.lat},${near.lon}`;
    if (this.distances?.key !== key) this.distances = { key, km: groupDistances(this.data.tables, near) };
    return this.distances.km;
  }

  /** Every group by distance from `near` (then by name), sorted once per position. */
  private distanceOrder(near: { lat: number; lon: number }, names: NameOrder): Int32Array {
    const km = this.distancesFrom(near);
    const distances = this.distances!;
    distances.order ??= byPrimary(names.order, (g) => (Number.isNaN(km[g]) ? undefined : Math.round(km[g] * 1000)), names);
    return distances.order;
  }

  /**
   * Every group by its next meeting (then by name), sorted once and again only when the
   * earliest of those meetings has begun.
   */
  private nextOrder(names: NameOrder): Int32Array {
    const now = Date.now();
    if (!this.byNext || now >= this.byNext.validUntil) {
      let validUntil = Infinity;
      const order = byPrimary(names.order, (g) => {
        const next = this.nextOf(g, now);
        if (next === undefined) return undefined;
        validUntil = Math.min(validUntil, next);
        return Math.floor(next / 1000);
      }, names);
      this.byNext = { order, validUntil };
    }
    return this.byNext.order;
  }

  /** A group's next start, asked once and reused until that moment has passed. */
  private nextOf(g: number, now: number): number | undefined {
    const cache = (this.nextCache ??= new Float64Array(this.data.count).fill(NaN));
    let next = cache[g];
    if (Number.isNaN(next) || next <= now) {
      const asked = this.nextStart!(this.directory.groups[g]);
      cache[g] = next = asked === undefined || !Number.isFinite(asked) ? Infinity : asked;
    }
    return next === Infinity ? undefined : next;
  }
}

/**
 * How many groups each topic (areas count every group in one of their topics) and each
 * weekday would show, each under the query's other filters and search text: for counts
 * beside the filter choices. A separate call, so a plain search does not pay for it.
 */
export function facetCounts(index: SearchIndex, query: FinderQuery): FacetCounts {
  return internal(index).facets(query);
}

/** The groups of `subset` in the order they have in `order` (which lists every group once). */
function keepInOrder(order: Int32Array, subset: Int32Array, count: number): Int32Array {
  if (subset.length === count) return order;
  const member = new Uint8Array(count);
  for (let i = 0; i < subset.length; i++) member[subset[i]] = 1;
  const out = new Int32Array(subset.length);
  let n = 0;
  for (let i = 0; i < order.length; i++) if (member[order[i]] === 1) out[n++] = order[i];
  return out;
}

/** The groups of `base` that every word matches, in `base` order, with their summed scores. */
function matchWords(base: Int32Array, scores: Uint8Array[]): { matched: Int32Array; totals: Uint16Array } {
  const matched = new Int32Array(base.length);
  const totals = new Uint16Array(base.length);
  let n = 0;
  const first = scores[0];
  outer: for (let i = 0; i < base.length; i++) {
    const g = base[i];
    let total = first[g];
    if (total === 0) continue;
    for (let w = 1; w < scores.length; w++) {
      const s = scores[w][g];
      if (s === 0) continue outer;
      total += s;
    }
    matched[n] = g;
    totals[n++] = total;
  }
  return { matched: matched.slice(0, n), totals: totals.slice(0, n) };
}

function internal(index: SearchIndex): Index {
  if (!(index instanceof Index)) throw new TypeError('Not a search index: create one with createSearchIndex(directory, { locale }).');
  return index;
}

/**
 * Prepares `directory` for searching in `options.locale`. Cheap: per-group filter facts
 * only. The word index follows in idle time (see `SearchIndex.ready`).
 */
export function createSearchIndex(directory: Directory, options: SearchOptions): SearchIndex {
  return new Index(directory, options.locale, options);
}

/** Whether the last results have only their first page in order (see `SearchOptions.firstPage`). */
export function partlyOrdered(index: SearchIndex): boolean {
  return internal(index).partlyOrdered;
}

/** The groups that match `query`, best first (see `FinderQuery.sort`). */
export function searchGroups(index: SearchIndex, query: FinderQuery): SearchResult[] {
  return internal(index).search(query);
}

/**
 * Ranges [start, end) of the group's name or description, in the language the visitor
 * reads (`locale`, then the feed's language, then any), where the words of `q` match.
 */
export function highlightRanges(index: SearchIndex, group: Group, field: 'name' | 'description', q: string): Array<[number, number]> {
  return highlight(index, group, field, q)?.ranges ?? [];
}

/** The display text of the group's name or description together with its match ranges. */
export function highlight(
  index: SearchIndex,
  group: Group,
  field: 'name' | 'description',
  q: string,
): { text: string; ranges: Array<[number, number]> } | undefined {
  const text = textValue(field === 'name' ? group.name : group.description, index.locale, index.directory.language);
  if (text === undefined) return undefined;
  return { text, ranges: matchRanges(text, queryWords(q)) };
}
