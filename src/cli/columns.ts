/**
 * The spreadsheet columns `import` understands, in German and English, and the small
 * readers for their values (yes/no, audience, status, languages, dates). docs/cli.md
 * lists the same names: change both together.
 */
import type { Audience, AgeGroup, GroupStatus, LanguageTag } from '../feed/types.js';

export type Field =
  | 'id' | 'name' | 'description' | 'topics' | 'area' | 'audience' | 'ageGroup' | 'status' | 'languages' | 'keywords'
  | 'placeName' | 'street' | 'postalCode' | 'city' | 'district' | 'wheelchair' | 'rhythm' | 'time' | 'start'
  | 'onlineUrl' | 'email' | 'phone' | 'website' | 'contactVia' | 'contactName' | 'updated';

/** Header names per field; the first German and the first English one are the documented ones. */
export const COLUMN_NAMES: Record<Field, string[]> = {
  id: ['ID', 'Kennung'],
  name: ['Name', 'Gruppenname', 'Gruppe', 'Group', 'Group name'],
  description: ['Beschreibung', 'Description', 'Kurzbeschreibung'],
  topics: ['Thema', 'Themen', 'Topic', 'Topics'],
  area: ['Bereich', 'Themenbereich', 'Area'],
  audience: ['Zielgruppe', 'Audience'],
  ageGroup: ['Altersgruppe', 'Age group'],
  status: ['Status'],
  languages: ['Sprachen', 'Sprache', 'Languages', 'Language'],
  keywords: ['Suchbegriffe', 'Schlagwörter', 'Stichwörter', 'Keywords'],
  placeName: ['Treffpunkt', 'Ort des Treffens', 'Meeting place', 'Venue'],
  street: ['Straße', 'Strasse', 'Adresse', 'Street', 'Address'],
  postalCode: ['PLZ', 'Postleitzahl', 'Postal code', 'ZIP'],
  city: ['Ort', 'Stadt', 'City', 'Town'],
  district: ['Stadtteil', 'Bezirk', 'Ortsteil', 'District'],
  wheelchair: ['Rollstuhlgerecht', 'Barrierefrei', 'Wheelchair accessible', 'Wheelchair'],
  rhythm: ['Rhythmus', 'Termin', 'Termine', 'Rhythm', 'Schedule'],
  time: ['Uhrzeit', 'Zeit', 'Time'],
  start: ['Beginn', 'Erster Termin', 'Start', 'First meeting'],
  onlineUrl: ['Online-Link', 'Online', 'Videolink', 'Online link'],
  email: ['Kontakt-E-Mail', 'E-Mail', 'Contact email', 'Email'],
  phone: ['Kontakt-Telefon', 'Telefon', 'Contact phone', 'Phone'],
  website: ['Webseite', 'Website', 'Homepage'],
  contactVia: ['Kontakt über', 'Kontakt', 'Contact via', 'Contact'],
  contactName: ['Kontaktperson', 'Ansprechpartner', 'Ansprechpartnerin', 'Contact name'],
  updated: ['Stand', 'Aktualisiert', 'Updated'],
};

/** Columns left out on purpose: internal notes never reach a public feed. */
export const INTERNAL_COLUMNS = ['Intern', 'Notiz', 'Notizen', 'Bemerkung', 'Bemerkungen', 'Interne Notiz', 'Internal', 'Internal notes', 'Nr', 'Lfd. Nr.'];

/** Fields that may have one column per language: "Name (en)", "Beschreibung [ar]". */
export const LOCALISED: ReadonlySet<Field> = new Set(['name', 'description', 'keywords']);

/** "Kontakt-E-Mail" → "kontaktemail", "Straße" → "strasse": what header matching compares. */
export function foldHeader(text: string): string {
  return text.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').replace(/[^a-z0-9]/g, '');
}

const BY_FOLDED = new Map<string, Field>();
for (const [field, names] of Object.entries(COLUMN_NAMES) as [Field, string[]][]) for (const name of names) BY_FOLDED.set(foldHeader(name), field);
const INTERNAL = new Set(INTERNAL_COLUMNS.map(foldHeader));

export type HeaderMatch = { field: Field; language?: LanguageTag } | { internal: true } | undefined;

