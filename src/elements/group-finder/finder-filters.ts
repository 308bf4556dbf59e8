import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Directory, Topic } from '../../feed/types.js';
import { districtsWithCoordinates, type FinderQuery } from '../../search/index.js';
import { plainText } from '../../internal/text.js';
import type { ShgGroupFinder } from './group-finder.js';
import type { FinderState } from '../../internal/url-state.js';
import { filterPanel } from './on-demand-views.js';

/** How many filters beyond the defaults are set (shown on the "Filters" button). */
export function activeFilterCount(state: FinderState): number {
  const q = state.query;
  return [q.audience, q.days?.length, q.times?.length, q.mode, q.wheelchair, q.languages?.length, q.ageGroup, q.statuses?.length, state.near].filter(Boolean).length;
}

/** The point distances are measured from: a district of the feed, or the visitor's position. */
export function nearPoint(host: ShgGroupFinder): { lat: number; lon: number } | undefined {
  const near = host.finderState.near;
  if (!near) return undefined;
  if (near === 'me') return host.myPosition;
  const directory = host.directory;
  return directory ? districtsWithCoordinates(directory).find((d) => d.name === near) : undefined;
}

/** Facts about a directory the filters need; computed once, not on every keystroke (70,000 groups). */
interface DirectoryFacts {
  /** The groups' languages, sorted (for the panel's language filter). */
  readonly languages: string[];
  canMeasure: boolean;
}
const facts = new WeakMap<Directory, DirectoryFacts>();
export function factsOf(directory: Directory): DirectoryFacts {
  let f = facts.get(directory);
  if (!f) {
    let languages: string[] | undefined;
    f = {
      // A pass over every group: only once the panel asks, not for the first results.
      get languages() {
        if (!languages) {
          const seen = new Set<string>();
          for (const g of directory.groups) for (const l of g.languages) seen.add(l);
          languages = [...seen].sort();
        }
        return languages;
      },
      canMeasure: directory.places.some((p) => p.lat !== undefined),
    };
    facts.set(directory, f);
  }
  return f;
}

/** Areas and their topics in the locale's order, sorted once per directory and locale. */
const topicOrders = new WeakMap<Directory, Map<string, { areas: Topic[]; children: Map<string, Topic[]> }>>();
function topicOrder(directory: Directory, locale: string) {
  let byLocale = topicOrders.get(directory);
  if (!byLocale) topicOrders.set(directory, (byLocale = new Map()));
  let order = byLocale.get(locale);
  if (!order && directory.topics.length === 0) byLocale.set(locale, (order = { areas: [], children: new Map() }));
  if (!order) {
    const collator = new Intl.Collator(locale);
    const name = (t: Topic) => plainText(t.name, locale, directory.language);
    const sorted = (list: Topic[]) => list.sort((a, b) => collator.compare(name(a), name(b)));
    const children = new Map<string, Topic[]>();
    for (const t of directory.topics) {
      if (!t.parent) continue;
      if (children.has(t.parent)) children.get(t.parent)!.push(t);
      else children.set(t.parent, [t]);
    }
    for (const list of children.values()) sorted(list);
    order = { areas: sorted(directory.topics.filter((t) => !t.parent)), children };
    byLocale.set(locale, order);
  }
  return order;
}

function topicOptions(host: ShgGroupFinder, directory: Directory): TemplateResult {
  const locale = host.locale;
  const name = (id: string) => plainText(directory.topicsById.get(id)?.name, locale, directory.language);
  const { areas, children } = topicOrder(directory, locale);
  const selected = host.finderState.query.topics?.[0] ?? '';
  const childrenOf = (areaId: string) => children.get(areaId) ?? [];
  return html`<label class="field">
    <span class="label">${msg('Topic', { id: 'finder.topic' })}</span>
    <select
      part="select"
      @change=${(e: Event) => {
        const value = (e.target as HTMLSelectElement).value;
        host.updateQuery({ topics: value ? [value] : undefined });
      }}
    >
      <option value="" ?selected=${!selected}>${msg('All topics', { id: 'finder.all-topics' })}</option>
      ${areas.map((area) => {
        const children = childrenOf(area.id);
        const areaName = name(area.id);
        if (!children.length) return html`<option value=${area.id} ?selected=${selected === area.id}>${areaName}</option>`;
        return html`<optgroup label=${areaName}>
          <option value=${area.id} ?selected=${selected === area.id}>${areaName}: ${msg('all', { id: 'finder.area-all' })}</option>
          ${children.map((t) => html`<option value=${t.id} ?selected=${selected === t.id}>${name(t.id)}</option>`)}
        </optgroup>`;
      })}
    </select>
  </label>`;
}

