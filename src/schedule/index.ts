/**
 * Recurrence, next dates, human wording and .ics export for meetings.
 * No DOM, no Lit: `selbsthilfe-widgets/schedule.js` works in node too.
 */
export { RuleError, WEEKDAYS, parseRRule } from './rrule.js';
export { meetingWeekdays, nextOccurrence, nextOccurrences, type Occurrence } from './occurrences.js';
export { describeMeeting, describeRule, englishRuleWords, formatTimeRange, germanRuleWords, type RuleWords } from './describe.js';
export { formatRRule, formatUtcStamp, groupToIcs, icsFileName, type IcsOptions } from './ics.js';
export {
  TimeZoneError,
  formatLocalDateTime,
  isValidTimeZone,
  localToUtc,
  parseLocalDateTime,
  timeZoneOffsetMinutes,
  utcToLocal,
  type LocalDateTime,
} from './timezone.js';
