import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Directory, Group } from '../../feed/types.js';
import { nextStart as nextMeetingStart } from '../../schedule/occurrences.js';
import { createSearchIndex, districtsWithCoordinates, partlyOrdered, searchGroups, type FinderQuery, type SearchIndex, type SearchResult } from '../../search/index.js';
import { DirectoryController } from '../../internal/directory-controller.js';
import { readInFull } from '../../feed/normalise-slices.js';
import { ShgElement } from '../../internal/shg-element.js';
import { OnDemandParts } from '../../internal/on-demand-parts.js';
import type { OnDemandModule } from '../../internal/on-demand-module.js';
import { plural } from '../../internal/plural.js';
import { contactLine, staleNotice, stateViews } from '../../internal/state-views.js';
import { officeWays } from '../../internal/office-contact.js';
import { fillTemplate, groupLinker, readState, stateFromUrl, urlWithState, type FinderState } from '../../internal/url-state.js';
import { renderFilters, activeFilterCount, nearPoint } from './finder-filters.js';
import { renderResults } from './finder-results.js';
import { detailView } from './on-demand-views.js';
import { whenIdle } from '../../search/yield.js';
import { finderStyles } from './group-finder.styles.js';
import { formatCount, formatMeetingStart } from '../../internal/format.js';
import { topicListFormat } from './group-bits.js';

export interface FinderSearchDetail {
  query: FinderQuery;
  /** How many groups match. */
  count: number;
}
export interface FinderGroupDetail {
  group: Group;
}
export interface FinderContactDetail {
  group: Group;
  /** Where "Get in touch" leads unless a listener cancels the event. */
  href?: string;
}

declare global {
  interface HTMLElementTagNameMap {
    'shg-group-finder': ShgGroupFinder;
  }
  interface GlobalEventHandlersEventMap {
    'shg-search': CustomEvent<FinderSearchDetail>;
    'shg-group-open': CustomEvent<FinderGroupDetail>;
    'shg-contact': CustomEvent<FinderContactDetail>;
  }
}
declare module '../../internal/shg-element.js' {
  interface ShgEventMap {
    'shg-search': CustomEvent<FinderSearchDetail>;
    'shg-group-open': CustomEvent<FinderGroupDetail>;
    'shg-contact': CustomEvent<FinderContactDetail>;
  }
}

const FILTER_ATTRIBUTES = ['q', 'topic', 'audience', 'day', 'time', 'mode', 'wheelchair', 'group-language', 'age-group', 'status', 'sort', 'near', 'group'];

/**
 * Search and filter the self-help groups of a directory feed, see when and
 * where they meet, and get in touch.
 *
 * @summary The group finder: the page a person looking for a self-help group lands on.
 * @tagname shg-group-finder
 *
 * @fires shg-search - The visitor changed the search or a filter. `detail: { query, count }`.
 * @fires shg-group-open - The visitor opened a group. `detail: { group }`.
 * @fires shg-contact - The visitor chose "Get in touch". Cancelable: cancel it to handle contact yourself. `detail: { group, href }`.
 * @fires shg-error - The feed could not be read (`detail.error`) or records were dropped (`detail.problems`).
 *
 * @slot - An optional `<script type="application/json">` with the feed inline (for pages that cannot serve it with CORS).
 *
 * @csspart base - The wrapper around everything.
 * @csspart search - The search form (box and filters).
 * @csspart search-input - The search box.
 * @csspart filters - The filter panel.
 * @csspart status - The result count and messages.
 * @csspart results - The list of result cards.
 * @csspart card - One result card.
 * @csspart card-title - The group name in a card.
 * @csspart badge - Status, accessibility and language badges.
 * @csspart more-button - "Show more groups".
 * @csspart detail - The open group.
 * @csspart button - Every button.
 * @csspart error - The error message.
 *
 * @cssprop [--shg-font-family=inherit] - Font of the element.
 * @cssprop [--shg-color-text=currentColor] - Text colour.
 * @cssprop [--shg-color-muted=#555] - Secondary text (dates, places).
 * @cssprop [--shg-color-background=transparent] - Background of the element.
 * @cssprop [--shg-color-surface=#fff] - Background of cards and panels.
 * @cssprop [--shg-color-border=#8a8a8a] - Borders of cards and fields.
 * @cssprop [--shg-color-accent=#0b5cad] - Links, buttons and focus ring.
 * @cssprop [--shg-color-accent-contrast=#fff] - Text on accent-coloured buttons.
 * @cssprop [--shg-color-highlight=#fff3a3] - Background of matched search words.
 * @cssprop [--shg-radius=0.5rem] - Corner radius of cards, fields and buttons.
 * @cssprop [--shg-space=1rem] - The base spacing unit.
 */