function sortSelect(host: ShgGroupFinder, canMeasure: boolean): TemplateResult {
  const current = host.finderState.query.sort ?? 'relevance';
  const options: [NonNullable<FinderQuery['sort']>, string][] = [
    ['relevance', msg('Best match', { id: 'finder.sort.relevance' })],
    ['name', msg('Name', { id: 'finder.sort.name' })],
    ['next', msg('Next meeting', { id: 'finder.sort.next' })],
  ];
  if (canMeasure) options.push(['distance', msg('Distance', { id: 'finder.sort.distance' })]);
  return html`<label class="field">
    <span class="label">${msg('Sort by', { id: 'finder.sort' })}</span>
    <select part="select" @change=${(e: Event) => host.updateQuery({ sort: (e.target as HTMLSelectElement).value as FinderQuery['sort'] })}>
      ${options.map(([value, label]) => html`<option value=${value} ?selected=${current === value}>${label}</option>`)}
    </select>
  </label>`;
}

/** The search box, topic and sort, and the panel of further filters. */
export function renderFilters(host: ShgGroupFinder, directory: Directory, active: number): TemplateResult {
  const q = host.finderState.query;
  const { canMeasure } = factsOf(directory);
  return html`<form part="search" class="search" role="search" @submit=${(e: Event) => e.preventDefault()}>
    <label class="field search-field" for="shg-q">
      <span class="label">${msg('Search for a self-help group', { id: 'finder.search-label' })}</span>
    </label>
    <input
      id="shg-q"
      part="search-input"
      type="search"
      enterkeyhint="search"
      autocomplete="off"
      aria-describedby="shg-q-hint"
      .value=${q.q ?? ''}
      @input=${(e: Event) => host.updateQuery({ q: (e.target as HTMLInputElement).value }, { typing: true })}
    />
    <p id="shg-q-hint" class="hint">${msg('For example a topic, an illness, a place or a district.', { id: 'finder.search-hint' })}</p>
    <div class="row">
      ${topicOptions(host, directory)} ${sortSelect(host, canMeasure)}
      <button
        type="button"
        part="button"
        class="button secondary"
        aria-expanded=${host.filtersAreOpen ? 'true' : 'false'}
        aria-controls="shg-filters"
        @pointerenter=${preloadPanel}
        @focus=${preloadPanel}
        @click=${() => host.toggleFilters()}
      >
        ${msg('More filters', { id: 'finder.more-filters' })}${active ? html` <span class="count-badge">(${active})</span>` : nothing}
      </button>
    </div>
    <div id="shg-filters" part="filters" class="filters" ?hidden=${!host.filtersAreOpen}>
      ${host.filtersAreOpen ? openPanel(host, directory) : nothing}
    </div>
  </form>`;
}

// Pointing at or focusing "More filters" starts loading the panel, so it is there by the click.
const preloadPanel = () => filterPanel.preload();

/** The panel of further filters; its code loads on demand (a quiet placeholder meanwhile). */
function openPanel(host: ShgGroupFinder, directory: Directory): TemplateResult {
  const state = host.parts.state(filterPanel);
  if (state === 'ready') return filterPanel.loaded!.renderPanel(host, directory);
  if (state === 'failed') {
    return html`<p class="status" role="alert">
      ${msg('These filters cannot be shown right now.', { id: 'finder.filters-unavailable' })}
      <button type="button" part="button" class="link-button" @click=${() => host.retryPart(filterPanel, '[aria-controls="shg-filters"]')}>${msg('Try again', { id: 'state.retry' })}</button>
    </p>`;
  }
  return html`<div class="skeleton" aria-busy="true"><div class="skeleton-bar"></div><div class="skeleton-bar short"></div></div>`;
}
