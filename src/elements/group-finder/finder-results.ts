import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Directory, Group } from '../../feed/types.js';
import { highlight, type SearchResult } from '../../search/index.js';
import { otherLanguage, plainText } from '../../internal/text.js';
import { formatCount, formatDistance, formatMeetingStart, languageName } from '../../internal/format.js';
import { officeLinks, officeWays } from '../../internal/office-contact.js';
import { activeFilterCount } from './finder-filters.js';
import type { ShgGroupFinder } from './group-finder.js';
import { ruleText, statusBadge, audienceText, topicNames } from './group-bits.js';
import { headingTag } from '../../internal/heading.js';
import { detailView } from './on-demand-views.js';

// Pointing at or focusing a card starts loading the group view, so it is there by the click.
const preloadDetail = () => detailView.preload();

/** Display text with the search's matches wrapped in <mark>. */
export function highlighted(text: string, ranges: Array<[number, number]>): TemplateResult {
  if (!ranges.length) return html`${text}`;
  const parts: Array<string | TemplateResult> = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at) continue;
    parts.push(text.slice(at, start), html`<mark part="mark">${text.slice(start, end)}</mark>`);
    at = end;
  }
  parts.push(text.slice(at));
  return html`${parts}`;
}

function whereText(group: Group, directory: Directory, locale: string): TemplateResult | string {
  const places = group.meetings.map((m) => m.place).filter((p) => p !== undefined);
  const online = group.meetings.some((m) => m.online);
  const place = places[0];
  const placeText = place ? place.district ?? place.city ?? plainText(place.name, locale, directory.language) : '';
  if (placeText && online) return msg(str`${placeText} and online`, { id: 'card.where.hybrid' });
  if (placeText) return placeText;
  if (online) return msg('Online', { id: 'card.where.online' });
  return msg('Meeting place on request', { id: 'card.where.unpublished' });
}

function renderCard(host: ShgGroupFinder, directory: Directory, result: SearchResult, level: number): TemplateResult {
  const { group } = result;
  const locale = host.locale;
  const index = host.searchIndex!;
  const q = host.finderState.query.q ?? '';
  // Text and match ranges from one call, so they are always of the same language.
  const title = highlight(index, group, 'name', q) ?? { text: '', ranges: [] };
  const about = highlight(index, group, 'description', q) ?? { text: '', ranges: [] };
  // A name or description shown in another language than the UI's keeps its own lang and direction.
  const nameLang = otherLanguage(group.name, locale, directory.language);
  const descriptionLang = otherLanguage(group.description, locale, directory.language);
  const next = host.nextStart(group);
  const firstMeeting = group.meetings[0];
  const wheelchair = group.meetings.some((m) => m.place?.accessibility.wheelchair);
  const nonDefaultLanguages = group.languages.filter((l) => l !== directory.language);
  const description = about.text;
  const descriptionRanges = about.ranges;
  const [from, to] = excerptBounds(description, descriptionRanges[0]?.[0]);
  const excerpt = description.slice(from, to);
  const shift = (r: Array<[number, number]>) => r.map(([s, e]) => [s - from, e - from] as [number, number]).filter(([s, e]) => s >= 0 && e <= excerpt.length);
  return html`<li data-group-id=${group.id}>
    <article part="card" class="card">
      ${headingTag(level, html`<a part="card-title" class="card-title" href=${host.linkTo(group)} @pointerenter=${preloadDetail} @focus=${preloadDetail} @click=${(e: MouseEvent) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        host.openGroup(group.id);
      }}><span lang=${nameLang ?? nothing} dir=${nameLang ? 'auto' : nothing}>${highlighted(title.text, title.ranges)}</span></a>`)}
      <p class="badges">
        ${statusBadge(group.status)}
        ${wheelchair ? html`<span part="badge" class="badge">${msg('Wheelchair accessible', { id: 'badge.wheelchair' })}</span>` : nothing}
        ${nonDefaultLanguages.map((l) => html`<span part="badge" class="badge lang">${languageName(l, locale)}</span>`)}
      </p>
      <p class="meta">${topicNames(group, directory, locale)} · ${audienceText(group)}</p>
      <p class="when">
        ${next !== undefined && firstMeeting
          ? html`<strong>${msg('Next meeting:', { id: 'card.next' })}</strong> <time datetime=${new Date(next).toISOString()}>${formatMeetingStart(next, locale, firstMeeting.timezone)}</time>`
          : group.byArrangement || !firstMeeting
            ? msg('Meets by arrangement', { id: 'card.by-arrangement' })
            : msg('No upcoming meeting dates', { id: 'card.no-upcoming' })}
        ${firstMeeting ? html`<span class="rule"> · ${ruleText(firstMeeting, locale, directory.language)}</span>` : nothing}
      </p>
      <p class="where">
        ${whereText(group, directory, locale)}${result.distanceKm !== undefined ? html` · <span dir="ltr">${formatDistance(result.distanceKm, locale)}</span>` : nothing}
      </p>
      ${excerpt ? html`<p class="excerpt" lang=${descriptionLang ?? nothing} dir=${descriptionLang ? 'auto' : nothing}>${from > 0 ? '…' : ''}${highlighted(excerpt, shift(descriptionRanges))}${to < description.length ? '…' : ''}</p>` : nothing}
    </article>
  </li>`;
}

