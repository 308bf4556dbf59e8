/**
 * Picks the best language of a localised text or term list.
 * Fallback chain: the wanted tag exactly ("de-AT") → its base ("de") → another variant of
 * that base ("de-CH") → the feed's language (same three steps) → whatever language there is.
 */
import type { LanguageTag, Terms, Text } from './types.js';

export interface ResolvedText {
  value: string;
  /** The language the value is in, as the feed wrote it (for a `lang` attribute). */
  lang: LanguageTag;
}

export interface ResolvedTerms {
  value: readonly string[];
  lang: LanguageTag;
}

/** The text in the best available language, or undefined when there is none. */
export function resolveText(text: Text | undefined, wanted: string, feedLanguage: string): ResolvedText | undefined {
  if (!text) return undefined;
  const lang = pickLanguage(text, wanted, feedLanguage);
  return lang === undefined ? undefined : { value: text[lang] as string, lang };
}

/** Just the string of `resolveText`, for hot paths that need no `lang`. */
export function textValue(text: Text | undefined, wanted: string, feedLanguage: string): string | undefined {
  if (!text) return undefined;
  const lang = pickLanguage(text, wanted, feedLanguage);
  return lang === undefined ? undefined : text[lang];
}

/** All terms of the best available language, or undefined when there are none. */
export function resolveTerms(terms: Terms | undefined, wanted: string, feedLanguage: string): ResolvedTerms | undefined {
  if (!terms) return undefined;
  const lang = pickLanguage(terms, wanted, feedLanguage);
  return lang === undefined ? undefined : { value: terms[lang] as readonly string[], lang };
}

/** Every value in every language, for a search index that should find a group whatever language the visitor types in. */
export function allTexts(text: Text | Terms | undefined): string[] {
  const out: string[] = [];
  if (!text) return out;
  for (const lang of Object.keys(text)) {
    const value = text[lang];
    if (typeof value === 'string') {
      if (value !== '') out.push(value);
    } else if (Array.isArray(value)) {
      for (const term of value) if (typeof term === 'string' && term !== '') out.push(term);
    }
  }
  return out;
}

/** The key of `map` the fallback chain chooses; keys with empty values do not count. */
export function pickLanguage(map: Readonly<Record<string, unknown>>, wanted: string, feedLanguage: string): string | undefined {
  // The usual case without allocating: the text has the wanted tag as written (search sorts 70,000 names).
  if (usable(map[wanted])) return wanted;
  const keys = Object.keys(map).filter((k) => usable(map[k]));
  if (keys.length === 0) return undefined;
  return byPreference(keys, wanted) ?? byPreference(keys, feedLanguage) ?? keys[0];
}

function byPreference(keys: string[], tag: string): string | undefined {
  if (typeof tag !== 'string' || tag === '') return undefined;
  const lower = tag.toLowerCase();
  const base = lower.split('-')[0] as string;
  let sameBase: string | undefined;
  let exactBase: string | undefined;
  for (const key of keys) {
    const k = key.toLowerCase();
    if (k === lower) return key;
    if (k === base) exactBase ??= key;
    else if (sameBase === undefined && k.startsWith(base + '-')) sameBase = key;
  }
  return exactBase ?? sameBase;
}

function usable(value: unknown): boolean {
  return typeof value === 'string' ? value !== '' : Array.isArray(value) && value.length > 0;
}
