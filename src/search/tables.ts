/**
 * Per-group facts as small integers, built once per directory: statuses, audience, mode,
 * accessibility and age as bit flags, meeting weekdays × times of day as a 21-bit mask,
 * topics (with their areas) and meeting places as flat index lists. Filters then run as
 * integer operations over typed arrays.
 */
import type { Directory, Group, GroupStatus, Meeting, Place, WeekdayCode } from '../feed/types.js';
import type { TimeOfDay } from './types.js';

export const WEEKDAYS: readonly WeekdayCode[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
export const TIMES: readonly TimeOfDay[] = ['morning', 'afternoon', 'evening'];
export const STATUSES: readonly GroupStatus[] = ['open', 'closed', 'founding', 'paused'];

export const AFFECTED = 1;
export const RELATIVES = 2;
export const IN_PERSON = 4;
export const ONLINE = 8;
export const WHEELCHAIR = 16;
export const YOUNG = 32;
export const SENIORS = 64;

/** A list per item, flattened: item i owns `items[start[i] .. start[i + 1])`. */
export interface Lists {
  start: Int32Array;
  items: Int32Array;
}

export interface GroupTables {
  count: number;
  /** 1 << index in STATUSES. */
  status: Uint8Array;
  /** AFFECTED | RELATIVES | IN_PERSON | ONLINE | WHEELCHAIR | YOUNG | SENIORS. */
  flags: Uint8Array;
  /** Bit day * 3 + time for every regular meeting with a fixed weekday. */
  dayTimes: Uint32Array;
  /** Time bits of meetings whose weekday changes (monthly on a day of the month). */
  floatingTimes: Uint8Array;
  topicIndex: ReadonlyMap<string, number>;
  /** Per group: its topics and their areas, without repeats. */
  groupTopics: Lists;
  /** Per topic: the groups filed under it or, for an area, under one of its topics. */
  topicGroups: Lists;
  /** Every place some group meets at, each once. */
  places: Place[];
  groupPlaces: Lists;
  placeGroups: Lists;
  /** Distinct language tags of the groups, lower case. */
  languageTags: string[];
  groupLanguages: Lists;
}

export function buildGroupTables(directory: Directory): GroupTables {
  const groups = directory.groups;
  const count = groups.length;
  const status = new Uint8Array(count);
  const flags = new Uint8Array(count);
  const dayTimes = new Uint32Array(count);
  const floatingTimes = new Uint8Array(count);

  const topicIndex = new Map<string, number>();
  directory.topics.forEach((topic, i) => topicIndex.set(topic.id, i));
  const parentOf = directory.topics.map((topic) => (topic.parent === undefined ? -1 : (topicIndex.get(topic.parent) ?? -1)));

  const placeIndex = new Map<Place, number>();
  const places: Place[] = [];
  const languageIndex = new Map<string, number>();
  const languageTags: string[] = [];
  const feedLanguage = directory.language.toLowerCase();

  const topicLists = new ListBuilder(count);
  const placeLists = new ListBuilder(count);
  const languageLists = new ListBuilder(count);

  for (let g = 0; g < count; g++) {
    const group = groups[g];
    status[g] = statusBit(group.status);
    flags[g] = groupFlags(group);
    if (!group.byArrangement) {
      for (const meeting of group.meetings) {
        const time = timeBit(meeting.start);
        const days = weekdays(meeting);
        if (days === 0) floatingTimes[g] |= time;
        else for (let d = 0; d < 7; d++) if (days & (1 << d)) dayTimes[g] |= time << (d * 3);
      }
    }

    for (const id of group.topics) {
      const t = topicIndex.get(id);
      if (t === undefined) continue;
      topicLists.addUnique(t);
      if (parentOf[t] >= 0) topicLists.addUnique(parentOf[t]);
    }
    topicLists.close();

    for (const meeting of group.meetings) {
      const place = meeting.place;
      if (!place) continue;
      let p = placeIndex.get(place);
      if (p === undefined) {
        p = places.length;
        places.push(place);
        placeIndex.set(place, p);
      }
      placeLists.addUnique(p);
    }
    placeLists.close();

    const tags = group.languages.length > 0 ? group.languages : [feedLanguage];
    for (const tag of tags) {
      let l = languageIndex.get(tag);
      if (l === undefined) {
        const lower = tag.toLowerCase();
        l = languageTags.indexOf(lower);
        if (l < 0) l = languageTags.push(lower) - 1;
        languageIndex.set(tag, l);
      }
      languageLists.addUnique(l);
    }
    languageLists.close();
  }

  const groupTopics = topicLists.done();
  const groupPlaces = placeLists.done();
  return {
    count,
    status,
    flags,
    dayTimes,
    floatingTimes,
    topicIndex,
    groupTopics,
    topicGroups: invert(groupTopics, directory.topics.length),
    places,
    groupPlaces,
    placeGroups: invert(groupPlaces, places.length),
    languageTags,
    groupLanguages: languageLists.done(),
  };
}

/** Per group: 1 << index of its status in STATUSES. */
export function statusBits(directory: Directory): Uint8Array {
  const status = new Uint8Array(directory.groups.length);
  directory.groups.forEach((group, g) => (status[g] = statusBit(group.status)));
  return status;
}

/** 1 << index in STATUSES; an unknown status counts as open. */
function statusBit(status: GroupStatus): number {
  return status === 'open' ? 1 : status === 'closed' ? 2 : status === 'founding' ? 4 : status === 'paused' ? 8 : 1;
}

function groupFlags(group: Group): number {
  let f = 0;
  // A group that names no audience is open to both.
  if (group.audience.length === 0 || group.audience.includes('affected')) f |= AFFECTED;
  if (group.audience.length === 0 || group.audience.includes('relatives')) f |= RELATIVES;
  if (group.ageGroup === 'young') f |= YOUNG;
  if (group.ageGroup === 'seniors') f |= SENIORS;
  // Without meetings the mode is unknown, so neither mode filter hides the group.
  if (group.meetings.length === 0) f |= IN_PERSON | ONLINE;
  for (const meeting of group.meetings) {
    if (meeting.online) f |= ONLINE;
    if (!meeting.online || meeting.place) f |= IN_PERSON;
    if (meeting.place?.accessibility?.wheelchair === true) f |= WHEELCHAIR;
  }
  return f;
}

/** Bits 0..6 (MO..SU) of the weekdays a meeting falls on; 0 when the weekday changes. */
export function weekdays(meeting: Meeting): number {
  const rule = meeting.rule;
  if (rule && rule.byDay.length > 0) {
    let days = 0;
    for (const { day } of rule.byDay) {
      const d = WEEKDAYS.indexOf(day);
      if (d >= 0) days |= 1 << d;
    }
    return days;
  }
  // A monthly rule without BYDAY repeats on a day of the month, whatever weekday it is.
  if (rule && rule.freq !== 'WEEKLY') return 0;
  const d = weekdayOfDate(meeting.start);
  return d < 0 ? 0 : 1 << d;
}

/** 0 = Monday … 6 = Sunday, or -1 when `start` does not begin with a date "YYYY-MM-DD". */
export function weekdayOfDate(start: string): number {
  if (start.charCodeAt(4) !== 0x2d || start.charCodeAt(7) !== 0x2d) return -1;
  const y = digits(start, 0, 4);
  const m = digits(start, 5, 2);
  const d = digits(start, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1) return -1;
  // Sakamoto's method; 0 = Sunday.
  const yy = m < 3 ? y - 1 : y;
  const sunday0 = (yy + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400) + MONTH_OFFSETS[m - 1] + d) % 7;
  return (sunday0 + 6) % 7;
}