@localized()
export class ShgGroupFinder extends ShgElement {
  static override styles = finderStyles;

  /** URL of the directory feed (JSON). Relative URLs resolve against the page. */
  @property() src?: string;

  /** The feed as an object (or a Promise of one, while you fetch it yourself), instead of `src`. */
  @property({ attribute: false }) feed?: unknown;
  /** The format of the feed at `src`: `feed` (this library's, the default), `meeting-guide` (12-Step Meeting List JSON) or `hsds` (Open Referral HSDS 3). */
  @property() format?: string;
  /** Time limit for loading the feed, in milliseconds (default 10000). */
  @property({ type: Number, attribute: 'feed-timeout' }) feedTimeout?: number;

  /** Initial search text. */
  @property() q?: string;
  /** Initial topic or area id(s), comma-separated: `topic="sucht"` shows all addiction groups. */
  @property() topic?: string;
  /** Initial audience: `affected` or `relatives`. */
  @property() audience?: string;
  /** Initial weekdays, comma-separated RFC 5545 codes: `MO,TH`. */
  @property() day?: string;
  /** Initial times of day, comma-separated: `morning`, `afternoon`, `evening`. */
  @property() time?: string;
  /** Initial meeting mode: `in-person` or `online`. */
  @property() mode?: string;
  /** Initially only groups meeting in a wheelchair-accessible place. */
  @property({ type: Boolean }) wheelchair = false;
  /** Initial group language(s), comma-separated language tags: `ar,tr`. */
  @property({ attribute: 'group-language' }) groupLanguage?: string;
  /** Initial age group: `young` or `seniors`. */
  @property({ attribute: 'age-group' }) ageGroup?: string;
  /** Statuses to show, comma-separated (default `open,founding`; add `paused`, `closed`). */
  @property() status?: string;
  /** Initial sort: `relevance`, `name`, `next` or `distance`. */
  @property() sort?: string;
  /** Initial district or town (from the feed's places) to sort by distance from. */
  @property() near?: string;
  /** The id of a group to show opened at first (a deep link without `url-state`). */
  @property() group?: string;

  /** Keep the search, the filters and the open group in the page URL (`shg-q`, `shg-topic`, `shg-group`, ...). */
  @property({ type: Boolean, attribute: 'url-state' }) urlState = false;
  /** Where "Get in touch" leads: a URL template such as `/kontakt?group={id}`. */
  @property({ attribute: 'contact-href' }) contactHref?: string;
  /** The id of a `<shg-contact-form>` on this page that "Get in touch" fills in and moves to. */
  @property({ attribute: 'contact-form' }) contactForm?: string;
  /** The level of the element's top headings (2 = `<h2>`), so it fits the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /** How many results are shown at first and added by "Show more". */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;
  /** The office's phone number, shown when the feed cannot be loaded at all. */
  @property({ attribute: 'office-phone' }) officePhone?: string;

  /** The visitor's current search, filters and open group.  @internal */
  @state() finderState: FinderState = { query: {} };
  @state() private shown = 20;
  @state() private filtersOpen = false;
  /** @internal */
  @state() announcement = '';
  /** The visitor's position after "near me", never stored or sent anywhere.  @internal */
  @state() myPosition?: { lat: number; lon: number };
  /** Why "near me" found no position, shown beside the button (not only announced).  @internal */
  @state() nearProblem = '';
  /** The visitor unticked every status (the defaults apply again, and the panel says so).  @internal */
  @state() statusesEmptied = false;

  @query('#shg-q') private searchInput?: HTMLInputElement;

