/**
 * Reads Open Referral HSDS 3 JSON (a service, an organization with services, or a list or
 * page of them) into a feed v1: a service becomes a group, its schedules (RFC 5545 parts:
 * freq, interval, byday, bymonthday, count, until, dtstart, opens_at, closes_at) become
 * meetings, locations become places or online links, taxonomy terms become topics and the
 * organization the office. Maps what maps; everything else is reported by path.
 */
import type { Feed, FeedContact, FeedGroup, FeedMeeting, FeedOffice, FeedPlace, FeedTopic, LanguageTag } from '../types.js';
import { FeedError } from '../errors.js';
import { parseRRule, RuleError } from '../../schedule/rrule.js';
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
  readIsoDate,
  reportIgnored,
  slugify,
  str,
  times,
  toId,
  uniqueId,
  type AdapterOptions,
  type AdapterResult,
} from './common.js';

type Rec = Record<string, unknown>;

const SERVICE_FIELDS = new Set([
  'id', 'name', 'alternate_name', 'description', 'status', 'email', 'url', 'phones', 'contacts', 'languages', 'minimum_age',
  'maximum_age', 'attributes', 'schedules', 'service_at_locations', 'organization', 'organization_id', 'program_id', 'assured_date', 'metadata',
]);
const SCHEDULE_FIELDS = new Set([
  'id', 'service_id', 'location_id', 'service_at_location_id', 'valid_from', 'valid_to', 'dtstart', 'timezone', 'until', 'count',
  'wkst', 'freq', 'interval', 'byday', 'bymonthday', 'description', 'opens_at', 'closes_at', 'metadata',
]);

interface Entry {
  service: unknown;
  path: string;
  organization?: unknown;
}

interface Context {
  problems: ProblemList;
  anchor: string;
  places: Map<string, FeedPlace>;
  placeIds: Set<string>;
  topics: Map<string, FeedTopic & { termId?: string; parentTermId?: string }>;
  topicIds: Set<string>;
}

const at = (base: string, field: string): string => (base ? `${base}.${field}` : field);

/** HSDS 3 JSON → feed v1 and what did not map. */
export function hsdsToFeed(data: unknown, options: AdapterOptions = {}): AdapterResult<Feed> {
  const entries = entriesOf(data);
  const language = options.language ?? 'en';
  const ctx: Context = { problems: new ProblemList(), anchor: options.anchorDate ?? DEFAULT_ANCHOR, places: new Map(), placeIds: new Set(), topics: new Map(), topicIds: new Set() };
  const { problems } = ctx;
  const fallback = options.topic ?? { id: 'services', name: language.toLowerCase().startsWith('de') ? 'Angebote' : 'Services' };
  const groups: FeedGroup[] = [];
  const groupIds = new Set<string>();
  let office: FeedOffice | undefined;
  let officeName: string | undefined;

  for (const { service, path, organization } of entries) {
    if (!isObject(service)) {
      problems.error(path || '(root)', 'expected a service object; left out');
      continue;
    }
    reportIgnored(problems, service, SERVICE_FIELDS, path, 'HSDS service');
    const name = str(service.name);
    if (!name) {
      problems.error(at(path, 'name'), 'is missing; the service is left out');
      continue;
    }
    const status = str(service.status)?.toLowerCase();
    if (status === 'defunct') {
      problems.warn(at(path, 'status'), 'is "defunct"; the service is left out');
      continue;
    }
    const group: FeedGroup = { id: uniqueId(toId(service.id, slugify(name, 'service')), groupIds), name, topics: readTopics(ctx, service.attributes, path) };
    if (group.topics.length === 0) {
      group.topics = [fallback.id];
      problems.once('no-topic', at(path, 'attributes'), (n) => `no taxonomy term; filed under the topic "${fallback.name}"${times(n)}`);
    }
    const description = str(service.description);
    if (description) group.description = description;
    const alternate = str(service.alternate_name);
    if (alternate) group.keywords = [alternate];
    if (status === 'inactive' || status === 'temporarily closed') group.status = 'paused';
    else if (status && status !== 'active') problems.warn(at(path, 'status'), `"${status}" is not an HSDS status; read as active`);
    const languages = readLanguages(ctx, service.languages, path);
    if (languages.length) group.languages = languages;
    const maxAge = num(service.maximum_age);
    const minAge = num(service.minimum_age);
    if (maxAge !== undefined && maxAge <= 27) group.ageGroup = 'young';
    else if (minAge !== undefined && minAge >= 60) group.ageGroup = 'seniors';
    const meetings = readMeetings(ctx, service, path);
    if (meetings.length) group.meetings = meetings;
    const contact = readContact(ctx, service, path);
    if (contact) group.contact = contact;
    const updated = readIsoDate(service.assured_date);
    if (updated) group.updated = updated;
    groups.push(orderGroup(group));

    const org = isObject(service.organization) ? service.organization : organization;
    if (isObject(org) && str(org.name)) {
      if (!office) {
        office = readOffice(org);
        officeName = str(org.name);
      } else if (str(org.name) !== officeName) {
        problems.once('orgs', at(path, 'organization'), (n) => `another organization than "${officeName}"; only the first becomes the office${times(n)}`);
      }
    }
  }

  const topics: FeedTopic[] = [...ctx.topics.values()].map(({ termId: _termId, parentTermId, ...topic }) => {
    const parent = parentTermId ? [...ctx.topics.values()].find((t) => t.termId === parentTermId && t.id !== topic.id) : undefined;
    return parent && !parent.parentTermId ? { ...topic, parent: parent.id } : topic;
  });
  if (groups.some((g) => g.topics.includes(fallback.id)) && !topics.some((t) => t.id === fallback.id)) topics.push({ id: fallback.id, name: fallback.name });
  const feed: Feed = {
    version: 1,
    language,
    timezone: options.timezone ?? DEFAULT_TIMEZONE,
    ...(office && { office }),
    topics,
    places: [...ctx.places.values()],
    groups,
  };
  return { feed, problems: problems.finish() };
}

