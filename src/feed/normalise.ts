/**
 * Turns a parsed feed (anything JSON.parse may return, or worse) into a `Directory`.
 * Only a feed that cannot be read at all throws (a FeedError); everything else is kept
 * where it can be and reported by path in `directory.problems`.
 */
import type { Directory, Group, Place, Topic } from './types.js';
import { FeedError } from './errors.js';
import { cappedLength, createCtx, fail, failWhy, isRecord, LIMITS, quote, readEntryId, readListField, setOptional, typeName, warn, warnWhy, type Ctx } from './normalise-context.js';
import { canonicalLang, readTerms, readText } from './normalise-text.js';
import { readInstant, readZone } from './normalise-values.js';
import { readOffice, readPlace } from './normalise-office.js';
import { readGroup } from './normalise-group.js';

export interface NormaliseOptions {
  /** How many problems to list before a final "and N more problems" entry (default 500). */
  maxProblems?: number;
  /** Where relative links in the feed point to: the feed's own URL (the loader passes it). */
  baseUrl?: string;
}

export const SUPPORTED_VERSION = 1;

/**
 * Reads a parsed feed into a directory. The directory shares strings, unchanged lists and
 * text objects with `data` rather than copying them: treat both as read-only afterwards.
 */
export function normaliseFeed(data: unknown, options: NormaliseOptions = {}): Directory {
  return asFeedError(() => {
    const reading = startReading(data, options ?? {});
    readGroupsUntil(reading, Infinity);
    return finish(reading);
  });
}

/** Groups read per slice at least, between looks at the clock. */
const SLICE_GROUPS = 256;

export function asFeedError<T>(work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof FeedError) throw e;
    throw new FeedError('invalid', `The feed could not be read: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

/**
 * A feed being read: everything but the groups is done; `next` is the next raw group.
 * `heads[i]`, when given, is the object the group `raw[i]` is read into (normalise-slices.ts).
 */
export interface Reading {
  ctx: Ctx;
  raw: unknown[];
  next: number;
  heads?: (Group | undefined)[];
  groups: Group[];
  topics: Topic[];
  places: Place[];
  office?: Directory['office'];
  updated?: string;
}

export function startReading(data: unknown, options: NormaliseOptions): Reading {
  if (!isRecord(data)) throw new FeedError('invalid', `The feed is not a JSON object (it is ${typeName(data)}).`);
  const maxProblems = typeof options.maxProblems === 'number' && options.maxProblems >= 0 ? Math.floor(options.maxProblems) : 500;
  const ctx = createCtx(maxProblems, typeof options.baseUrl === 'string' ? options.baseUrl : undefined);

  checkVersion(ctx, data.version);
  if (!Array.isArray(data.groups)) {
    throw new FeedError(
      'no-groups',
      data.groups === undefined || data.groups === null
        ? 'The feed has no "groups" list.'
        : `The feed's "groups" is not a list (it is ${typeName(data.groups)}).`,
    );
  }

  if (data.language !== undefined && data.language !== null) {
    const language = typeof data.language === 'string' ? canonicalLang(data.language.trim()) : undefined;
    if (language) ctx.language = language;
    else warn(ctx, 'language', `expected a language tag such as "de", got ${typeName(data.language)}; read as "de"`);
  }
  const timezone = readZone(ctx, data.timezone);
  if (timezone) ctx.timezone = timezone;
  else if (ctx.why) warn(ctx, 'timezone', `${ctx.why}; read as "Europe/Berlin"`);
  const updated = readInstant(ctx, data.updated);
  if (updated === undefined) warnWhy(ctx, '', 'updated');

  const topics = readTopics(ctx, data.topics);
  const places = readPlaces(ctx, data.places);
  const office = readOffice(ctx, data.office);
  return { ctx, raw: data.groups, next: 0, groups: [], topics, places, office, updated };
}

/** Reads groups until `deadline` (a performance.now() time; Infinity for all). True when all are read. */
export function readGroupsUntil(reading: Reading, deadline: number): boolean {
  const { ctx, raw, groups, heads } = reading;
  while (reading.next < raw.length) {
    const end = Math.min(reading.next + SLICE_GROUPS, raw.length);
    for (let i = reading.next; i < end; i++) {
      const group = readGroup(ctx, raw[i], `groups[${i}]`, heads?.[i]);
      if (group) {
        groups.push(group);
        ctx.groupsById.set(group.id, group);
      }
    }
    reading.next = end;
    if (deadline !== Infinity && reading.next < raw.length && performance.now() >= deadline) return false;
  }
  return true;
}

export function finish({ ctx, groups, topics, places, office, updated }: Reading): Directory {
  if (ctx.omitted > 0) {
    const errors = ctx.omittedErrors ? ` (${ctx.omittedErrors} of them errors)` : '';
    ctx.problems.push({ path: '', message: `and ${ctx.omitted} more problems${errors}`, severity: ctx.omittedErrors ? 'error' : 'warning' });
  }
  const directory: Directory = {
    version: 1,
    language: ctx.language,
    timezone: ctx.timezone,
    topics,
    topicsById: ctx.topicsById,
    places,
    placesById: ctx.placesById,
    groups,
    groupsById: ctx.groupsById,
    problems: ctx.problems,
  };
  if (updated) directory.updated = updated;
  if (office) directory.office = office;
  return directory;
}

