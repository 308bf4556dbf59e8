/**
 * What every part of normalisation shares: the problem list, limits, and small readers
 * for ids, flags and enums. Readers return undefined for a missing or rejected value and
 * leave the reason in `ctx.why` ('' = simply absent), so the caller decides whether that is a
 * warning (optional field) or an error (the record is left out). Paths are only built
 * when a problem is reported: a 70,000-group feed must not pay for them.
 */
import type { FeedProblem, Group, LanguageTag, Place, Rule, Topic } from './types.js';

export type Severity = FeedProblem['severity'];

/** Caps on sizes; the JSON Schema uses the same numbers as maxLength / maxItems. */
export const LIMITS = {
  name: 300,
  line: 300,
  text: 5000,
  term: 100,
  terms: 100,
  textLanguages: 30,
  languages: 20,
  topicsPerGroup: 50,
  meetings: 50,
  exdates: 200,
  openingHours: 50,
  contactName: 60,
  topics: 10000,
} as const;

export interface Ctx {
  /** Language of plain-string texts. */
  language: LanguageTag;
  timezone: string;
  baseUrl: string | undefined;
  problems: FeedProblem[];
  maxProblems: number;
  omitted: number;
  omittedErrors: number;
  why: string;
  topicsById: Map<string, Topic>;
  placesById: Map<string, Place>;
  groupsById: Map<string, Group>;
  /** Parsed rules by their text: most groups share a handful of rhythms. A string is the RuleError message. */
  rules: Map<string, Rule | string>;
}

export function createCtx(maxProblems: number, baseUrl: string | undefined): Ctx {
  return {
    language: 'de',
    timezone: 'Europe/Berlin',
    baseUrl,
    problems: [],
    maxProblems,
    omitted: 0,
    omittedErrors: 0,
    why: '',
    topicsById: new Map(),
    placesById: new Map(),
    groupsById: new Map(),
    rules: new Map(),
  };
}

export function report(ctx: Ctx, path: string, message: string, severity: Severity): void {
  if (ctx.problems.length < ctx.maxProblems) {
    ctx.problems.push({ path, message, severity });
  } else {
    ctx.omitted++;
    if (severity === 'error') ctx.omittedErrors++;
  }
}

export function warn(ctx: Ctx, path: string, message: string): void {
  report(ctx, path, message, 'warning');
}

export function fail(ctx: Ctx, path: string, message: string): void {
  report(ctx, path, message, 'error');
}

/** Reports the reason an optional value was rejected, if there was one. */
export function warnWhy(ctx: Ctx, base: string, field: string): void {
  if (ctx.why !== '') warn(ctx, at(base, field), ctx.why);
}

/**
 * Sets an optional field to its value as read, or reports why the value was rejected (if it was).
 * For the office, places and topics; the fields of groups and meetings are set directly: one
 * store shared by many object shapes is measurably slower over 70,000 groups (≈ 6 %).
 */
export function setOptional<T, K extends keyof T & string>(ctx: Ctx, target: T, field: K, value: T[K] | undefined, base: string): void {
  if (value !== undefined) target[field] = value;
  else warnWhy(ctx, base, field);
}

/** Reports a required value as missing or rejected: the record is left out. */
export function failWhy(ctx: Ctx, base: string, field: string, record: string): void {
  fail(ctx, at(base, field), `${ctx.why === '' ? 'is missing' : ctx.why}; the ${record} is left out`);
}

/** "groups[3]" + "name" → "groups[3].name"; a top-level field has no base. */
export function at(base: string, field: string): string {
  return base === '' ? field : base + '.' + field;
}

/** A member path for an arbitrary object key ("name.de", or name["not a tag"]). */
export function member(path: string, key: string): string {
  return /^[A-Za-z0-9_-]{1,40}$/.test(key) ? path + '.' + key : `${path}[${quote(key)}]`;
}

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the string ${quote(value)}`;
    case 'number':
    case 'boolean':
      return `${typeof value} ${String(value)}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** A user value for a message: JSON-quoted, control characters escaped, long values cut. */
export function quote(value: string): string {
  return JSON.stringify(value.length > 60 ? value.slice(0, 57) + '…' : value);
}

/**
 * The array trimmed to its length. An array grown by push() keeps room for 16 or more
 * items; 70,000 groups with a handful of lists each would carry tens of megabytes of it.
 */
export function exact<T>(list: T[]): T[] {
  return list.length === 0 ? list : list.slice();
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,127}$/;