  // `early`: a national directory's first page shows before every group is read (see earlyDirectory).
  private readonly data = new DirectoryController(this, { early: true });
  private index?: SearchIndex;
  private indexKey?: unknown;
  private results: SearchResult[] = [];
  private resultsKey?: unknown;
  private focusAfterRender?: string;
  private now = Date.now();
  private readonly nextStarts = new Map<string, number | undefined>();

  /** The loaded directory, once the feed is ready. */
  get directory(): Directory | undefined {
    return this.data.directory;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPopState);
    // While the feed downloads, create the Intl formatters the first results need: the
    // first one with a time zone loads ICU's zone data (15–25 ms). In idle time: when the
    // feed answers at once there is no wait to fill, and the work would only delay it
    // (measured at 250 groups on localhost: 141 → 130 ms from the response to the results).
    whenIdle(() => {
      formatMeetingStart(Date.now(), this.locale, 'Europe/Berlin');
      topicListFormat(this.locale);
      formatCount(0, this.locale);
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('src') || changed.has('feed') || changed.has('format')) this.data.sync();
    if (FILTER_ATTRIBUTES.some((a) => changed.has(attributeToProperty(a) as keyof ShgGroupFinder)) || changed.has('urlState')) {
      this.finderState = this.initialState();
      this.shown = this.pageSize;
    }
    if (changed.has('pageSize')) this.shown = this.pageSize;
  }

  private initialState(): FinderState {
    const fromAttributes = readState((name) => {
      const value = this[attributeToProperty(name) as keyof this];
      return typeof value === 'boolean' ? (value ? '1' : null) : (value as string | undefined);
    });
    return (this.urlState && stateFromUrl(new URL(location.href))) || fromAttributes;
  }

  private readonly onPopState = () => {
    if (!this.urlState) return;
    const previousGroup = this.finderState.group;
    this.finderState = stateFromUrl(new URL(location.href)) ?? { query: {} };
    this.shown = this.pageSize;
    if (previousGroup && !this.finderState.group) this.focusAfterRender = `[data-group-id="${CSS.escape(previousGroup)}"] a`;
    else if (this.finderState.group) this.focusAfterRender = '#shg-detail-title';
  };

  /** The search index for the current directory and locale, built once per change.  @internal */
  get searchIndex(): SearchIndex | undefined {
    // While a new source loads, never the previous directory: only the new one's first stage.
    const directory = this.data.state === 'loading' ? this.earlyDirectory : this.data.directory;
    if (!directory) return undefined;
    const key = `${this.locale}`;
    if (this.index && this.indexKey === directory && this.indexLocale === key) return this.index;
    this.nextStarts.clear();
    const index = (this.index = createSearchIndex(directory, {
      locale: this.locale,
      nextStart: (g) => this.nextStart(g),
      // The first results need only their first page in name order; the rest is sorted when idle.
      firstPage: this.pageSize,
      onReorder: () => {
        if (this.index !== index) return;
        this.resultsKey = undefined;
        this.requestUpdate();
      },
    }));
    this.indexKey = directory;
    this.indexLocale = key;
    // Run each search path once when the page is idle, so the visitor's first keystroke and
    // first filter hit optimised code rather than a cold interpreter (70,000 groups). One idle
    // callback each: a key or click between them waits for one of them at most.
    const warmUps = [
      () => searchGroups(index, { q: 'e' }),
      () => searchGroups(index, { days: ['MO'], audience: 'relatives' }),
      // The "near" picker's places (~30 ms at 70,000 groups): now rather than at the first "More filters".
      () => districtsWithCoordinates(directory),
    ];
    void index.ready.then(() => {
      for (const warmUp of warmUps) whenIdle(() => this.index === index && warmUp(), 2000);
    });
    return index;
  }
  private indexLocale?: string;

  /**
   * The first stage of a large directory still being read in full, as long as what the
   * visitor asks for needs no more than names and status: the plain list in name order, and
   * a group from it (read in full on the spot). Any search or filter waits for the whole directory.
   * The same object becomes the directory once it is read, so index and results carry over.
   */
  private get earlyDirectory(): Directory | undefined {
    const early = this.data.early;
    if (!early) return undefined;
    const { query, near, group } = this.finderState;
    // Also with a group open: a search behind it would be run (and its tables built) from heads.
    const plain = !near && Object.keys(query).every((k) => k === 'sort' && (query.sort === 'name' || query.sort === 'relevance'));
    if (!plain) return undefined;
    return !group || early.groupsById.has(group) ? early : undefined;
  }

