import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { foldText, foldWithMap, tokenize } from '../../src/search/index.js';

describe('foldText', () => {
  it('folds case and the three spellings of a German umlaut together', () => {
    expect(foldText('Mädchen')).to.equal('madchen');
    expect(foldText('MAEDCHEN')).to.equal('madchen');
    expect(foldText('Madchen')).to.equal('madchen');
    expect(foldText('Übung')).to.equal(foldText('ueBUNG'));
    expect(foldText('Öl')).to.equal(foldText('oel'));
  });

  it('keeps the "ue" of "qu" so that Quelle stays Quelle', () => {
    expect(foldText('Quelle')).to.equal('quelle');
  });

  it('folds ß and capital ẞ to ss', () => {
    expect(foldText('Straße')).to.equal('strasse');
    expect(foldText('STRAẞE')).to.equal('strasse');
  });

  it('removes Polish, Turkish and other Latin diacritics', () => {
    expect(foldText('Zażółć gęślą jaźń, Łódź')).to.equal('zazolc gesla jazn, lodz');
    expect(foldText('İstanbul ışık Çağ Şeker')).to.equal('istanbul isik cag seker');
    expect(foldText('Ærø Œuvre Ça Niño')).to.equal(foldText('aro ouvre ca nino'));
  });

  it('folds Cyrillic ё to е but keeps й a letter of its own', () => {
    expect(foldText('Ёлка')).to.equal('елка');
    expect(foldText('Йод')).to.equal('йод');
    expect(foldText('мой')).to.not.equal(foldText('мои'));
  });

  it('unifies Arabic alef forms, alef maksura, teh marbuta and hamza carriers', () => {
    for (const alef of ['أ', 'إ', 'آ', 'ٱ']) expect(foldText(alef)).to.equal('ا');
    expect(foldText('مستشفى')).to.equal('مستشفي');
    expect(foldText('مكتبة')).to.equal('مكتبه');
    expect(foldText('مسؤول')).to.equal('مسوول');
    expect(foldText('رئيس')).to.equal('رييس');
  });

  it('removes tashkeel and tatweel', () => {
    expect(foldText('مُحَمَّد')).to.equal('محمد');
    expect(foldText('ســـلام')).to.equal('سلام');
  });

  it('unifies Persian and Arabic yeh and kaf and turns Eastern digits into ASCII', () => {
    expect(foldText('یک')).to.equal(foldText('يك'));
    expect(foldText('کتاب')).to.equal(foldText('كتاب'));
    expect(foldText('۱۲۳ ١٢٣')).to.equal('123 123');
  });

  it('drops soft hyphens inside words', () => {
    expect(foldText('Selbst\u00ADhilfe')).to.equal('selbsthilfe');
  });

  it('returns the same string when nothing changes', () => {
    const text = 'schon gefaltet';
    expect(foldText(text)).to.equal(text);
  });
});

describe('foldWithMap', () => {
  it('maps each folded character of an expansion to the original character', () => {
    const { folded, map } = foldWithMap('Straße');
    expect(folded).to.equal('strasse');
    expect(Array.from(map)).to.deep.equal([0, 1, 2, 3, 4, 4, 5, 6]);
  });

  it('gives a dropped "e" of an umlaut spelling to the vowel before it', () => {
    const { folded, map } = foldWithMap('Maedchen');
    expect(folded).to.equal('madchen');
    expect(Array.from(map)).to.deep.equal([0, 1, 3, 4, 5, 6, 7, 8]);
  });

  it('skips removed tashkeel', () => {
    const { folded, map } = foldWithMap('مُحَمَّد');
    expect(folded).to.equal('محمد');
    expect(Array.from(map)).to.deep.equal([0, 2, 4, 7, 8]);
  });

  it('always folds like foldText and maps monotonically into the original', () => {
    const alphabet = 'aeouqAEOUßẞäöüÄÖÜłŁİı ёЁйأإآٱىةؤئ\u064e\u0651ـیکي۱١\u00ad-.,xyz';
    const text = fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 24 });
    fc.assert(
      fc.property(text, (s) => {
        const { folded, map } = foldWithMap(s);
        if (folded !== foldText(s) || map.length !== folded.length + 1 || map[folded.length] !== s.length) return false;
        for (let i = 1; i < map.length; i++) if (map[i] < map[i - 1]) return false;
        return true;
      }),
    );
  });
});

describe('tokenize', () => {
  it('splits folded text at spaces and punctuation and keeps Cyrillic and Arabic words whole', () => {
    expect(tokenize(foldText('Eltern-Kind, „Gruppe“ / Москва مرحبا 12a'))).to.deep.equal([
      'eltern', 'kind', 'gruppe', 'москва', 'مرحبا', '12a',
    ]);
  });

  it('returns no words for punctuation only', () => {
    expect(tokenize(' – … ')).to.deep.equal([]);
  });
});
