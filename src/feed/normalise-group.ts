/**
 * Groups, their contact and their meetings. A bad meeting is left out, its group stays;
 * a group is only left out without a valid id or a name.
 */
import type { AgeGroup, Audience, Contact, Group, GroupStatus, Meeting, Online, Place, Rule, WeekdayCode } from './types.js';
import { parseRRule, RuleError, WEEKDAYS } from '../schedule/rrule.js';
import {
  at,
  cappedLength,
  exact,
  fail,
  failWhy,
  isRecord,
  LIMITS,
  quote,
  readBool,
  readEnum,
  readEnumList,
  readEntryId,
  readId,
  readList,
  readListField,
  typeName,
  warn,
  warnWhy,
  type Ctx,
} from './normalise-context.js';
import { readLanguages, readLine, readTerms, readText } from './normalise-text.js';
import { readPlace } from './normalise-office.js';
import {
  minutesOf,
  readClock,
  readDate,
  readDuration,
  readEmail,
  readInstant,
  readLocalDateTime,
  readPhone,
  readWebUrl,
  readZone,
  weekdayOf,
} from './normalise-values.js';

const AUDIENCES: readonly Audience[] = ['affected', 'relatives'];
const AGE_GROUPS: readonly AgeGroup[] = ['young', 'seniors'];
const STATUSES: readonly GroupStatus[] = ['open', 'closed', 'founding', 'paused'];
const DAY_NAMES: Record<WeekdayCode, string> = {
  MO: 'Monday (MO)',
  TU: 'Tuesday (TU)',
  WE: 'Wednesday (WE)',
  TH: 'Thursday (TH)',
  FR: 'Friday (FR)',
  SA: 'Saturday (SA)',
  SU: 'Sunday (SU)',
};

/**
 * Reads a group; with `into` (its head from `readGroupHead`) the full group is written into
 * that object, so whoever holds the head holds the group.
 */
export function readGroup(ctx: Ctx, g: unknown, base: string, into?: Group): Group | undefined {
  const head = readHeadFields(ctx, g, base);
  if (!head) return undefined;
  const group = readGroupBody(ctx, g as Record<string, unknown>, base, head);
  return into ? Object.assign(into, group) : group;
}

/**
 * What decides whether a group is kept, and what its first, unfiltered listing needs: id,
 * name and status. The rest of the group has its empty defaults until `readGroup` fills it.
 */
export function readGroupHead(ctx: Ctx, g: unknown, base: string): Group | undefined {
  const head = readHeadFields(ctx, g, base);
  if (!head) return undefined;
  const { id, name, status } = head;
  // The same keys in the same order as readGroupBody's, so filling a head keeps its shape;
  // shared, frozen empties: a head is read-only until `readGroup` fills it.
  return { id, name, topics: NONE, keywords: NO_TERMS, audience: NONE, status, languages: NONE, meetings: NONE, byArrangement: false, contact: BY_OFFICE };
}

const NONE: never[] = Object.freeze([]) as never[];
const NO_TERMS = Object.freeze({});
const BY_OFFICE: Contact = Object.freeze({ via: 'office' });

type HeadFields = Pick<Group, 'id' | 'name' | 'status'>;

function readHeadFields(ctx: Ctx, g: unknown, base: string): HeadFields | undefined {
  const id = readEntryId(ctx, g, base, 'group', ctx.groupsById);
  if (id === undefined) return undefined;
  const group = g as Record<string, unknown>; // an object: readEntryId checked
  const name = readText(ctx, group.name, base, 'name', LIMITS.name, false);
  if (!name) {
    failWhy(ctx, base, 'name', 'group');
    return undefined;
  }
  const status = readEnum(ctx, group.status, STATUSES);
  if (status === undefined && ctx.why) warn(ctx, at(base, 'status'), `${ctx.why}; read as "open"`);
  return { id, name, status: status ?? 'open' };
}

function readGroupBody(ctx: Ctx, g: Record<string, unknown>, base: string, head: HeadFields): Group {
  const { id, name, status } = head;
  const byArrangement = readBool(ctx, g.byArrangement);
  if (byArrangement === undefined) warnWhy(ctx, base, 'byArrangement');
  const group: Group = {
    id,
    name,
    topics: readTopicRefs(ctx, g.topics, base),
    keywords: readTerms(ctx, g.keywords, base, 'keywords'),
    audience: readEnumList(ctx, g.audience, AUDIENCES, base, 'audience'),
    status,
    languages: readLanguages(ctx, g.languages, base, 'languages'),
    meetings: readMeetings(ctx, g.meetings, base, id),
    byArrangement: byArrangement ?? false,
    contact: readContact(ctx, g.contact, base),
  };
  const description = readText(ctx, g.description, base, 'description', LIMITS.text, true);
  if (description) group.description = description;
  else warnWhy(ctx, base, 'description');
  const ageGroup = readEnum(ctx, g.ageGroup, AGE_GROUPS);
  if (ageGroup) group.ageGroup = ageGroup;
  else warnWhy(ctx, base, 'ageGroup');
  const updated = readInstant(ctx, g.updated);
  if (updated) group.updated = updated;
  else warnWhy(ctx, base, 'updated');
  return group;
}

