import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { Directory, Topic } from '../../feed/types.js';
import { DirectoryController } from '../../internal/directory-controller.js';
import { ShgElement } from '../../internal/shg-element.js';
import { staleNotice, stateViews } from '../../internal/state-views.js';
import type { FinderQuery } from '../../search/index.js';
import { fillTemplate, urlWithState } from '../../internal/url-state.js';
import { accordionView, gridView, listView, type TopicListHost } from './topic-list-views.js';
import { topicTree, type AreaEntry, type TopicEntry } from './topic-tree.js';
import { topicListStyles } from './topic-list.styles.js';

export type TopicListLayout = 'grid' | 'list' | 'accordion';

export interface TopicSelectDetail {
  /** The topic or area the visitor chose. */
  topic: Topic;
  /** The absolute URL the link leads to. */
  href: string;
}

declare global {
  interface HTMLElementTagNameMap {
    'shg-topic-list': ShgTopicList;
  }
  interface GlobalEventHandlersEventMap {
    'shg-topic-select': CustomEvent<TopicSelectDetail>;
  }
}
declare module '../../internal/shg-element.js' {
  interface ShgEventMap {
    'shg-topic-select': CustomEvent<TopicSelectDetail>;
  }
}

/** What the topic list uses of a `<shg-group-finder>` named by `for` (any element with these works). */
interface FinderLike extends HTMLElement {
  updateQuery?: (patch: Partial<FinderQuery>) => void;
  finderState?: { query?: FinderQuery };
}

const LAYOUTS: readonly TopicListLayout[] = ['grid', 'list', 'accordion'];

/**
 * The areas and topics of a directory feed with the number of open and founding
 * groups under each. Every topic is a link: to a finder on another page (`href`)
 * or, with `for`, filtering a finder on this page.
 *
 * @summary Topics with group counts: the way in from a portal's start page or a sidebar.
 * @tagname shg-topic-list
 *
 * @fires shg-topic-select - The visitor chose a topic or area (a plain click or Enter; not ctrl/⌘-click, which opens a tab). Cancelable: cancel it and nothing else happens. `detail: { topic, href }`.
 * @fires shg-error - The feed could not be read (`detail.error`) or records were dropped (`detail.problems`).
 *
 * @slot - An optional `<script type="application/json">` with the feed inline.
 *
 * @csspart base - The wrapper around everything.
 * @csspart list - The outer list of areas (every layout).
 * @csspart area - One area with its topics.
 * @csspart tile - One area tile (grid layout).
 * @csspart area-link - The link to a whole area.
 * @csspart area-button - The button that shows and hides an area's topics (accordion layout).
 * @csspart panel - The topics an area button shows (accordion layout).
 * @csspart topic - One topic's list item.
 * @csspart topic-link - The link to one topic.
 * @csspart count - The number of groups beside a topic or area.
 * @csspart status - Loading and "no topics" messages.
 * @csspart error - The error message.
 * @csspart button - Every button of the error view.
 *
 * @cssprop [--shg-font-family=inherit] - Font of the element.
 * @cssprop [--shg-color-text=inherit] - Text colour.
 * @cssprop [--shg-color-muted=#4a4a4a] - Topics without groups (with `show-empty`).
 * @cssprop [--shg-color-surface=Canvas] - Background of tiles and counts.
 * @cssprop [--shg-color-on-surface=CanvasText] - Text on tiles.
 * @cssprop [--shg-color-border=#767676] - Borders of tiles and accordion rows.
 * @cssprop [--shg-color-accent=#0b5cad] - Links, the selected topic and the focus ring.
 * @cssprop [--shg-color-accent-contrast=#fff] - Text on the selected topic's count.
 * @cssprop [--shg-radius=0.5rem] - Corner radius of tiles and counts.
 * @cssprop [--shg-space=1rem] - The base spacing unit.
 * @cssprop [--shg-topic-tile-min=15rem] - The narrowest a tile gets before the grid wraps (grid layout).
 */
