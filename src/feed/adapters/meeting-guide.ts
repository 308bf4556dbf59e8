/**
 * Reads the Meeting Guide JSON feed (the 12-Step Meeting List family: a list of weekly
 * meetings with name, slug, day, time, types, location and conference fields) into a
 * feed v1. Meetings that share `group` become one group; otherwise each slug is a group.
 * Maps what maps; everything else is reported by path, unmapped type codes once each.
 */
import type { AgeGroup, Feed, FeedAddress, FeedContact, FeedGroup, FeedMeeting, FeedOffice, FeedPlace, LanguageTag } from '../types.js';
import { FeedError } from '../errors.js';
import { parseRRule } from '../../schedule/rrule.js';
import {
  DEFAULT_ANCHOR,
  DEFAULT_TIMEZONE,
  firstMatchingDate,
  isObject,
  num,
  orderGroup,
  paragraphs,
  placeKey,
  ProblemList,
  readClockText,
  reportIgnored,
  slugify,
  str,
  times,
  toId,
  uniqueId,
  type AdapterOptions,
  type AdapterResult,
} from './common.js';

const SUNDAY_FIRST = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

// Type codes for a language spoken in the meeting.
const LANGUAGE_TYPES: Record<string, LanguageTag> = {
  EN: 'en', DE: 'de', S: 'es', ES: 'es', FR: 'fr', ITA: 'it', POR: 'pt', POL: 'pl', RUS: 'ru', UK: 'uk',
  TUR: 'tr', AR: 'ar', FA: 'fa', NL: 'nl', EL: 'el', HE: 'he', HR: 'hr', HU: 'hu', JA: 'ja', KOR: 'ko', ASL: 'ase',
};
// Type codes with no field of their own: kept as search keywords [en, de].
const KEYWORD_TYPES: Record<string, [string, string]> = {
  W: ['women', 'Frauen'], M: ['men', 'Männer'], G: ['gay', 'schwul'], L: ['lesbian', 'lesbisch'], LGBTQ: ['LGBTQ', 'LGBTQ'],
  T: ['transgender', 'trans'], NB: ['non-binary', 'nicht-binär'], BE: ['newcomers', 'Neueinsteiger'],
};
// Codes read into fields below.
const FIELD_TYPES = new Set(['O', 'C', 'ONL', 'X', 'XB', 'Y', 'SEN', 'TC']);

const HANDLED = new Set([
  'name', 'slug', 'day', 'time', 'end_time', 'timezone', 'types', 'notes', 'group', 'group_notes', 'updated',
  'location', 'formatted_address', 'address', 'city', 'postal_code', 'state', 'country', 'region', 'sub_region', 'regions',
  'latitude', 'longitude', 'approximate', 'attendance_option',
  'conference_url', 'conference_url_notes', 'conference_phone', 'conference_phone_notes',
  'contact_1_name', 'contact_1_email', 'contact_1_phone', 'entity', 'entity_email', 'entity_phone', 'entity_url', 'entity_website_url',
]);

interface Draft {
  group: FeedGroup;
  notes: (string | undefined)[];
  keywords: Set<string>;
  languages: Set<LanguageTag>;
  open: boolean;
  closed: boolean;
  ages: Set<AgeGroup>;
  active: number;
  appointment: boolean;
}

