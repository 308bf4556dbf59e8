/**
 * Dates, times, numbers and language names in the UI locale, through Intl.
 * Formatters are cached: creating Intl objects is slow, and result lists format hundreds of dates.
 */
const cache = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    // Appointments at a German office use the Gregorian calendar, also in Farsi (whose default is Persian).
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone, calendar: 'gregory' });
    cache.set(key, f);
  }
  return f;
}

const numbers = new Map<string, Intl.NumberFormat>();

/** A count as the locale writes it: "17.973" / "17,973" / "١٧٬٩٧٣". */
export function formatCount(count: number, locale: string): string {
  let f = numbers.get(locale);
  if (!f) numbers.set(locale, (f = new Intl.NumberFormat(locale)));
  return f.format(count);
}

/** "Di., 9. Dez., 18:00" / "Tue, Dec 9, 6:00 PM" in the meeting's time zone. */
export function formatMeetingStart(epochMs: number, locale: string, timeZone: string): string {
  return dateTimeFormat(locale, timeZone, { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' }).format(epochMs);
}

/**
 * "Dienstag, 9. Dezember 2026 um 18:00" / "Tuesday, December 9, 2026 at 6:00 PM": one format,
 * so the language joins date and time its own way (Arabic: "،", not a Latin comma).
 */
export function formatLongDateTime(epochMs: number, locale: string, timeZone: string): string {
  return dateTimeFormat(locale, timeZone, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' }).format(epochMs);
}

/** "22. Nov. 2026" for an ISO date or date-time string; the input itself when it is not a date. */
export function formatDay(iso: string, locale: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return dateTimeFormat(locale, 'UTC', { day: 'numeric', month: 'short', year: 'numeric' }).format(ms);
}

const names = new Map<string, Intl.DisplayNames | null>();
/** The name of a language in the UI locale ("Arabisch"), falling back to the tag. */
export function languageName(tag: string, locale: string): string {
  if (!names.has(locale)) {
    try {
      names.set(locale, new Intl.DisplayNames([locale], { type: 'language' }));
    } catch {
      names.set(locale, null);
    }
  }
  try {
    return names.get(locale)?.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** "2,4 km" / "2.4 km". */
export function formatDistance(km: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilometer', maximumFractionDigits: km < 10 ? 1 : 0 }).format(km);
}
