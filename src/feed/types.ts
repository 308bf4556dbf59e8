/**
 * Types of the directory feed, version 1, as a contact office publishes it
 * (`Feed*`), and of the normalised directory the elements read (`Directory`,
 * `Group`, ...). The JSON Schema in `feed.schema.json` describes the same
 * format; docs/feed.md documents every field.
 *
 * No DOM, no Lit: this folder runs in node too.
 */
import type { FeedError } from './errors.js';

/** A language tag such as `de`, `en`, `ar`, `pt-BR` (BCP 47). */
export type LanguageTag = string;

/** A text in the feed's `language`, or an object of language → text. */
export type FeedText = string | Record<LanguageTag, string>;

/** A list of terms in the feed's `language`, or an object of language → terms. */
export type FeedTerms = string[] | Record<LanguageTag, string[]>;

/** Two-letter weekday codes as RFC 5545 writes them. */
export type WeekdayCode = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';

export type Audience = 'affected' | 'relatives';
export type AgeGroup = 'young' | 'seniors';
export type GroupStatus = 'open' | 'closed' | 'founding' | 'paused';

export interface FeedAddress {
  street?: string;
  postalCode?: string;
  city?: string;
  district?: string;
}

/** One row of structured opening hours: these days, from `opens` to `closes` (local "HH:MM"). */
export interface FeedOpeningHours {
  days: WeekdayCode[];
  opens: string;
  closes: string;
}

export interface FeedOffice {
  name: FeedText;
  description?: FeedText;
  address?: FeedAddress;
  phone?: string;
  email?: string;
  website?: string;
  /** Structured rows, or the office's own wording as free text. */
  openingHours?: FeedOpeningHours[] | FeedText;
  /** Languages consultations are offered in. */
  languages?: LanguageTag[];
  /** Where the contact form posts (https, or a same-origin path). */
  contactEndpoint?: string;
  privacyUrl?: string;
  /** When true, the elements say consultations are free and confidential. */
  freeAndConfidential?: boolean;
  /** How long a reply usually takes, in the office's words ("within two working days"). */
  replyTime?: FeedText;
}

export interface FeedTopic {
  id: string;
  name: FeedText;
  description?: FeedText;
  /** The id of the area this topic belongs to; absent for areas. One level only. */
  parent?: string;
  synonyms?: FeedTerms;
}

export interface FeedAccessibility {
  wheelchair?: boolean;
  accessibleToilet?: boolean;
  hearingLoop?: boolean;
  notes?: FeedText;
}

export interface FeedPlace extends FeedAddress {
  id: string;
  name?: FeedText;
  lat?: number;
  lon?: number;
  accessibility?: FeedAccessibility;
}

export interface FeedOnline {
  url?: string;
  phone?: string;
  notes?: FeedText;
}

export interface FeedMeeting {
  /** RFC 5545 RRULE subset: FREQ=WEEKLY|MONTHLY, INTERVAL, BYDAY (with ordinals), COUNT, UNTIL. */
  rrule?: string;
  /** Local date-time of the first meeting ("2026-01-13T18:00"); anchors INTERVAL. */
  start: string;
  /** Local end time ("20:00"). */
  end?: string;
  /** ISO 8601 duration ("PT2H", "PT90M"), used when `end` is absent. */
  duration?: string;
  /** IANA time zone; defaults to the feed's `timezone`. */
  timezone?: string;
  /** Cancelled dates ("2026-12-24" or a local date-time). */
  exdates?: string[];
  /** The office's own wording of the rhythm ("jeden 2. Dienstag im Monat"). */
  text?: FeedText;
  /** A place id or an inline place; absent when the group does not publish where it meets. */
  place?: string | Omit<FeedPlace, 'id'> & { id?: string };
  online?: FeedOnline;
}

export interface FeedContact {
  /** `office`: people reach the group through the office; `group`: directly. */
  via: 'office' | 'group';
  /** A first name only. */
  name?: string;
  email?: string;
  phone?: string;
  website?: string;
}

export interface FeedGroup {
  id: string;
  name: FeedText;
  description?: FeedText;
  topics: string[];
  keywords?: FeedTerms;
  audience?: Audience[];
  ageGroup?: AgeGroup;
  status?: GroupStatus;
  languages?: LanguageTag[];
  meetings?: FeedMeeting[];
  byArrangement?: boolean;
  contact?: FeedContact;
  updated?: string;
}

