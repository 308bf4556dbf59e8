/**
 * What `validate` checks beyond shape: references that lead nowhere, meetings that never
 * take place or lie in the past only, links a browser must not follow, and texts missing in
 * a language the office serves. Works on the raw feed, so paths match the file.
 */
import type { FeedProblem, Meeting } from '../feed/types.js';
import { safeUrl } from '../feed/url.js';
import { parseRRule } from '../schedule/rrule.js';
import { nextOccurrences } from '../schedule/occurrences.js';
import { isValidTimeZone } from '../schedule/timezone.js';
import type { Lang } from './args.js';
import { languageName, type Messages } from './messages.js';

export interface CheckProblem extends FeedProblem {
  /** The check says the same as normaliseFeed at this path, better: normaliseFeed's entry is dropped. */
  replaces?: boolean;
  /** A missing translation: listed apart, so it does not bury the problems that break things. */
  translation?: true;
}

export interface CheckOptions {
  t: Messages;
  lang: Lang;
  /** "Now" for meetings in the past, epoch ms. */
  now: number;
  /** Languages texts should have; default: the feed's language and the office's languages. */
  languages?: string[];
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const DAY = 86_400_000;

export function meaningChecks(feed: Rec, options: CheckOptions): CheckProblem[] {
  const { t } = options;
  const out: CheckProblem[] = [];
  const error = (path: string, message: string, replaces = false): void => void out.push({ path, message, severity: 'error', ...(replaces && { replaces }) });
  const warn = (path: string, message: string, replaces = false): void => void out.push({ path, message, severity: 'warning', ...(replaces && { replaces }) });

  const topicIds = new Set(list(feed.topics).flatMap((x) => (isRec(x) && typeof x.id === 'string' ? [x.id] : [])));
  const placeIds = new Set(list(feed.places).flatMap((x) => (isRec(x) && typeof x.id === 'string' ? [x.id] : [])));
  const zone = typeof feed.timezone === 'string' && isValidTimeZone(feed.timezone) ? feed.timezone : 'Europe/Berlin';
  const languages = servedLanguages(feed, options.languages);
  const checkLink = (value: unknown, path: string): void => {
    const problem = linkProblem(value, t);
    if (problem) (problem.severity === 'error' ? error : warn)(path, problem.message, true);
  };
  const checkTexts = (value: unknown, path: string): void => {
    const missing = missingLanguages(value, languages, typeof feed.language === 'string' ? feed.language : 'de');
    if (missing.length) out.push({ path, message: t.missingText(missing.map((l) => languageName(l, options.lang)).join(', ')), severity: 'warning', translation: true });
  };

  list(feed.topics).forEach((topic, i) => {
    if (!isRec(topic)) return;
    if (typeof topic.parent === 'string' && topic.parent !== '' && !topicIds.has(topic.parent)) error(`topics[${i}].parent`, t.unknownParent(topic.parent), true);
    checkTexts(topic.name, `topics[${i}].name`);
  });
  if (isRec(feed.office)) {
    for (const field of ['website', 'privacyUrl', 'contactEndpoint']) checkLink(feed.office[field], `office.${field}`);
  }
  list(feed.groups).forEach((group, i) => {
    if (!isRec(group)) return;
    const base = `groups[${i}]`;
    list(group.topics).forEach((id, j) => {
      if (typeof id === 'string' && !topicIds.has(id)) error(`${base}.topics[${j}]`, t.unknownTopicRef(id), true);
    });
    checkTexts(group.name, `${base}.name`);
    if (group.description !== undefined && group.description !== null) checkTexts(group.description, `${base}.description`);
    if (isRec(group.contact)) checkLink(group.contact.website, `${base}.contact.website`);
    list(group.meetings).forEach((meeting, j) => {
      if (!isRec(meeting)) return;
      const path = `${base}.meetings[${j}]`;
      if (typeof meeting.place === 'string' && meeting.place !== '' && !placeIds.has(meeting.place)) error(`${path}.place`, t.unknownPlaceRef(meeting.place), true);
      if (isRec(meeting.online)) checkLink(meeting.online.url, `${path}.online.url`);
      checkDates(meeting, path, zone, options, error, warn);
    });
  });
  return out;
}

function servedLanguages(feed: Rec, given: string[] | undefined): string[] {
  if (given?.length) return given.map((l) => l.toLowerCase());
  const office = isRec(feed.office) ? list(feed.office.languages) : [];
  const all = [typeof feed.language === 'string' ? feed.language : 'de', ...office].filter((l): l is string => typeof l === 'string');
  return [...new Set(all.map((l) => l.toLowerCase()))];
}

/** Languages in `wanted` a text lacks; a plain string is in the feed's language, "de-AT" counts for "de". */
function missingLanguages(value: unknown, wanted: string[], feedLanguage: string): string[] {
  let have: string[];
  if (typeof value === 'string') have = value.trim() ? [feedLanguage.toLowerCase()] : [];
  else if (isRec(value)) have = Object.keys(value).filter((k) => typeof value[k] === 'string' && (value[k] as string).trim() !== '').map((k) => k.toLowerCase());
  else return [];
  return wanted.filter((l) => !have.some((h) => h === l || h.split('-')[0] === l));
}

function linkProblem(value: unknown, t: Messages): { severity: 'error' | 'warning'; message: string } | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^[/\\]{2}/.test(text)) return { severity: 'error', message: t.unsafeUrl(text) };
  // Relative links resolve against the feed's own address; the loader checks them there.
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(text)) return undefined;
  const url = safeUrl(text);
  if (!url || !/^https?:/.test(url)) return { severity: 'error', message: t.unsafeUrl(text) };
  if (url.startsWith('http:') && !/^http:\/\/(localhost|127\.0\.0\.1|\[::1\])[:/]/.test(url)) return { severity: 'warning', message: t.httpUrl(text) };
  return undefined;
}

