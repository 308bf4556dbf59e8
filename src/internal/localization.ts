/**
 * The UI locale. @lit/localize keeps one active locale per page, so the
 * elements agree on one: setLocale() from the page's script wins; otherwise the
 * first element to connect picks it from its own or its nearest ancestor's
 * `lang`, else `<html lang>`, else the browser's languages, else German.
 */
import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';

export type LocaleCode = typeof sourceLocale | (typeof targetLocales)[number];

/** Every UI locale the elements are translated into. */
export const SUPPORTED_LOCALES: readonly LocaleCode[] = [sourceLocale, ...targetLocales];

/** Used when nothing on the page or in the browser names a supported language. */
export const DEFAULT_LOCALE: LocaleCode = 'de';

const RTL_LOCALES = new Set(['ar', 'fa', 'he', 'ur']);

// Explicit imports (not a template string) so bundlers split one chunk per locale.
const loaders: Record<string, () => Promise<unknown>> = {
  de: () => import('../generated/locales/de.js'),
  tr: () => import('../generated/locales/tr.js'),
  ru: () => import('../generated/locales/ru.js'),
  ar: () => import('../generated/locales/ar.js'),
  uk: () => import('../generated/locales/uk.js'),
  pl: () => import('../generated/locales/pl.js'),
  fa: () => import('../generated/locales/fa.js'),
};

type Runtime = ReturnType<typeof configureLocalization>;
let runtime: Runtime | undefined;
let chosenByPage = false;
let pending: Promise<void> | undefined;

function localize(): Runtime | undefined {
  if (runtime) return runtime;
  try {
    runtime = configureLocalization({
      sourceLocale,
      targetLocales,
      loadLocale: (locale) => loaders[locale]!() as ReturnType<Parameters<typeof configureLocalization>[0]['loadLocale']>,
    });
  } catch {
    // The host app configured @lit/localize itself (it may be done once per page): its locale rules then.
    runtime = undefined;
  }
  return runtime;
}

/** Maps any language tag to a supported UI locale ("de-AT" → "de"), or undefined. */
export function matchLocale(tag: string | null | undefined): LocaleCode | undefined {
  if (!tag) return undefined;
  const lower = tag.trim().toLowerCase().replace('_', '-');
  const exact = SUPPORTED_LOCALES.find((l) => l === lower);
  if (exact) return exact;
  const base = lower.split('-')[0];
  return SUPPORTED_LOCALES.find((l) => l === base);
}

/** The locale an element wants from the page: its own or nearest ancestor's `lang`, `<html lang>`, the browser, German. */
export function wantedLocale(element: Element): LocaleCode {
  const own = element.closest('[lang]')?.getAttribute('lang');
  return (
    matchLocale(own) ??
    matchLocale(document.documentElement.lang) ??
    navigator.languages?.map(matchLocale).find((l) => l !== undefined) ??
    DEFAULT_LOCALE
  );
}

/** The active UI locale. */
export function currentLocale(): LocaleCode {
  return (localize()?.getLocale() ?? sourceLocale) as LocaleCode;
}

export function isRtl(locale: string): boolean {
  return RTL_LOCALES.has(locale.split('-')[0]!);
}

/**
 * Sets the UI locale for every element on the page and stops the elements from
 * choosing it by their `lang`. Resolves when the translations are loaded.
 * Unsupported tags fall back to their base language, then to German.
 */
export async function setLocale(tag: string): Promise<void> {
  chosenByPage = true;
  await switchTo(matchLocale(tag) ?? DEFAULT_LOCALE);
}

/** Called by elements as they connect or their `lang` changes; a no-op once the page chose. */
export function adoptLocaleFrom(element: Element): Promise<void> {
  if (chosenByPage) return pending ?? Promise.resolve();
  return switchTo(wantedLocale(element));
}

function switchTo(locale: LocaleCode): Promise<void> {
  const rt = localize();
  if (!rt) return Promise.resolve();
  if (rt.getLocale() === locale && !pending) return Promise.resolve();
  const p = rt.setLocale(locale).finally(() => {
    if (pending === p) pending = undefined;
  });
  pending = p;
  return p;
}

let watching = false;
/** Follows later changes of `<html lang>` (a page's language menu) unless the page called setLocale(). */
export function watchDocumentLanguage(): void {
  if (watching || typeof MutationObserver === 'undefined') return;
  watching = true;
  new MutationObserver(() => {
    if (!chosenByPage) void switchTo(matchLocale(document.documentElement.lang) ?? DEFAULT_LOCALE);
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}