/** Meeting Guide JSON (a list of meetings, or `{ meetings: [...] }`) → feed v1 and what did not map. */
export function meetingGuideToFeed(data: unknown, options: AdapterOptions = {}): AdapterResult<Feed> {
  const list = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.meetings) ? data.meetings : undefined;
  if (!list) throw new FeedError('invalid', 'This is not a Meeting Guide feed: expected a list of meetings.');
  const base = Array.isArray(data) ? '' : 'meetings';
  const problems = new ProblemList();
  const language = options.language ?? 'en';
  const german = language.toLowerCase().startsWith('de');
  const anchor = options.anchorDate ?? DEFAULT_ANCHOR;
  const zones = list.map((m) => (isObject(m) ? str(m.timezone) : undefined)).filter((z): z is string => !!z);
  const timezone = options.timezone ?? zones[0] ?? DEFAULT_TIMEZONE;
  if (!options.timezone && zones.length === 0 && list.length > 0) {
    problems.warn('', `no meeting names a time zone; times are read as ${timezone} (pass the timezone option to change it)`);
  }
  const topic = options.topic ?? { id: 'meetings', name: german ? 'Treffen' : 'Meetings' };

  const drafts = new Map<string, Draft>();
  const ids = new Set<string>();
  const places = new Map<string, FeedPlace>();
  const placeIds = new Set<string>();
  let office: FeedOffice | undefined;

  for (let i = 0; i < list.length; i++) {
    const path = `${base}[${i}]`;
    const m = list[i];
    if (!isObject(m)) {
      problems.error(path, 'expected a meeting object; left out');
      continue;
    }
    reportIgnored(problems, m, HANDLED, path, 'Meeting Guide');
    const name = str(m.name);
    if (!name) {
      problems.error(`${path}.name`, 'is missing; the meeting is left out');
      continue;
    }
    const groupName = str(m.group);
    const slug = str(m.slug);
    if (!slug && !groupName) problems.warn(`${path}.slug`, 'is missing; the id is made from the name');
    const key = groupName ? `group:${groupName.toLowerCase()}` : `slug:${slug ?? name}`;
    let draft = drafts.get(key);
    if (!draft) {
      const id = uniqueId(groupName ? slugify(groupName, 'group') : toId(slug ?? name, 'meeting'), ids);
      draft = { group: { id, name: groupName ?? name, topics: [topic.id] }, notes: [str(m.group_notes)], keywords: new Set(), languages: new Set(), open: false, closed: false, ages: new Set(), active: 0, appointment: false };
      drafts.set(key, draft);
    } else if (!groupName && slug) {
      problems.error(`${path}.slug`, `"${slug}" is used by an earlier meeting; this meeting is left out`);
      continue;
    }
    if (groupName && name !== groupName) draft.keywords.add(name);
    draft.notes.push(str(m.notes));

    const codes = readTypes(m.types, `${path}.types`, problems);
    for (const [code, codePath] of codes) {
      if (code === 'O') draft.open = true;
      else if (code === 'C') draft.closed = true;
      else if (code === 'Y') draft.ages.add('young');
      else if (code === 'SEN') draft.ages.add('seniors');
      else if (LANGUAGE_TYPES[code]) draft.languages.add(LANGUAGE_TYPES[code]);
      else if (KEYWORD_TYPES[code]) draft.keywords.add(KEYWORD_TYPES[code][german ? 1 : 0]);
      else if (!FIELD_TYPES.has(code)) problems.once(`type:${code}`, codePath, (n) => `type "${code}" has no place in the feed format; left out${times(n)}`);
    }
    const has = (code: string): boolean => codes.some(([c]) => c === code);
    const attendance = str(m.attendance_option)?.toLowerCase();
    const updated = readUpdated(m.updated);
    if (updated && (!draft.group.updated || updated > draft.group.updated)) draft.group.updated = updated;
    else if (m.updated !== undefined && m.updated !== null && !updated) problems.warn(`${path}.updated`, 'expected "YYYY-MM-DD HH:MM:SS"; left out');
    draft.group.contact ??= readContact(m);
    office ??= readOffice(m);
    if (has('TC') || attendance === 'inactive') {
      problems.warn(path, 'is temporarily closed (TC or inactive); left out (a group whose meetings are all closed is listed as paused)');
      continue;
    }
    draft.active++;

    const meeting = readMeeting(m, path, anchor, problems);
    if (meeting === 'appointment') {
      draft.appointment = true;
    } else if (meeting) {
      const zone = str(m.timezone);
      if (zone && zone !== timezone) meeting.timezone = zone;
      const online = readOnline(m);
      if (online) meeting.online = online;
      else if (has('ONL') || attendance === 'online' || attendance === 'hybrid') {
        problems.warn(path, 'is marked online but has no conference_url or conference_phone');
      }
      const onlineOnly = attendance === 'online' || (has('ONL') && str(m.approximate)?.toLowerCase() === 'yes');
      const place = onlineOnly ? undefined : readPlace(m, path, problems);
      if (place) {
        if (has('X')) (place.accessibility ??= {}).wheelchair = true;
        if (has('XB')) (place.accessibility ??= {}).accessibleToilet = true;
        meeting.place = sharePlace(place, places, placeIds);
      }
      (draft.group.meetings ??= []).push(meeting);
    }
  }

  const groups: FeedGroup[] = [];
  for (const draft of drafts.values()) groups.push(finishGroup(draft));
  if (!options.topic && groups.length) {
    problems.warn('', `the Meeting Guide format has no topics; every group is filed under "${topic.name}" (pass the topic option to name it)`);
  }
  const feed: Feed = { version: 1, language, timezone, ...(office && { office }), topics: [{ id: topic.id, name: topic.name }], places: [...places.values()], groups };
  return { feed, problems: problems.finish() };
}

