/**
 * The office's opening hours: the "open now" line and the weekly table, in the
 * UI locale, with times on the office's clock.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { OpeningHours, WeekdayCode } from '../../feed/types.js';
import { timeZoneOffsetMinutes } from '../../schedule/timezone.js';
import { clockMinutes, hoursOn, WEEKDAY_CODES, type OpeningState } from './opening-hours.js';

const formats = new Map<string, Intl.DateTimeFormat>();
function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC', calendar: 'gregory' })));
  return f;
}

// 2024-01-01 was a Monday: day i of WEEKDAY_CODES is 2024-01-(1 + i).
const mondayUtc = Date.UTC(2024, 0, 1);

/** "Dienstag" / "الثلاثاء" for a weekday code. */
export function weekdayName(code: WeekdayCode, locale: string, width: 'long' | 'short' = 'long'): string {
  return format(locale, { weekday: width }).format(mondayUtc + WEEKDAY_CODES.indexOf(code) * 86_400_000);
}

/** A wall-clock "HH:MM" in the UI locale's style ("9:00", "9:00 AM"); "24:00" stays the end of the day. */
export function clockText(time: string, locale: string): string {
  const minutes = clockMinutes(time);
  if (minutes === undefined) return time;
  if (minutes === 1440) return format(locale, { hour: 'numeric', minute: '2-digit', hourCycle: 'h24' }).format(mondayUtc + 86_400_000);
  return format(locale, { hour: 'numeric', minute: '2-digit' }).format(mondayUtc + minutes * 60_000);
}

/** "9:00–13:00" with the locale's own range punctuation. */
export function rangeText(opens: string, closes: string, locale: string): string {
  const from = clockMinutes(opens);
  const to = clockMinutes(closes);
  if (from === undefined || to === undefined || to <= from || to === 1440) return `${clockText(opens, locale)} – ${clockText(closes, locale)}`;
  return format(locale, { hour: 'numeric', minute: '2-digit' }).formatRange(mondayUtc + from * 60_000, mondayUtc + to * 60_000);
}

/** The weekdays in the order the UI locale's week runs (Monday first in Germany, Saturday first in much of the Arab world). */
export function weekOrder(locale: string): readonly WeekdayCode[] {
  const start = Math.min(Math.max(firstDayOfWeek(locale), 1), 7) - 1;
  return [...WEEKDAY_CODES.slice(start), ...WEEKDAY_CODES.slice(0, start)];
}

/** 1 = Monday … 7 = Sunday, from Intl.Locale week info where the engine has it; Monday otherwise. */
function firstDayOfWeek(locale: string): number {
  try {
    const l = new Intl.Locale(locale) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
    return l.getWeekInfo?.().firstDay ?? l.weekInfo?.firstDay ?? 1;
  } catch {
    return 1;
  }
}

/** "Open now, until 13:00" / "Closed now. Opens Tuesday at 9:00", or nothing when no opening lies ahead. */
export function openingStateLine(state: OpeningState, locale: string): TemplateResult | typeof nothing {
  if (state.open && state.closesAt) {
    const time = clockText(state.closesAt.time, locale);
    const day = weekdayName(state.closesAt.weekday, locale);
    return html`<p part="open-state" class="open-state is-open">
      <span class="dot" aria-hidden="true"></span>
      <span>${state.closesAt.daysAhead === 0
        ? msg(str`Open now, until ${time}`, { id: 'office.open-until' })
        : msg(str`Open now, until ${day} at ${time}`, { id: 'office.open-until-day' })}</span>
    </p>`;
  }
  if (!state.opensAt) return nothing;
  const { daysAhead } = state.opensAt;
  const time = clockText(state.opensAt.time, locale);
  const day = weekdayName(state.opensAt.weekday, locale);
  const opens =
    daysAhead === 0
      ? msg(str`Opens today at ${time}`, { id: 'office.opens-today' })
      : daysAhead === 1
        ? msg(str`Opens tomorrow at ${time}`, { id: 'office.opens-tomorrow' })
        : msg(str`Opens ${day} at ${time}`, { id: 'office.opens-on' });
  return html`<p part="open-state" class="open-state is-closed">
    <span class="dot" aria-hidden="true"></span>
    <span>${msg('Closed now.', { id: 'office.closed-now' })} ${opens}</span>
  </p>`;
}

/** The week as a table: one row per weekday, today's marked, closed days said so. */
export function hoursTable(hours: readonly OpeningHours[], locale: string, today: WeekdayCode | undefined, labelledBy: string): TemplateResult {
  return html`<table part="hours" class="hours" aria-labelledby=${labelledBy}>
    <tbody>
      ${weekOrder(locale).map((code) => {
        const ranges = hoursOn(hours, code);
        const isToday = code === today;
        return html`<tr class=${isToday ? 'today' : ''} aria-current=${isToday ? 'date' : nothing}>
          <th scope="row">${weekdayName(code, locale)}${isToday ? html`<span class="visually-hidden"> (${msg('today', { id: 'office.today' })})</span>` : nothing}</th>
          <td>
            ${ranges.length
              ? ranges.map(([opens, closes], i) => html`${i > 0 ? html`<br />` : nothing}<span class="range">${rangeText(opens, closes, locale)}</span>`)
              : html`<span class="muted">${msg('Closed', { id: 'office.closed' })}</span>`}
          </td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

/**
 * A note when the visitor's clock differs from the office's, so "until 13:00"
 * is not misread in another zone. Undefined when both agree at `now`.
 */
export function zoneNote(timezone: string, locale: string, now: number): TemplateResult | typeof nothing {
  let differs: boolean;
  try {
    differs = timeZoneOffsetMinutes(timezone, now) !== -new Date(now).getTimezoneOffset();
  } catch {
    return nothing;
  }
  if (!differs) return nothing;
  let zone = timezone;
  try {
    zone = new Intl.DateTimeFormat(locale, { timeZone: timezone, timeZoneName: 'longGeneric' }).formatToParts(now).find((p) => p.type === 'timeZoneName')?.value ?? timezone;
  } catch {
    // An engine without longGeneric: the IANA name is still clear.
  }
  return html`<p class="zone-note muted">${msg(str`Times are local time at the office (${zone}).`, { id: 'office.zone-note' })}</p>`;
}
