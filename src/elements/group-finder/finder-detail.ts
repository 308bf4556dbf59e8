import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Directory, Group, Meeting, Place } from '../../feed/types.js';
import { nextOccurrences } from '../../schedule/occurrences.js';
import { describeMeeting } from '../../schedule/describe.js';
import { localizedRuleWords } from '../../internal/rule-words.js';
import { feedParagraph, feedText } from '../../internal/text.js';
import { formatDay, formatLongDateTime, languageName } from '../../internal/format.js';
import { safeEmail, safePhone } from '../../feed/url.js';
import type { ShgGroupFinder } from './group-finder.js';
import { audienceText, ruleText, statusBadge, topicNames } from './group-bits.js';
import { headingTag } from '../../internal/heading.js';

/** A plain link to OpenStreetMap: nothing is loaded until the visitor follows it. */
function mapLink(place: Place): string | undefined {
  if (place.lat !== undefined && place.lon !== undefined) {
    return `https://www.openstreetmap.org/?mlat=${place.lat}&mlon=${place.lon}#map=17/${place.lat}/${place.lon}`;
  }
  const address = [place.street, place.postalCode, place.city].filter(Boolean).join(' ');
  return address ? `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}` : undefined;
}

function renderPlace(place: Place, directory: Directory, locale: string): TemplateResult {
  const a = place.accessibility;
  const features = [
    a.wheelchair === true ? msg('Wheelchair accessible', { id: 'place.wheelchair' }) : undefined,
    a.wheelchair === false ? msg('Not wheelchair accessible', { id: 'place.not-wheelchair' }) : undefined,
    a.accessibleToilet ? msg('Accessible toilet', { id: 'place.toilet' }) : undefined,
    a.hearingLoop ? msg('Hearing loop', { id: 'place.hearing-loop' }) : undefined,
  ].filter((f): f is string => f !== undefined);
  const map = mapLink(place);
  // Street and town in <bdi>: "12345 Musterstadt (Weststadt)" keeps its order on a right-to-left page.
  return html`<address class="place">
    ${place.name ? html`${feedText(place.name, locale, directory.language)}<br />` : nothing}
    ${place.street ? html`<bdi>${place.street}</bdi><br />` : nothing}
    <bdi>${[place.postalCode, place.city].filter(Boolean).join(' ')}${place.district ? ` (${place.district})` : ''}</bdi>
    ${map ? html`<br /><a href=${map} rel="noopener noreferrer" target="_blank">${msg('Show on OpenStreetMap (opens a new window)', { id: 'place.map' })}</a>` : nothing}
    ${features.length || a.notes ? html`<br /><span class="access">${features.join(' · ')}${a.notes ? html`${features.length ? ' · ' : nothing}${feedText(a.notes, locale, directory.language)}` : nothing}</span>` : nothing}
  </address>`;
}

function renderMeeting(host: ShgGroupFinder, directory: Directory, meeting: Meeting, level: number): TemplateResult {
  const locale = host.locale;
  const dates = nextOccurrences(meeting, Date.now(), 3);
  const rule = ruleText(meeting, locale, directory.language);
  const generated = describeMeeting(meeting, locale, localizedRuleWords());
  const online = meeting.online;
  return html`<section class="meeting">
    ${headingTag(level, rule)}
    ${rule !== generated ? html`<p class="muted">${generated}</p>` : nothing}
    ${dates.length
      ? html`<p>${msg('Next dates:', { id: 'detail.next-dates' })}</p>
          <ul class="dates">
            ${dates.map((d) => html`<li><time datetime=${new Date(d.start).toISOString()}>${formatLongDateTime(d.start, locale, meeting.timezone)}</time></li>`)}
          </ul>`
      : html`<p>${msg('No upcoming dates are planned. Please ask the contact office.', { id: 'detail.no-dates' })}</p>`}
    ${meeting.place
      ? renderPlace(meeting.place, directory, locale)
      : online
        ? nothing
        : html`<p>${msg('The group does not publish where it meets. The contact office will gladly put you in touch.', { id: 'detail.no-place' })}</p>`}
    ${online
      ? html`<p class="online">
          <strong>${msg('Online:', { id: 'detail.online' })}</strong>
          ${online.url ? html`<a href=${online.url} rel="noopener noreferrer" target="_blank">${msg('Join the online meeting (opens a new window)', { id: 'detail.online-link' })}</a>` : nothing}
          ${online.phone && safePhone(online.phone) ? html` · ${msg('by phone:', { id: 'detail.online-phone' })} <a href="tel:${safePhone(online.phone)}" dir="ltr">${online.phone}</a>` : nothing}
          ${online.notes ? html`<br />${feedText(online.notes, locale, directory.language)}` : nothing}
        </p>`
      : nothing}
  </section>`;
}

