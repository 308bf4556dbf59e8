/**
 * `--help` for every command, in German and English. docs/cli.md says the same at length.
 */
import type { Lang } from './args.js';

export type HelpTopic = 'main' | 'validate' | 'import' | 'convert' | 'stats';

const en: Record<HelpTopic, string> = {
  main: `Usage: selbsthilfe-widgets <command> [options]

Feed tools for contact offices.

Commands:
  validate <feed.json|URL>              check a feed: shape, references, dates, links, translations
  import <groups.csv>                   build a feed from a spreadsheet saved as CSV
  convert --from <format> <in.json|URL> build a feed from Meeting Guide or HSDS 3 JSON
  stats <feed.json|URL>                 groups per area, topic, status and language; gaps

Options for every command:
  --lang de|en   language of messages (default: from LANG, else German)
  --progress     progress lines on stderr (on by default in a terminal)
  -h, --help     help for a command: selbsthilfe-widgets import --help

Exit codes: 0 done (warnings allowed), 1 errors in the data or an input that cannot be read,
2 the command line is wrong. Documentation: docs/cli.md
`,
  validate: `Usage: selbsthilfe-widgets validate <feed.json|URL> [options]

Checks a feed against feed.schema.json and for meaning: unknown topic or place references,
duplicate ids, rules that never produce a date, meetings only in the past, unsafe links,
texts missing in a language the office serves. Prints a summary and every problem with its
path (groups[12].meetings[0].rrule).

Options:
  --json                 the report as JSON on stdout
  --languages de,en,ar   languages every text should have (default: the feed's language and
                         the office's languages)
  --today YYYY-MM-DD     the date "in the past" is measured from (default: today)
  --base-url URL         where the feed will be published, for relative links (default: the
                         URL it was read from)

Exit code 1 when there are errors; warnings alone give 0.
`,
  import: `Usage: selbsthilfe-widgets import <groups.csv> [options]

Builds a feed from a spreadsheet saved as CSV (UTF-8 or Windows-1252, comma or semicolon,
as Excel writes it). The first row names the columns: Name, Beschreibung, Bereich, Thema,
Zielgruppe, Status, Sprachen, Treffpunkt, Straße, PLZ, Ort, Stadtteil, Rollstuhlgerecht,
Rhythmus, Uhrzeit, Beginn, Online-Link, Kontakt über, Kontaktperson, Kontakt-E-Mail,
Kontakt-Telefon, ... (or their English names). Rhythm phrases such as "jeden 2. Dienstag im
Monat", "14-tägig donnerstags" or "nach Absprache" become rules. Rows that cannot be read
are reported by line. Template: docs/groups-template.csv

Options:
  -o, --output feed.json        where the feed goes (default: stdout)
  --office office.json          the office's details (a JSON "office" object) to include
  --encoding utf-8|windows-1252 skip the detection
  --delimiter ";"|","|tab       skip the detection
  --today YYYY-MM-DD            first meetings are counted from this date (default: today)
  --json                        problems (and, without --output, the feed) as JSON on stdout

Exit code 1 when a row had errors; the feed is still written with everything that could be read.
`,
  convert: `Usage: selbsthilfe-widgets convert --from meeting-guide|hsds <in.json|URL> [options]

Builds a feed from another format and reports what does not map, by path:
  meeting-guide   the Meeting Guide JSON feed (12-Step Meeting List): weekly meetings
  hsds            Open Referral HSDS 3 JSON: organization, services, locations, schedules

Options:
  -o, --output feed.json  where the feed goes (default: stdout)
  --language de           language of the texts in the source (default: en)
  --timezone Europe/Berlin  time zone of the meetings when the source names none
  --topic "Name"          the topic for groups the source gives none
  --anchor YYYY-MM-DD     first meetings fall on or after this date (default: 2026-01-01)
  --json                  problems (and, without --output, the feed) as JSON on stdout
`,
  stats: `Usage: selbsthilfe-widgets stats <feed.json|URL> [options]

Counts groups per area, topic, status and language, groups without a place (online only,
by arrangement, no place published, no dates), and texts missing per language.

Options:
  --json                 the numbers as JSON on stdout
  --languages de,en,ar   languages to count missing texts for (default: the feed's and the office's)
`,
};

