/**
 * Text folding for search: what a visitor types and what the feed says are folded the
 * same way, so that case, umlauts, diacritics and letter variants do not matter.
 *
 * - Case folds; Latin diacritics go (é→e, ł→l, ą→a, ş→s, ğ→g, İ/ı→i); ß→ss.
 * - German umlauts and their spellings meet: ä, ae and a all fold to "a" (likewise ö/oe/o,
 *   ü/ue/u, but not the "ue" of "que"), as Lucene's German normalisation does, so a
 *   visitor without an umlaut key finds "Mädchen" by "maedchen" and by "madchen".
 * - Cyrillic ё→е; й, ї and ў stay letters of their own (they have their own keys).
 * - Arabic: alef forms أ إ آ ٱ→ا, ى→ي, ة→ه, ؤ→و, ئ→ي; tashkeel and tatweel go.
 *   Persian ی/ي and ک/ك meet; Arabic-Indic and Persian digits become ASCII.
 * - Soft hyphens and zero-width joiners inside words go ("Selbst\u00ADhilfe").
 *
 * Folding works one code point at a time (memoised), so `foldWithMap` can say where every
 * folded character came from and highlights land on the text the visitor reads.
 */

/** A character's class for tokenizing: part of a word, or a separator. */
const UNKNOWN = 0;
const WORD = 1;
const SEPARATOR = 2;

const wordRe = /[\p{L}\p{N}\p{M}]/u;

/** Soft hyphen, ZWNJ, ZWJ, word joiner, BOM: invisible inside words, folded away. */
function isJoiner(c: number): boolean {
  return c === 0x00ad || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff;
}

const charClasses = new Uint8Array(0x10000);

/**
 * Whether UTF-16 code unit `c` belongs to a word (letters, digits, combining marks, and the
 * invisible joiners folding removes). Surrogates count as word characters, so letters
 * outside the BMP stay whole; an emoji then reads as a word of its own, which is harmless.
 */
export function isWordCode(c: number): boolean {
  let k = charClasses[c];
  if (k === UNKNOWN) {
    const ch = String.fromCharCode(c);
    k = (c >= 0xd800 && c <= 0xdfff) || wordRe.test(ch) || isJoiner(c) ? WORD : SEPARATOR;
    charClasses[c] = k;
  }
  return k === WORD;
}

/** Combining diacritics, Hebrew points, Arabic tashkeel, Quranic marks and tatweel, joiners. */
function isStripped(c: number): boolean {
  return (
    (c >= 0x0300 && c <= 0x036f) ||
    (c >= 0x0591 && c <= 0x05c7 && c !== 0x05be && c !== 0x05c0 && c !== 0x05c3 && c !== 0x05c6) ||
    (c >= 0x0610 && c <= 0x061a) ||
    c === 0x0640 ||
    (c >= 0x064b && c <= 0x065f) ||
    c === 0x0670 ||
    (c >= 0x06d6 && c <= 0x06ed && c !== 0x06dd && c !== 0x06de && c !== 0x06e5 && c !== 0x06e6 && c !== 0x06e9) ||
    isJoiner(c)
  );
}

function withoutStripped(s: string): string {
  let out = '';
  for (const ch of s) if (!isStripped(ch.codePointAt(0)!)) out += ch;
  return out;
}

/** Letters whose decomposition would merge them with another letter of their alphabet. */
const keep: Record<number, string> = {
  0x0439: 'й', 0x0419: 'й', 0x0457: 'ї', 0x0407: 'ї', 0x045e: 'ў', 0x040e: 'ў',
  0x06c0: 'ه', // Persian heh with hamza: NFKD would leave the Kurdish ە
};

/** Applied after decomposition and lower-casing. */
const special: Record<string, string> = {
  ß: 'ss', ł: 'l', ı: 'i', ø: 'o', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', þ: 'th', ħ: 'h', ŧ: 't', ς: 'σ',
  '\u0671': '\u0627', // ٱ alef wasla → ا
  '\u0649': '\u064a', // ى alef maksura → ي
  '\u06cc': '\u064a', // Persian ی → ي
  '\u0629': '\u0647', // ة teh marbuta → ه
  '\u06a9': '\u0643', // Persian ک → ك
};
for (let d = 0; d < 10; d++) {
  special[String.fromCharCode(0x0660 + d)] = String(d);
  special[String.fromCharCode(0x06f0 + d)] = String(d);
}

function foldCodePointSlow(cp: number): string {
  const kept = keep[cp];
  if (kept !== undefined) return kept;
  const lower = withoutStripped(String.fromCodePoint(cp).normalize('NFKD')).toLowerCase();
  const s = withoutStripped(lower.normalize('NFKD'));
  let out = '';
  for (const ch of s) out += special[ch] ?? ch;
  return out;
}