/** Known topic ids only; a group whose topics are all unknown is kept (a typo must not hide it). */
function readTopicRefs(ctx: Ctx, value: unknown, base: string): string[] {
  if (!Array.isArray(value)) {
    warn(ctx, at(base, 'topics'), value === undefined || value === null ? 'is missing; give at least one topic id' : `expected a list of topic ids, got ${typeName(value)}`);
    return [];
  }
  const topics = readList(ctx, value, base, 'topics', LIMITS.topicsPerGroup, 'topics', readTopicRef, undefined);
  if (topics.length === 0) {
    warn(ctx, at(base, 'topics'), value.length === 0 ? 'is empty; give at least one topic id' : 'has no known topic; the group is kept but no topic leads to it');
  }
  return topics;
}

function readTopicRef(ctx: Ctx, ref: unknown, base: string, field: string, index: number): string | undefined {
  if (typeof ref === 'string' && ctx.topicsById.has(ref)) return ref;
  const why = typeof ref === 'string' ? `unknown topic ${quote(ref)}; left out` : `expected a topic id, got ${typeName(ref)}; left out`;
  warn(ctx, `${at(base, field)}[${index}]`, why);
  return undefined;
}

function readContact(ctx: Ctx, value: unknown, base: string): Contact {
  if (value === undefined || value === null) return { via: 'office' };
  const path = at(base, 'contact');
  if (!isRecord(value)) {
    warn(ctx, path, `expected an object, got ${typeName(value)}; people are sent to the office`);
    return { via: 'office' };
  }
  const email = readEmail(ctx, value.email);
  if (email === undefined) warnWhy(ctx, path, 'email');
  const phone = readPhone(ctx, value.phone, path, 'phone');
  if (phone === undefined) warnWhy(ctx, path, 'phone');
  const website = readWebUrl(ctx, value.website, path, 'website');
  if (website === undefined) warnWhy(ctx, path, 'website');
  const reachable = email !== undefined || phone !== undefined || website !== undefined;
  let via = value.via;
  if (via !== 'office' && via !== 'group') {
    via = via === undefined || via === null ? (reachable ? 'group' : 'office') : 'office';
    warn(ctx, at(path, 'via'), `expected "office" or "group", got ${typeName(value.via)}; read as "${via}"`);
  } else if (via === 'group' && !reachable) {
    warn(ctx, at(path, 'via'), 'is "group" but there is no e-mail, phone or website; people are sent to the office');
    via = 'office';
  }
  const contact: Contact = { via: via as Contact['via'] };
  const name = readLine(ctx, value.name, path, 'name', LIMITS.contactName);
  if (name) contact.name = name;
  else warnWhy(ctx, path, 'name');
  if (email) contact.email = email;
  if (phone) contact.phone = phone;
  if (website) contact.website = website;
  return contact;
}

function readMeetings(ctx: Ctx, value: unknown, base: string, groupId: string): Meeting[] {
  const meetings: Meeting[] = [];
  const list = readListField(ctx, value, base, 'meetings', 'a list of meetings');
  if (!list) return meetings;
  const n = cappedLength(ctx, list, base, 'meetings', LIMITS.meetings, 'meetings');
  for (let j = 0; j < n; j++) {
    const meeting = readMeeting(ctx, list[j], `${base}.meetings[${j}]`, groupId, j);
    if (meeting) meetings.push(meeting);
  }
  return exact(meetings);
}

function readMeeting(ctx: Ctx, m: unknown, base: string, groupId: string, index: number): Meeting | undefined {
  if (!isRecord(m)) {
    fail(ctx, base, `expected a meeting object, got ${typeName(m)}; left out`);
    return undefined;
  }
  const start = readLocalDateTime(ctx, m.start);
  if (start === undefined) {
    failWhy(ctx, base, 'start', 'meeting');
    return undefined;
  }
  let rule: Rule | undefined;
  let rrule: string | undefined;
  if (m.rrule !== undefined && m.rrule !== null) {
    if (typeof m.rrule !== 'string') {
      fail(ctx, at(base, 'rrule'), `expected a rule such as "FREQ=MONTHLY;BYDAY=2TU", got ${typeName(m.rrule)}; the meeting is left out`);
      return undefined;
    }
    // A prefix "RRULE:" and empty parts ("FREQ=WEEKLY;") mean nothing: keep the rule in its plain form.
    rrule = m.rrule.trim().replace(/^RRULE:/i, '').replace(/;{2,}/g, ';').replace(/^;|;$/g, '');
    const parsed = parseRule(ctx, rrule);
    if (typeof parsed === 'string') {
      fail(ctx, at(base, 'rrule'), `${parsed}; the meeting is left out`);
      return undefined;
    }
    rule = parsed;
    checkStartDay(ctx, rule, start, base);
  }
  let timezone = readZone(ctx, m.timezone);
  if (timezone === undefined) {
    if (ctx.why) warn(ctx, at(base, 'timezone'), `${ctx.why}; the feed's "${ctx.timezone}" is used`);
    timezone = ctx.timezone;
  }
  const meeting: Meeting = { start, timezone, exdates: readExdates(ctx, m.exdates, base) };
  if (rule) {
    meeting.rule = rule;
    meeting.rrule = rrule;
  }
  const duration = readMeetingLength(ctx, m, base, start);
  if (duration !== undefined) meeting.durationMinutes = duration;
  const text = readText(ctx, m.text, base, 'text', LIMITS.line, false);
  if (text) meeting.text = text;
  else warnWhy(ctx, base, 'text');
  const place = readMeetingPlace(ctx, m.place, base, groupId, index);
  if (place) meeting.place = place;
  const online = readOnline(ctx, m.online, base);
  if (online) meeting.online = online;
  return meeting;
}