export interface Feed {
  version: 1;
  updated?: string;
  language?: LanguageTag;
  timezone?: string;
  office?: FeedOffice;
  topics?: FeedTopic[];
  places?: FeedPlace[];
  groups: FeedGroup[];
}

// ---------------------------------------------------------------------------
// The normalised directory

/** A localised text with at least one language. Resolve it with `resolveText()`. */
export type Text = Readonly<Record<LanguageTag, string>>;
/** Localised terms. Resolve them with `resolveTerms()`. */
export type Terms = Readonly<Record<LanguageTag, readonly string[]>>;

/** A weekday in a BYDAY list, with an optional ordinal (2 = second, -1 = last). */
export interface ByDay {
  day: WeekdayCode;
  ordinal?: number;
}

/** A parsed RRULE of the supported subset. */
export interface Rule {
  freq: 'WEEKLY' | 'MONTHLY';
  interval: number;
  byDay: ByDay[];
  /** Day of the month (1..31 or negative from the end) for MONTHLY rules without BYDAY. */
  byMonthDay?: number[];
  count?: number;
  /** Last possible start, as UTC epoch milliseconds. */
  until?: number;
}

export interface Accessibility {
  wheelchair?: boolean;
  accessibleToilet?: boolean;
  hearingLoop?: boolean;
  notes?: Text;
}

export interface Place {
  id: string;
  name?: Text;
  street?: string;
  postalCode?: string;
  city?: string;
  district?: string;
  lat?: number;
  lon?: number;
  accessibility: Accessibility;
}

export interface Online {
  /** Safe (allow-listed scheme) URL or undefined. */
  url?: string;
  phone?: string;
  notes?: Text;
}

export interface Meeting {
  /** The parsed rule; undefined for a single meeting on `start`. */
  rule?: Rule;
  /** The rule as written in the feed, for .ics export. */
  rrule?: string;
  /** Local start "YYYY-MM-DDTHH:MM". */
  start: string;
  /** Length in minutes (from `end` or `duration`); undefined when unknown. */
  durationMinutes?: number;
  /** IANA time zone, resolved (meeting → feed → Europe/Berlin). */
  timezone: string;
  /** Cancelled local dates "YYYY-MM-DD". */
  exdates: string[];
  text?: Text;
  place?: Place;
  online?: Online;
}

export interface Contact {
  via: 'office' | 'group';
  name?: string;
  email?: string;
  phone?: string;
  website?: string;
}

export interface Group {
  id: string;
  name: Text;
  description?: Text;
  /** Ids of topics that exist in the directory (unknown ones are dropped and reported). */
  topics: string[];
  keywords: Terms;
  audience: Audience[];
  ageGroup?: AgeGroup;
  status: GroupStatus;
  languages: LanguageTag[];
  meetings: Meeting[];
  byArrangement: boolean;
  contact: Contact;
  updated?: string;
}

export interface Topic {
  id: string;
  name: Text;
  description?: Text;
  /** The area's id, or undefined when this topic is an area. */
  parent?: string;
  synonyms: Terms;
}

export interface OpeningHours {
  days: WeekdayCode[];
  opens: string;
  closes: string;
}

export interface Office {
  name: Text;
  description?: Text;
  address?: FeedAddress;
  phone?: string;
  email?: string;
  website?: string;
  openingHours?: OpeningHours[];
  openingHoursText?: Text;
  languages: LanguageTag[];
  contactEndpoint?: string;
  privacyUrl?: string;
  freeAndConfidential: boolean;
  replyTime?: Text;
}

/** A problem found while reading a feed. `path` names the field ("groups[12].meetings[0].rrule"). */
export interface FeedProblem {
  path: string;
  message: string;
  /** `error`: the record or field was dropped. `warning`: kept, but worth fixing. */
  severity: 'error' | 'warning';
}

export interface Directory {
  version: 1;
  updated?: string;
  /** The language of plain-string texts in the feed. */
  language: LanguageTag;
  timezone: string;
  office?: Office;
  /** Every topic, areas included, in feed order. */
  topics: Topic[];
  topicsById: ReadonlyMap<string, Topic>;
  places: Place[];
  placesById: ReadonlyMap<string, Place>;
  /** Valid groups in feed order. */
  groups: Group[];
  groupsById: ReadonlyMap<string, Group>;
  /** Everything that was dropped or questionable, with its path. */
  problems: FeedProblem[];
  /**
   * Set when the feed could not be fetched and this is the last good copy the browser kept:
   * when that copy was fetched (ISO 8601) and why the fresh one failed.
   */
  stale?: { fetchedAt: string; error: FeedError };
}
