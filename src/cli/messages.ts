/**
 * Every message the CLI writes, in German and English (`--lang de|en`). Problems the feed
 * module finds (normaliseFeed, the adapters) keep its English wording and their paths.
 */
import type { Lang } from './args.js';

const q = (s: string): string => `"${s}"`;
/** "1 group", "2 groups". */
const n = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
const dq = (s: string): string => `„${s}“`;

const en = {
  // usage
  unknownOption: (o: string) => `unknown option ${o}`,
  needsValue: (o: string) => `${o} needs a value`,
  noValue: (o: string) => `${o} takes no value`,
  unknownCommand: (c: string) => `unknown command ${q(c)}`,
  missingInput: (what: string) => `missing ${what}`,
  tooMany: (extra: string) => `unexpected argument ${q(extra)}`,
  badChoice: (o: string, v: string, choices: string) => `${o} must be one of ${choices}, not ${q(v)}`,
  badDateOption: (o: string, v: string) => `${o} expects a date such as 2026-01-31, not ${q(v)}`,
  seeHelp: (cmd: string) => `Run "selbsthilfe-widgets ${cmd ? `${cmd} ` : ''}--help" for help.`,
  // reading and writing
  notFound: (path: string) => `${path}: file not found`,
  cannotRead: (source: string, why: string) => `${source}: cannot be read (${why})`,
  httpStatus: (url: string, status: number) => `${url} answered with HTTP ${status}`,
  written: (path: string) => `written to ${path}`,
  // summaries
  errors: (count: number) => n(count, 'error', 'errors'),
  warnings: (count: number) => n(count, 'warning', 'warnings'),
  noProblems: 'No problems found.',
  translations: (count: number) => n(count, 'missing translation', 'missing translations'),
  errorsHeading: 'Errors',
  warningsHeading: 'Warnings',
  translationsHeading: 'Missing translations',
  counts: (groups: number, topics: number, places: number, meetings: number) =>
    `${n(groups, 'group', 'groups')}, ${n(topics, 'topic', 'topics')}, ${n(places, 'place', 'places')}, ${n(meetings, 'meeting', 'meetings')}`,
  schemaChecked: 'checked against feed.schema.json',
  schemaMissing: 'feed.schema.json not found: schema not checked, meaning checked',
  validating: (source: string) => `Checking ${source}`,
  // validate: meaning
  unknownTopicRef: (id: string) => `unknown topic ${q(id)}: no topic has this id`,
  unknownPlaceRef: (id: string) => `unknown place ${q(id)}: no place has this id`,
  unknownParent: (id: string) => `unknown parent topic ${q(id)}`,
  neverMeets: 'this meeting never takes place (check rrule, start, UNTIL, COUNT and exdates)',
  neverRepeats: (rrule: string) => `${rrule} never repeats after the first date; check the rule against start`,
  pastOnly: (last: string) => `every date of this meeting is in the past (the last was ${last}); update or remove it`,
  unsafeUrl: (url: string) => `${q(url)} is not a safe link (only https, http, mailto and tel are shown)`,
  httpUrl: (url: string) => `${q(url)} is not encrypted; use https:// if the site supports it`,
  missingText: (langs: string) => `no text in ${langs}, which the office serves`,
  hintConvert: 'this looks like a list of meetings: convert it first with "selbsthilfe-widgets convert --from meeting-guide"',
  unknownField: (field: string) => `${q(field)} is not a field of the feed format; it is ignored (a typo?)`,
  // import
  importing: (source: string, encoding: string, delimiter: string) => `Reading ${source} (${encoding}, separator ${delimiter === '\t' ? 'tab' : q(delimiter)})`,
  rowsRead: (rows: number) => `${rows} rows read`,
  imported: (rows: number, groups: number, topics: number, places: number) =>
    `${n(rows, 'row', 'rows')} → ${n(groups, 'group', 'groups')}, ${n(topics, 'topic', 'topics')}, ${n(places, 'place', 'places')}`,
  line: (n: number) => `line ${n}`,
  unclosedQuote: 'a quoted field starts here and never ends; everything after it was read as one cell',
  emptyFile: 'the file has no rows',
  noNameColumn: (found: string) => `no column "Name" (found: ${found}); the first row must hold the column names`,
  unknownColumn: (h: string) => `column ${q(h)} is not known and is not imported (see docs/cli.md for the column names)`,
  duplicateColumn: (h: string) => `column ${q(h)} repeats an earlier column; it is not imported`,
  extraCells: 'has more cells than the header has columns; the extra cells are not imported',
  noName: 'has no name; the row is not imported',
  sameName: (line: number) => `has the same name as line ${line}; imported as another group (give both rows the same ID if it is one group meeting twice)`,
  noRhythm: 'has a time but no rhythm (column "Rhythmus") and no date (column "Beginn"); the meeting is left out',
  badValue: (column: string, value: string, expected: string) => `${column}: ${q(value)} is not understood (expected ${expected}); left out`,
  unknownLanguages: (names: string) => `Sprache(n): ${names} not known; write a language code such as "tr"`,
  badTime: (value: string) => `Uhrzeit: ${q(value)} is not a time such as "18:00–20:00" or "18 bis 20 Uhr"; the meeting is left out`,
  noTime: 'has a rhythm but no time (column "Uhrzeit"); the meeting is left out',
  rhythm: {
    'ambiguous-second': (p: string) => `Rhythmus ${q(p)} is ambiguous: write "jeden 2. Dienstag im Monat" or "14-tägig dienstags"; the meeting is left out`,
    'monthly-which-day': (p: string) => `Rhythmus ${q(p)}: which day of the month? Write e.g. "jeden 1. Montag im Monat"; the meeting is left out`,
    daily: (p: string) => `Rhythmus ${q(p)}: daily meetings are not supported; list the weekdays instead; the meeting is left out`,
    'mixed-ordinals': (p: string) => `Rhythmus ${q(p)} mixes "jeden Montag" and "1. Montag"; split it into two rows with the same ID; the meeting is left out`,
    'not-understood': (p: string) => `Rhythmus ${q(p)} is not understood (see docs/cli.md for the phrases); the meeting is left out`,
  },
  needsWeekday: (p: string) => `Rhythmus ${q(p)} names no weekday and there is no Beginn date to take it from; the meeting is left out`,
  onceWithoutDate: 'a single meeting needs a date in "Beginn"; the meeting is left out',
  startShifted: (given: string, first: string) => `Beginn ${given} is not a day of this rhythm; the first meeting is ${first}`,
  intervalWithoutStart: 'a rhythm every few weeks needs a date in "Beginn" to know which weeks; counted from the import date',
  placeWithoutMeeting: 'has a meeting place but no rhythm; the place is not shown (places belong to meetings)',
  contactNotPublished: (what: string) => `${what} is not published because "Kontakt über" is not "Gruppe" (people are sent to the office)`,
  viaGroupUnreachable: '"Kontakt über" is "Gruppe" but there is no e-mail, phone or website; people are sent to the office',
  badVia: (v: string) => `Kontakt über: ${q(v)} is not "KISS" or "Gruppe"; read as "KISS"`,
  topicInTwoAreas: (topic: string, area: string, other: string) => `topic ${q(topic)} is under ${q(area)} here but under ${q(other)} in an earlier row; it stays under ${q(other)}`,
  noTopic: 'has no Thema or Bereich; the group is imported, but no topic leads to it and the feed is not valid until it has one',
  feedProblem: (path: string, message: string) => `${path}: ${message}`,
  // stats
  statsTitle: (source: string) => `Statistics for ${source}`,
  groupsTotal: (count: number) => n(count, 'group', 'groups'),
  byArea: 'Groups per area',
  byTopic: 'Groups per topic',
  byStatus: 'Groups per status',
  byLanguage: 'Groups per language',
  withoutPlace: 'Groups without a place',
  onlineOnly: 'online only',
  byArrangement: 'by arrangement',
  noDates: 'no dates published',
  placeNotPublished: 'dates, but no place published',
  missingTexts: 'Texts missing per language',
  missingTextsRow: (names: number, descriptions: number, topics: number) => `${names} group names, ${descriptions} descriptions, ${topics} topic names`,
  noArea: '(no area)',
  notStated: '(not stated)',
  status: { open: 'open', closed: 'closed', founding: 'founding', paused: 'paused' } as Record<string, string>,
  // convert
  converted: (format: string, groups: number) => `${format} → ${n(groups, 'group', 'groups')}`,
};

