/**
 * Reading a feed in the browser without blocking the page: the groups are read in slices,
 * and a large feed first in a quick pass (id, name, status) so its first results can be
 * shown before every group is read in full.
 */
import type { Directory, Group } from './types.js';
import { isRecord, type Ctx } from './normalise-context.js';
import { asFeedError, finish, readGroupsUntil, startReading, type NormaliseOptions, type Reading } from './normalise.js';
import { readGroup, readGroupHead } from './normalise-group.js';

export interface SliceOptions extends NormaliseOptions {
  /** About how long each slice of reading takes, in ms (default `SLICING.ms`, 40). */
  sliceMs?: number;
  /**
   * Called with the directory's first stage when the feed has `earlyFrom` groups or more:
   * topics, places and office read, every group that will be kept listed with its id, name
   * and status, the rest of each group empty until `readInFull` (or the full read) fills it.
   * Enough for a first, unfiltered page in name order. It is the very object the promise
   * resolves with, completed in place (groups, problems); `whenReadInFull` tells when.
   */
  onEarly?: (early: Directory) => void;
  /** Asked once the feed's frame is read: whether `onEarly` still wants a first stage (default yes). */
  wantsEarly?: () => boolean;
  /** The smallest feed (in groups) worth a first stage (default 2,000). */
  earlyFrom?: number;
}

export const EARLY_FROM = 2000;

/** The default slice length; tests shorten it to see the page's turns with small feeds. */
export const SLICING = { ms: 40 };

/**
 * `normaliseFeed` for large feeds in the browser: the groups are read in slices of about
 * `sliceMs`, and the page gets a turn in between, so a visitor can type into the search box
 * while 70,000 groups are read. Same result as `normaliseFeed`.
 */
export async function normaliseFeedInSlices(data: unknown, options: SliceOptions = {}): Promise<Directory> {
  options ??= {};
  const sliceMs = options.sliceMs ?? SLICING.ms;
  const earlyFrom = options.earlyFrom ?? EARLY_FROM;
  // JSON.parse of a large feed was one long task: input gets a turn before each long step.
  const large = isRecord(data) && Array.isArray(data.groups) && data.groups.length >= earlyFrom;
  if (large) await yieldToPage();
  const reading = asFeedError(() => startReading(data, options));
  let early: Directory | undefined;
  if (options.onEarly && large && (options.wantsEarly?.() ?? true)) {
    await yieldToPage();
    early = asFeedError(() => readEarly(reading));
    try {
      options.onEarly(early);
    } catch (e) {
      // The caller's mistake must not lose the directory.
      console.error(e);
    }
    // Let the first results be painted before the full read takes the main thread.
    await afterNextFrame();
  }
  let completed = false;
  try {
    while (!asFeedError(() => readGroupsUntil(reading, performance.now() + sliceMs))) await yieldToPage();
    const directory = asFeedError(() => finish(reading));
    if (!early) return directory;
    // The first stage becomes the directory, unless the two passes disagree (a feed object
    // changed by the page meanwhile): then a new directory, and whoever held the first stage
    // starts over with it.
    if (!sameGroups(early.groups, directory.groups)) return directory;
    completed = true;
    return Object.assign(early, directory);
  } finally {
    if (early) stages.get(early)?.done(completed);
  }
}

function sameGroups(a: readonly Group[], b: readonly Group[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Reads `groups` of a first-stage directory in full now (no-op for any other directory). */
export function readInFull(directory: Directory, groups: readonly Group[]): void {
  stages.get(directory)?.read(groups);
}

/**
 * For a first-stage directory: resolves once it is read in full (never, if the full read
 * failed or gave a new directory). Undefined for any other directory.
 */
export function whenReadInFull(directory: Directory): Promise<void> | undefined {
  return stages.get(directory)?.whenDone;
}

interface Stage {
  read(groups: readonly Group[]): void;
  whenDone: Promise<void>;
  done(completed: boolean): void;
}

const stages = new WeakMap<Directory, Stage>();

function readEarly(reading: Reading): Directory {
  const { raw } = reading;
  // Silent: the full read that follows reports every problem, in feed order.
  const quick = quietCopy(reading.ctx);
  const heads: (Group | undefined)[] = (reading.heads = new Array<Group | undefined>(raw.length));
  const groups: Group[] = [];
  // groups[k] is raw[rawIndex[k]].
  const rawIndex = new Int32Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const head = readGroupHead(quick, raw[i], '');
    if (!head) continue;
    heads[i] = head;
    rawIndex[groups.length] = i;
    groups.push(head);
    quick.groupsById.set(head.id, head);
  }
  const early = finish({ ...reading, ctx: { ...quick, problems: [], omitted: 0 }, groups });
  // A head read in full here is read again by the full read, into the same object, with its problems.
  const single = quietCopy(reading.ctx);
  const filled = new Set<Group>();
  // Where each head is in `groups`: found by a linear search for the first page or two, from a
  // map built once when many are asked for at a time (a large page-size).
  let positions: Map<Group, number> | undefined;
  let done!: () => void;
  const whenDone = new Promise<void>((resolve) => (done = resolve));
  stages.set(early, {
    read(wanted) {
      const todo = wanted.filter((group) => !filled.has(group));
      if (!positions && todo.length > 40) positions = new Map(groups.map((group, k) => [group, k]));
      for (const group of todo) {
        const k = positions ? (positions.get(group) ?? -1) : groups.indexOf(group);
        if (k === -1) continue;
        filled.add(group);
        try {
          readGroup(single, raw[rawIndex[k]!], '', group);
        } catch {
          // A feed that throws when read again (hostile getters): the full read reports it.
        }
      }
    },
    whenDone,
    done(completed) {
      stages.delete(early);
      if (completed) done();
    },
  });
  return early;
}

function quietCopy(ctx: Ctx): Ctx {
  return { ...ctx, problems: [], maxProblems: 0, omitted: 0, omittedErrors: 0, why: '', groupsById: new Map() };
}

/** Lets input and rendering run: scheduler.yield() where there is one (it resumes first), else a task. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * After the next frame (or 100 ms where frames do not come, as in a hidden tab or node), and
 * after one more task: what the page queued around that frame runs before the long read.
 */
function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const next = (): void => void setTimeout(resolve, 0);
    const timer = setTimeout(next, 100);
    if (typeof requestAnimationFrame === 'function') {
      requestAnimationFrame(() =>
        setTimeout(() => {
          clearTimeout(timer);
          next();
        }),
      );
    }
  });
}
