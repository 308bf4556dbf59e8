/**
 * `import`: a contact office's spreadsheet (CSV) → feed v1. Columns are matched by their
 * documented German or English names; topics come from Thema/Bereich, places are shared by
 * address, rhythm phrases become rules. Every row that cannot be read is reported by its
 * line with the reason; nothing is dropped silently. The result passes normaliseFeed
 * without errors.
 */
import type { Feed, FeedGroup, FeedOffice, FeedPlace, FeedText, FeedTopic, LanguageTag } from '../feed/types.js';
import { normaliseFeed } from '../feed/normalise.js';
import { orderGroup, slugify, uniqueId } from '../feed/adapters/common.js';
import type { Lang } from './args.js';
import { readCsv, type CsvDelimiter, type CsvEncoding } from './csv.js';
import { foldHeader, matchHeader, readAgeGroup, readAudience, readDate, readLanguages, readStatus, splitList, type Field } from './columns.js';
import { readContact, readMeeting, readOnlineUrl, readPlace, type Cell, type Report, type RowContext } from './import-row.js';
import { messages, type Messages } from './messages.js';

export interface ImportOptions {
  lang: Lang;
  /** Date first meetings are counted from when a row has no Beginn ("YYYY-MM-DD"). */
  today: string;
  /** The feed's `updated` (ISO date-time); now by default. */
  updated?: string;
  /** Language of the texts in the sheet (default `de`). */
  language?: LanguageTag;
  office?: FeedOffice;
  encoding?: CsvEncoding;
  delimiter?: CsvDelimiter;
  /** Called every 1000 rows with the number read so far. */
  onProgress?: (rows: number) => void;
}

export interface RowProblem {
  /** Line in the file (1 = header); 0 for the file as a whole. */
  line: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface ImportResult {
  feed: Feed;
  problems: RowProblem[];
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** Data rows read (blank rows not counted). */
  rows: number;
  /** The file could not be read as a table of groups at all. */
  fatal: boolean;
}

interface Column {
  index: number;
  field: Field;
  language?: LanguageTag;
}

interface State {
  t: Messages;
  language: LanguageTag;
  groups: Map<string, FeedGroup>;
  groupIds: Set<string>;
  nameLines: Map<string, number>;
  topics: Map<string, FeedTopic>;
  /** Topics by folded name: "Sucht" and "sucht" are one topic. */
  topicsByName: Map<string, FeedTopic>;
  topicIds: Set<string>;
  places: Map<string, FeedPlace>;
  placeIds: Set<string>;
  row: RowContext;
}

export function importCsv(bytes: Uint8Array, options: ImportOptions): ImportResult {
  const t = messages(options.lang);
  const table = readCsv(bytes, { ...(options.encoding && { encoding: options.encoding }), ...(options.delimiter && { delimiter: options.delimiter }) });
  const problems: RowProblem[] = [];
  const language = options.language ?? 'de';
  const head = { version: 1 as const, updated: options.updated ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), language, timezone: 'Europe/Berlin' };
  const result: ImportResult = { feed: { ...head, groups: [] }, problems, encoding: table.encoding, delimiter: table.delimiter, rows: 0, fatal: false };
  // Blank lines above the header are skipped; the header is the first row with any text.
  const start = table.records.findIndex((r) => r.fields.some((f) => f.trim()));
  const [header, ...records] = start < 0 ? [] : table.records.slice(start);
  if (!header) {
    problems.push({ line: 0, message: t.emptyFile, severity: 'error' });
    return { ...result, fatal: true };
  }
  if (table.unclosedQuoteLine !== undefined) problems.push({ line: table.unclosedQuoteLine, message: t.unclosedQuote, severity: 'error' });

  const columns = readHeader(header.fields, header.line, t, problems);
  if (!columns.some((c) => c.field === 'name' && !c.language)) {
    problems.push({ line: header.line, message: t.noNameColumn(header.fields.filter(Boolean).join(', ')), severity: 'error' });
    return { ...result, fatal: true };
  }
  const showDate = (d: string): string => (options.lang === 'de' ? `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}` : d);
  const state: State = {
    t,
    language,
    groups: new Map(),
    groupIds: new Set(),
    nameLines: new Map(),
    topics: new Map(),
    topicsByName: new Map(),
    topicIds: new Set(),
    places: new Map(),
    placeIds: new Set(),
    row: { t, today: options.today, showDate },
  };
  for (const record of records) {
    const cells = record.fields;
    if (columns.every((c) => !(cells[c.index] ?? '').trim())) continue;
    result.rows++;
    if (options.onProgress && result.rows % 1000 === 0) options.onProgress(result.rows);
    const report: Report = (message, severity = 'warning') => problems.push({ line: record.line, message, severity });
    if (cells.slice(header.fields.length).some((c) => c.trim())) report(t.extraCells);
    readRow(state, columns, cells, record.line, report);
  }

  const feed: Feed = {
    ...head,
    ...(options.office && { office: options.office }),
    topics: [...state.topics.values()],
    places: [...state.places.values()],
    groups: [...state.groups.values()].map(orderGroup),
  };
  result.feed = feed;
  // Belt and braces: whatever the readers let through must be a valid feed.
  for (const p of normaliseFeed(feed, { maxProblems: 100 }).problems) {
    if (p.severity === 'error') problems.push({ line: 0, message: t.feedProblem(p.path, p.message), severity: 'error' });
  }
  problems.sort((a, b) => a.line - b.line);
  return result;
}