function entriesOf(data: unknown): Entry[] {
  const fromList = (list: unknown[], base: string): Entry[] =>
    list.flatMap((item, i) => (isObject(item) && Array.isArray(item.services) ? fromOrganization(item, `${base}[${i}]`) : [{ service: item, path: `${base}[${i}]` }]));
  const fromOrganization = (org: Rec, base: string): Entry[] => (org.services as unknown[]).map((service, i) => ({ service, path: at(base, `services[${i}]`), organization: org }));
  if (Array.isArray(data)) return fromList(data, '');
  if (isObject(data)) {
    if (Array.isArray(data.contents)) return fromList(data.contents, 'contents');
    if (Array.isArray(data.services)) return fromOrganization(data, '');
    if (str(data.name) !== undefined || Array.isArray(data.schedules) || Array.isArray(data.service_at_locations)) return [{ service: data, path: '' }];
  }
  throw new FeedError('invalid', 'This is not HSDS data: expected a service, an organization with services, or a list of them.');
}

function readTopics(ctx: Context, value: unknown, path: string): string[] {
  if (!Array.isArray(value)) return [];
  const ids: string[] = [];
  value.forEach((attribute, i) => {
    const term = isObject(attribute) ? attribute.taxonomy_term : undefined;
    const name = isObject(term) ? str(term.name) : undefined;
    if (!isObject(term) || !name) {
      ctx.problems.once('term', at(path, `attributes[${i}]`), (n) => `an attribute without a taxonomy_term name cannot become a topic; left out${times(n)}`);
      return;
    }
    const termId = str(term.id) ?? name;
    let topic = ctx.topics.get(termId);
    if (!topic) {
      topic = { id: uniqueId(slugify(name, 'topic'), ctx.topicIds), name, termId };
      const parentTermId = str(term.parent_id);
      if (parentTermId) topic.parentTermId = parentTermId;
      ctx.topics.set(termId, topic);
    }
    if (!ids.includes(topic.id)) ids.push(topic.id);
  });
  return ids;
}

function readLanguages(ctx: Context, value: unknown, path: string): LanguageTag[] {
  if (!Array.isArray(value)) return [];
  const out: LanguageTag[] = [];
  value.forEach((item, i) => {
    const code = isObject(item) ? str(item.code) : str(item);
    if (code && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(code)) {
      if (!out.includes(code.toLowerCase())) out.push(code.toLowerCase());
    } else {
      ctx.problems.once('language', at(path, `languages[${i}]`), (n) => `a language without an ISO 639 code cannot be read; left out${times(n)}`);
    }
  });
  return out;
}

