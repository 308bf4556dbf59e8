/**
 * The three layouts of the topic list. Each topic (and each area) is a real
 * link, so it works without script, opens in a new tab and reads as a link.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Directory } from '../../feed/types.js';
import { feedText } from '../../internal/text.js';
import { formatCount } from '../../internal/format.js';
import { plural } from '../../internal/plural.js';
import { headingTag } from '../../internal/heading.js';
import type { AreaEntry, TopicEntry } from './topic-tree.js';

/** What the views need from the element. */
export interface TopicListHost {
  readonly locale: string;
  readonly headingLevel: number;
  /** The link for a topic or area id. */
  hrefFor(id: string): string;
  /** The topic the linked finder shows, for aria-current. */
  readonly selectedTopic: string | undefined;
  isExpanded(areaId: string): boolean;
  toggleArea(areaId: string): void;
  onTopicClick(event: MouseEvent, entry: TopicEntry): void;
}

export function countText(total: number, locale: string): string {
  const count = formatCount(total, locale);
  return plural(total, locale, {
    zero: () => msg('no groups', { id: 'topics.count.zero' }),
    one: () => msg('1 group', { id: 'topics.count.one' }),
    two: () => msg(str`${count} groups`, { id: 'topics.count.two' }),
    few: () => msg(str`${count} groups`, { id: 'topics.count.few' }),
    many: () => msg(str`${count} groups`, { id: 'topics.count.many' }),
    other: () => msg(str`${count} groups`, { id: 'topics.count.other' }),
  });
}

function countBadge(count: number, locale: string): TemplateResult {
  // The number is what the eye scans; the words are what a screen reader says.
  return html`<span part="count" class="count ${count === 0 ? 'empty' : ''}"
    ><span aria-hidden="true">${formatCount(count, locale)}</span><span class="visually-hidden">, ${countText(count, locale)}</span></span
  >`;
}

function topicLink(host: TopicListHost, directory: Directory, entry: TopicEntry, part: string, label?: unknown): TemplateResult {
  const id = entry.topic.id;
  const current = host.selectedTopic === id;
  return html`<a
    part=${part}
    class="link ${part} ${entry.count === 0 ? 'empty' : ''}"
    href=${host.hrefFor(id)}
    data-topic-id=${id}
    aria-current=${current ? 'true' : nothing}
    @click=${(e: MouseEvent) => host.onTopicClick(e, entry)}
    ><span class="name">${label ?? feedText(entry.topic.name, host.locale, directory.language)}</span>${countBadge(entry.count, host.locale)}</a
  >`;
}

function topicItems(host: TopicListHost, directory: Directory, topics: readonly TopicEntry[]): TemplateResult {
  return html`${topics.map((t) => html`<li part="topic" class="topic">${topicLink(host, directory, t, 'topic-link')}</li>`)}`;
}

/** Tiles, one per area, each with its topics: a portal's start page. */
export function gridView(host: TopicListHost, directory: Directory, areas: readonly AreaEntry[]): TemplateResult {
  return html`<ul part="list" class="grid" role="list">
    ${areas.map(
      (area) => html`<li part="area tile" class="tile card" data-area-id=${area.topic.id}>
        ${headingTag(host.headingLevel, topicLink(host, directory, area, 'area-link'))}
        ${area.topics.length ? html`<ul class="topics" role="list">${topicItems(host, directory, area.topics)}</ul>` : nothing}
      </li>`,
    )}
  </ul>`;
}

/** A compact nested list for a sidebar. */
export function listView(host: TopicListHost, directory: Directory, areas: readonly AreaEntry[]): TemplateResult {
  return html`<ul part="list" class="list">
    ${areas.map(
      (area) => html`<li part="area" class="area" data-area-id=${area.topic.id}>
        ${topicLink(host, directory, area, 'area-link')}
        ${area.topics.length ? html`<ul class="topics">${topicItems(host, directory, area.topics)}</ul>` : nothing}
      </li>`,
    )}
  </ul>`;
}

/** Areas as disclosure buttons that show their topics, with a link to the whole area first. */
export function accordionView(host: TopicListHost, directory: Directory, areas: readonly AreaEntry[]): TemplateResult {
  const locale = host.locale;
  return html`<div part="list" class="accordion">
    ${areas.map((area, i) => {
      if (!area.topics.length) {
        return html`<div part="area" class="area" data-area-id=${area.topic.id}>${headingTag(host.headingLevel, topicLink(host, directory, area, 'area-link'))}</div>`;
      }
      const open = host.isExpanded(area.topic.id);
      const panel = `shg-area-panel-${i}`;
      const name = feedText(area.topic.name, locale, directory.language);
      return html`<div part="area" class="area" data-area-id=${area.topic.id}>
        ${headingTag(
          host.headingLevel,
          html`<button
            type="button"
            part="area-button"
            class="area-button"
            aria-expanded=${open ? 'true' : 'false'}
            aria-controls=${panel}
            @click=${() => host.toggleArea(area.topic.id)}
          >
            <span class="chevron" aria-hidden="true"></span><span class="name">${name}</span>${countBadge(area.count, locale)}
          </button>`,
        )}
        <ul part="panel" class="panel topics" id=${panel} ?hidden=${!open}>
          <li part="topic" class="topic all">${topicLink(host, directory, area, 'area-link', msg(str`All groups in ${area.name}`, { id: 'topics.all-in-area' }))}</li>
          ${topicItems(host, directory, area.topics)}
        </ul>
      </div>`;
    })}
  </div>`;
}
