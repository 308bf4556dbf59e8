/**
 * Places (shared and inline) and the contact office.
 */
import type { Accessibility, FeedAddress, Office, OpeningHours, Place, WeekdayCode } from './types.js';
import { WEEKDAYS } from '../schedule/rrule.js';
import { at, cappedLength, fail, failWhy, isRecord, LIMITS, readBool, readEnumList, setOptional, typeName, warn, warnWhy, type Ctx } from './normalise-context.js';
import { readLanguages, readLine, readText } from './normalise-text.js';
import { formatClock, readClock, readEmail, readPhone, readWebUrl } from './normalise-values.js';

/** The fields of a place; `id` is already checked (or made up for an inline place). */
export function readPlace(ctx: Ctx, p: Record<string, unknown>, base: string, id: string): Place {
  const place: Place = { id, accessibility: readAccessibility(ctx, p.accessibility, base) };
  setOptional(ctx, place, 'name', readText(ctx, p.name, base, 'name', LIMITS.name, false), base);
  readAddressInto(ctx, p, base, place);
  const lat = readCoordinate(ctx, p.lat, 90);
  if (lat === undefined) warnWhy(ctx, base, 'lat');
  const lon = readCoordinate(ctx, p.lon, 180);
  if (lon === undefined) warnWhy(ctx, base, 'lon');
  if (lat !== undefined && lon !== undefined) {
    place.lat = lat;
    place.lon = lon;
  } else if (lat !== undefined || lon !== undefined) {
    warn(ctx, base, 'has only one of "lat" and "lon"; the position is left out');
  }
  return place;
}

function readCoordinate(ctx: Ctx, value: unknown, limit: number): number | undefined {
  ctx.why = '';
  if (typeof value === 'number' && Number.isFinite(value) && value >= -limit && value <= limit) return value;
  if (value !== undefined && value !== null) ctx.why = `expected a number between -${limit} and ${limit}, got ${typeName(value)}`;
  return undefined;
}

const ACCESSIBILITY_FLAGS = ['wheelchair', 'accessibleToilet', 'hearingLoop'] as const;

function readAccessibility(ctx: Ctx, value: unknown, base: string): Accessibility {
  const out: Accessibility = {};
  if (value === undefined || value === null) return out;
  const path = at(base, 'accessibility');
  if (!isRecord(value)) {
    warn(ctx, path, `expected an object, got ${typeName(value)}`);
    return out;
  }
  for (const flag of ACCESSIBILITY_FLAGS) {
    setOptional(ctx, out, flag, readBool(ctx, value[flag]), path);
  }
  setOptional(ctx, out, 'notes', readText(ctx, value.notes, path, 'notes', LIMITS.text, true), path);
  return out;
}

const ADDRESS_FIELDS = ['street', 'postalCode', 'city', 'district'] as const;

function readAddressInto(ctx: Ctx, source: Record<string, unknown>, base: string, target: FeedAddress): boolean {
  let any = false;
  for (const field of ADDRESS_FIELDS) {
    const value = readLine(ctx, source[field], base, field);
    if (value === undefined) warnWhy(ctx, base, field);
    else {
      target[field] = value;
      any = true;
    }
  }
  return any;
}

export function readOffice(ctx: Ctx, o: unknown): Office | undefined {
  if (o === undefined || o === null) return undefined;
  if (!isRecord(o)) {
    fail(ctx, 'office', `expected an object, got ${typeName(o)}; the office is left out`);
    return undefined;
  }
  const name = readText(ctx, o.name, 'office', 'name', LIMITS.name, false);
  if (!name) {
    failWhy(ctx, 'office', 'name', 'office');
    return undefined;
  }
  const office: Office = {
    name,
    languages: readLanguages(ctx, o.languages, 'office', 'languages'),
    freeAndConfidential: false,
  };
  setOptional(ctx, office, 'description', readText(ctx, o.description, 'office', 'description', LIMITS.text, true), 'office');
  if (o.address !== undefined && o.address !== null) {
    const address: FeedAddress = {};
    if (!isRecord(o.address)) warn(ctx, 'office.address', `expected an object, got ${typeName(o.address)}`);
    else if (readAddressInto(ctx, o.address, 'office.address', address)) office.address = address;
  }
  setOptional(ctx, office, 'phone', readPhone(ctx, o.phone, 'office', 'phone'), 'office');
  setOptional(ctx, office, 'email', readEmail(ctx, o.email), 'office');
  setOptional(ctx, office, 'website', readWebUrl(ctx, o.website, 'office', 'website'), 'office');
  readOpeningHours(ctx, o.openingHours, office);
  setOptional(ctx, office, 'contactEndpoint', readWebUrl(ctx, o.contactEndpoint, 'office', 'contactEndpoint', true), 'office');
  setOptional(ctx, office, 'privacyUrl', readWebUrl(ctx, o.privacyUrl, 'office', 'privacyUrl'), 'office');
  setOptional(ctx, office, 'freeAndConfidential', readBool(ctx, o.freeAndConfidential), 'office');
  setOptional(ctx, office, 'replyTime', readText(ctx, o.replyTime, 'office', 'replyTime', LIMITS.line, false), 'office');
  return office;
}

/** Structured rows go to `openingHours`, the office's own wording to `openingHoursText`. */
function readOpeningHours(ctx: Ctx, value: unknown, office: Office): void {
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) {
    const text = readText(ctx, value, 'office', 'openingHours', LIMITS.text, true);
    if (text) office.openingHoursText = text;
    else if (ctx.why) warn(ctx, 'office.openingHours', 'expected a list of { days, opens, closes } rows or a text');
    return;
  }
  const rows: OpeningHours[] = [];
  const n = cappedLength(ctx, value, 'office', 'openingHours', LIMITS.openingHours, 'rows');
  for (let i = 0; i < n; i++) {
    const base = `office.openingHours[${i}]`;
    const row = value[i];
    if (!isRecord(row)) {
      warn(ctx, base, `expected { days, opens, closes }, got ${typeName(row)}; left out`);
      continue;
    }
    const days: WeekdayCode[] = readEnumList(ctx, row.days, WEEKDAYS, base, 'days');
    const opens = readClock(ctx, row.opens);
    if (opens === undefined) warn(ctx, at(base, 'opens'), `${ctx.why || 'is missing'}; the row is left out`);
    const closes = readClock(ctx, row.closes);
    if (closes === undefined) warn(ctx, at(base, 'closes'), `${ctx.why || 'is missing'}; the row is left out`);
    if (days.length === 0) warn(ctx, at(base, 'days'), 'names no weekday such as "MO"; the row is left out');
    else if (opens !== undefined && closes !== undefined) {
      if (closes <= opens) warn(ctx, at(base, 'closes'), 'is not after "opens"; the row is left out');
      else rows.push({ days, opens: formatClock(opens), closes: formatClock(closes) });
    }
  }
  if (rows.length) office.openingHours = rows;
}