function readMeetings(ctx: Context, service: Rec, path: string): FeedMeeting[] {
  const meetings: FeedMeeting[] = [];
  const links = Array.isArray(service.service_at_locations) ? service.service_at_locations : [];
  const located = links.map((link, i) => (isObject(link) && isObject(link.location) ? readLocation(ctx, link.location, at(path, `service_at_locations[${i}].location`)) : undefined));
  links.forEach((link, i) => {
    if (!isObject(link) || !Array.isArray(link.schedules)) return;
    link.schedules.forEach((schedule, j) => {
      const meeting = readSchedule(ctx, schedule, at(path, `service_at_locations[${i}].schedules[${j}]`));
      if (meeting) meetings.push(withLocation(meeting, located[i]));
    });
  });
  const schedules = Array.isArray(service.schedules) ? service.schedules : [];
  const where = located.filter(Boolean);
  if (schedules.length && where.length > 1) {
    ctx.problems.warn(at(path, 'schedules'), 'the service has several locations; its own schedules are kept without a place (give each location its schedules)');
  }
  schedules.forEach((schedule, j) => {
    const meeting = readSchedule(ctx, schedule, at(path, `schedules[${j}]`));
    if (meeting) meetings.push(withLocation(meeting, where.length === 1 ? where[0] : undefined));
  });
  return meetings;
}

type Location = { place?: string; url?: string };

function withLocation(meeting: FeedMeeting, location: Location | undefined): FeedMeeting {
  if (location?.place) meeting.place = location.place;
  if (location?.url) meeting.online = { url: location.url };
  return meeting;
}

function readLocation(ctx: Context, location: Rec, path: string): Location | undefined {
  const type = str(location.location_type)?.toLowerCase();
  if (type === 'virtual') {
    const url = str(location.url);
    if (!url) ctx.problems.warn(at(path, 'url'), 'is missing for a virtual location; the meeting is kept without a link');
    return url ? { url } : undefined;
  }
  const addresses = Array.isArray(location.addresses) ? location.addresses.filter(isObject) : [];
  const address = addresses.find((a) => str(a.address_type)?.toLowerCase() === 'physical') ?? addresses[0];
  const name = str(location.name);
  const place: FeedPlace = { id: '' };
  if (name) place.name = name;
  if (address) {
    const street = paragraphs([str(address.address_1), str(address.address_2)])?.replace(/\n\n/g, ', ');
    const postalCode = str(address.postal_code);
    const city = str(address.city);
    if (street) place.street = street;
    if (postalCode) place.postalCode = postalCode;
    if (city) place.city = city;
  }
  if (!place.name && !place.street && !place.city) return undefined;
  const lat = num(location.latitude);
  const lon = num(location.longitude);
  if (lat !== undefined && lon !== undefined) Object.assign(place, { lat, lon });
  const notes = Array.isArray(location.accessibility)
    ? paragraphs(location.accessibility.map((a) => (isObject(a) ? paragraphs([str(a.description), str(a.details)]) : undefined)))
    : undefined;
  if (notes) place.accessibility = { notes };
  const key = placeKey(place, name);
  const known = ctx.places.get(key);
  if (known) return { place: known.id };
  place.id = uniqueId(toId(location.id, slugify(name ?? place.street ?? 'place', 'place')), ctx.placeIds);
  ctx.places.set(key, place);
  return { place: place.id };
}