function readHeader(fields: string[], line: number, t: Messages, problems: RowProblem[]): Column[] {
  const columns: Column[] = [];
  fields.forEach((raw, index) => {
    const header = raw.trim();
    if (!header) return;
    const match = matchHeader(header);
    if (!match) problems.push({ line, message: t.unknownColumn(header), severity: 'warning' });
    else if ('field' in match) {
      if (columns.some((c) => c.field === match.field && c.language === match.language)) {
        problems.push({ line, message: t.duplicateColumn(header), severity: 'warning' });
      } else columns.push({ index, ...match });
    }
  });
  return columns;
}

function readRow(state: State, columns: Column[], cells: string[], line: number, report: Report): void {
  const { t } = state;
  const cell: Cell = (field) => {
    const column = columns.find((c) => c.field === field && !c.language);
    return column ? (cells[column.index] ?? '').trim() : '';
  };
  const localised = (field: Field): FeedText | undefined => {
    const base = cell(field);
    const other = columns.filter((c) => c.field === field && c.language && c.language !== state.language && (cells[c.index] ?? '').trim());
    if (!other.length) return base || undefined;
    const text: Record<string, string> = base ? { [state.language]: base } : {};
    for (const c of other) text[c.language as string] = (cells[c.index] as string).trim();
    return text;
  };

  const name = cell('name');
  if (!name) {
    report(t.noName, 'error');
    return;
  }
  const outcome = readMeeting(cell, state.row, report);
  const online = readOnlineUrl(cell, t, report);
  const hasMeeting = 'meeting' in outcome;
  const place = hasMeeting ? readPlace(cell, state.places, state.placeIds, t, report) : undefined;
  if (('none' in outcome || 'byArrangement' in outcome) && (cell('placeName') || cell('street'))) report(t.placeWithoutMeeting);
  if ('meeting' in outcome) {
    if (place) outcome.meeting.place = place.id;
    if (online) outcome.meeting.online = { url: online };
  }

  // A repeated ID adds the row's meeting to the group of the first row with that ID.
  const idText = cell('id');
  const existing = idText ? state.groups.get(idText) : undefined;
  if (existing) {
    if ('meeting' in outcome) (existing.meetings ??= []).push(outcome.meeting);
    return;
  }
  const folded = foldHeader(name);
  const sameName = state.nameLines.get(folded);
  if (sameName !== undefined && !idText) report(t.sameName(sameName));
  else if (sameName === undefined) state.nameLines.set(folded, line);
  const id = uniqueId(idText && /^[A-Za-z0-9][A-Za-z0-9._~-]{0,127}$/.test(idText) ? idText : slugify(idText || name, 'gruppe'), state.groupIds);

  const localName = localised('name') as FeedText;
  const group: FeedGroup = { id, name: localName, topics: readTopics(state, cell, report) };
  const description = localised('description');
  if (description) group.description = description;
  const keywords = cell('keywords');
  if (keywords) group.keywords = splitList(keywords);
  readChoices(cell, group, t, report);
  if ('meeting' in outcome) group.meetings = [outcome.meeting];
  if ('byArrangement' in outcome) group.byArrangement = true;
  group.contact = readContact(cell, t, report);
  const updatedText = cell('updated');
  const updated = updatedText ? readDate(updatedText) : undefined;
  if (updated) group.updated = updated;
  else if (updatedText) report(t.badValue('Stand', updatedText, '13.01.2026'));
  state.groups.set(idText || id, group);
}

function readChoices(cell: Cell, group: FeedGroup, t: Messages, report: Report): void {
  const audienceText = cell('audience');
  const audience = audienceText ? readAudience(audienceText) : undefined;
  if (audience) group.audience = audience;
  else if (audienceText) report(t.badValue('Zielgruppe', audienceText, 'Betroffene / Angehörige / beide'));
  const ageText = cell('ageGroup');
  const ageGroup = ageText ? readAgeGroup(ageText) : undefined;
  if (ageGroup) group.ageGroup = ageGroup;
  else if (ageText) report(t.badValue('Altersgruppe', ageText, 'junge Menschen / Senioren'));
  const statusText = cell('status');
  const status = statusText ? readStatus(statusText) : undefined;
  if (status) group.status = status;
  else if (statusText) report(t.badValue('Status', statusText, 'offen / geschlossen / in Gründung / pausiert'));
  const languagesText = cell('languages');
  if (languagesText) {
    const { tags, unknown } = readLanguages(languagesText);
    if (tags.length) group.languages = tags;
    if (unknown.length) report(t.unknownLanguages(unknown.join(', ')));
  }
}

/** Topic ids from Thema (several allowed) under Bereich; topics and areas are created on first use. */
function readTopics(state: State, cell: Cell, report: Report): string[] {
  const area = cell('area');
  const areaId = area ? topicId(state, area, undefined, report) : undefined;
  const ids: string[] = [];
  for (const name of splitList(cell('topics'))) {
    const id = area && foldHeader(name) === foldHeader(area) ? (areaId as string) : topicId(state, name, areaId, report);
    if (!ids.includes(id)) ids.push(id);
  }
  if (!ids.length && areaId) ids.push(areaId);
  if (!ids.length) report(state.t.noTopic, 'error');
  return ids;
}

function topicId(state: State, name: string, parent: string | undefined, report: Report): string {
  const key = foldHeader(name);
  const known = state.topicsByName.get(key);
  if (known) {
    if (parent && known.parent && known.parent !== parent) {
      const area = (id: string): string => (state.topics.get(id)?.name as string) ?? id;
      report(state.t.topicInTwoAreas(name, area(parent), area(known.parent)));
    } else if (parent && !known.parent && known.id !== parent && ![...state.topics.values()].some((t) => t.parent === known.id)) {
      known.parent = parent;
    }
    return known.id;
  }
  const topic: FeedTopic = { id: uniqueId(slugify(name, 'thema'), state.topicIds), name };
  if (parent) topic.parent = parent;
  state.topics.set(topic.id, topic);
  state.topicsByName.set(key, topic);
  return topic.id;
}
