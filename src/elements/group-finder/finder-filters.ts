import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { msg } from '@lit/localize';
import type { Directory, GroupStatus, WeekdayCode } from '../../feed/types.js';
import { DEFAULT_STATUSES, districtsWithCoordinates, type FinderQuery, type TimeOfDay } from '../../search/index.js';
import { plainText } from '../../internal/text.js';
import { languageName } from '../../internal/format.js';
import type { ShgGroupFinder } from './group-finder.js';
import type { FinderState } from '../../internal/url-state.js';

const DAYS: WeekdayCode[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

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

const weekdayNames = new Map<string, string[]>();
function weekdayName(day: WeekdayCode, locale: string): string {
  let names = weekdayNames.get(locale);
  if (!names) {
    const format = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    // 2024-01-01 was a Monday.
    names = DAYS.map((_, i) => format.format(Date.UTC(2024, 0, 1 + i, 12)));
    weekdayNames.set(locale, names);
  }
  return names[DAYS.indexOf(day)]!;
}

/** Facts about a directory the filters need; computed once, not on every keystroke (70,000 groups). */
interface DirectoryFacts {
  languages: string[];
  canMeasure: boolean;
}
const facts = new WeakMap<Directory, DirectoryFacts>();
function factsOf(directory: Directory): DirectoryFacts {
  let f = facts.get(directory);
  if (!f) {
    const languages = new Set<string>();
    for (const g of directory.groups) for (const l of g.languages) languages.add(l);
    f = { languages: [...languages].sort(), canMeasure: directory.places.some((p) => p.lat !== undefined) };
    facts.set(directory, f);
  }
  return f;
}

function toggle<T>(list: readonly T[] | undefined, value: T, on: boolean): T[] {
  const rest = (list ?? []).filter((v) => v !== value);
  return on ? [...rest, value] : rest;
}

/** A radio group whose first choice means "no filter". */
function radios<K extends keyof FinderQuery>(
  host: ShgGroupFinder,
  key: K,
  legend: string,
  choices: [FinderQuery[K] | undefined, string][],
): TemplateResult {
  const current = host.finderState.query[key];
  return html`<fieldset class="filter">
    <legend>${legend}</legend>
    ${choices.map(
      ([value, label]) => html`<label class="choice"
        ><input
          type="radio"
          name="shg-${key}"
          .checked=${current === value}
          @change=${() => host.updateQuery({ [key]: value } as Partial<FinderQuery>)}
        />${label}</label
      >`,
    )}
  </fieldset>`;
}

function topicOptions(host: ShgGroupFinder, directory: Directory): TemplateResult {
  const locale = host.locale;
  const collator = new Intl.Collator(locale);
  const name = (id: string) => plainText(directory.topicsById.get(id)?.name, locale, directory.language);
  const areas = directory.topics.filter((t) => !t.parent).sort((a, b) => collator.compare(name(a.id), name(b.id)));
  const selected = host.finderState.query.topics?.[0] ?? '';
  const childrenOf = (areaId: string) =>
    directory.topics.filter((t) => t.parent === areaId).sort((a, b) => collator.compare(name(a.id), name(b.id)));
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

function nearPicker(host: ShgGroupFinder, directory: Directory): TemplateResult | typeof nothing {
  const districts = districtsWithCoordinates(directory);
  if (!districts.length) return nothing;
  const near = host.finderState.near ?? '';
  const useMyPosition = () => {
    if (!navigator.geolocation) return;
    // The browser asks the visitor only now; the position never leaves the page.
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        host.myPosition = { lat: pos.coords.latitude, lon: pos.coords.longitude };
        host.updateQuery({ sort: 'distance' }, { near: 'me' });
      },
      () => (host.announcement = msg('Your location is not available. Please choose a district instead.', { id: 'finder.near.denied' })),
      { maximumAge: 600000, timeout: 15000 },
    );
  };
  return html`<div class="filter near">
    <label class="field">
      <span class="label">${msg('Near', { id: 'finder.near' })}</span>
      <select
        part="select"
        @change=${(e: Event) => {
          const value = (e.target as HTMLSelectElement).value;
          host.updateQuery({ sort: value ? 'distance' : undefined }, { near: value || null });
        }}
      >
        <option value="" ?selected=${!near}>${msg('Anywhere', { id: 'finder.near.anywhere' })}</option>
        ${near === 'me' ? html`<option value="me" selected>${msg('My location', { id: 'finder.near.me-option' })}</option>` : nothing}
        ${guard([districts, near], () => districts.map((d) => html`<option value=${d.name} ?selected=${near === d.name}>${d.name}</option>`))}
      </select>
    </label>
    ${'geolocation' in navigator
      ? html`<button type="button" part="button" class="button secondary" @click=${useMyPosition}>${msg('Near me', { id: 'finder.near.me' })}</button>`
      : nothing}
  </div>`;
}