function readSchedule(ctx: Context, schedule: unknown, path: string): FeedMeeting | undefined {
  const { problems } = ctx;
  if (!isObject(schedule)) {
    problems.error(path, 'expected a schedule object; left out');
    return undefined;
  }
  reportIgnored(problems, schedule, SCHEDULE_FIELDS, path, 'HSDS schedule');
  for (const part of ['byweekno', 'byyearday']) {
    if (str(schedule[part])) {
      problems.error(at(path, part), 'is not supported by the feed format; the schedule is left out');
      return undefined;
    }
  }
  const time = readClockText(schedule.opens_at);
  if (!time) {
    problems.error(at(path, 'opens_at'), `expected a time such as "18:00", got ${JSON.stringify(schedule.opens_at ?? null)}; the schedule is left out`);
    return undefined;
  }
  const end = readClockText(schedule.closes_at);
  if ((time.offset || end?.offset) === true) {
    problems.once('offset', path, (n) => `opens_at/closes_at carry a UTC offset; the feed keeps local times in its time zone, so the offset is dropped${times(n)}`);
  }
  if (schedule.timezone !== undefined && schedule.timezone !== null && schedule.timezone !== '') {
    problems.once('timezone', at(path, 'timezone'), (n) => `a UTC offset is not a time zone; meetings use the feed's time zone${times(n)}`);
  }
  const dtstart = readIsoDate(schedule.dtstart) ?? readIsoDate(schedule.valid_from);
  const byday = str(schedule.byday)?.toUpperCase().replace(/\s+/g, '');
  const bymonthday = str(schedule.bymonthday)?.replace(/\s+/g, '');
  const freq = str(schedule.freq)?.toUpperCase() ?? (byday ? 'WEEKLY' : bymonthday ? 'MONTHLY' : undefined);
  const meeting: FeedMeeting = { start: '' };
  if (freq) {
    const parts = [`FREQ=${freq}`];
    const interval = num(schedule.interval);
    if (interval !== undefined && interval !== 1) parts.push(`INTERVAL=${interval}`);
    if (byday) parts.push(`BYDAY=${byday}`);
    if (bymonthday) parts.push(`BYMONTHDAY=${bymonthday}`);
    const count = num(schedule.count);
    if (count !== undefined) parts.push(`COUNT=${count}`);
    const until = readIsoDate(schedule.until) ?? readIsoDate(schedule.valid_to);
    if (until && count === undefined) parts.push(`UNTIL=${until.replace(/-/g, '')}`);
    const rrule = parts.join(';');
    let date: string | undefined;
    try {
      date = firstMatchingDate(parseRRule(rrule), dtstart ?? ctx.anchor);
    } catch (e) {
      if (!(e instanceof RuleError)) throw e;
      problems.error(path, `${e.message}; the schedule is left out`);
      return undefined;
    }
    if (!date) {
      problems.error(path, `${rrule} never meets; the schedule is left out`);
      return undefined;
    }
    if (dtstart && date !== dtstart) problems.warn(at(path, 'dtstart'), `${dtstart} is not a day the rule meets on; the first meeting is ${date}`);
    meeting.rrule = rrule;
    meeting.start = `${date}T${time.time}`;
  } else if (dtstart) {
    meeting.start = `${dtstart}T${time.time}`;
  } else {
    problems.error(path, 'has no freq, byday or dtstart, so no date can be read; the schedule is left out');
    return undefined;
  }
  if (end && end.time !== time.time) meeting.end = end.time;
  const text = str(schedule.description);
  if (text) meeting.text = text;
  return meeting;
}

function firstPhone(value: unknown): string | undefined {
  return Array.isArray(value) ? value.map((p) => (isObject(p) ? str(p.number) : undefined)).find(Boolean) : undefined;
}

function readContact(ctx: Context, service: Rec, path: string): FeedContact | undefined {
  const person = Array.isArray(service.contacts) ? service.contacts.find(isObject) : undefined;
  const email = str(service.email) ?? (person ? str(person.email) : undefined);
  const phone = firstPhone(service.phones) ?? (person ? firstPhone(person.phones) : undefined);
  const website = str(service.url);
  if (!email && !phone && !website) return undefined;
  const fullName = person ? str(person.name) : undefined;
  // First names only: the feed format never carries a last name.
  const name = fullName?.split(/\s+/)[0];
  if (fullName && name !== fullName) ctx.problems.warn(at(path, 'contacts[0].name'), `only the first name "${name}" is kept`);
  return { via: 'group', ...(name && { name }), ...(email && { email }), ...(phone && { phone }), ...(website && { website }) };
}

function readOffice(org: Rec): FeedOffice {
  const office: FeedOffice = { name: str(org.name) as string };
  const description = str(org.description);
  const email = str(org.email);
  const phone = firstPhone(org.phones);
  const website = str(org.website) ?? str(org.url);
  if (description) office.description = description;
  if (phone) office.phone = phone;
  if (email) office.email = email;
  if (website) office.website = website;
  return office;
}
