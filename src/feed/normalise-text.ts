/**
 * Strings, localised texts, term lists and language tags: trimmed, capped, and cleared of
 * characters that would hide or reorder what a visitor reads.
 */
import type { LanguageTag, Terms, Text } from './types.js';
import { at, isRecord, LIMITS, member, quote, readList, readListField, typeName, warn, type Ctx } from './normalise-context.js';

// Controls (tab and line breaks are handled apart), bidi embeddings/overrides/isolates,
// zero-width space, word joiner and invisible operators, BOM, interlinear annotations.
// Zero-width (non-)joiners stay: Persian, Indic scripts and emoji need them.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const STRIP = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFF9-\uFFFB]/g;

/**
 * Whether a string needs any cleaning: a character to strip, a line break or tab (in a
 * line), doubled spaces, spaces around line breaks or more than one empty line (in a block).
 * One pass over char codes: most strings need nothing, and a regex with alternatives
 * costs several times more on 70,000 descriptions.
 */
function needsCleaning(text: string, block: boolean): boolean {
  let prev = 0;
  let prev2 = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20) {
      if (c === 0x20) {
        if (prev === 0x20 || (block && prev === 0x0a)) return true;
      } else if (c === 0x0a && block) {
        if (prev === 0x20 || (prev === 0x0a && prev2 === 0x0a)) return true;
      } else return true;
    } else if (c >= 0x7f) {
      if (c <= 0x9f || c === 0x200b || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069) || c === 0xfeff || (c >= 0xfff9 && c <= 0xfffb)) {
        return true;
      }
    }
    prev2 = prev;
    prev = c;
  }
  return false;
}

/** One line: invisible characters out, any run of whitespace becomes one space. */
export function cleanLine(text: string): string {
  if (needsCleaning(text, false)) text = text.replace(STRIP, '').replace(/\s+/g, ' ');
  return text.trim();
}

/** A text with paragraphs: line breaks kept (at most one empty line), other whitespace runs become one space. */
export function cleanBlock(text: string): string {
  if (needsCleaning(text, true)) {
    text = text
      .replace(STRIP, '')
      .replace(/\r\n?|[\u2028\u2029]/g, '\n')
      .replace(/[^\S\n]+/g, ' ')
      .replace(/ ?\n ?/g, '\n')
      .replace(/\n{3,}/g, '\n\n');
  }
  return text.trim();
}

/** Cuts to `max` characters with an ellipsis, never inside a surrogate pair. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return text.slice(0, end).trimEnd() + '…';
}

/** Cleans and caps one string; warns at `path` when it had to be cut. Empty → undefined. */
export function prepare(ctx: Ctx, raw: string, max: number, block: boolean, path: string): string | undefined {
  // Bound the work on megabyte strings before any regex runs over them.
  let text = raw.length > max * 2 + 1024 ? raw.slice(0, max * 2 + 1024) : raw;
  text = block ? cleanBlock(text) : cleanLine(text);
  if (text.length > max) {
    warn(ctx, path, `is too long (${raw.length} characters); cut to ${max}`);
    text = capText(text, max);
  }
  return text === '' ? undefined : text;
}

/** An optional plain string (not localised). */
export function readLine(ctx: Ctx, value: unknown, base: string, field: string, max: number = LIMITS.line): string | undefined {
  ctx.why = '';
  if (typeof value === 'string') return prepare(ctx, value, max, false, at(base, field));
  if (value !== undefined && value !== null) ctx.why = `expected a string, got ${typeName(value)}`;
  return undefined;
}

/** A localised text: a plain string (in the feed's language) or an object language → string. */
export function readText(ctx: Ctx, value: unknown, base: string, field: string, max: number, block: boolean): Text | undefined {
  ctx.why = '';
  if (typeof value === 'string') {
    const text = prepare(ctx, value, max, block, at(base, field));
    if (text === undefined) return undefined;
    const out: Record<LanguageTag, string> = {};
    out[ctx.language] = text;
    return out;
  }
  if (isRecord(value)) {
    if (isCleanText(value, max, block)) return value as Text;
    let out: Record<LanguageTag, string> | undefined;
    let kept = 0;
    let seen = 0;
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      if (++seen > LIMITS.textLanguages * 2 || kept >= LIMITS.textLanguages) {
        warn(ctx, at(base, field), `has more than ${LIMITS.textLanguages} languages; the rest are left out`);
        break;
      }
      const lang = canonicalLang(key);
      const raw = value[key];
      if (lang === undefined) {
        warn(ctx, member(at(base, field), key), `${quote(key)} is not a language tag such as "de" or "en"; left out`);
      } else if (typeof raw !== 'string') {
        if (raw !== null) warn(ctx, member(at(base, field), key), `expected a string, got ${typeName(raw)}`);
      } else if (out === undefined || out[lang] === undefined) {
        const text = prepare(ctx, raw, max, block, member(at(base, field), key));
        if (text !== undefined) {
          (out ??= {})[lang] = text;
          kept++;
        }
      }
    }
    if (out === undefined) ctx.why = 'has no text in any language';
    return out;
  }
  if (value !== undefined && value !== null) {
    ctx.why = `expected a text (a string, or an object of language → string), got ${typeName(value)}`;
  }
  return undefined;
}

