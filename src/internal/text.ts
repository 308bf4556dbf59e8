import { html, nothing, type TemplateResult } from 'lit';
import { resolveText, textValue } from '../feed/text.js';
import type { Text } from '../feed/types.js';

/**
 * A feed text in the UI language, following the feed's fallback chain. When the
 * text falls back to another language it carries that `lang`, so screen readers
 * pronounce it right.
 */
export function feedText(text: Text | undefined, locale: string, feedLanguage: string): TemplateResult | typeof nothing {
  const resolved = resolveText(text, locale, feedLanguage);
  if (!resolved) return nothing;
  if (sameLanguage(resolved.lang, locale)) return html`${resolved.value}`;
  return html`<span lang=${resolved.lang} dir="auto">${resolved.value}</span>`;
}

/** The plain string of a feed text in the UI language ("" when absent). */
export function plainText(text: Text | undefined, locale: string, feedLanguage: string): string {
  return textValue(text, locale, feedLanguage) ?? '';
}

export function sameLanguage(a: string, b: string): boolean {
  return a.split('-')[0]!.toLowerCase() === b.split('-')[0]!.toLowerCase();
}

/** The language a feed text is shown in when it is not the UI's (it fell back), else undefined. */
export function otherLanguage(text: Text | undefined, locale: string, feedLanguage: string): string | undefined {
  const resolved = resolveText(text, locale, feedLanguage);
  return resolved && !sameLanguage(resolved.lang, locale) ? resolved.lang : undefined;
}

/**
 * A paragraph of feed text. When the text is in another language than the UI's, the
 * paragraph itself carries its `lang` and `dir="auto"`: a span inside (as `feedText` gives)
 * would isolate it but leave a German paragraph right-aligned on a right-to-left page.
 */
export function feedParagraph(text: Text, locale: string, feedLanguage: string, className: string, part?: string): TemplateResult {
  const other = otherLanguage(text, locale, feedLanguage);
  return html`<p part=${part ?? nothing} class=${className} lang=${other ?? nothing} dir=${other ? 'auto' : nothing}>${plainText(text, locale, feedLanguage)}</p>`;
}