/** Per BMP code unit: undefined = not yet computed; the code unit itself = unchanged. */
const bmpFolds: (string | undefined)[] = new Array(0x10000);
const astralFolds = new Map<number, string>();
for (let c = 0; c < 0x80; c++) bmpFolds[c] = String.fromCharCode(c >= 0x41 && c <= 0x5a ? c + 32 : c);

function foldUnit(c: number): string {
  let f = bmpFolds[c];
  if (f === undefined) bmpFolds[c] = f = foldCodePointSlow(c);
  return f;
}

function foldAstral(cp: number): string {
  let f = astralFolds.get(cp);
  if (f === undefined) astralFolds.set(cp, (f = foldCodePointSlow(cp)));
  return f;
}

const a = 0x61, e = 0x65, o = 0x6f, q = 0x71, u = 0x75;

/**
 * The one folding loop. `map`, when given, receives for every folded character the index
 * of the original character it came from.
 */
function fold(s: string, map: number[] | undefined): string {
  let out = '';
  let changed = false; // until the first change, the output is a prefix of `s`
  // The two previous folded characters, before any "e" was dropped (for ae/oe/ue).
  let p1 = 0, p2 = 0;
  const n = s.length;
  for (let i = 0; i < n; ) {
    const c = s.charCodeAt(i);
    let width = 1;
    let piece: string;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        width = 2;
        piece = foldAstral(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
      } else piece = foldUnit(c);
    } else piece = foldUnit(c);

    const same = width === 1 ? piece.length === 1 && piece.charCodeAt(0) === c : piece === s.slice(i, i + 2);
    const drops = c === e && (p1 === a || p1 === o || (p1 === u && p2 !== q));
    if (same && !drops) {
      if (map) map.push(i);
      if (width === 2) map?.push(i);
      if (changed) out += piece;
      if (width === 1) { p2 = p1; p1 = c; } else { p2 = p1; p1 = piece.charCodeAt(1); }
      i += width;
      continue;
    }
    if (!changed) {
      out = s.slice(0, i);
      changed = true;
    }
    for (let k = 0; k < piece.length; k++) {
      const f = piece.charCodeAt(k);
      if (f === e && (p1 === a || p1 === o || (p1 === u && p2 !== q))) {
        p2 = p1; p1 = f;
        continue;
      }
      out += piece[k];
      if (map) map.push(i);
      p2 = p1; p1 = f;
    }
    i += width;
  }
  return changed ? out : s;
}

/** Folds `s` for matching: lower case, without diacritics and letter variants. */
export function foldText(s: string): string {
  return fold(s, undefined);
}

/**
 * Folds `s` and says where each folded character came from: `map[i]` is the index in `s` of
 * the character that produced `folded[i]`; `map[folded.length]` is `s.length`. Characters
 * folded away (an "e" after an umlaut spelling, tashkeel) belong to the character before them.
 */
export function foldWithMap(s: string): { folded: string; map: Int32Array } {
  const list: number[] = [];
  const folded = fold(s, list);
  const map = new Int32Array(folded.length + 1);
  map.set(list);
  map[folded.length] = s.length;
  return { folded, map };
}

/**
 * Where the original text ends for a folded range ending at `end` (exclusive): the start of
 * the next original character that the range does not touch. A range that ends inside the
 * expansion of one character (the first "s" of ß→ss) still covers the whole character.
 */
export function originalEnd(map: Int32Array, end: number): number {
  const last = map.length - 1;
  if (end <= 0) return 0;
  const from = map[end - 1];
  let k = end;
  while (k < last && map[k] === from) k++;
  return map[k];
}

/** The words of a folded text: runs of letters, digits and combining marks, in order. */
export function tokenize(folded: string): string[] {
  const words: string[] = [];
  const n = folded.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordCode(folded.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && isWordCode(folded.charCodeAt(i))) i++;
    words.push(folded.slice(start, i));
  }
  return words;
}

const alef = 0x0627, lam = 0x0644;
/** و ف ب ك ل: one-letter words ("and", "so", "with", "like", "for") written onto the article. */
const PREFIXES = new Set([0x0648, 0x0641, 0x0628, 0x0643, 0x0644]);

/**
 * The Arabic definite article "ال" is part of the written word ("الاكتئاب"), and so is a
 * one-letter word before it ("بالقلق", "والقلق"; "للقلق" is "ل" + "ال"). The word after them
 * is also indexed and searched without them. Returns the word without them, or undefined when
 * it has none (or too little would be left: "بالغ" is a word of its own).
 */
export function withoutArticle(word: string): string | undefined {
  const first = word.charCodeAt(0);
  if (word.charCodeAt(1) === lam && (first === alef || first === lam)) return word.length >= (first === alef ? 4 : 5) ? word.slice(2) : undefined;
  return PREFIXES.has(first) && word.charCodeAt(1) === alef && word.charCodeAt(2) === lam && word.length >= 6 ? word.slice(3) : undefined;
}
