import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Directory, Group, GroupStatus, Meeting } from '../../feed/types.js';
import { resolveText } from '../../feed/text.js';
import { describeMeeting } from '../../schedule/describe.js';
import { localizedRuleWords } from '../../internal/rule-words.js';
import { plainText, sameLanguage } from '../../internal/text.js';

export function statusLabel(status: GroupStatus): string {
  switch (status) {
    case 'founding':
      return msg('Being founded', { id: 'badge.founding' });
    case 'paused':
      return msg('Paused', { id: 'badge.paused' });
    case 'closed':
      return msg('Not taking new members', { id: 'badge.closed' });
    default:
      return msg('Open to new members', { id: 'badge.open' });
  }
}

/** Every status is labelled, so "open" is never only implied by a missing badge. */
export function statusBadge(status: GroupStatus): TemplateResult {
  return html`<span part="badge" class="badge status-${status}">${statusLabel(status)}</span>`;
}

export function audienceText(group: Group): string {
  const affected = group.audience.includes('affected');
  const relatives = group.audience.includes('relatives');
  if (affected && relatives) return msg('For people affected and their relatives', { id: 'audience.both' });
  if (relatives) return msg('For relatives and friends', { id: 'audience.relatives' });
  return msg('For people affected', { id: 'audience.affected' });
}

const listFormats = new Map<string, Intl.ListFormat>();
/** The list format for topic names in a locale, created once (the finder creates it ahead of the first results). */
export function topicListFormat(locale: string): Intl.ListFormat {
  let format = listFormats.get(locale);
  if (!format) listFormats.set(locale, (format = new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' })));
  return format;
}
export function topicNames(group: Group, directory: Directory, locale: string): string {
  const list = group.topics.map((id) => plainText(directory.topicsById.get(id)?.name, locale, directory.language)).filter(Boolean);
  return topicListFormat(locale).format(list);
}

/**
 * A meeting's rhythm in words: the office's own wording when it exists in the
 * visitor's language, otherwise our wording in the UI language (more useful to a
 * visitor than German text they may not read).
 */
export function ruleText(meeting: Meeting, locale: string, feedLanguage: string): string {
  // Worded once per meeting and language: cards are re-rendered on every keystroke.
  let byLocale = ruleTexts.get(meeting);
  if (!byLocale) ruleTexts.set(meeting, (byLocale = new Map()));
  let text = byLocale.get(locale);
  if (text === undefined) {
    const own = resolveText(meeting.text, locale, feedLanguage);
    text = own && sameLanguage(own.lang, locale) ? own.value : describeMeeting(meeting, locale, localizedRuleWords());
    byLocale.set(locale, text);
  }
  return text;
}
const ruleTexts = new WeakMap<Meeting, Map<string, string>>();