const MONTH_OFFSETS = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];

/** 1 morning (before 12:00), 2 afternoon (12:00–16:59), 4 evening (from 17:00); 0 without a time. */
export function timeBit(start: string): number {
  if (start.charCodeAt(10) !== 0x54 /* T */) return 0;
  const hour = digits(start, 11, 2);
  return hour < 0 ? 0 : hour < 12 ? 1 : hour < 17 ? 2 : 4;
}

/** The decimal number in s[at .. at + length), or -1 when one of them is not a digit. */
function digits(s: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const c = s.charCodeAt(i) - 0x30;
    if (!(c >= 0 && c <= 9)) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Accumulates one short list per owner, in owner order. */
class ListBuilder {
  private readonly start: Int32Array;
  private items = new Int32Array(1024);
  private length = 0;
  private owner = 0;

  constructor(owners: number) {
    this.start = new Int32Array(owners + 1);
  }

  addUnique(value: number): void {
    for (let k = this.start[this.owner]; k < this.length; k++) if (this.items[k] === value) return;
    if (this.length === this.items.length) {
      const bigger = new Int32Array(this.items.length * 2);
      bigger.set(this.items);
      this.items = bigger;
    }
    this.items[this.length++] = value;
  }

  close(): void {
    this.start[++this.owner] = this.length;
  }

  done(): Lists {
    return { start: this.start, items: this.items.slice(0, this.length) };
  }
}

/** From owner → items to item → owners (owners ascending). */
export function invert(lists: Lists, itemCount: number): Lists {
  const start = new Int32Array(itemCount + 1);
  for (const item of lists.items) start[item + 1]++;
  for (let i = 0; i < itemCount; i++) start[i + 1] += start[i];
  const cursor = start.slice(0, itemCount);
  const items = new Int32Array(lists.items.length);
  const owners = lists.start.length - 1;
  for (let o = 0; o < owners; o++) {
    for (let k = lists.start[o]; k < lists.start[o + 1]; k++) items[cursor[lists.items[k]]++] = o;
  }
  return { start, items };
}
