import type { AgeGroup, Audience, Directory, Group, GroupStatus, WeekdayCode } from '../feed/types.js';

/** Morning: starts before 12:00. Afternoon: 12:00–16:59. Evening: from 17:00. */
export type TimeOfDay = 'morning' | 'afternoon' | 'evening';

export type FinderSort = 'relevance' | 'name' | 'next' | 'distance';

/**
 * What the visitor asked for. Every list means "any of these" (OR); different filters
 * combine with AND. Empty lists and undefined mean "no filter".
 */
export interface FinderQuery {
  /** Search text: every word must match (as a word or the start of one). */
  q?: string;
  /** Topic ids; an area's id stands for all its topics. */
  topics?: string[];
  /** Groups for both audiences (or that name none) match either. */
  audience?: Audience;
  /** Weekdays of regular meetings; groups meeting by arrangement never match. */
  days?: WeekdayCode[];
  /** Times of day of regular meetings; combined with `days`, the same meeting must fit both. */
  times?: TimeOfDay[];
  /** `in-person`: a meeting that is not online only. `online`: a meeting with an online part. */
  mode?: 'in-person' | 'online';
  /** Only groups with a meeting place marked wheelchair accessible. */
  wheelchair?: boolean;
  /** Language tags; `de` also matches `de-CH` (RFC 4647 basic filtering). */
  languages?: string[];
  ageGroup?: AgeGroup;
  /** Defaults to `DEFAULT_STATUSES` (open and founding). */
  statuses?: GroupStatus[];
  /** The visitor's position; results then carry `distanceKm`. */
  near?: { lat: number; lon: number };
  /** Defaults to `relevance`, which is name order when there is no search text. */
  sort?: FinderSort;
}

/** One result. Results are shared between searches (a group whose score did not change keeps its object): do not modify them. */
export interface SearchResult {
  readonly group: Group;
  /** Higher is better; 0 without search text. */
  readonly score: number;
  /** Distance to the nearest meeting place, when `near` was given and the group has coordinates. */
  readonly distanceKm?: number;
}

export interface SearchOptions {
  /** The visitor's locale: display texts and name order follow it. */
  locale: string;
  /** The epoch ms of a group's next meeting (from the schedule module), for `sort: 'next'`. */
  nextStart?: (group: Group) => number | undefined;
  /**
   * Prepare in idle time right after creation (default true): the filter tables, the
   * word index, the scores of common first letters and, with `nextStart`, every group's
   * next meeting. Without it, the first query that needs each of them builds it.
   */
  background?: boolean;
  /**
   * How many results the caller shows first. When set, the first search that is in name
   * order returns only that many in order (the rest follow unordered) and sorts every
   * name once the page is idle, then calls `onReorder`: search again for the full order.
   * At 70,000 groups this spares the first results the sorting of every name.
   */
  firstPage?: number;
  /** Called when the full name order is ready after a first-page search (see `firstPage`). */
  onReorder?: () => void;
}

/** A directory prepared for searching. Create one per directory and locale. */
export interface SearchIndex {
  readonly directory: Directory;
  readonly locale: string;
  /** Settles once the word index is built; queries work before, the first one with text just waits for it. */
  readonly ready: Promise<void>;
}

/** Result counts beside the filter choices (see `facetCounts`). */
export interface FacetCounts {
  /** Per topic id (areas included). */
  topics: Record<string, number>;
  days: Record<WeekdayCode, number>;
}

/** A place to search near: the centre of the meeting places of a district or city. */
export interface NamedPosition {
  name: string;
  lat: number;
  lon: number;
  /** The town or city: its own name for a city, the city a district lies in (when the feed says). */
  city?: string;
  /** Set for a district (a part of `city`). */
  district?: string;
}