function readTypes(value: unknown, path: string, problems: ProblemList): [string, string][] {
  if (value === undefined || value === null || value === '') return [];
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : undefined;
  if (!list) {
    problems.warn(path, 'expected a list of type codes; left out');
    return [];
  }
  const out: [string, string][] = [];
  list.forEach((code, k) => {
    const text = str(code)?.toUpperCase();
    if (text) out.push([text, `${path}[${k}]`]);
  });
  return out;
}

/** The weekly meeting, 'appointment' for a meeting without day and time, or undefined when it is left out. */
function readMeeting(m: Record<string, unknown>, path: string, anchor: string, problems: ProblemList): FeedMeeting | 'appointment' | undefined {
  const noDay = m.day === undefined || m.day === null || m.day === '';
  if (noDay && (m.time === undefined || m.time === null || m.time === '')) return 'appointment';
  const days = (Array.isArray(m.day) ? m.day : [m.day]).map(num);
  if (noDay || days.length === 0 || days.some((d) => d === undefined || !Number.isInteger(d) || d < 0 || d > 6)) {
    problems.error(`${path}.day`, `expected 0 (Sunday) to 6 (Saturday), got ${JSON.stringify(m.day ?? null)}; the meeting is left out`);
    return undefined;
  }
  const time = readClockText(m.time);
  if (!time) {
    problems.error(`${path}.time`, `expected a time such as "18:30", got ${JSON.stringify(m.time ?? null)}; the meeting is left out`);
    return undefined;
  }
  const byDay = [...new Set(days.map((d) => SUNDAY_FIRST[d as number]))];
  const rrule = `FREQ=WEEKLY;BYDAY=${byDay.join(',')}`;
  const date = firstMatchingDate(parseRRule(rrule), anchor) as string;
  const meeting: FeedMeeting = { rrule, start: `${date}T${time.time}` };
  const end = readClockText(m.end_time);
  if (end && end.time !== time.time) meeting.end = end.time;
  else if (str(m.end_time) && !end) problems.warn(`${path}.end_time`, 'expected a time such as "19:30"; left out');
  return meeting;
}

function readOnline(m: Record<string, unknown>): FeedMeeting['online'] | undefined {
  const url = str(m.conference_url);
  const phone = str(m.conference_phone);
  const notes = paragraphs([str(m.conference_url_notes), str(m.conference_phone_notes)]);
  if (!url && !phone) return undefined;
  return { ...(url && { url }), ...(phone && { phone }), ...(notes && { notes }) };
}

