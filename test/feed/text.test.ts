import { expect } from '@open-wc/testing';
import { allTexts, resolveTerms, resolveText } from '../../src/feed/text.js';

describe('resolveText', () => {
  const text = { de: 'Trauergruppe', 'de-AT': 'Trauerrunde', en: 'Grief group', ar: 'مجموعة الحزن' };

  it('uses the exact language the visitor wants when the text has it', () => {
    expect(resolveText(text, 'de-AT', 'de')).to.deep.equal({ value: 'Trauerrunde', lang: 'de-AT' });
  });

  it('matches language tags regardless of case', () => {
    expect(resolveText(text, 'DE-at', 'de')).to.deep.equal({ value: 'Trauerrunde', lang: 'de-AT' });
  });

  it('falls back from a regional variant to its base language', () => {
    expect(resolveText(text, 'de-CH', 'en')).to.deep.equal({ value: 'Trauergruppe', lang: 'de' });
  });

  it('falls back from a base language to one of its regional variants before the feed language', () => {
    expect(resolveText({ 'pt-BR': 'Grupo de luto', en: 'Grief group' }, 'pt', 'en')).to.deep.equal({ value: 'Grupo de luto', lang: 'pt-BR' });
  });

  it('falls back to the feed language when the wanted language is missing', () => {
    expect(resolveText(text, 'tr', 'en')).to.deep.equal({ value: 'Grief group', lang: 'en' });
  });

  it('falls back to any language when neither the wanted nor the feed language is there', () => {
    expect(resolveText({ ar: 'مجموعة الحزن' }, 'tr', 'de')).to.deep.equal({ value: 'مجموعة الحزن', lang: 'ar' });
  });

  it('skips empty strings as if the language were missing', () => {
    expect(resolveText({ tr: '', de: 'Trauergruppe' }, 'tr', 'de')?.lang).to.equal('de');
  });

  it('returns undefined for a missing or empty text', () => {
    expect(resolveText(undefined, 'de', 'de')).to.equal(undefined);
    expect(resolveText({}, 'de', 'de')).to.equal(undefined);
  });
});

describe('resolveTerms', () => {
  it('returns all terms of the chosen language and nothing of the others', () => {
    const terms = { de: ['Sucht', 'Alkohol'], en: ['addiction'] };
    expect(resolveTerms(terms, 'de-DE', 'en')).to.deep.equal({ value: ['Sucht', 'Alkohol'], lang: 'de' });
  });

  it('skips a language whose list is empty', () => {
    expect(resolveTerms({ tr: [], de: ['Sucht'] }, 'tr', 'de')).to.deep.equal({ value: ['Sucht'], lang: 'de' });
  });
});

describe('allTexts', () => {
  it('lists every language of a text and every term of a term list, for search', () => {
    expect(allTexts({ de: 'Trauer', en: 'Grief' })).to.deep.equal(['Trauer', 'Grief']);
    expect(allTexts({ de: ['Sucht', 'Alkohol'], en: ['addiction'] })).to.deep.equal(['Sucht', 'Alkohol', 'addiction']);
    expect(allTexts(undefined)).to.deep.equal([]);
  });
});