/** What a header cell means: a field (maybe for one language), an internal column, or nothing known. */
export function matchHeader(header: string): HeaderMatch {
  const localised = /^(.*?)\s*[([]\s*([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)\s*[)\]]\s*$/.exec(header);
  if (localised) {
    const field = BY_FOLDED.get(foldHeader(localised[1] as string));
    if (field && LOCALISED.has(field)) return { field, language: (localised[2] as string).toLowerCase() };
  }
  const folded = foldHeader(header);
  const field = BY_FOLDED.get(folded);
  if (field) return { field };
  return INTERNAL.has(folded) ? { internal: true } : undefined;
}

/** Splits a list cell at commas, semicolons, "|" and line breaks. */
export function splitList(text: string): string[] {
  return text.split(/[,;|\n]/).map((s) => s.trim()).filter(Boolean);
}

/** ja/nein, yes/no, x, 1/0, wahr/falsch; undefined for anything else. */
export function readYesNo(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (/^(ja|j|yes|y|x|1|wahr|true|✓|✔)$/.test(t)) return true;
  if (/^(nein|n|no|0|falsch|false|-|–)$/.test(t)) return false;
  return undefined;
}

export function readAudience(text: string): Audience[] | undefined {
  const t = text.trim().toLowerCase();
  const affected = /betroffen|affected|selbst/.test(t);
  const relatives = /angehörig|angehoerig|relative|familie|family/.test(t);
  if (/^(beide|both|alle|all)$/.test(t) || (affected && relatives)) return ['affected', 'relatives'];
  if (affected) return ['affected'];
  if (relatives) return ['relatives'];
  return undefined;
}

export function readAgeGroup(text: string): AgeGroup | undefined {
  const t = text.trim().toLowerCase();
  if (/jung|jugend|young|youth/.test(t)) return 'young';
  if (/senior|ältere|aeltere|older|60\+/.test(t)) return 'seniors';
  return undefined;
}

export function readStatus(text: string): GroupStatus | undefined {
  const t = text.trim().toLowerCase();
  if (/^(offen|open|aktiv|active|neue mitglieder willkommen)$/.test(t)) return 'open';
  if (/^(geschlossen|closed|voll|full)$/.test(t)) return 'closed';
  if (/gründung|gruendung|founding|in planung/.test(t)) return 'founding';
  if (/^(pausiert|pause|ruht|paused|inaktiv)$/.test(t)) return 'paused';
  return undefined;
}

// Language names offices write, German and English, for the languages groups in Germany meet in.
const LANGUAGE_NAMES: Record<string, LanguageTag> = {
  deutsch: 'de', german: 'de', englisch: 'en', english: 'en', tuerkisch: 'tr', turkish: 'tr', arabisch: 'ar', arabic: 'ar',
  russisch: 'ru', russian: 'ru', ukrainisch: 'uk', ukrainian: 'uk', polnisch: 'pl', polish: 'pl', persisch: 'fa', farsi: 'fa',
  persian: 'fa', dari: 'prs', franzoesisch: 'fr', french: 'fr', spanisch: 'es', spanish: 'es', italienisch: 'it', italian: 'it',
  kurdisch: 'ku', kurdish: 'ku', griechisch: 'el', greek: 'el', rumaenisch: 'ro', romanian: 'ro', serbisch: 'sr', kroatisch: 'hr',
  bosnisch: 'bs', vietnamesisch: 'vi', portugiesisch: 'pt', gebaerdensprache: 'gsg', dgs: 'gsg',
};

/** "Deutsch, Türkisch" or "de, tr" → tags; names it does not know come back in `unknown`. */
export function readLanguages(text: string): { tags: LanguageTag[]; unknown: string[] } {
  const tags: LanguageTag[] = [];
  const unknown: string[] = [];
  for (const item of splitList(text.replace(/ und | and /gi, ','))) {
    const named = LANGUAGE_NAMES[foldHeader(item)];
    const tag = named ?? (/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$/i.test(item) ? item.toLowerCase() : undefined);
    if (tag === undefined) unknown.push(item);
    else if (!tags.includes(tag)) tags.push(tag);
  }
  return { tags, unknown };
}

/** "13.01.2026", "13.1.26", "2026-01-13" (and Excel's "13.01.2026 00:00") → "2026-01-13". */
export function readDate(text: string): string | undefined {
  const t = text.trim();
  let y: number;
  let m: number;
  let d: number;
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?)?$/.exec(t);
  if (german) {
    [d, m, y] = [Number(german[1]), Number(german[2]), Number(german[3])];
    if (y < 100) y += 2000;
  } else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
