/**
 * Where the search words occur in a text as the visitor reads it, so the element can wrap
 * those stretches in <mark>. Ranges are UTF-16 offsets into the unfolded display text.
 */
import { foldWithMap, isWordCode, originalEnd, withoutArticle } from './fold.js';

// The cards on screen are highlighted again on every keystroke: keep their folded texts.
const foldCache = new Map<string, ReturnType<typeof foldWithMap>>();
function foldedText(text: string): ReturnType<typeof foldWithMap> {
  let hit = foldCache.get(text);
  if (!hit) {
    if (foldCache.size >= 256) foldCache.clear();
    hit = foldWithMap(text);
    foldCache.set(text, hit);
  }
  return hit;
}

/**
 * Ranges [start, end) of `text` that match `words` (folded query words): the start of a
 * word of the text (or of the word after an Arabic article, see withoutArticle) that a query word is a prefix of.
 * Sorted, not overlapping.
 */
export function matchRanges(text: string, words: readonly string[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  if (words.length === 0 || text === '') return ranges;
  const { folded, map } = foldedText(text);
  const n = folded.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordCode(folded.charCodeAt(i))) i++;
    if (i >= n) break;
    const begin = i;
    while (i < n && isWordCode(folded.charCodeAt(i))) i++;
    const token = folded.slice(begin, i);
    const bare = withoutArticle(token);
    let from = -1;
    let to = -1;
    for (const word of words) {
      if (token.startsWith(word)) {
        if (word.length > to - from) [from, to] = [begin, begin + word.length];
      } else if (bare !== undefined && bare.startsWith(word) && word.length > to - from) {
        const skip = token.length - bare.length; // the article and a word before it
        [from, to] = [begin + skip, begin + skip + word.length];
      }
    }
    if (from >= 0 && to > from) ranges.push([map[from], originalEnd(map, to)]);
  }
  return ranges;
}
