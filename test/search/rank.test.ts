import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { collatorOrder, firstInNameOrder } from '../../src/search/rank.js';

// Letters that test the shortcut by first letter: both cases of a–z, letters whose place
// differs by language (ä, ç, ı, İ, ł, ş, "ch", "aa", y/j), digits, Cyrillic, Arabic, spaces.
const pieces = ['a', 'A', 'b', 'C', 'ch', 'Ch', 'd', 'h', 'H', 'i', 'I', 'ı', 'İ', 'j', 'J', 'y', 'Y', 'z', 'Z', 'aa', 'Aa', 'ä', 'Ä', 'ç', 'ş', 'ł', 'Ł', 'ö', 'ü', '1', '10', '2', ' ', '-', 'ж', 'Ж', 'є', 'ع', 'پ', '„'];
const name = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 6 }).map((p) => p.join('').trim() || 'x');

describe('firstInNameOrder', () => {
  for (const locale of ['de', 'en', 'tr', 'pl', 'ru', 'uk', 'ar', 'fa', 'cs', 'lt', 'da']) {
    it(`puts the first k names in the collator's order (${locale})`, () => {
      const collator = new Intl.Collator(locale, { numeric: true });
      fc.assert(
        fc.property(fc.array(name, { minLength: 1, maxLength: 80 }), fc.integer({ min: 1, max: 12 }), (names, k) => {
          const candidates = Int32Array.from(names.keys());
          const got = firstInNameOrder(candidates, names, collator, k);
          const want = collatorOrder(names, collator);
          expect([...got.slice(0, k)]).to.deep.equal([...want.slice(0, k)]);
          expect([...got].sort((a, b) => a - b)).to.deep.equal([...candidates]);
        }),
        { numRuns: 300 },
      );
    });
  }
});
