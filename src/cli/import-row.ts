/**
 * One spreadsheet row's meeting, place and contact. Each reader reports what it could not
 * use through `report` (by the row's line) and returns what it could.
 */
import type { FeedContact, FeedMeeting, FeedPlace, WeekdayCode } from '../feed/types.js';
import { safeEmail, safePhone, safeUrl } from '../feed/url.js';
import { parseRRule, WEEKDAYS } from '../schedule/rrule.js';
import { daysFromCivil, weekdayOfDays } from '../schedule/timezone.js';
import { firstMatchingDate, placeKey, slugify, uniqueId } from '../feed/adapters/common.js';
import { readDate, readYesNo, type Field } from './columns.js';
import { parseRhythm, parseTimeRange, rhythmToRRule, type Rhythm } from './rhythm.js';
import type { Messages } from './messages.js';

export type Report = (message: string, severity?: 'error' | 'warning') => void;
export type Cell = (field: Field) => string;

export interface RowContext {
  t: Messages;
  /** Date first meetings are counted from when a row has no Beginn ("YYYY-MM-DD"). */
  today: string;
  /** How dates are shown in messages. */
  showDate: (date: string) => string;
}

export type MeetingOutcome = { meeting: FeedMeeting } | { byArrangement: true } | { none: true } | { failed: true };

function weekdayOfDate(date: string): WeekdayCode {
  return WEEKDAYS[weekdayOfDays(daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))))] as WeekdayCode;
}

/** The row's meeting from Rhythmus, Uhrzeit and Beginn; `none` when the row gives no dates at all. */
export function readMeeting(cell: Cell, ctx: RowContext, report: Report): MeetingOutcome {
  const { t } = ctx;
  const phrase = cell('rhythm');
  const timeText = cell('time');
  const startText = cell('start');
  if (!phrase && !timeText && !startText) return { none: true };
  const startDate = startText ? readDate(startText) : undefined;
  if (startText && !startDate) report(t.badValue('Beginn', startText, '13.01.2026'));

  const rhythm: Rhythm | undefined = phrase ? parseRhythm(phrase) : startDate ? { kind: 'once' } : undefined;
  if (!rhythm) {
    report(t.noRhythm, 'error');
    return { failed: true };
  }
  if (rhythm.kind === 'arrangement') return { byArrangement: true };
  if (rhythm.kind === 'unknown') {
    report(t.rhythm[rhythm.reason](phrase), 'error');
    return { failed: true };
  }
  const time = timeText ? parseTimeRange(timeText) : rhythm.time;
  if (!time) {
    report(timeText ? t.badTime(timeText) : t.noTime, 'error');
    return { failed: true };
  }
  const meeting: FeedMeeting = { start: '' };
  if (rhythm.kind === 'once') {
    if (!startDate) {
      report(t.onceWithoutDate, 'error');
      return { failed: true };
    }
    meeting.start = `${startDate}T${time.start}`;
  } else {
    const rrule = rhythmToRRule(rhythm, startDate ? weekdayOfDate(startDate) : undefined);
    if (!rrule) {
      report(t.needsWeekday(phrase), 'error');
      return { failed: true };
    }
    const first = firstMatchingDate(parseRRule(rrule), startDate ?? ctx.today) as string;
    if (startDate && first !== startDate) report(t.startShifted(ctx.showDate(startDate), ctx.showDate(first)));
    if (rhythm.interval > 1 && !startDate) report(t.intervalWithoutStart);
    meeting.rrule = rrule;
    meeting.start = `${first}T${time.start}`;
  }
  if (time.end && time.end !== time.start) meeting.end = time.end;
  if (phrase) meeting.text = phrase;
  return { meeting };
}

/** The online link, made safe; undefined (and reported) when it is not a web address. */
export function readOnlineUrl(cell: Cell, t: Messages, report: Report): string | undefined {
  const raw = cell('onlineUrl');
  if (!raw) return undefined;
  const url = safeUrl(/^www\./i.test(raw) ? `https://${raw}` : raw);
  if (url && /^https?:/.test(url)) return url;
  report(t.badValue('Online-Link', raw, 'https://…'));
  return undefined;
}

/** The row's place (shared with earlier rows at the same address), or undefined. */
export function readPlace(cell: Cell, places: Map<string, FeedPlace>, ids: Set<string>, t: Messages, report: Report): FeedPlace | undefined {
  const name = cell('placeName');
  const place: FeedPlace = { id: '' };
  if (name) place.name = name;
  for (const field of ['street', 'postalCode', 'city', 'district'] as const) {
    const value = cell(field);
    if (value) place[field] = value;
  }
  if (!name && !place.street && !place.city) return undefined;
  const wheelchairText = cell('wheelchair');
  const wheelchair = wheelchairText ? readYesNo(wheelchairText) : undefined;
  if (wheelchairText && wheelchair === undefined) report(t.badValue('Rollstuhlgerecht', wheelchairText, 'ja / nein'));
  const key = placeKey(place, name);
  const known = places.get(key);
  if (known) {
    if (wheelchair !== undefined && known.accessibility?.wheelchair === undefined) known.accessibility = { ...known.accessibility, wheelchair };
    return known;
  }
  if (wheelchair !== undefined) place.accessibility = { wheelchair };
  place.id = uniqueId(slugify(name || [place.street, place.city].filter(Boolean).join(' '), 'ort'), ids);
  places.set(key, place);
  return place;
}

const VIA_GROUP = /gruppe|group|direkt|direct/i;
const VIA_OFFICE = /kiss|kontaktstelle|büro|buero|office|selbsthilfe|sekis|kos|geschäftsstelle|geschaeftsstelle/i;

/**
 * The contact. Without "Kontakt über: Gruppe" people are sent to the office, and a
 * group's e-mail and phone stay out of the feed: a spreadsheet often holds internal contacts.
 */
export function readContact(cell: Cell, t: Messages, report: Report): FeedContact {
  const viaText = cell('contactVia');
  let via: FeedContact['via'] = 'office';
  if (viaText && VIA_GROUP.test(viaText)) via = 'group';
  else if (viaText && !VIA_OFFICE.test(viaText)) report(t.badVia(viaText));
  const emailText = cell('email');
  const phoneText = cell('phone');
  const websiteText = cell('website');
  const safe = websiteText ? safeUrl(/^www\./i.test(websiteText) ? `https://${websiteText}` : websiteText) : undefined;
  const website = safe && /^https?:/.test(safe) ? safe : undefined;
  if (websiteText && !website) report(t.badValue('Webseite', websiteText, 'https://…'));
  const contact: FeedContact = { via };
  if (via === 'office') {
    if (emailText) report(t.contactNotPublished('Kontakt-E-Mail'));
    if (phoneText) report(t.contactNotPublished('Kontakt-Telefon'));
  } else {
    const email = emailText ? safeEmail(emailText) : undefined;
    if (emailText && !email) report(t.badValue('Kontakt-E-Mail', emailText, 'name@example.org'));
    const phone = phoneText && safePhone(phoneText) ? phoneText : undefined;
    if (phoneText && !phone) report(t.badValue('Kontakt-Telefon', phoneText, '030 123456'));
    // First names only: the feed format never carries a last name.
    const name = cell('contactName').split(/\s+/)[0];
    if (name) contact.name = name;
    if (email) contact.email = email;
    if (phone) contact.phone = phone;
    if (!email && !phone && !website) {
      report(t.viaGroupUnreachable);
      return website ? { via: 'office', website } : { via: 'office' };
    }
  }
  if (website) contact.website = website;
  return contact;
}