  /** The next meeting of a group from now (epoch ms), cached per group.  @internal */
  nextStart(group: Group): number | undefined {
    if (this.nextStarts.has(group.id)) return this.nextStarts.get(group.id);
    let best: number | undefined;
    for (const meeting of group.meetings) {
      const next = nextMeetingStart(meeting, this.now);
      if (next !== undefined && (best === undefined || next < best)) best = next;
    }
    this.nextStarts.set(group.id, best);
    return best;
  }

  /** The results of the current search.  @internal */
  get currentResults(): SearchResult[] {
    const index = this.searchIndex;
    if (!index) return [];
    const near = nearPoint(this);
    const key = JSON.stringify([this.finderState.query, near]) + this.indexLocale;
    if (key !== this.resultsKey || this.indexKey !== this.resultsIndex) {
      this.results = searchGroups(index, { ...this.finderState.query, near });
      this.resultsKey = key;
      this.resultsIndex = this.indexKey;
    }
    return this.results;
  }
  private resultsIndex?: unknown;

  /** Applies a change the visitor made to the search or the filters. */
  updateQuery(patch: Partial<FinderQuery>, options: { near?: string | null; typing?: boolean } = {}): void {
    const query = { ...this.finderState.query, ...patch };
    for (const key of Object.keys(query) as (keyof FinderQuery)[]) {
      const v = query[key];
      if (v === undefined || v === '' || v === false || (Array.isArray(v) && v.length === 0)) delete query[key];
    }
    const next: FinderState = { query };
    const near = options.near === undefined ? this.finderState.near : options.near ?? undefined;
    if (near) next.near = near;
    this.finderState = next;
    this.shown = this.pageSize;
    this.writeUrl(options.typing ? 'replace' : 'push');
    // Typed while the feed loads: the results, their count and the event come with the feed (see updated).
    if (!this.searchIndex) {
      this.searchedWhileLoading = true;
      return;
    }
    const count = this.currentResults.length;
    this.announceCount(count);
    this.emit('shg-search', { query, count });
  }

  /** Clears the search and every filter. */
  resetFilters(): void {
    this.nearProblem = '';
    this.statusesEmptied = false;
    this.updateQuery({ q: undefined, topics: undefined, audience: undefined, days: undefined, times: undefined, mode: undefined, wheelchair: undefined, languages: undefined, ageGroup: undefined, statuses: undefined, sort: undefined }, { near: null });
    this.focusAfterRender = '#shg-q';
  }