/**
 * A parsed rule or the RuleError message. Rules are shared between meetings with the same
 * text (most groups use a handful of rhythms), so they are frozen.
 */
function parseRule(ctx: Ctx, text: string): Rule | string {
  let rule = ctx.rules.get(text);
  if (rule === undefined) {
    try {
      rule = freezeRule(parseRRule(text));
    } catch (e) {
      if (!(e instanceof RuleError)) throw e;
      rule = e.message;
    }
    if (ctx.rules.size < 5000) ctx.rules.set(text, rule);
  }
  return rule;
}

function freezeRule(rule: Rule): Rule {
  for (const d of rule.byDay) Object.freeze(d);
  Object.freeze(rule.byDay);
  if (rule.byMonthDay) Object.freeze(rule.byMonthDay);
  return Object.freeze(rule);
}

// A weekly rule on Tuesdays that starts on a Wednesday is almost always a typo in one of the two.
function checkStartDay(ctx: Ctx, rule: Rule, start: string, base: string): void {
  if (rule.byDay.length === 0) return;
  const day = WEEKDAYS[weekdayOf(start)] as WeekdayCode;
  for (const d of rule.byDay) if (d.day === day) return;
  const wanted = rule.byDay.map((d) => DAY_NAMES[d.day]).join(', ');
  warn(ctx, at(base, 'start'), `is a ${DAY_NAMES[day]} but the rule meets on ${wanted}; check both`);
}

function readMeetingLength(ctx: Ctx, m: Record<string, unknown>, base: string, start: string): number | undefined {
  if (m.end !== undefined && m.end !== null) {
    const end = readClock(ctx, m.end);
    if (end === undefined) warnWhy(ctx, base, 'end');
    else {
      const begin = minutesOf(start);
      if (end === begin) warn(ctx, at(base, 'end'), 'is the same as the start time; left out');
      else return end > begin ? end - begin : end + 1440 - begin; // past midnight
    }
  }
  const duration = readDuration(ctx, m.duration);
  if (duration === undefined) warnWhy(ctx, base, 'duration');
  return duration;
}

function readExdates(ctx: Ctx, value: unknown, base: string): string[] {
  const list = readListField(ctx, value, base, 'exdates', 'a list of dates');
  return list ? readList(ctx, list, base, 'exdates', LIMITS.exdates, 'dates', readExdate, undefined) : [];
}

function readExdate(ctx: Ctx, item: unknown, base: string, field: string, index: number): string | undefined {
  const date = readDate(ctx, item);
  if (date === undefined) warn(ctx, `${at(base, field)}[${index}]`, `${ctx.why}; left out`);
  return date;
}

function readMeetingPlace(ctx: Ctx, value: unknown, base: string, groupId: string, index: number): Place | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') {
    const place = ctx.placesById.get(value);
    if (!place) warn(ctx, at(base, 'place'), `unknown place ${quote(value)}; the meeting is kept without a place`);
    return place;
  }
  if (!isRecord(value)) {
    warn(ctx, at(base, 'place'), `expected a place id or a place object, got ${typeName(value)}; the meeting is kept without a place`);
    return undefined;
  }
  let id = readId(ctx, value.id);
  if (id === undefined) {
    warnWhy(ctx, at(base, 'place'), 'id');
    // A made-up id with "/" cannot collide with a feed id.
    id = `${groupId}/meeting-${index}`;
  }
  return readPlace(ctx, value, at(base, 'place'), id);
}

function readOnline(ctx: Ctx, value: unknown, base: string): Online | undefined {
  if (value === undefined || value === null) return undefined;
  const path = at(base, 'online');
  if (!isRecord(value)) {
    warn(ctx, path, `expected an object { url, phone, notes }, got ${typeName(value)}`);
    return undefined;
  }
  const online: Online = {};
  const url = readWebUrl(ctx, value.url, path, 'url');
  if (url) online.url = url;
  else warnWhy(ctx, path, 'url');
  const phone = readPhone(ctx, value.phone, path, 'phone');
  if (phone) online.phone = phone;
  else warnWhy(ctx, path, 'phone');
  const notes = readText(ctx, value.notes, path, 'notes', LIMITS.text, true);
  if (notes) online.notes = notes;
  else warnWhy(ctx, path, 'notes');
  return online.url || online.phone || online.notes ? online : undefined;
}