function readPlace(m: Record<string, unknown>, path: string, problems: ProblemList): FeedPlace | undefined {
  const address: FeedAddress = str(m.address) || str(m.city) || str(m.postal_code) ? {} : splitAddress(str(m.formatted_address));
  const street = str(m.address);
  const postalCode = str(m.postal_code);
  const city = str(m.city);
  if (street) address.street = street;
  if (postalCode) address.postalCode = postalCode;
  if (city) address.city = city;
  const regions = Array.isArray(m.regions) ? m.regions.map(str).filter(Boolean) : [];
  const district = (regions[regions.length - 1] as string | undefined) ?? str(m.sub_region) ?? str(m.region);
  if (district) address.district = district;
  const name = str(m.location);
  if (!name && !address.street && !address.city) return undefined;
  const place: FeedPlace = { id: '', ...(name && { name }), ...address };
  const lat = num(m.latitude);
  const lon = num(m.longitude);
  if (lat !== undefined && lon !== undefined) {
    place.lat = lat;
    place.lon = lon;
  } else if (lat !== undefined || lon !== undefined) problems.warn(path, 'has only one of latitude and longitude; the position is left out');
  return place;
}

/** "Musterweg 1, 12345 Musterstadt, Germany" / "4953 W Addison St, Chicago, IL 60641, USA" → parts. */
function splitAddress(text: string | undefined): FeedAddress {
  const address: FeedAddress = {};
  if (!text) return address;
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  address.street = parts.shift();
  for (const part of parts) {
    const german = /^(\d{4,5})\s+(.+)$/.exec(part);
    const american = /^[A-Z]{2}\s+(\d{5}(?:-\d{4})?)$/.exec(part);
    if (german) {
      address.postalCode = german[1];
      address.city = german[2];
    } else if (american) address.postalCode = american[1];
    else if (!address.city) address.city = part;
  }
  return address;
}

/** The place already known at the same address, or this one with a new id. */
function sharePlace(place: FeedPlace, places: Map<string, FeedPlace>, ids: Set<string>): string {
  const name = typeof place.name === 'string' ? place.name : undefined;
  const key = placeKey(place, name);
  const known = places.get(key);
  if (known) {
    if (place.accessibility && !known.accessibility) known.accessibility = place.accessibility;
    return known.id;
  }
  place.id = uniqueId(slugify(name ?? [place.street, place.city].filter(Boolean).join(' '), 'place'), ids);
  places.set(key, place);
  return place.id;
}

function readContact(m: Record<string, unknown>): FeedContact | undefined {
  const email = str(m.contact_1_email);
  const phone = str(m.contact_1_phone);
  if (!email && !phone) return undefined;
  // First names only: the feed format never carries a last name.
  const name = str(m.contact_1_name)?.split(/\s+/)[0];
  return { via: 'group', ...(name && { name }), ...(email && { email }), ...(phone && { phone }) };
}

function readOffice(m: Record<string, unknown>): FeedOffice | undefined {
  const name = str(m.entity);
  if (!name) return undefined;
  const email = str(m.entity_email);
  const phone = str(m.entity_phone);
  const website = str(m.entity_website_url) ?? str(m.entity_url);
  return { name, ...(email && { email }), ...(phone && { phone }), ...(website && { website }) };
}

/** "2014-05-31 14:32:23" (UTC) → "2014-05-31T14:32:23Z". */
function readUpdated(value: unknown): string | undefined {
  const text = str(value);
  const m = text ? /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2})?))?$/.exec(text) : null;
  if (!m) return undefined;
  return m[2] ? `${m[1]}T${m[2]}Z` : m[1];
}

function finishGroup(draft: Draft): FeedGroup {
  const group = draft.group;
  const description = paragraphs(draft.notes);
  if (description) group.description = description;
  if (draft.keywords.size) group.keywords = [...draft.keywords];
  // Open meetings welcome anyone (relatives too); closed ones are for people with the problem.
  if (draft.open) group.audience = ['affected', 'relatives'];
  else if (draft.closed) group.audience = ['affected'];
  if (draft.ages.size === 1) group.ageGroup = [...draft.ages][0];
  if (draft.languages.size) group.languages = [...draft.languages];
  if (draft.active === 0) group.status = 'paused';
  if (!group.meetings?.length && draft.appointment) group.byArrangement = true;
  return orderGroup(group);
}
