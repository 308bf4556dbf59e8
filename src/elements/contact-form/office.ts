/**
 * What the contact form takes from the directory: where messages go, who receives them,
 * the groups and languages to choose from, and the consent text naming the office.
 */
import { msg, str } from '@lit/localize';
import type { Directory, Office } from '../../feed/types.js';
import { resolveText } from '../../feed/text.js';
import { safeEmail, safeUrl } from '../../feed/url.js';
import { plainText, sameLanguage } from '../../internal/text.js';
import { languageName } from '../../internal/format.js';
import type { ContactValues } from './values.js';
import type { GroupOption, LanguageOption } from './fields.js';

/** Where a message goes: POST to an endpoint, the visitor's mail program, or nowhere. */
export type Delivery = { kind: 'post'; url: string } | { kind: 'mail'; address: string } | { kind: 'none' };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const warned = new Set<string>();

/** The `action` attribute if it is safe, else the feed's endpoint, else mail to the office, else none. */
export function deliveryFor(action: string | undefined, office: Office | undefined): Delivery {
  const own = action?.trim();
  if (own) {
    const delivery = endpointFrom(own);
    if (delivery) return delivery;
    if (!warned.has(own)) {
      warned.add(own);
      console.warn(`selbsthilfe-widgets: <shg-contact-form action="${own}"> is not a safe endpoint (https, a path on this site, or mailto:); using the feed instead.`);
    }
  }
  const fromFeed = office?.contactEndpoint ? endpointFrom(office.contactEndpoint) : undefined;
  if (fromFeed) return fromFeed;
  const email = safeEmail(office?.email);
  return email ? { kind: 'mail', address: email } : { kind: 'none' };
}

/** https, this site (plain http only on this site or localhost: health data is never sent unencrypted elsewhere), or mailto:. */
export function endpointFrom(value: string): Delivery | undefined {
  const url = safeUrl(value, document.baseURI);
  if (!url) return undefined;
  if (url.startsWith('mailto:')) {
    const address = safeEmail(decodeURIComponent(url.slice(7).split('?')[0] ?? ''));
    return address ? { kind: 'mail', address } : undefined;
  }
  const parsed = new URL(url);
  if (parsed.protocol === 'https:' || parsed.origin === location.origin || (parsed.protocol === 'http:' && LOCAL_HOSTS.has(parsed.hostname))) {
    return { kind: 'post', url };
  }
  return undefined;
}

export function officeName(directory: Directory | undefined, locale: string): string {
  return plainText(directory?.office?.name, locale, directory?.language ?? 'de') || msg('the contact office', { id: 'contact.office-fallback' });
}


/** The `privacy-url` attribute if it is a safe web address, else the feed's privacyUrl. */
export function privacyUrlFor(override: string | undefined, office: Office | undefined): string | undefined {
  return webUrl(override) ?? webUrl(office?.privacyUrl);
}

function webUrl(value: string | undefined): string | undefined {
  const url = safeUrl(value, document.baseURI);
  return url && /^https?:/.test(url) ? url : undefined;
}

/** The consent text shown and sent: who receives the message, why, and that it may be about health. */
export function consentText(office: string): string {
  return msg(
    str`I agree that ${office} receives and stores what I write here in order to answer me and, if I wish, to put me in touch with a self-help group. My message may reveal information about my health. I can withdraw my consent at any time.`,
    { id: 'contact.consent' },
  );
}

const groupCache = new WeakMap<Directory, Map<string, GroupOption[]>>();

/** The groups to choose from, sorted by name in the UI language; closed groups only when already chosen. */
export function groupOptions(directory: Directory | undefined, locale: string, selected: string): GroupOption[] {
  if (!directory) return [];
  const key = `${locale}|${selected}`;
  let byKey = groupCache.get(directory);
  if (!byKey) groupCache.set(directory, (byKey = new Map()));
  const cached = byKey.get(key);
  if (cached) return cached;
  const collator = new Intl.Collator(locale);
  const options = directory.groups
    .filter((g) => g.status !== 'closed' || g.id === selected)
    .map((g) => {
      const name = resolveText(g.name, locale, directory.language);
      const option: GroupOption = { id: g.id, name: name?.value ?? g.id };
      if (name && !sameLanguage(name.lang, locale)) option.lang = name.lang;
      return option;
    })
    .sort((a, b) => collator.compare(a.name, b.name));
  byKey.set(key, options);
  return options;
}

/** The office's languages, named in the UI language and in their own ("Arabisch – العربية"). */
export function languageOptions(office: Office | undefined, locale: string): LanguageOption[] {
  return (office?.languages ?? []).map((tag) => {
    const name = languageName(tag, locale);
    const own = languageName(tag, tag);
    return { tag, label: own && own.toLocaleLowerCase(tag) !== name.toLocaleLowerCase(locale) ? `${name} – ${own}` : name };
  });
}

/** The values as shown: a group that is not listed and a language that is not offered fall back to the defaults. */
export function effectiveValues(values: ContactValues, groups: GroupOption[], languages: LanguageOption[], locale: string): ContactValues {
  const base = locale.split('-')[0];
  const language = languages.some((l) => l.tag === values.language)
    ? values.language
    : (languages.find((l) => l.tag.split('-')[0] === base)?.tag ?? languages[0]?.tag ?? locale);
  const group = groups.some((g) => g.id === values.group) ? values.group : '';
  return { ...values, language, group };
}

export { officeWays } from '../../internal/office-contact.js';