export type Messages = typeof en;

const de: Messages = {
  unknownOption: (o) => `unbekannte Option ${o}`,
  needsValue: (o) => `${o} braucht einen Wert`,
  noValue: (o) => `${o} nimmt keinen Wert`,
  unknownCommand: (c) => `unbekannter Befehl ${dq(c)}`,
  missingInput: (what) => `${what} fehlt`,
  tooMany: (extra) => `unerwartetes Argument ${dq(extra)}`,
  badChoice: (o, v, choices) => `${o} muss eins von ${choices} sein, nicht ${dq(v)}`,
  badDateOption: (o, v) => `${o} erwartet ein Datum wie 2026-01-31, nicht ${dq(v)}`,
  seeHelp: (cmd) => `Hilfe: „selbsthilfe-widgets ${cmd ? `${cmd} ` : ''}--help“.`,
  notFound: (path) => `${path}: Datei nicht gefunden`,
  cannotRead: (source, why) => `${source}: kann nicht gelesen werden (${why})`,
  httpStatus: (url, status) => `${url} antwortet mit HTTP ${status}`,
  written: (path) => `geschrieben nach ${path}`,
  errors: (count) => `${count} Fehler`,
  warnings: (count) => n(count, 'Warnung', 'Warnungen'),
  noProblems: 'Keine Probleme gefunden.',
  translations: (count) => n(count, 'fehlende Übersetzung', 'fehlende Übersetzungen'),
  errorsHeading: 'Fehler',
  warningsHeading: 'Warnungen',
  translationsHeading: 'Fehlende Übersetzungen',
  counts: (groups, topics, places, meetings) => `${n(groups, 'Gruppe', 'Gruppen')}, ${n(topics, 'Thema', 'Themen')}, ${n(places, 'Ort', 'Orte')}, ${n(meetings, 'Termin', 'Termine')}`,
  schemaChecked: 'gegen feed.schema.json geprüft',
  schemaMissing: 'feed.schema.json nicht gefunden: Schema nicht geprüft, Inhalt geprüft',
  validating: (source) => `Prüfe ${source}`,
  unknownTopicRef: (id) => `unbekanntes Thema ${dq(id)}: kein Thema hat diese ID`,
  unknownPlaceRef: (id) => `unbekannter Ort ${dq(id)}: kein Ort hat diese ID`,
  unknownParent: (id) => `unbekanntes übergeordnetes Thema ${dq(id)}`,
  neverMeets: 'dieser Termin findet nie statt (rrule, start, UNTIL, COUNT und exdates prüfen)',
  neverRepeats: (rrule) => `${rrule} wiederholt sich nach dem ersten Termin nie; Regel und start prüfen`,
  pastOnly: (last) => `alle Termine liegen in der Vergangenheit (zuletzt am ${last}); bitte aktualisieren oder entfernen`,
  unsafeUrl: (url) => `${dq(url)} ist kein sicherer Link (angezeigt werden nur https, http, mailto und tel)`,
  httpUrl: (url) => `${dq(url)} ist unverschlüsselt; wenn möglich https:// verwenden`,
  missingText: (langs) => `kein Text auf ${langs}, Sprachen der Kontaktstelle`,
  hintConvert: 'das sieht nach einer Liste von Meetings aus: erst umwandeln mit „selbsthilfe-widgets convert --from meeting-guide“',
  unknownField: (field) => `${dq(field)} ist kein Feld des Feed-Formats und wird ignoriert (Tippfehler?)`,
  importing: (source, encoding, delimiter) => `Lese ${source} (${encoding}, Trennzeichen ${delimiter === '\t' ? 'Tab' : dq(delimiter)})`,
  rowsRead: (rows) => `${rows} Zeilen gelesen`,
  imported: (rows, groups, topics, places) => `${n(rows, 'Zeile', 'Zeilen')} → ${n(groups, 'Gruppe', 'Gruppen')}, ${n(topics, 'Thema', 'Themen')}, ${n(places, 'Ort', 'Orte')}`,
  line: (n) => `Zeile ${n}`,
  unclosedQuote: 'hier beginnt ein Feld in Anführungszeichen, das nie endet; alles danach wurde als eine Zelle gelesen',
  emptyFile: 'die Datei hat keine Zeilen',
  noNameColumn: (found) => `keine Spalte „Name“ (gefunden: ${found}); die erste Zeile muss die Spaltennamen enthalten`,
  unknownColumn: (h) => `Spalte ${dq(h)} ist unbekannt und wird nicht übernommen (Spaltennamen: docs/cli.md)`,
  duplicateColumn: (h) => `Spalte ${dq(h)} wiederholt eine frühere Spalte und wird nicht übernommen`,
  extraCells: 'hat mehr Zellen als die Kopfzeile Spalten; die übrigen Zellen werden nicht übernommen',
  noName: 'hat keinen Namen; die Zeile wird nicht übernommen',
  sameName: (line) => `hat denselben Namen wie Zeile ${line}; als eigene Gruppe übernommen (gleiche ID in beiden Zeilen, wenn es eine Gruppe mit zwei Terminen ist)`,
  noRhythm: 'hat eine Uhrzeit, aber keinen Rhythmus (Spalte „Rhythmus“) und kein Datum (Spalte „Beginn“); der Termin wird weggelassen',
  badValue: (column, value, expected) => `${column}: ${dq(value)} nicht verstanden (erwartet: ${expected}); weggelassen`,
  unknownLanguages: (names) => `Sprache(n): ${names} unbekannt; bitte ein Sprachkürzel wie „tr“ schreiben`,
  badTime: (value) => `Uhrzeit: ${dq(value)} ist keine Uhrzeit wie „18:00–20:00“ oder „18 bis 20 Uhr“; der Termin wird weggelassen`,
  noTime: 'hat einen Rhythmus, aber keine Uhrzeit (Spalte „Uhrzeit“); der Termin wird weggelassen',
  rhythm: {
    'ambiguous-second': (p) => `Rhythmus ${dq(p)} ist mehrdeutig: „jeden 2. Dienstag im Monat“ oder „14-tägig dienstags“ schreiben; der Termin wird weggelassen`,
    'monthly-which-day': (p) => `Rhythmus ${dq(p)}: an welchem Tag im Monat? z. B. „jeden 1. Montag im Monat“; der Termin wird weggelassen`,
    daily: (p) => `Rhythmus ${dq(p)}: tägliche Treffen werden nicht unterstützt; bitte die Wochentage nennen; der Termin wird weggelassen`,
    'mixed-ordinals': (p) => `Rhythmus ${dq(p)} mischt „jeden Montag“ und „1. Montag“; bitte auf zwei Zeilen mit gleicher ID aufteilen; der Termin wird weggelassen`,
    'not-understood': (p) => `Rhythmus ${dq(p)} nicht verstanden (Formulierungen: docs/cli.md); der Termin wird weggelassen`,
  },
  needsWeekday: (p) => `Rhythmus ${dq(p)} nennt keinen Wochentag, und es gibt kein Datum in „Beginn“; der Termin wird weggelassen`,
  onceWithoutDate: 'ein einzelner Termin braucht ein Datum in „Beginn“; der Termin wird weggelassen',
  startShifted: (given, first) => `Beginn ${given} passt nicht zum Rhythmus; erster Termin ist der ${first}`,
  intervalWithoutStart: 'ein Rhythmus alle paar Wochen braucht ein Datum in „Beginn“, sonst ist unklar, in welchen Wochen; gezählt ab dem Importdatum',
  placeWithoutMeeting: 'hat einen Treffpunkt, aber keinen Rhythmus; der Ort wird nicht angezeigt (Orte gehören zu Terminen)',
  contactNotPublished: (what) => `${what} wird nicht veröffentlicht, weil „Kontakt über“ nicht „Gruppe“ ist (Anfragen gehen an die Kontaktstelle)`,
  viaGroupUnreachable: '„Kontakt über“ ist „Gruppe“, aber es gibt keine E-Mail, kein Telefon und keine Webseite; Anfragen gehen an die Kontaktstelle',
  badVia: (v) => `Kontakt über: ${dq(v)} ist weder „KISS“ noch „Gruppe“; gelesen als „KISS“`,
  topicInTwoAreas: (topic, area, other) => `Thema ${dq(topic)} steht hier unter ${dq(area)}, in einer früheren Zeile unter ${dq(other)}; es bleibt unter ${dq(other)}`,
  noTopic: 'hat weder Thema noch Bereich; die Gruppe wird übernommen, aber kein Thema führt zu ihr, und der Feed ist erst mit einem Thema gültig',
  feedProblem: (path, message) => `${path}: ${message}`,
  statsTitle: (source) => `Statistik für ${source}`,
  groupsTotal: (count) => n(count, 'Gruppe', 'Gruppen'),
  byArea: 'Gruppen je Bereich',
  byTopic: 'Gruppen je Thema',
  byStatus: 'Gruppen je Status',
  byLanguage: 'Gruppen je Sprache',
  withoutPlace: 'Gruppen ohne Ort',
  onlineOnly: 'nur online',
  byArrangement: 'nach Absprache',
  noDates: 'keine Termine veröffentlicht',
  placeNotPublished: 'Termine, aber kein Ort veröffentlicht',
  missingTexts: 'Fehlende Texte je Sprache',
  missingTextsRow: (names, descriptions, topics) => `${names} Gruppennamen, ${descriptions} Beschreibungen, ${topics} Themennamen`,
  noArea: '(kein Bereich)',
  notStated: '(nicht angegeben)',
  status: { open: 'offen', closed: 'geschlossen', founding: 'in Gründung', paused: 'pausiert' },
  converted: (format, groups) => `${format} → ${n(groups, 'Gruppe', 'Gruppen')}`,
};

export function messages(lang: Lang): Messages {
  return lang === 'de' ? de : en;
}

/** A language's name in the message language ("Englisch (en)"), via Intl where it knows it. */
export function languageName(tag: string, lang: Lang): string {
  try {
    const name = new Intl.DisplayNames([lang], { type: 'language' }).of(tag);
    return name && name !== tag ? `${name} (${tag})` : tag;
  } catch {
    return tag;
  }
}