type Add = (path: string, message: string) => void;

function checkDates(m: Rec, path: string, feedZone: string, options: CheckOptions, error: Add, warn: Add): void {
  const start = typeof m.start === 'string' ? m.start.trim() : '';
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(start)) return; // normaliseFeed reports it
  const meeting: Meeting = {
    start: start.slice(0, 16),
    timezone: typeof m.timezone === 'string' && isValidTimeZone(m.timezone) ? m.timezone : feedZone,
    exdates: list(m.exdates).flatMap((d) => (typeof d === 'string' ? [d.trim().slice(0, 10)] : [])),
  };
  if (m.rrule !== undefined && m.rrule !== null) {
    if (typeof m.rrule !== 'string') return;
    try {
      meeting.rule = parseRRule(m.rrule);
      meeting.rrule = m.rrule.trim();
    } catch {
      return; // normaliseFeed reports the rule
    }
  }
  let all;
  try {
    all = nextOccurrences(meeting, Date.parse(`${meeting.start}Z`) - 3 * DAY, 1);
  } catch {
    return;
  }
  if (all.length === 0) {
    error(path, options.t.neverMeets);
    return;
  }
  const rule = meeting.rule;
  const first = all[0]!;
  if (rule && rule.count === undefined && rule.until === undefined && nextOccurrences(meeting, first.start + 60_000, 1).length === 0) {
    error(`${path}.rrule`, options.t.neverRepeats(meeting.rrule as string));
    return;
  }
  if (nextOccurrences(meeting, options.now, 1).length === 0) {
    const past = nextOccurrences(meeting, first.start - DAY, 10_000);
    const last = past[past.length - 1]?.local.slice(0, 10) ?? first.local.slice(0, 10);
    warn(path, options.t.pastOnly(options.lang === 'de' ? `${last.slice(8, 10)}.${last.slice(5, 7)}.${last.slice(0, 4)}` : last));
  }
}