function checkVersion(ctx: Ctx, version: unknown): void {
  if (version === SUPPORTED_VERSION) return;
  if (version === undefined || version === null) {
    warn(ctx, 'version', 'is missing; read as version 1 (add "version": 1)');
  } else if (version === '1') {
    warn(ctx, 'version', 'should be the number 1, not the string "1"');
  } else {
    const shown = typeof version === 'number' ? String(version) : typeof version === 'string' ? quote(version) : typeName(version);
    throw new FeedError('version', `Feed version ${shown} is not supported by this version of selbsthilfe-widgets (supports ${SUPPORTED_VERSION}).`);
  }
}

function readTopics(ctx: Ctx, value: unknown): Topic[] {
  const topics: Topic[] = [];
  const list = readListField(ctx, value, '', 'topics', 'a list of topics');
  if (!list) return topics;
  const n = cappedLength(ctx, list, '', 'topics', LIMITS.topics, 'topics');
  const parents: (string | undefined)[] = [];
  const paths: string[] = [];
  for (let i = 0; i < n; i++) {
    const base = `topics[${i}]`;
    const id = readEntryId(ctx, list[i], base, 'topic', ctx.topicsById);
    if (id === undefined) continue;
    const t = list[i] as Record<string, unknown>; // an object: readEntryId checked
    const name = readText(ctx, t.name, base, 'name', LIMITS.name, false);
    if (!name) {
      failWhy(ctx, base, 'name', 'topic');
      continue;
    }
    const topic: Topic = { id, name, synonyms: readTerms(ctx, t.synonyms, base, 'synonyms') };
    setOptional(ctx, topic, 'description', readText(ctx, t.description, base, 'description', LIMITS.text, true), base);
    let parent: string | undefined;
    if (typeof t.parent === 'string' && t.parent !== '') parent = t.parent;
    else if (t.parent !== undefined && t.parent !== null && t.parent !== '') warn(ctx, `${base}.parent`, `expected a topic id, got ${typeName(t.parent)}; this topic is read as an area`);
    topics.push(topic);
    ctx.topicsById.set(id, topic);
    parents.push(parent);
    paths.push(`${base}.parent`);
  }
  resolveParents(ctx, topics, parents, paths);
  return topics;
}

/**
 * One level only: area → topic. A parent that is itself a topic under an area is an error;
 * the topic moves up to that area (flattened), and a loop of parents makes its topics areas.
 */
function resolveParents(ctx: Ctx, topics: Topic[], parents: (string | undefined)[], paths: string[]): void {
  const index = new Map<string, number>();
  for (let k = 0; k < topics.length; k++) index.set((topics[k] as Topic).id, k);
  // The index of a topic's usable parent, or -1 when it is an area.
  const parentOf = (k: number): number => {
    const p = parents[k];
    const i = p === undefined ? -1 : (index.get(p) ?? -1);
    return i === k ? -1 : i;
  };
  for (let k = 0; k < topics.length; k++) {
    const p = parents[k];
    if (p === undefined) continue;
    const topic = topics[k] as Topic;
    const path = paths[k] as string;
    const direct = index.get(p);
    if (direct === undefined) {
      warn(ctx, path, `unknown topic ${quote(p)}; this topic is read as an area`);
      continue;
    }
    if (direct === k) {
      fail(ctx, path, 'a topic cannot be its own parent; it is read as an area');
      continue;
    }
    let area = direct;
    let steps = 0;
    for (let next = parentOf(area); next !== -1 && next !== k && steps < 32; next = parentOf(area), steps++) area = next;
    if (parentOf(area) !== -1) {
      fail(ctx, path, `the parents of ${quote(p)} form a loop; this topic is read as an area`);
      continue;
    }
    const areaId = (topics[area] as Topic).id;
    if (area !== direct) {
      fail(ctx, path, `${quote(p)} is itself under ${quote(areaId)} and topics have one level only; this topic is placed directly under ${quote(areaId)}`);
    }
    topic.parent = areaId;
  }
}

function readPlaces(ctx: Ctx, value: unknown): Place[] {
  const places: Place[] = [];
  const list = readListField(ctx, value, '', 'places', 'a list of places');
  if (!list) return places;
  for (let i = 0; i < list.length; i++) {
    const base = `places[${i}]`;
    const id = readEntryId(ctx, list[i], base, 'place', ctx.placesById);
    if (id === undefined) continue;
    const place = readPlace(ctx, list[i] as Record<string, unknown>, base, id); // an object: readEntryId checked
    places.push(place);
    ctx.placesById.set(id, place);
  }
  return places;
}