const de: Record<HelpTopic, string> = {
  main: `Aufruf: selbsthilfe-widgets <Befehl> [Optionen]

Werkzeuge für den Gruppen-Feed von Selbsthilfe-Kontaktstellen.

Befehle:
  validate <feed.json|URL>              Feed prüfen: Aufbau, Verweise, Termine, Links, Übersetzungen
  import <gruppen.csv>                  Feed aus einer als CSV gespeicherten Tabelle erstellen
  convert --from <Format> <ein.json|URL> Feed aus Meeting-Guide- oder HSDS-3-JSON erstellen
  stats <feed.json|URL>                 Gruppen je Bereich, Thema, Status und Sprache; Lücken

Optionen für jeden Befehl:
  --lang de|en   Sprache der Meldungen (Standard: aus LANG, sonst Deutsch)
  --progress     Fortschritt auf stderr (im Terminal automatisch)
  -h, --help     Hilfe zu einem Befehl: selbsthilfe-widgets import --help

Exit-Codes: 0 fertig (auch mit Warnungen), 1 Fehler in den Daten oder Eingabe nicht lesbar,
2 Aufruf falsch. Anleitung: docs/cli.md
`,
  validate: `Aufruf: selbsthilfe-widgets validate <feed.json|URL> [Optionen]

Prüft einen Feed gegen feed.schema.json und inhaltlich: unbekannte Themen oder Orte, doppelte
IDs, Regeln ohne einen einzigen Termin, Termine nur in der Vergangenheit, unsichere Links,
fehlende Texte in Sprachen der Kontaktstelle. Gibt eine Zusammenfassung und jedes Problem mit
seinem Pfad aus (groups[12].meetings[0].rrule).

Optionen:
  --json                 der Bericht als JSON auf stdout
  --languages de,en,ar   Sprachen, die jeder Text haben soll (Standard: Sprache des Feeds und
                         Sprachen der Kontaktstelle)
  --today JJJJ-MM-TT     Stichtag für „in der Vergangenheit“ (Standard: heute)
  --base-url URL         Adresse, unter der der Feed veröffentlicht wird, für relative Links
                         (Standard: die URL, von der er gelesen wurde)

Exit-Code 1 bei Fehlern; nur Warnungen ergeben 0.
`,
  import: `Aufruf: selbsthilfe-widgets import <gruppen.csv> [Optionen]

Erstellt einen Feed aus einer als CSV gespeicherten Tabelle (UTF-8 oder Windows-1252, Komma
oder Semikolon, wie Excel sie speichert). Die erste Zeile nennt die Spalten: Name,
Beschreibung, Bereich, Thema, Zielgruppe, Status, Sprachen, Treffpunkt, Straße, PLZ, Ort,
Stadtteil, Rollstuhlgerecht, Rhythmus, Uhrzeit, Beginn, Online-Link, Kontakt über,
Kontaktperson, Kontakt-E-Mail, Kontakt-Telefon, … Rhythmen wie „jeden 2. Dienstag im Monat“,
„14-tägig donnerstags“ oder „nach Absprache“ werden zu Regeln. Zeilen, die nicht gelesen
werden können, werden mit Zeilennummer gemeldet. Vorlage: docs/groups-template.csv

Optionen:
  -o, --output feed.json        Zieldatei (Standard: stdout)
  --office kontaktstelle.json   Angaben der Kontaktstelle (ein JSON-Objekt „office“) übernehmen
  --encoding utf-8|windows-1252 Zeichensatz nicht erkennen, sondern vorgeben
  --delimiter ";"|","|tab       Trennzeichen nicht erkennen, sondern vorgeben
  --today JJJJ-MM-TT            erste Termine ab diesem Datum (Standard: heute)
  --json                        Probleme (und ohne --output den Feed) als JSON auf stdout

Exit-Code 1, wenn eine Zeile Fehler hatte; der Feed wird trotzdem mit allem Lesbaren geschrieben.
`,
  convert: `Aufruf: selbsthilfe-widgets convert --from meeting-guide|hsds <ein.json|URL> [Optionen]

Erstellt einen Feed aus einem anderen Format und meldet mit Pfad, was sich nicht übertragen lässt:
  meeting-guide   Meeting-Guide-JSON (12-Step Meeting List): wöchentliche Meetings
  hsds            Open Referral HSDS 3: organization, services, locations, schedules

Optionen:
  -o, --output feed.json  Zieldatei (Standard: stdout)
  --language de           Sprache der Texte in der Quelle (Standard: en)
  --timezone Europe/Berlin  Zeitzone der Termine, wenn die Quelle keine nennt
  --topic "Name"          Thema für Gruppen, für die die Quelle keins nennt
  --anchor JJJJ-MM-TT     erste Termine fallen auf oder nach dieses Datum (Standard: 2026-01-01)
  --json                  Probleme (und ohne --output den Feed) als JSON auf stdout
`,
  stats: `Aufruf: selbsthilfe-widgets stats <feed.json|URL> [Optionen]

Zählt Gruppen je Bereich, Thema, Status und Sprache, Gruppen ohne Ort (nur online, nach
Absprache, Ort nicht veröffentlicht, keine Termine) und fehlende Texte je Sprache.

Optionen:
  --json                 die Zahlen als JSON auf stdout
  --languages de,en,ar   Sprachen, für die fehlende Texte gezählt werden (Standard: die des
                         Feeds und der Kontaktstelle)
`,
};

export function helpText(topic: HelpTopic, lang: Lang): string {
  return (lang === 'de' ? de : en)[topic];
}