  private announceTimer?: ReturnType<typeof setTimeout>;
  private announceCount(count: number): void {
    // Wait until typing pauses: a screen reader should hear one count, not one per keystroke.
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => (this.announcement = this.countText(count)), 700);
  }

  countText(total: number): string {
    const count = formatCount(total, this.locale);
    return plural(total, this.locale, {
      zero: () => msg('No groups found', { id: 'finder.count.zero' }),
      one: () => msg('1 group found', { id: 'finder.count.one' }),
      two: () => msg(str`${count} groups found`, { id: 'finder.count.two' }),
      few: () => msg(str`${count} groups found`, { id: 'finder.count.few' }),
      many: () => msg(str`${count} groups found`, { id: 'finder.count.many' }),
      other: () => msg(str`${count} groups found`, { id: 'finder.count.other' }),
    });
  }

  /** Opens a group's details (the visitor clicked its card or followed a deep link). */
  openGroup(id: string): void {
    const directory = this.data.state === 'loading' ? this.data.early : this.data.directory;
    const group = directory?.groupsById.get(id);
    if (!group) return;
    // From a first stage: read in full before anyone sees it (the event carries it).
    readInFull(directory!, [group]);
    this.finderState = { ...this.finderState, group: id };
    this.writeUrl('push');
    this.focusAfterRender = '#shg-detail-title';
    this.emit('shg-group-open', { group });
  }

  /** Back from a group to the results, focus on the card it came from. */
  closeGroup(): void {
    const id = this.finderState.group;
    const { group: _closed, ...rest } = this.finderState;
    this.finderState = rest;
    this.writeUrl('push');
    if (id) this.focusAfterRender = `[data-group-id="${CSS.escape(id)}"] a`;
  }

  showMore(): void {
    // The first results may have only their first page in order (see searchIndex): search again.
    if (this.index && partlyOrdered(this.index)) this.resultsKey = undefined;
    const firstNew = this.shown;
    this.shown += this.pageSize;
    // Focus the first newly shown card so keyboard and screen-reader users continue where they were.
    this.focusAfterRender = `#shg-results > li:nth-child(${firstNew + 1}) a`;
  }

  toggleFilters(): void {
    this.filtersOpen = !this.filtersOpen;
  }

  /** Closes the filter panel from its end and takes the visitor to the results (on a phone the panel is screens long). */
  showResults(): void {
    this.filtersOpen = false;
    this.focusAfterRender = '#shg-count, #shg-no-results';
  }

  get filtersAreOpen(): boolean {
    return this.filtersOpen;
  }

  /** A link to a group on this page. */
  linkTo(group: Group): string {
    // Rebuilt only when the page URL changes: a results page links 20 cards per keystroke.
    if (this.linkerHref !== location.href) {
      this.linkerHref = location.href;
      this.linker = groupLinker(new URL(location.href));
    }
    return this.linker!(group.id);
  }
  private linkerHref?: string;
  private linker?: (groupId: string) => string;

  /** Where "Get in touch" leads for a group (contact-href template or the contact-form on this page). */
  contactHrefFor(group: Group): string | undefined {
    if (this.contactHref) return fillTemplate(this.contactHref, { id: group.id });
    if (this.contactForm) return `#${this.contactForm}`;
    return undefined;
  }

  /** "Get in touch": tells the page (cancelable), then hands the group to the contact form or follows the link. */
  contact(group: Group, event?: Event): void {
    const href = this.contactHrefFor(group);
    const proceed = this.emit('shg-contact', { group, href }, { cancelable: true });
    if (!proceed) {
      event?.preventDefault();
      return;
    }
    if (this.contactForm) {
      event?.preventDefault();
      const form = document.getElementById(this.contactForm) as (HTMLElement & { group?: string }) | null;
      if (!form) {
        console.warn(`selbsthilfe-widgets: contact-form="${this.contactForm}" names no element on this page.`);
        return;
      }
      form.group = group.id;
      form.scrollIntoView({ block: 'start', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
      form.focus({ preventScroll: true });
    }
    // With contact-href the link navigates by itself.
  }

  /** Fetches the feed again after an error. */
  retry(): void {
    void this.data.retry();
  }

  private writeUrl(mode: 'push' | 'replace'): void {
    if (!this.urlState) return;
    const next = urlWithState(new URL(location.href), this.finderState);
    if (next.href === location.href) return;
    if (mode === 'push') history.pushState(history.state, '', next);
    else history.replaceState(history.state, '', next);
  }

  focusSearch(): void {
    this.searchInput?.focus();
  }

  override focus(options?: FocusOptions): void {
    // Lit's own updateComplete: ours also waits for parts loading on demand, which may stall.
    void super.getUpdateComplete().then(() => this.searchInput?.focus(options));
  }

  protected override updated(): void {
    if (this.searchedWhileLoading && this.searchIndex) {
      this.searchedWhileLoading = false;
      const count = this.currentResults.length;
      this.announceCount(count);
      this.emit('shg-search', { query: this.finderState.query, count });
    }
    if (!this.focusAfterRender) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.focusAfterRender);
    if (!target) {
      // A part still loading: focus stays in the element (on its placeholder) until the target is there.
      const placeholder = this.renderRoot.querySelector<HTMLElement>('#shg-part-loading, #shg-part-error');
      placeholder?.focus();
      if (this.parts.loading) return;
    }
    this.focusAfterRender = undefined;
    target?.focus();
  }
  private searchedWhileLoading = false;

  protected override render() {
    const directory = this.data.directory;
    const state = this.data.state;
    const view = stateViews(state, { unavailable: msg('The list of groups cannot be shown right now.', { id: 'state.error' }), retry: () => this.retry(), officePhone: this.officePhone, office: directory?.office });
    const ready = directory && state === 'ready' ? directory : undefined;
    const early = !ready && state === 'loading' ? this.earlyDirectory : undefined;
    let content;
    if (ready) content = this.renderReady(ready);
    // The form as while loading (its topics and filters need every group), the first results below it.
    else if (early) content = this.renderReady(early, LOADING);
    // While the feed loads, the search form is already there (the visitor may start typing)
    // and rendered once: the feed's arrival then only adds the topics and the results.
    else if (state === 'loading') content = this.searchPage(LOADING, view);
    else content = view;
    return html`<div part="base" class="base" dir=${this.textDirection} lang=${this.locale}>
      ${ready ? staleNotice(ready, this.locale, () => this.retry()) : nothing}${content}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    </div>`;
  }

  /** The group view or the search page; `form` is the directory the search form shows (the same unless early). */
  private renderReady(directory: Directory, form = directory) {
    if (directory.groups.length === 0) {
      return html`<p part="status" class="status">${msg('This directory does not list any groups yet.', { id: 'finder.empty-directory' })}</p>`;
    }
    const early = form !== directory;
    const openId = this.finderState.group;
    const open = openId ? directory.groupsById.get(openId) : undefined;
    if (open && early) readInFull(directory, [open]);
    if (open) return this.renderGroup(directory, open);
    const results = this.currentResults;
    if (early) readInFull(directory, results.slice(0, this.shown).map((r) => r.group));
    return this.searchPage(
      form,
      html`${openId ? html`<p part="status" class="status notice" role="alert">${msg('This group is no longer listed. Here are the other groups.', { id: 'finder.group-gone' })}</p>` : nothing}
        ${renderResults(this, directory, results, this.shown)}`,
    );
  }

  /** The group view, or while its code loads a quiet placeholder (or, if it failed, a way on). */
  private renderGroup(directory: Directory, group: Group) {
    const state = this.parts.state(detailView);
    if (state === 'ready') return detailView.loaded!.renderDetail(this, directory, group);
    if (state === 'failed') {
      return html`<div id="shg-part-error" part="error" class="error" role="alert" tabindex="-1">
        <p>${msg('The details of this group cannot be shown right now.', { id: 'detail.unavailable' })}</p>
        ${contactLine(officeWays(directory.office, this.officePhone))}
        <button type="button" part="button" class="button" @click=${() => this.retryPart(detailView, '#shg-detail-title')}>${msg('Try again', { id: 'state.retry' })}</button>
        <button type="button" part="button" class="button secondary" @click=${() => this.closeGroup()}>${msg('Back to the results', { id: 'detail.back' })}</button>
      </div>`;
    }
    return html`<div id="shg-part-loading" class="skeleton" part="status" aria-busy="true" tabindex="-1">
      <p class="visually-hidden">${msg('Loading the group…', { id: 'detail.loading' })}</p>
      <div class="skeleton-bar"></div><div class="skeleton-bar short"></div>
    </div>`;
  }

  /**
   * "Try again" for a part whose code could not load; focus then goes to `focus`. A reload
   * (after a second failure) only where the URL keeps the visitor's search.  @internal
   */
  retryPart(part: OnDemandModule<unknown>, focus: string): void {
    this.focusAfterRender = focus;
    this.parts.retry(part, { reloadAfterTwo: this.urlState });
  }

  /** The parts that load on demand (group view, filter panel).  @internal */
  readonly parts = new OnDemandParts(this);

  /** Also waits for the code of a part that is loading on demand. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.parts.loading) {
      await this.parts.settled();
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  /** The search form and below it `body`: one template for loading and results, so the form stays in place. */
  private searchPage(directory: Directory, body: unknown) {
    return html`${renderFilters(this, directory, activeFilterCount(this.finderState))}${body}`;
  }
}

/** What the search form shows while the feed loads: no topics, no places. */
const LOADING: Directory = {
  version: 1,
  language: 'de',
  timezone: 'Europe/Berlin',
  topics: [],
  topicsById: new Map(),
  places: [],
  placesById: new Map(),
  groups: [],
  groupsById: new Map(),
  problems: [],
};

function attributeToProperty(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
