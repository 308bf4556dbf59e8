/**
 * The finder's state as URL parameters (`shg-q`, `shg-topic`, `shg-group`, ...),
 * so a search can be shared, bookmarked and reached from a topic list on another page.
 * Pure functions: the element decides when to read and write location.
 */
import type { AgeGroup, Audience, GroupStatus, WeekdayCode } from '../feed/types.js';
import type { FinderQuery, TimeOfDay } from '../search/index.js';

export const URL_PREFIX = 'shg-';

/** What the finder shows: a query, the place it measures distance from, and the open group. */
export interface FinderState {
  query: FinderQuery;
  /** The name of a district/town from the feed, or "me" after the visitor shared a position. */
  near?: string;
  group?: string;
}

const DAYS: readonly WeekdayCode[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const TIMES: readonly TimeOfDay[] = ['morning', 'afternoon', 'evening'];
const STATUSES: readonly GroupStatus[] = ['open', 'founding', 'paused', 'closed'];
const SORTS: readonly NonNullable<FinderQuery['sort']>[] = ['relevance', 'name', 'next', 'distance'];

const list = (value: string | null | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)
    .slice(0, 50);

function pick<T extends string>(allowed: readonly T[], value: string | null | undefined): T | undefined {
  const v = value?.trim().toLowerCase();
  return allowed.find((a) => a.toLowerCase() === v);
}

function pickAll<T extends string>(allowed: readonly T[], value: string | null | undefined): T[] {
  return list(value)
    .map((v) => pick(allowed, v))
    .filter((v): v is T => v !== undefined);
}

/** Reads a state from raw values (attributes or URL parameters); unknown values are ignored, never thrown on. */
export function readState(get: (name: string) => string | null | undefined): FinderState {
  const query: FinderQuery = {};
  const q = get('q')?.slice(0, 200);
  if (q) query.q = q;
  const topics = list(get('topic'));
  if (topics.length) query.topics = topics;
  const audience = pick<Audience>(['affected', 'relatives'], get('audience'));
  if (audience) query.audience = audience;
  const days = pickAll(DAYS, get('day'));
  if (days.length) query.days = days;
  const times = pickAll(TIMES, get('time'));
  if (times.length) query.times = times;
  const mode = pick<'in-person' | 'online'>(['in-person', 'online'], get('mode'));
  if (mode) query.mode = mode;
  const wheelchair = get('wheelchair');
  if (wheelchair !== null && wheelchair !== undefined && wheelchair !== 'false' && wheelchair !== '0') query.wheelchair = true;
  const languages = list(get('group-language')).map((l) => l.toLowerCase());
  if (languages.length) query.languages = languages;
  const age = pick<AgeGroup>(['young', 'seniors'], get('age-group'));
  if (age) query.ageGroup = age;
  const statuses = pickAll(STATUSES, get('status'));
  if (statuses.length) query.statuses = statuses;
  const sort = pick(SORTS, get('sort'));
  if (sort) query.sort = sort;
  const state: FinderState = { query };
  const near = get('near')?.slice(0, 100);
  if (near) state.near = near;
  const group = get('group')?.slice(0, 128);
  if (group) state.group = group;
  return state;
}

/** Writes a state as name → value pairs, omitting defaults, in a stable order. */
export function writeState(state: FinderState): [string, string][] {
  const { query } = state;
  const out: [string, string][] = [];
  const add = (name: string, value: string | undefined) => value && out.push([name, value]);
  add('q', query.q?.trim());
  add('topic', query.topics?.join(','));
  add('audience', query.audience);
  add('day', query.days?.join(','));
  add('time', query.times?.join(','));
  add('mode', query.mode);
  add('wheelchair', query.wheelchair ? '1' : undefined);
  add('group-language', query.languages?.join(','));
  add('age-group', query.ageGroup);
  add('status', query.statuses?.join(','));
  add('sort', query.sort && query.sort !== 'relevance' ? query.sort : undefined);
  add('near', state.near === 'me' ? undefined : state.near);
  add('group', state.group);
  return out;
}

/** The state in a URL's search parameters (prefixed), or undefined when the URL carries none. */
export function stateFromUrl(url: URL): FinderState | undefined {
  const has = [...url.searchParams.keys()].some((k) => k.startsWith(URL_PREFIX));
  if (!has) return undefined;
  return readState((name) => url.searchParams.get(URL_PREFIX + name));
}

/** A copy of `url` whose shg-* parameters describe `state`; other parameters stay as they were. */
export function urlWithState(url: URL, state: FinderState): URL {
  const next = new URL(url.href);
  for (const key of [...next.searchParams.keys()]) if (key.startsWith(URL_PREFIX)) next.searchParams.delete(key);
  for (const [name, value] of writeState(state)) next.searchParams.set(URL_PREFIX + name, value);
  return next;
}

/**
 * Links to groups on this page (the URL with only `shg-group` set), for a list of cards:
 * the URL work is done once, each link is then one string concatenation.
 */
export function groupLinker(url: URL): (groupId: string) => string {
  const base = urlWithState(url, { query: {} });
  const hash = base.hash;
  base.hash = '';
  const prefix = `${base.href}${base.search ? '&' : '?'}${URL_PREFIX}group=`;
  return (groupId) => `${prefix}${encodeURIComponent(groupId)}${hash}`;
}

/** Fills a URL template such as `/kontakt?group={id}` (values are URL-encoded). */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? encodeURIComponent(values[name]!) : whole,
  );
}
