/**
 * The non-text filters of a query, compiled to bit masks and lookup tables, and the pass
 * over all groups that applies them.
 */
import type { GroupStatus } from '../feed/types.js';
import {
  AFFECTED, IN_PERSON, ONLINE, RELATIVES, SENIORS, STATUSES, TIMES, WEEKDAYS, WHEELCHAIR, YOUNG,
  type GroupTables,
} from './tables.js';
import type { FinderQuery } from './types.js';

/** Statuses shown unless the query asks for others: open groups and groups being founded. */
export const DEFAULT_STATUSES: readonly GroupStatus[] = Object.freeze(['open', 'founding'] as GroupStatus[]);

export interface CompiledFilter {
  /** Equal for queries that select the same groups. */
  key: string;
  statusMask: number;
  /** Flags a group must all have. */
  required: number;
  /** 0 = no day/time filter. Otherwise weekday × time bits, one of which a meeting must have. */
  dayTimeMask: number;
  /** Time bits that also count for meetings without a fixed weekday (time-only filters). */
  floatingMask: number;
  /** Topic index → 1 when selected; undefined = no topic filter. */
  topics?: Uint8Array;
  /** Language tag index → 1 when wanted; undefined = no language filter. */
  languages?: Uint8Array;
}

/** `tables` is only asked for when the query filters by topic or language. */
export function compileFilter(tables: () => GroupTables, query: FinderQuery): CompiledFilter {
  const statuses = query.statuses && query.statuses.length > 0 ? query.statuses : DEFAULT_STATUSES;
  let statusMask = 0;
  for (const s of statuses) {
    const i = STATUSES.indexOf(s);
    if (i >= 0) statusMask |= 1 << i;
  }

  let required = 0;
  if (query.audience === 'affected') required |= AFFECTED;
  if (query.audience === 'relatives') required |= RELATIVES;
  if (query.mode === 'in-person') required |= IN_PERSON;
  if (query.mode === 'online') required |= ONLINE;
  if (query.wheelchair) required |= WHEELCHAIR;
  if (query.ageGroup === 'young') required |= YOUNG;
  if (query.ageGroup === 'seniors') required |= SENIORS;

  const dayBits = maskOf(query.days ?? [], WEEKDAYS);
  const timeBits = maskOf(query.times ?? [], TIMES);
  let dayTimeMask = 0;
  let floatingMask = 0;
  if (dayBits !== 0 || timeBits !== 0) {
    const days = dayBits || 0x7f;
    const times = timeBits || 0x7;
    for (let d = 0; d < 7; d++) if (days & (1 << d)) dayTimeMask |= times << (d * 3);
    if (dayBits === 0) floatingMask = timeBits;
  }

  let topics: Uint8Array | undefined;
  const topicIds = [...new Set(query.topics ?? [])].sort();
  if (topicIds.length > 0) {
    // Unknown ids select nothing: a stale link shows no groups rather than all of them.
    const { topicIndex } = tables();
    topics = new Uint8Array(topicIndex.size);
    for (const id of topicIds) {
      const t = topicIndex.get(id);
      if (t !== undefined) topics[t] = 1;
    }
  }

  let languages: Uint8Array | undefined;
  const wanted = [...new Set((query.languages ?? []).map((l) => l.toLowerCase()))].sort();
  if (wanted.length > 0) {
    const { languageTags } = tables();
    languages = new Uint8Array(languageTags.length);
    languageTags.forEach((tag, i) => {
      if (wanted.some((w) => tag === w || tag.startsWith(w + '-'))) languages![i] = 1;
    });
  }

  const key = [statusMask, required, dayTimeMask, floatingMask, topicIds.join(','), wanted.join(',')].join('|');
  return { key, statusMask, required, dayTimeMask, floatingMask, topics, languages };
}

function maskOf<T>(values: readonly T[], all: readonly T[]): number {
  let mask = 0;
  for (const v of values) {
    const i = all.indexOf(v);
    if (i >= 0) mask |= 1 << i;
  }
  return mask;
}

/**
 * The groups of `order` (an ordering of group indexes) that pass the filter, in that order.
 * One narrowing pass per kind of filter, each a small loop whose branches do not depend on
 * the query, so the engine's optimised code stays valid whatever the visitor toggles.
 */
export function applyFilter(data: { status: Uint8Array; tables: GroupTables }, filter: CompiledFilter, order: Int32Array): Int32Array {
  if (filter.required === 0 && filter.dayTimeMask === 0 && !filter.topics && !filter.languages) {
    return byStatus(order, data.status, filter.statusMask);
  }
  const tables = data.tables;
  let groups = byStatusAndFlags(order, data.status, filter.statusMask, tables.flags, filter.required);
  if (filter.dayTimeMask !== 0) {
    groups = byMeetingTimes(groups, tables.dayTimes, filter.dayTimeMask, tables.floatingTimes, filter.floatingMask);
  }
  if (filter.topics) groups = byListed(groups, tables.groupTopics.start, tables.groupTopics.items, filter.topics);
  if (filter.languages) groups = byListed(groups, tables.groupLanguages.start, tables.groupLanguages.items, filter.languages);
  return groups;
}

function byStatus(groups: Int32Array, status: Uint8Array, statusMask: number): Int32Array {
  const out = new Int32Array(groups.length);
  let n = 0;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    if ((status[g] & statusMask) !== 0) out[n++] = g;
  }
  return out.slice(0, n);
}

function byStatusAndFlags(groups: Int32Array, status: Uint8Array, statusMask: number, flags: Uint8Array, required: number): Int32Array {
  const out = new Int32Array(groups.length);
  let n = 0;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    if ((status[g] & statusMask) !== 0 && (flags[g] & required) === required) out[n++] = g;
  }
  return out.slice(0, n);
}

function byMeetingTimes(groups: Int32Array, dayTimes: Uint32Array, mask: number, floating: Uint8Array, floatingMask: number): Int32Array {
  const out = new Int32Array(groups.length);
  let n = 0;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    if ((dayTimes[g] & mask) !== 0 || (floating[g] & floatingMask) !== 0) out[n++] = g;
  }
  return out.slice(0, n);
}

/** Groups with at least one selected item in their list (topics, languages). */
function byListed(groups: Int32Array, start: Int32Array, items: Int32Array, selected: Uint8Array): Int32Array {
  const out = new Int32Array(groups.length);
  let n = 0;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    for (let k = start[g]; k < start[g + 1]; k++) {
      if (selected[items[k]] === 1) {
        out[n++] = g;
        break;
      }
    }
  }
  return out.slice(0, n);
}