/** Whether a text object can be used as it is: canonical language keys, clean strings within limits. */
function isCleanText(value: Record<string, unknown>, max: number, block: boolean): boolean {
  let n = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key) || ++n > LIMITS.textLanguages || canonicalLang(key) !== key) return false;
    const text = value[key];
    if (typeof text !== 'string' || text.length > max || text.trim().length !== text.length || text === '' || needsCleaning(text, block)) return false;
  }
  return n > 0;
}

/** Localised terms: a list (in the feed's language) or an object language → list. Problems are warnings. */
export function readTerms(ctx: Ctx, value: unknown, base: string, field: string): Terms {
  const out: Record<LanguageTag, string[]> = {};
  if (value === undefined || value === null) return out;
  if (Array.isArray(value)) {
    const terms = readTermList(ctx, value, base, field);
    if (terms.length) out[ctx.language] = terms;
  } else if (typeof value === 'string') {
    warn(ctx, at(base, field), 'expected a list of terms, got a string; read it as a comma-separated list');
    const terms = readTermList(ctx, value.slice(0, LIMITS.terms * LIMITS.term).split(/[,;]/), base, field);
    if (terms.length) out[ctx.language] = terms;
  } else if (isRecord(value)) {
    let languages = 0;
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      if (++languages > LIMITS.textLanguages) {
        warn(ctx, at(base, field), `has more than ${LIMITS.textLanguages} languages; the rest are left out`);
        break;
      }
      const lang = canonicalLang(key);
      const list = value[key];
      if (lang === undefined) {
        warn(ctx, member(at(base, field), key), `${quote(key)} is not a language tag such as "de" or "en"; left out`);
      } else if (!Array.isArray(list)) {
        if (list !== null) warn(ctx, member(at(base, field), key), `expected a list of terms, got ${typeName(list)}`);
      } else if (out[lang] === undefined) {
        const terms = readTermList(ctx, list, at(base, field), key);
        if (terms.length) out[lang] = terms;
      }
    }
  } else {
    warn(ctx, at(base, field), `expected a list of terms (or an object of language → list), got ${typeName(value)}`);
  }
  return out;
}

function readTermList(ctx: Ctx, list: unknown[], base: string, field: string): string[] {
  return readList(ctx, list, base, field, LIMITS.terms, 'terms', readTerm, undefined);
}

function readTerm(ctx: Ctx, item: unknown, base: string, field: string, index: number): string | undefined {
  if (typeof item === 'string') return prepare(ctx, item, LIMITS.term, false, `${at(base, field)}[${index}]`);
  warn(ctx, `${at(base, field)}[${index}]`, `expected a string, got ${typeName(item)}`);
  return undefined;
}

/** A list of language tags, canonicalised ("DE-at" → "de-AT") and deduplicated. */
export function readLanguages(ctx: Ctx, value: unknown, base: string, field: string): LanguageTag[] {
  const list = readListField(ctx, value, base, field, 'a list of language tags');
  return list ? readList(ctx, list, base, field, LIMITS.languages, 'languages', readLanguage, undefined) : [];
}

function readLanguage(ctx: Ctx, item: unknown, base: string, field: string, index: number): LanguageTag | undefined {
  const lang = typeof item === 'string' ? canonicalLang(item) : undefined;
  if (lang === undefined) warn(ctx, `${at(base, field)}[${index}]`, `expected a language tag such as "de" or "tr", got ${typeName(item)}`);
  return lang;
}

const LANG_SHAPE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
const languageCache = new Map<string, string | null>();

/** The canonical form of a BCP 47 tag ("DE-at" → "de-AT"), or undefined when it is not one. Cached per distinct tag. */
export function canonicalLang(tag: string): LanguageTag | undefined {
  let canonical = languageCache.get(tag);
  if (canonical === undefined) {
    canonical = null;
    if (tag.length <= 35 && LANG_SHAPE.test(tag)) {
      try {
        canonical = Intl.getCanonicalLocales(tag)[0] ?? null;
      } catch {
        canonical = null;
      }
    }
    if (languageCache.size < 2000) languageCache.set(tag, canonical);
  }
  return canonical ?? undefined;
}