/** The search box, topic and sort, and the panel of further filters. */
export function renderFilters(host: ShgGroupFinder, directory: Directory, active: number): TemplateResult {
  const locale = host.locale;
  const q = host.finderState.query;
  const statuses = q.statuses ?? DEFAULT_STATUSES;
  const { languages, canMeasure } = factsOf(directory);
  const statusLabels: [GroupStatus, string][] = [
    ['open', msg('Open to new members', { id: 'finder.status.open' })],
    ['founding', msg('Being founded', { id: 'finder.status.founding' })],
    ['paused', msg('Paused', { id: 'finder.status.paused' })],
    ['closed', msg('Not taking new members', { id: 'finder.status.closed' })],
  ];
  const times: [TimeOfDay, string][] = [
    ['morning', msg('Morning', { id: 'finder.time.morning' })],
    ['afternoon', msg('Afternoon', { id: 'finder.time.afternoon' })],
    ['evening', msg('Evening', { id: 'finder.time.evening' })],
  ];
  // The panel is built only while open: its controls cost time on every keystroke otherwise.
  const panel = () => html`
      ${radios(host, 'audience', msg('For whom', { id: 'finder.audience' }), [
        [undefined, msg('Everyone', { id: 'finder.any' })],
        ['affected', msg('People affected', { id: 'finder.audience.affected' })],
        ['relatives', msg('Relatives and friends', { id: 'finder.audience.relatives' })],
      ])}
      <fieldset class="filter">
        <legend>${msg('Weekday', { id: 'finder.day' })}</legend>
        ${DAYS.map(
          (day) => html`<label class="choice"
            ><input type="checkbox" .checked=${q.days?.includes(day) ?? false} @change=${(e: Event) => host.updateQuery({ days: toggle(q.days, day, (e.target as HTMLInputElement).checked) })} />${weekdayName(day, locale)}</label
          >`,
        )}
      </fieldset>
      <fieldset class="filter">
        <legend>${msg('Time of day', { id: 'finder.time' })}</legend>
        ${times.map(
          ([time, label]) => html`<label class="choice"
            ><input type="checkbox" .checked=${q.times?.includes(time) ?? false} @change=${(e: Event) => host.updateQuery({ times: toggle(q.times, time, (e.target as HTMLInputElement).checked) })} />${label}</label
          >`,
        )}
      </fieldset>
      ${radios(host, 'mode', msg('How the group meets', { id: 'finder.mode' }), [
        [undefined, msg('Any way', { id: 'finder.mode.any' })],
        ['in-person', msg('In person', { id: 'finder.mode.in-person' })],
        ['online', msg('Online', { id: 'finder.mode.online' })],
      ])}
      <fieldset class="filter">
        <legend>${msg('Accessibility', { id: 'finder.accessibility' })}</legend>
        <label class="choice"
          ><input type="checkbox" .checked=${q.wheelchair ?? false} @change=${(e: Event) => host.updateQuery({ wheelchair: (e.target as HTMLInputElement).checked })} />${msg('Wheelchair-accessible place', { id: 'finder.wheelchair' })}</label
        >
      </fieldset>
      ${radios(host, 'ageGroup', msg('Age', { id: 'finder.age' }), [
        [undefined, msg('All ages', { id: 'finder.age.any' })],
        ['young', msg('Young people', { id: 'finder.age.young' })],
        ['seniors', msg('Older people', { id: 'finder.age.seniors' })],
      ])}
      ${languages.length > 1
        ? html`<label class="field filter">
            <span class="label">${msg('Language of the group', { id: 'finder.language' })}</span>
            <select part="select" @change=${(e: Event) => host.updateQuery({ languages: (e.target as HTMLSelectElement).value ? [(e.target as HTMLSelectElement).value] : undefined })}>
              <option value="" ?selected=${!q.languages?.length}>${msg('Any language', { id: 'finder.language.any' })}</option>
              ${languages.map((l) => html`<option value=${l} ?selected=${q.languages?.[0] === l}>${languageName(l, locale)}</option>`)}
            </select>
          </label>`
        : nothing}
      <fieldset class="filter">
        <legend>${msg('Show groups that are', { id: 'finder.status' })}</legend>
        ${statusLabels.map(
          ([status, label]) => html`<label class="choice"
            ><input type="checkbox" .checked=${statuses.includes(status)} @change=${(e: Event) => host.updateQuery({ statuses: toggle(statuses, status, (e.target as HTMLInputElement).checked) })} />${label}</label
          >`,
        )}
      </fieldset>
      ${nearPicker(host, directory)}
      <button type="button" part="button" class="button secondary" @click=${() => host.resetFilters()}>${msg('Reset all filters', { id: 'finder.reset' })}</button>
    `;
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
        @click=${() => host.toggleFilters()}
      >
        ${msg('More filters', { id: 'finder.more-filters' })}${active ? html` <span class="count-badge">(${active})</span>` : nothing}
      </button>
    </div>
    <div id="shg-filters" part="filters" class="filters" ?hidden=${!host.filtersAreOpen}>
      ${host.filtersAreOpen ? panel() : nothing}
    </div>
  </form>`;
}
