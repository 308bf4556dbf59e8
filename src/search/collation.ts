/**
 * Name order at national scale. Sorting 70,000 names with `Intl.Collator.compare` costs
 * about a million comparisons; instead each name gets a key of primary collation weights
 * (what `sensitivity: 'base'` compares), learned from the collator itself one character at
 * a time, and the keys are radix-sorted. The collator then only orders names whose keys
 * are equal (they differ in accents or case), and names with characters the keys do not
 * cover, which are merged in by binary search. The result is exactly the collator's order.
 *
 * Keys are only used for locales whose collation has no contractions among the covered
 * characters (Czech "ch", Danish "aa", Catalan "l·l" would break the one-character model).
 */

/** Languages whose tailorings (if any) only move single characters. */
const KEYED_LANGUAGES = new Set(['de', 'en', 'fr', 'it', 'nl', 'pt', 'es', 'sv', 'fi', 'pl', 'tr', 'ro', 'el', 'ru', 'uk', 'ar', 'fa', 'he']);
/** Letters that may sort as two letters (ß = ss); checked against the collator. */
const EXPANSIONS: Record<string, string> = { ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', þ: 'th', Þ: 'TH' };
const MARKS = /[\u0300-\u036f]/g;
/** Characters in contractions of the root collation itself: the middle dot of "l·l" (and ŀ, Ŀ). */
const CONTRACTING = [0x00b7, 0x013f, 0x0140];

/** Above this share of uncovered names, merging them in costs more than it saves. */
const MAX_UNCOVERED_SHARE = 0.1;

const UNSAFE = -1;
const IGNORABLE = -2;
const DIGIT = -3;

/**
 * Indexes of `names` in the collator's order; equal names keep index order.
 * Falls back to a plain collator sort when keys cannot be trusted.
 */
export function collatorOrder(names: readonly string[], collator: Intl.Collator): Int32Array {
  const compare = collator.compare;
  const byCollator = (a: number, b: number) => compare(names[a], names[b]) || a - b;
  const options = collator.resolvedOptions();
  const keyed =
    KEYED_LANGUAGES.has(options.locale.split('-')[0]) && options.collation === 'default' && !options.ignorePunctuation;
  const keys = keyed ? primaryKeys(names, options.locale, options.numeric === true) : undefined;
  if (!keys || keys.uncovered.length > names.length * MAX_UNCOVERED_SHARE) return presortedCollatorSort(names, byCollator);

  const order = keys.covered;
  radixSort(order, keys, (lo, hi) => {
    const run = order.subarray(lo, hi);
    // Mostly the same name several times ("Anonyme Alkoholiker"): then index order is all.
    const name = names[run[0]];
    if (run.every((i) => names[i] === name)) run.sort();
    else run.sort(byCollator);
  });
  if (keys.uncovered.length === 0) return order;
  return merge(order, presortedCollatorSort(keys.uncovered.map((i) => names[i]), (a, b) => compare(names[keys.uncovered[a]], names[keys.uncovered[b]]) || a - b).map((i) => keys.uncovered[i]), byCollator);
}

/**
 * A collator sort that needs few comparisons when code-unit order is already close to the
 * collation: a stable merge sort (V8's TimSort) finds the long sorted runs.
 */
function presortedCollatorSort(names: readonly string[], byCollator: (a: number, b: number) => number): Int32Array {
  const indexes: number[] = new Array(names.length);
  for (let i = 0; i < names.length; i++) indexes[i] = i;
  indexes.sort((a, b) => (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : a - b));
  indexes.sort(byCollator);
  return Int32Array.from(indexes);
}

interface Keys {
  /** Flattened keys: name i's units are `units[start[i] .. start[i + 1])`, all ≥ 1. */
  units: Uint16Array;
  start: Int32Array;
  /** The largest unit: a weight, a number's length + 1, or a digit + 1. */
  maxUnit: number;
  /** Names with keys, in index order. */
  covered: Int32Array;
  /** Names with a character the keys cannot represent. */
  uncovered: number[];
}

/**
 * Per name, its primary weights: one unit per character, learned by sorting the distinct
 * characters with a base-sensitivity collator; expansions (ß = ss) give two; ignorable
 * characters (soft hyphen) none. With `numeric`, a digit run becomes a marker, its length
 * without leading zeros, and its digits, which orders numbers by value as ICU does.
 */
function primaryKeys(names: readonly string[], locale: string, numeric: boolean): Keys | undefined {
  const base = new Intl.Collator(locale, { sensitivity: 'base', numeric });
  // Printable ASCII counts as present; the other characters are found in one native pass.
  const distinct: number[] = [];
  for (let c = 0x20; c <= 0x7e; c++) distinct.push(c);
  const seen = new Uint8Array(0x10000);
  const rest = names.join('').replace(/[\x20-\x7e]+/g, '');
  for (let i = 0; i < rest.length; i++) {
    const c = rest.charCodeAt(i);
    if (seen[c] === 0) {
      seen[c] = 1;
      distinct.push(c);
    }
  }

  // Per code unit: a weight ≥ 1, IGNORABLE, UNSAFE, DIGIT or 0x10000 + index of an expansion.
  const weight = new Int32Array(0x10000).fill(UNSAFE);
  const expansions: string[] = [];
  const atoms: string[] = [];
  const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
  const covered = (c: number) =>
    ((c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0x17f) || (c >= 0x2000 && c <= 0x206f)) && !CONTRACTING.includes(c);
  const atomic = (s: string) => [...s].every((ch) => covered(ch.charCodeAt(0)) && !isDigit(ch.charCodeAt(0)));
  for (const c of distinct) {
    if (!covered(c)) continue;
    const ch = String.fromCharCode(c);
    if (isDigit(c)) {
      atoms.push(ch);
      continue;
    }
    const decomposed = ch.normalize('NFKD').replace(MARKS, '');
    // "²" or "½" may or may not count as numbers: leave them to the collator.
    if (/\d/.test(decomposed)) continue;
    if (base.compare(ch, '') === 0) {
      weight[c] = IGNORABLE;
      continue;
    }
    const spelled = decomposed.length > 1 ? decomposed : EXPANSIONS[ch];
    if (spelled === undefined) {
      atoms.push(ch);
      continue;
    }
    // Which case of the spelling the collator means differs (Turkish Ĳ = "ij", not "IJ").
    const expansion = [spelled, spelled.toLowerCase(), spelled.toUpperCase()].find((e) => atomic(e) && base.compare(ch, e) === 0);
    if (expansion !== undefined) {
      weight[c] = 0x10000 + expansions.length;
      expansions.push(expansion);
      for (const part of expansion) if (!atoms.includes(part)) atoms.push(part);
    } else if (decomposed.length <= 1) {
      atoms.push(ch); // a letter of its own here (æ in Swedish)
    }
    // Otherwise it decomposes but the collator disagrees: leave it to the collator.
  }
  atoms.sort(base.compare);
  let w = 0;
  for (let i = 0; i < atoms.length; i++) {
    if (i === 0 || base.compare(atoms[i - 1], atoms[i]) !== 0) w++;
    weight[atoms[i].charCodeAt(0)] = w;
  }
  if (w > 0xfff0) return undefined;
  const expansionUnits = expansions.map((e) => [...e].map((part) => weight[part.charCodeAt(0)]));
  const digitMark = weight[0x30];
  if (numeric) for (let c = 0x30; c <= 0x39; c++) weight[c] = DIGIT;

  // Mostly one unit per character; a name may need three per character (one-digit numbers).
  let units = new Uint16Array(names.reduce((sum, name) => sum + name.length, 0) + 64);
  const start = new Int32Array(names.length + 1);
  const coveredNames: number[] = [];
  const uncovered: number[] = [];
  let at = 0;
  for (let n = 0; n < names.length; n++) {
    const name = names[n];
    const length = name.length;
    if (at + length * 3 > units.length) {
      const bigger = new Uint16Array(Math.max(units.length * 2, at + length * 3));
      bigger.set(units);
      units = bigger;
    }
    const begin = at;
    let i = 0;
    while (i < length) {
      const v = weight[name.charCodeAt(i)];
      if (v > 0 && v < 0x10000) {
        units[at++] = v;
        i++;
      } else if (v === IGNORABLE) {
        i++;
      } else if (v === DIGIT) {
        let end = i;
        while (end < length && isDigit(name.charCodeAt(end))) end++;
        while (i < end - 1 && name.charCodeAt(i) === 0x30) i++;
        if (end - i > 250) break;
        units[at++] = digitMark;
        units[at++] = name.charCodeAt(i) === 0x30 ? 1 : end - i + 1;
        if (name.charCodeAt(i) !== 0x30) for (; i < end; i++) units[at++] = name.charCodeAt(i) - 0x30 + 1;
        i = end;
      } else if (v >= 0x10000) {
        for (const u of expansionUnits[v - 0x10000]) units[at++] = u;
        i++;
      } else break;
    }
    if (i === length) {
      coveredNames.push(n);
    } else {
      uncovered.push(n);
      at = begin;
    }
    start[n + 1] = at;
  }
  return { units, start, maxUnit: Math.max(w, 251), covered: Int32Array.from(coveredNames), uncovered };
}

/** Runs this short are insertion-sorted. */
const SMALL_RUN = 12;
/**
 * Sorts `order` by key with a multikey quicksort (Bentley & Sedgewick): partition by the
 * next units into less, equal and greater, and only the equal part moves on to the units
 * after, so a shared prefix ("Selbsthilfegruppe …") costs one pass per few units, not a
 * walk per comparison. Runs of equal keys go to `ties`.
 */
function radixSort(order: Int32Array, keys: Keys, ties: (lo: number, hi: number) => void): void {
  const { units, start } = keys;
  // As many units as fit into 48 bits of a double: six bytes, or three 16-bit units.
  const base = keys.maxUnit < 0x100 ? 0x100 : 0x10000;
  const width = base === 0x100 ? 6 : 3;
  /** Units depth .. depth + width - 1 of a key as one number (0 past its end). */
  const chunk = (name: number, depth: number) => {
    const at = start[name] + depth;
    const end = start[name + 1];
    let v = 0;
    for (let k = at; k < at + width; k++) v = v * base + (k < end ? units[k] : 0);
    return v;
  };
  // value[i] = chunk(order[i], d) for the depth d of the range i is in; it moves with order[i],
  // so partitions at the same depth read no key twice.
  const value = new Float64Array(order.length);
  for (let i = 0; i < order.length; i++) value[i] = chunk(order[i], 0);
  const stack: number[] = [0, order.length, 0];
  while (stack.length > 0) {
    const depth = stack.pop()!;
    let hi = stack.pop()!;
    let lo = stack.pop()!;
    let d = depth;
    while (hi - lo > SMALL_RUN) {
      const pivot = median(value[lo], value[(lo + hi) >>> 1], value[hi - 1]);
      // [lo, lt) < pivot, [lt, i) = pivot, [gt, hi) > pivot
      let lt = lo;
      let gt = hi;
      let i = lo;
      while (i < gt) {
        const v = value[i];
        if (v < pivot) {
          swap(order, value, i++, lt++);
        } else if (v > pivot) {
          swap(order, value, i, --gt);
        } else i++;
      }
      if (lt - lo > 1) stack.push(lo, lt, d);
      if (hi - gt > 1) stack.push(gt, hi, d);
      if (pivot % base === 0) {
        // The keys of the equal part end within these units: they are equal.
        if (gt - lt > 1) ties(lt, gt);
        lo = hi = 0;
        break;
      }
      lo = lt;
      hi = gt;
      d += width;
      for (let k = lo; k < hi; k++) value[k] = chunk(order[k], d);
    }
    if (hi - lo < 2) continue;
    const compareFrom = (a: number, b: number) => {
      for (let k = d; ; k += width) {
        const ua = chunk(a, k);
        const ub = chunk(b, k);
        if (ua !== ub || ua % base === 0) return ua - ub;
      }
    };
    for (let i = lo + 1; i < hi; i++) {
      const name = order[i];
      let j = i - 1;
      while (j >= lo && compareFrom(order[j], name) > 0) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = name;
    }
    let runStart = lo;
    for (let i = lo + 1; i <= hi; i++) {
      if (i < hi && compareFrom(order[runStart], order[i]) === 0) continue;
      if (i - runStart > 1) ties(runStart, i);
      runStart = i;
    }
  }
}

function swap(order: Int32Array, value: Float64Array, a: number, b: number): void {
  const name = order[a];
  order[a] = order[b];
  order[b] = name;
  const v = value[a];
  value[a] = value[b];
  value[b] = v;
}

function median(a: number, b: number, c: number): number {
  return a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
}

/** Merges `extra` (sorted) into `sorted` by binary search with the collator. */
function merge(sorted: Int32Array, extra: Int32Array, compare: (a: number, b: number) => number): Int32Array {
  const out = new Int32Array(sorted.length + extra.length);
  let from = 0;
  let at = 0;
  for (const e of extra) {
    let lo = from;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(sorted[mid], e) < 0) lo = mid + 1;
      else hi = mid;
    }
    out.set(sorted.subarray(from, lo), at);
    at += lo - from;
    out[at++] = e;
    from = lo;
  }
  out.set(sorted.subarray(from), at);
  return out;
}