function renderNoResults(host: ShgGroupFinder, directory: Directory): TemplateResult {
  const state = host.finderState;
  const ways = officeWays(directory.office);
  const loosen: TemplateResult[] = [];
  if (state.query.q) loosen.push(html`<li><button type="button" part="button" class="link-button" @click=${() => host.updateQuery({ q: undefined })}>${msg('Search without the text', { id: 'empty.drop-text' })}</button></li>`);
  if (state.query.topics?.length) loosen.push(html`<li><button type="button" part="button" class="link-button" @click=${() => host.updateQuery({ topics: undefined })}>${msg('Show all topics', { id: 'empty.drop-topic' })}</button></li>`);
  if (activeFilterCount(state)) loosen.push(html`<li><button type="button" part="button" class="link-button" @click=${() => host.resetFilters()}>${msg('Remove all filters', { id: 'empty.drop-filters' })}</button></li>`);
  return html`<div class="no-results" part="status" id="shg-no-results" tabindex="-1">
    <p><strong>${msg('No group matches your search.', { id: 'empty.title' })}</strong></p>
    ${loosen.length ? html`<p>${msg('You could:', { id: 'empty.you-could' })}</p><ul class="loosen">${loosen}</ul>` : nothing}
    <p>
      ${msg('The contact office can help you find a suitable group, or start a new one with others.', { id: 'empty.office-offer' })}
      ${officeLinks(ways)}
    </p>
  </div>`;
}

/**
 * Where a card's excerpt of a long description starts and ends: about 180 characters from a
 * little before the first match, cut between words ("…Oft ist es", not "…utsch. Oft ist es").
 */
export function excerptBounds(text: string, match = 0): [number, number] {
  let from = Math.max(0, match - 60);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < match) from = space + 1;
  }
  let to = Math.min(text.length, from + 180);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > Math.max(from + 120, match)) to = space;
  }
  return [from, to];
}

/** The count, the result cards (a page at a time) and "show more". */
export function renderResults(host: ShgGroupFinder, directory: Directory, results: SearchResult[], shown: number): TemplateResult {
  if (!results.length) return renderNoResults(host, directory);
  // The cards are the results view's top headings (the group's own view has its name at the same level).
  const level = Math.min(6, host.headingLevel);
  const visible = results.slice(0, shown);
  const more = results.length - visible.length;
  const remaining = formatCount(more, host.locale);
  return html`<p part="status" class="status count" id="shg-count" tabindex="-1">${host.countText(results.length)}</p>
    <ul part="results" class="results" id="shg-results" aria-labelledby="shg-count">
      ${visible.map((r) => renderCard(host, directory, r, level))}
    </ul>
    ${more > 0
      ? html`<button type="button" part="button more-button" class="button more" @click=${() => host.showMore()}>
          ${msg(str`Show more groups (${remaining} more)`, { id: 'results.more' })}
        </button>`
      : nothing}`;
}
