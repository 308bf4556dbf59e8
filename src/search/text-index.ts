/**
 * The word index: every folded word of the groups' names, keywords and descriptions (in
 * every language) and of the topics and meeting places, in one sorted vocabulary. A word's
 * postings list the groups that contain it and in which field; a prefix is a contiguous
 * range of the vocabulary, found by binary search.
 *
 * Building touches every word of every text, so it runs in slices (`step`) that the
 * search index schedules in idle time; `finish` completes it at once when a query needs it.
 */
import type { Directory } from '../feed/types.js';
import { foldText, isWordCode, tokenize, withoutArticle } from './fold.js';
import { allTexts } from '../feed/text.js';
import { invert, type GroupTables, type Lists } from './tables.js';
import { shouldYield } from './yield.js';

const NAME = 0;
const KEYWORD = 1;
const DESCRIPTION = 2;

/**
 * A word's score by where it matched, for a prefix; an exact word scores one more.
 * Name > keyword > topic (name or synonym) > place > description.
 */
const FIELD_SCORES = [9, 7, 1];
const TOPIC_SCORE = 5;
const PLACE_SCORE = 3;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;
/** The highest score one word can reach. */
export const MAX_WORD_SCORE = 10;

export class TextIndexBuilder {
  private readonly vocabulary = new Map<string, number>();
  private readonly words: string[] = [];
  /**
   * Every distinct run of word characters as written ("Mädchen", "mädchen"), in an
   * open-addressing hash table keyed by the characters themselves, so the hot loop never
   * cuts a substring for a run it has seen: slot → piece + 1; per piece its hash, its text
   * and its folded word id (or -1 - index into `multiIds` when it folds to several).
   */
  private slots = new Int32Array(1 << 16);
  private pieceHash = new Int32Array(1 << 15);
  private pieceWord = new Int32Array(1 << 15);
  private readonly pieceText: string[] = [];
  private readonly multiIds: number[][] = [];
  /** Per word id: the serial of the owner (group, topic, place) that last used it. */
  private seen = new Int32Array(1 << 14);
  private serial = 0;
  /** word id << 2 | field, group after group. */
  private postings = new Int32Array(1 << 16);
  private length = 0;
  private readonly groupStart: Int32Array;
  private nextGroup = 0;
  private started = false;
  private ownerWords: number[] = [];
  private topicWords: number[][] = [];
  private placeWords: number[][] = [];
  private sorted?: { words: string[]; rank: Int32Array };
  private result?: TextIndex;

  constructor(
    private readonly directory: Directory,
    private readonly tables: GroupTables,
  ) {
    this.groupStart = new Int32Array(directory.groups.length + 1);
  }

  /**
   * Does some of the remaining work: groups until `deadline` (a performance.now() time),
   * then sorting the vocabulary, then sorting the postings, one per call. True when done.
   */
  step(deadline: number): boolean {
    if (!this.started) {
      this.started = true;
      this.indexTopicsAndPlaces();
    }
    const groups = this.directory.groups;
    if (this.nextGroup < groups.length) {
      while (this.nextGroup < groups.length) {
        const group = groups[this.nextGroup];
        this.serial++;
        this.addEvery(group.name, NAME);
        this.addEvery(group.keywords, KEYWORD);
        this.addEvery(group.description, DESCRIPTION);
        this.groupStart[++this.nextGroup] = this.length;
        if ((this.nextGroup & 31) === 0 && shouldYield(deadline)) return false;
      }
      return deadline === Infinity ? this.step(deadline) : false;
    }
    if (!this.sorted) {
      this.sortVocabulary();
      return deadline === Infinity ? this.step(deadline) : false;
    }
    if (!this.result) this.result = this.sortPostings();
    return true;
  }

  /** Completes the index at once. */
  finish(): TextIndex {
    while (!this.step(Infinity));
    return this.result!;
  }

  private sortVocabulary(): void {
    const sorted = this.words.slice().sort();
    const rank = new Int32Array(sorted.length);
    for (let r = 0; r < sorted.length; r++) rank[this.vocabulary.get(sorted[r])!] = r;
    this.sorted = { words: sorted, rank };
  }