@localized()
export class ShgTopicList extends ShgElement implements TopicListHost {
  static override styles = topicListStyles;

  /** URL of the directory feed (JSON). Elements naming the same URL share one request. */
  @property() src?: string;

  /** The feed as an object, instead of `src`. */
  @property({ attribute: false }) feed?: unknown;
  /** The format of the feed at `src`: `feed` (this library's, the default), `meeting-guide` (12-Step Meeting List JSON) or `hsds` (Open Referral HSDS 3). */
  @property() format?: string;
  /** Time limit for loading the feed, in milliseconds (default 10000). */
  @property({ type: Number, attribute: 'feed-timeout' }) feedTimeout?: number;

  /** `grid` (tiles for a start page), `list` (a compact sidebar) or `accordion` (areas that expand to their topics). */
  @property({ reflect: true }) layout: TopicListLayout = 'grid';

  /**
   * Where a topic leads: a URL template with `{id}`, such as `/selbsthilfe/gruppen?shg-topic={id}`
   * for a finder with `url-state` on another page. Default: this page with `?shg-topic={id}`.
   */
  @property() href?: string;

  /** The id of a `<shg-group-finder>` on this page: choosing a topic filters it and moves focus there instead of following the link. */
  @property({ attribute: 'for' }) for?: string;

  /** Also list topics and areas without open or founding groups. */
  @property({ type: Boolean, reflect: true, attribute: 'show-empty' }) showEmpty = false;

  /** Only these areas, as comma-separated area (top-level topic) ids: `areas="sucht,psychische-gesundheit"`. */
  @property() areas?: string;

  /** The level of the area headings in the grid and accordion layouts (2 = like `<h2>`), so the list fits the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** A phone number to show when the feed cannot be loaded at all. */
  @property({ attribute: 'office-phone' }) officePhone?: string;

  @state() private expanded = new Set<string>();
  @state() private selected?: string;

  private readonly data = new DirectoryController(this);
  private readonly warned = new Set<string>();

  /** The loaded directory, once the feed is ready. */
  get directory(): Directory | undefined {
    return this.data.directory;
  }

  /** The listed areas with their topics and counts, as shown (empty until the feed is ready). */
  get entries(): AreaEntry[] {
    const directory = this.data.directory;
    if (!directory) return [];
    return topicTree(directory, { locale: this.locale, showEmpty: this.showEmpty, areas: this.areaIds() });
  }

