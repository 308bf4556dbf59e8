/**
 * Which language of a localised text the visitor reads. Private to search (the feed
 * folder has its own); same chain: the wanted tag → its base → another variant of that base
 * → the same three for the feed's language → any language there is.
 */
import type { Text } from '../feed/types.js';

export function displayText(text: Text | undefined, wanted: string, feedLanguage: string): string | undefined {
  if (!text) return undefined;
  // The usual case, without allocating: the text has the wanted tag as written.
  const direct = text[wanted];
  if (typeof direct === 'string' && direct !== '') return direct;
  const keys = Object.keys(text).filter((k) => typeof text[k] === 'string' && text[k] !== '');
  if (keys.length === 0) return undefined;
  const key = pick(keys, wanted) ?? pick(keys, feedLanguage) ?? keys[0];
  return text[key];
}

function pick(keys: string[], tag: string): string | undefined {
  if (!tag) return undefined;
  const wanted = tag.toLowerCase();
  const base = wanted.split('-')[0];
  let baseMatch: string | undefined;
  let variant: string | undefined;
  for (const key of keys) {
    const k = key.toLowerCase();
    if (k === wanted) return key;
    if (k === base) baseMatch ??= key;
    else if (k.split('-')[0] === base) variant ??= key;
  }
  return baseMatch ?? variant;
}

/** Every string of a text or term list, in every language. */
export function everyLanguage(values: Readonly<Record<string, string | readonly string[]>> | undefined): string[] {
  const out: string[] = [];
  if (!values) return out;
  for (const key of Object.keys(values)) {
    const v = values[key];
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) for (const term of v) if (typeof term === 'string') out.push(term);
  }
  return out;
}