  /** Counting sort of the postings by word rank; within a word, groups stay ascending. */
  private sortPostings(): TextIndex {
    const { words, rank } = this.sorted!;
    const start = new Int32Array(words.length + 1);
    const postings = this.postings;
    for (let k = 0; k < this.length; k++) start[rank[postings[k] >>> 2] + 1]++;
    for (let r = 0; r < words.length; r++) start[r + 1] += start[r];
    const cursor = start.slice(0, words.length);
    const items = new Int32Array(this.length);
    const groupStart = this.groupStart;
    for (let g = 0; g < groupStart.length - 1; g++) {
      for (let k = groupStart[g]; k < groupStart[g + 1]; k++) {
        const v = postings[k];
        items[cursor[rank[v >>> 2]]++] = (g << 2) | (v & 3);
      }
    }
    return new TextIndex(
      this.tables,
      words,
      { start, items },
      invert(ranked(this.topicWords, rank), words.length),
      invert(ranked(this.placeWords, rank), words.length),
    );
  }

  private indexTopicsAndPlaces(): void {
    this.topicWords = this.directory.topics.map((topic) =>
      this.ownerTexts([...allTexts(topic.name), ...allTexts(topic.synonyms)]),
    );
    this.placeWords = this.tables.places.map((place) =>
      this.ownerTexts([...allTexts(place.name), place.district ?? '', place.city ?? '', place.postalCode ?? '']),
    );
  }

  private ownerTexts(texts: string[]): number[] {
    this.serial++;
    this.ownerWords = [];
    for (const text of texts) this.addText(text, -1);
    return this.ownerWords;
  }

  /** Adds every language's text or terms. */
  private addEvery(values: Readonly<Record<string, string | readonly string[]>> | undefined, field: number): void {
    if (!values) return;
    for (const lang in values) {
      const value = values[lang];
      if (typeof value === 'string') this.addText(value, field);
      else if (Array.isArray(value)) for (const term of value) if (typeof term === 'string') this.addText(term, field);
    }
  }

  /** Adds the words of `text` to the current owner; field -1 collects them in `ownerWords`. */
  private addText(text: string, field: number): void {
    const n = text.length;
    let i = 0;
    while (i < n) {
      let c = text.charCodeAt(i);
      if (!isWordCode(c)) {
        i++;
        continue;
      }
      const begin = i;
      let hash = FNV_OFFSET;
      for (;;) {
        hash = Math.imul(hash ^ c, FNV_PRIME);
        if (++i >= n) break;
        c = text.charCodeAt(i);
        if (!isWordCode(c)) break;
      }
      const p = this.piece(text, begin, i, hash);
      const word = this.pieceWord[p];
      if (word >= 0) this.add(word, field);
      else for (const id of this.multiIds[-1 - word]) this.add(id, field);
    }
  }

  /** The piece number of text[begin..end), added when new. */
  private piece(text: string, begin: number, end: number, hash: number): number {
    const length = end - begin;
    let mask = this.slots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const entry = this.slots[slot];
      if (entry === 0) break;
      const p = entry - 1;
      if (this.pieceHash[p] === hash) {
        const known = this.pieceText[p];
        if (known.length === length) {
          let k = 0;
          while (k < length && known.charCodeAt(k) === text.charCodeAt(begin + k)) k++;
          if (k === length) return p;
        }
      }
      slot = (slot + 1) & mask;
    }
    const p = this.pieceText.length;
    const raw = text.slice(begin, end);
    this.pieceText.push(raw);
    if (p === this.pieceHash.length) {
      this.pieceHash = grow(this.pieceHash);
      this.pieceWord = grow(this.pieceWord);
    }
    this.pieceHash[p] = hash;
    const ids = this.foldedIds(raw);
    if (ids.length === 1) this.pieceWord[p] = ids[0];
    else {
      this.pieceWord[p] = -1 - this.multiIds.length;
      this.multiIds.push(ids);
    }
    this.slots[slot] = p + 1;
    if (p * 2 > this.slots.length) {
      // Rehash into twice the slots.
      this.slots = new Int32Array(this.slots.length * 2);
      mask = this.slots.length - 1;
      for (let q = 0; q <= p; q++) {
        let at = this.pieceHash[q] & mask;
        while (this.slots[at] !== 0) at = (at + 1) & mask;
        this.slots[at] = q + 1;
      }
    }
    return p;
  }

  private add(id: number, field: number): void {
    if (this.seen[id] === this.serial) return;
    this.seen[id] = this.serial;
    if (field < 0) {
      this.ownerWords.push(id);
      return;
    }
    if (this.length === this.postings.length) this.postings = grow(this.postings);
    this.postings[this.length++] = (id << 2) | field;
  }

  private foldedIds(raw: string): number[] {
    const ids: number[] = [];
    for (const word of tokenize(foldText(raw))) {
      ids.push(this.wordId(word));
      const bare = withoutArticle(word);
      if (bare !== undefined) ids.push(this.wordId(bare));
    }
    return ids;
  }

  private wordId(word: string): number {
    let id = this.vocabulary.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(word);
      this.vocabulary.set(word, id);
      if (id >= this.seen.length) this.seen = grow(this.seen);
    }
    return id;
  }
}