  /** The topic the finder named by `for` shows, when it shows exactly one. */
  get selectedTopic(): string | undefined {
    return this.selected;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('shg-search', this.onFinderSearch);
    window.addEventListener('popstate', this.onPopState);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('shg-search', this.onFinderSearch);
    window.removeEventListener('popstate', this.onPopState);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('src') || changed.has('feed') || changed.has('format')) this.data.sync();
    if (changed.has('for')) this.selected = singleTopic(this.finder()?.finderState?.query);
    if (changed.has('layout') && !LAYOUTS.includes(this.layout)) this.warnOnce(`layout="${this.layout}" is not one of ${LAYOUTS.join(', ')}; showing the grid.`);
  }

  /** Shows or hides an area's topics (accordion layout). */
  toggleArea(areaId: string): void {
    const next = new Set(this.expanded);
    if (next.has(areaId)) next.delete(areaId);
    else next.add(areaId);
    this.expanded = next;
  }

  /** Whether an area's topics are shown (accordion layout). */
  isExpanded(areaId: string): boolean {
    return this.expanded.has(areaId);
  }

  /** The link for a topic or area: the `href` template filled in, or this page with `shg-topic`. */
  hrefFor(id: string): string {
    if (this.href) return fillTemplate(this.href, { id });
    const url = urlWithState(new URL(location.href), { query: { topics: [id] } });
    url.hash = '';
    return url.href;
  }

  /**
   * A plain click (or Enter) on a topic: tell the page, then filter the finder on this page or follow the link.
   * @internal
   */
  onTopicClick(event: MouseEvent, entry: TopicEntry): void {
    if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const href = (event.currentTarget as HTMLAnchorElement).href;
    if (!this.emit('shg-topic-select', { topic: entry.topic, href }, { cancelable: true })) {
      event.preventDefault();
      return;
    }
    if (!this.for) return;
    const finder = this.finder();
    if (!finder) {
      this.warnOnce(`for="${this.for}" names no element on this page; the topic link is followed instead.`);
      return;
    }
    event.preventDefault();
    this.filterFinder(finder, entry.topic.id);
  }

  private filterFinder(finder: FinderLike, topicId: string): void {
    if (typeof finder.updateQuery === 'function') finder.updateQuery({ topics: [topicId] });
    else finder.setAttribute('topic', topicId);
    this.selected = topicId;
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    finder.scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
    finder.focus({ preventScroll: true });
  }

  private finder(): FinderLike | undefined {
    if (!this.for) return undefined;
    const root = this.getRootNode() as Document | ShadowRoot;
    return ((root.getElementById?.(this.for) ?? document.getElementById(this.for)) as FinderLike | null) ?? undefined;
  }

  private readonly onFinderSearch = (event: GlobalEventHandlersEventMap['shg-search']): void => {
    if (!this.for || event.target !== this.finder()) return;
    this.selected = singleTopic(event.detail.query);
  };

  // Back and Forward change a url-state finder without a shg-search event: read its state once it has.
  private readonly onPopState = (): void => {
    if (this.for) setTimeout(() => (this.selected = singleTopic(this.finder()?.finderState?.query)));
  };

  private areaIds(): string[] | undefined {
    const ids = (this.areas ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const directory = this.data.directory;
    if (directory) {
      for (const id of ids) {
        const topic = directory.topicsById.get(id);
        if (!topic) this.warnOnce(`areas: the feed has no topic "${id}".`);
        else if (topic.parent !== undefined && directory.topicsById.has(topic.parent)) this.warnOnce(`areas: "${id}" is a topic of the area "${topic.parent}", not an area.`);
      }
    }
    return ids.length ? ids : undefined;
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    console.warn(`selbsthilfe-widgets: <shg-topic-list> ${message}`);
  }

  /** Fetches the feed again after an error. */
  retry(): void {
    void this.data.retry();
  }

  protected override render() {
    const directory = this.data.directory;
    const ready = directory && this.data.state === 'ready';
    return html`<div part="base" class="base layout-${LAYOUTS.includes(this.layout) ? this.layout : 'grid'}" dir=${this.textDirection} lang=${this.locale}>
      ${ready
        ? html`${staleNotice(directory, this.locale, () => this.retry())}${this.renderReady(directory)}`
        : stateViews(this.data.state, { unavailable: msg('The topics cannot be shown right now.', { id: 'state.error.topics' }), retry: () => this.retry(), officePhone: this.officePhone })}
    </div>`;
  }

  private renderReady(directory: Directory): TemplateResult {
    if (!directory.topics.length) {
      return html`<p part="status" class="status">${msg('This directory does not list any topics yet.', { id: 'topics.no-topics' })}</p>`;
    }
    const areas = this.entries;
    if (!areas.length) {
      return html`<p part="status" class="status">${msg('There are no groups under these topics yet.', { id: 'topics.no-groups' })}</p>`;
    }
    switch (this.layout) {
      case 'list':
        return listView(this, directory, areas);
      case 'accordion':
        return accordionView(this, directory, areas);
      default:
        return gridView(this, directory, areas);
    }
  }
}

function singleTopic(query: FinderQuery | undefined): string | undefined {
  return query?.topics?.length === 1 ? query.topics[0] : undefined;
}