export function readId(ctx: Ctx, value: unknown): string | undefined {
  ctx.why = '';
  if (typeof value === 'string') {
    if (ID.test(value)) return value;
    ctx.why =
      value === ''
        ? 'is empty'
        : `${quote(value)} is not a valid id (letters, digits, ".", "_", "~" and "-", at most 128, starting with a letter or digit)`;
  } else if (value !== undefined && value !== null) {
    ctx.why = `expected an id string, got ${typeName(value)}`;
  }
  return undefined;
}

/**
 * The id of an entry of the feed's topics, places or groups: an object whose id is valid and
 * not used by an earlier entry. Otherwise the problem is reported and the result is undefined:
 * the entry is left out.
 */
export function readEntryId(ctx: Ctx, entry: unknown, base: string, noun: string, used: ReadonlyMap<string, unknown>): string | undefined {
  if (!isRecord(entry)) {
    fail(ctx, base, `expected a ${noun} object, got ${typeName(entry)}; left out`);
    return undefined;
  }
  const id = readId(ctx, entry.id);
  if (id === undefined) failWhy(ctx, base, 'id', noun);
  else if (used.has(id)) fail(ctx, at(base, 'id'), `${quote(id)} is already used by an earlier ${noun}; this ${noun} is left out`);
  else return id;
  return undefined;
}

export function readBool(ctx: Ctx, value: unknown): boolean | undefined {
  ctx.why = '';
  if (typeof value === 'boolean') return value;
  if (value !== undefined && value !== null) ctx.why = `expected true or false, got ${typeName(value)}`;
  return undefined;
}

export function readEnum<T extends string>(ctx: Ctx, value: unknown, allowed: readonly T[]): T | undefined {
  ctx.why = '';
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  if (value !== undefined && value !== null) ctx.why = `expected one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${typeName(value)}`;
  return undefined;
}

/** A list field as it is; undefined when it is absent, or not a list (reported: "expected `what`, got …"). */
export function readListField(ctx: Ctx, value: unknown, base: string, field: string, what: string): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (value !== undefined && value !== null) warn(ctx, at(base, field), `expected ${what}, got ${typeName(value)}`);
  return undefined;
}

/** How many items of a list are read: at most `max`; a longer list is reported. */
export function cappedLength(ctx: Ctx, list: readonly unknown[], base: string, field: string, max: number, noun: string): number {
  const n = Math.min(list.length, max);
  if (list.length > n) warn(ctx, at(base, field), `has ${list.length} ${noun}; only the first ${n} are kept`);
  return n;
}

/** Reads one list item; reports its own problem (path: `${at(base, field)}[${index}]`) and returns undefined to drop it. */
export type ItemReader<T, X> = (ctx: Ctx, item: unknown, base: string, field: string, index: number, extra: X) => T | undefined;

/**
 * Reads a list item by item, capped at `max` and deduplicated. When nothing had to change,
 * the input list itself is returned: the directory shares it instead of copying
 * hundreds of thousands of small arrays.
 */
export function readList<T, X>(ctx: Ctx, list: unknown[], base: string, field: string, max: number, noun: string, read: ItemReader<T, X>, extra: X): T[] {
  const n = cappedLength(ctx, list, base, field, max, noun);
  let out: T[] | undefined = list.length > n ? [] : undefined;
  for (let i = 0; i < n; i++) {
    const raw = list[i];
    const item = read(ctx, raw, base, field, i, extra);
    if (out === undefined) {
      if (item !== undefined && item === raw && list.indexOf(raw) === i) continue;
      out = list.slice(0, i) as T[];
    }
    if (item !== undefined && !out.includes(item)) out.push(item);
  }
  return out === undefined ? (list as T[]) : exact(out);
}

/** A list of enum values, deduplicated; bad entries are reported and left out. */
export function readEnumList<T extends string>(ctx: Ctx, value: unknown, allowed: readonly T[], base: string, field: string): T[] {
  const list = readListField(ctx, value, base, field, 'a list');
  return list ? readList(ctx, list, base, field, allowed.length * 4, 'entries', readEnumItem, allowed) : [];
}

function readEnumItem<T extends string>(ctx: Ctx, item: unknown, base: string, field: string, index: number, allowed: readonly T[]): T | undefined {
  const value = readEnum(ctx, item, allowed);
  if (value === undefined) warn(ctx, `${at(base, field)}[${index}]`, ctx.why || 'is empty');
  return value;
}
