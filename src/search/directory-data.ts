/**
 * What does not depend on the locale, shared by every search index of one directory: per
 * group facts, the word index and cached word scores. Switching the language then only
 * re-sorts the names. Directories are treated as immutable.
 */
import type { Directory } from '../feed/types.js';
import { buildGroupTables, statusBits, type GroupTables } from './tables.js';
import { TextIndex, TextIndexBuilder } from './text-index.js';
import { shouldYield } from './yield.js';
import { whenReadInFull } from '../feed/normalise-slices.js';

const WORD_CACHE_SIZE = 16;

export class DirectoryData {
  private static readonly byDirectory = new WeakMap<Directory, DirectoryData>();

  static of(directory: Directory): DirectoryData {
    let data = DirectoryData.byDirectory.get(directory);
    if (!data) DirectoryData.byDirectory.set(directory, (data = new DirectoryData(directory)));
    return data;
  }

  readonly count: number;
  /** Per group 1 << its status index: all that the first, unfiltered list needs. */
  readonly status: Uint8Array;
  /** Settles once the word index is built. */
  readonly ready: Promise<void>;
  private markReady!: () => void;
  private built?: GroupTables;
  private builder?: TextIndexBuilder;
  private text?: TextIndex;
  private readonly wordCache = new Map<string, Uint8Array>();
  /** Scores of common first letters, kept for good (see warmInitials). */
  private readonly initialScores = new Map<string, Uint8Array>();
  private initialsToWarm?: string[];

  private constructor(private readonly directory: Directory) {
    this.count = directory.groups.length;
    this.status = statusBits(directory);
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  /** Every other per-group fact, built at the first filter or in idle time. */
  get tables(): GroupTables {
    if (this.built) return this.built;
    const tables = buildGroupTables(this.directory);
    // A first stage (feed/normalise-slices.ts) has only names and status: never keep what was built from it.
    if (!whenReadInFull(this.directory)) this.built = tables;
    return tables;
  }

  get tablesReady(): boolean {
    return this.built !== undefined;
  }

  /** Builds the tables now, in idle time, rather than at the first filter. */
  prepareTables(): void {
    this.built ??= buildGroupTables(this.directory);
  }

  get textReady(): boolean {
    return this.text !== undefined;
  }

  /** Builds some of the word index until `deadline` (a performance.now() time). */
  buildUntil(deadline: number): void {
    if (this.text) return;
    this.builder ??= new TextIndexBuilder(this.directory, this.tables);
    if (this.builder.step(deadline)) this.textIndex();
  }

  /** The word index, completed at once if it is not ready yet. */
  textIndex(): TextIndex {
    if (this.text) return this.text;
    // A first stage: built for this one call, never kept (see tables).
    if (whenReadInFull(this.directory)) return new TextIndexBuilder(this.directory, this.tables).finish();
    this.builder ??= new TextIndexBuilder(this.directory, this.tables);
    this.text = this.builder.finish();
    this.builder = undefined;
    this.markReady();
    return this.text;
  }

  /** Each group's best score for `word` (0 = no match); the last few words stay cached. */
  wordScores(word: string): Uint8Array {
    let scores = this.initialScores.get(word) ?? this.wordCache.get(word);
    if (!scores) {
      scores = new Uint8Array(this.count);
      this.textIndex().wordScores(word, scores);
    }
    if (!this.initialScores.has(word)) remember(this.wordCache, word, scores, WORD_CACHE_SIZE);
    return scores;
  }

  /**
   * Idle-time work once the index is built: the scores of the common first letters, since
   * a search starts with one letter, the widest and slowest prefix. True when done.
   */
  warmInitials(deadline: number): boolean {
    this.initialsToWarm ??= this.textIndex().initials(this.count / 8);
    while (this.initialsToWarm.length > 0 && !shouldYield(deadline)) {
      const initial = this.initialsToWarm.shift()!;
      if (!this.initialScores.has(initial)) this.initialScores.set(initial, this.wordScores(initial));
    }
    return this.initialsToWarm.length === 0;
  }
}

/** Puts `key` last in a small map used as an LRU cache. */
export function remember<V>(cache: Map<string, V>, key: string, value: V, size: number): void {
  cache.delete(key);
  cache.set(key, value);
  if (cache.size > size) cache.delete(cache.keys().next().value!);
}