async function downloadIcs(host: ShgGroupFinder, group: Group): Promise<void> {
  // The calendar export loads only when a visitor asks for it: most never do.
  let ics: typeof import('../../schedule/ics.js');
  try {
    ics = await import('../../schedule/ics.js');
  } catch {
    host.announcement = msg('The calendar file cannot be created right now. Please try again later.', { id: 'detail.calendar-failed' });
    return;
  }
  const { groupToIcs, icsFileName } = ics;
  const text = groupToIcs(group, { locale: host.locale, url: host.linkTo(group) });
  const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = icsFileName(group);
  a.hidden = true;
  host.renderRoot.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function copyLink(host: ShgGroupFinder, group: Group): Promise<void> {
  const link = host.linkTo(group);
  try {
    await navigator.clipboard.writeText(link);
    host.announcement = msg('The link to this group was copied.', { id: 'detail.copied' });
  } catch {
    host.announcement = msg(str`Copying is not possible here. The link is: ${link}`, { id: 'detail.copy-failed' });
  }
}

function renderContact(host: ShgGroupFinder, directory: Directory, group: Group): TemplateResult {
  const href = host.contactHrefFor(group);
  const c = group.contact;
  const groupEmail = c.via === 'group' ? safeEmail(c.email) : undefined;
  const groupPhone = c.via === 'group' ? safePhone(c.phone) : undefined;
  const office = directory.office;
  const officeEmail = safeEmail(office?.email);
  const officePhone = safePhone(office?.phone);
  const mailto = groupEmail ?? officeEmail;
  const primary = href
    ? html`<a part="button" class="button primary" href=${href} @click=${(e: Event) => host.contact(group, e)}>${msg('Get in touch', { id: 'detail.contact' })}</a>`
    : mailto
      ? html`<a part="button" class="button primary" href="mailto:${mailto}" @click=${(e: Event) => host.contact(group, e)}>${msg('Get in touch by e-mail', { id: 'detail.contact-email' })}</a>`
      : nothing;
  const who = groupEmail || groupPhone
    ? c.name ? msg(str`You can reach the group directly (contact: ${c.name}).`, { id: 'detail.contact-group-named' }) : msg('You can reach the group directly.', { id: 'detail.contact-group' })
    : msg('The contact office puts you in touch with this group, free of charge and confidentially.', { id: 'detail.contact-office' });
  const phone = groupPhone ?? officePhone;
  const phoneText = groupPhone ? c.phone : office?.phone;
  return html`<p>${who}</p>
    <div class="actions">
      ${primary}
      ${phone ? html`<a part="button" class="button secondary" href="tel:${phone}"><span>${msg('Call', { id: 'detail.call' })}</span> <span dir="ltr">${phoneText}</span></a>` : nothing}
      ${group.meetings.length ? html`<button type="button" part="button" class="button secondary" @click=${() => void downloadIcs(host, group)}>${msg('Add to calendar', { id: 'detail.calendar' })}</button>` : nothing}
      <button type="button" part="button" class="button secondary" @click=${() => copyLink(host, group)}>${msg('Copy link', { id: 'detail.copy' })}</button>
    </div>`;
}

/** One group in full: description, every meeting with its next dates, place, contact and actions. */
export function renderDetail(host: ShgGroupFinder, directory: Directory, group: Group): TemplateResult {
  const locale = host.locale;
  const level = host.headingLevel;
  const languages = group.languages.map((l) => languageName(l, locale));
  return html`<article part="detail" class="detail" aria-labelledby="shg-detail-title">
    <button type="button" part="button" class="button secondary back" @click=${() => host.closeGroup()}>
      <span class="icon-back" aria-hidden="true">←</span> ${msg('Back to the results', { id: 'detail.back' })}
    </button>
    ${headingTag(level, feedText(group.name, locale, directory.language), 'shg-detail-title')}
    <p class="badges">${statusBadge(group.status)}</p>
    <p class="meta">${topicNames(group, directory, locale)} · ${audienceText(group)}</p>
    ${group.description ? feedParagraph(group.description, locale, directory.language, 'description') : nothing}
    ${headingTag(level + 1, msg('When and where', { id: 'detail.when-where' }))}
    ${group.meetings.length
      ? group.meetings.map((m) => renderMeeting(host, directory, m, level + 2))
      : html`<p>${msg('The group meets by arrangement. The contact office will tell you more.', { id: 'detail.by-arrangement' })}</p>`}
    ${languages.length ? html`<p><strong>${msg('Languages:', { id: 'detail.languages' })}</strong> ${new Intl.ListFormat(locale).format(languages)}</p>` : nothing}
    ${headingTag(level + 1, msg('Get in touch', { id: 'detail.contact-heading' }))}
    ${renderContact(host, directory, group)}
    ${group.updated ? html`<p class="muted">${msg(str`Last updated: ${formatDay(group.updated, locale)}`, { id: 'detail.updated' })}</p>` : nothing}
  </article>`;
}