function grow(array: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

function ranked(lists: number[][], rank: Int32Array): Lists {
  const start = new Int32Array(lists.length + 1);
  lists.forEach((list, i) => (start[i + 1] = start[i] + list.length));
  const items = new Int32Array(start[lists.length]);
  lists.forEach((list, i) => list.forEach((id, k) => (items[start[i] + k] = rank[id])));
  return { start, items };
}

export class TextIndex {
  constructor(
    private readonly tables: GroupTables,
    /** Every folded word, sorted by UTF-16 code units; a word's id is its position. */
    private readonly vocabulary: string[],
    /** Per word: group << 2 | field. */
    private readonly postings: Lists,
    /** Per word: the topics whose name or synonyms have it. */
    private readonly topicsByWord: Lists,
    /** Per word: the places whose name, district, city or postal code has it. */
    private readonly placesByWord: Lists,
  ) {}

  /**
   * First characters (surrogate pairs whole) with at least `minPostings` postings, most
   * first: the prefixes a visitor's first keystroke asks for, and the costliest ones.
   */
  initials(minPostings: number): string[] {
    const found: Array<[string, number]> = [];
    const { vocabulary } = this;
    const { start } = this.postings;
    let r = 0;
    while (r < vocabulary.length) {
      const initial = String.fromCodePoint(vocabulary[r].codePointAt(0)!);
      const end = lowerBound(vocabulary, initial + '\uffff');
      const postings = start[end] - start[r];
      if (postings >= minPostings) found.push([initial, postings]);
      r = Math.max(end, r + 1);
    }
    return found.sort((a, b) => b[1] - a[1]).map(([initial]) => initial);
  }

  /** Writes each group's best score for `word` (as a word or a word's start) into `out`. */
  wordScores(word: string, out: Uint8Array): void {
    const lo = lowerBound(this.vocabulary, word);
    const hi = lowerBound(this.vocabulary, word + '\uffff');
    if (lo === hi) return;
    const exact = this.vocabulary[lo] === word ? lo : -1;

    const { start, items } = this.postings;
    for (let r = lo; r < hi; r++) {
      const bonus = r === exact ? 1 : 0;
      for (let k = start[r]; k < start[r + 1]; k++) {
        const v = items[k];
        const s = FIELD_SCORES[v & 3] + bonus;
        const g = v >>> 2;
        if (s > out[g]) out[g] = s;
      }
    }
    spread(this.topicsByWord, this.tables.topicGroups, lo, hi, exact, TOPIC_SCORE, out);
    spread(this.placesByWord, this.tables.placeGroups, lo, hi, exact, PLACE_SCORE, out);
  }
}

/** For every owner (topic, place) with a word in [lo, hi): raise its groups to `score` (+1 when exact). */
function spread(ownersByWord: Lists, groups: Lists, lo: number, hi: number, exact: number, score: number, out: Uint8Array): void {
  const best = new Map<number, number>();
  for (let r = lo; r < hi; r++) {
    const s = r === exact ? score + 1 : score;
    for (let k = ownersByWord.start[r]; k < ownersByWord.start[r + 1]; k++) {
      const owner = ownersByWord.items[k];
      if (!(best.get(owner)! >= s)) best.set(owner, s);
    }
  }
  for (const [owner, s] of best) {
    for (let k = groups.start[owner]; k < groups.start[owner + 1]; k++) {
      const g = groups.items[k];
      if (s > out[g]) out[g] = s;
    }
  }
}

function lowerBound(sorted: string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
