/**
 * The panel of further filters behind "More filters": audience, weekdays, times, how the
 * group meets, accessibility, age, language, status and "near". Loaded on demand (see
 * on-demand-views.ts) and rendered only while open: its controls would cost time on
 * every keystroke otherwise.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import type { Directory, GroupStatus, WeekdayCode } from '../../feed/types.js';
import { DEFAULT_STATUSES, districtsWithCoordinates, type FinderQuery, type NamedPosition, type TimeOfDay } from '../../search/index.js';
import { languageName } from '../../internal/format.js';
import type { ShgGroupFinder } from './group-finder.js';
import { factsOf } from './finder-filters.js';

const DAYS: WeekdayCode[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

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

function toggle<T>(list: readonly T[] | undefined, value: T, on: boolean): T[] {
  const rest = (list ?? []).filter((v) => v !== value);
  return on ? [...rest, value] : rest;
}

/**
 * One radio button or checkbox with its label, showing what the query holds. live(): a box the
 * visitor just changed is set back when the query does not follow (e.g. no status chosen
 * falls back to the default ones); Lit would otherwise think the value had not changed.
 */
function choice(
  type: 'radio' | 'checkbox',
  label: string,
  checked: boolean,
  onChange: (checked: boolean) => void,
  { name, describedBy }: { name?: string; describedBy?: string } = {},
): TemplateResult {
  return html`<label class="choice"
    ><input
      type=${type}
      name=${name ?? nothing}
      .checked=${live(checked)}
      aria-describedby=${describedBy ?? nothing}
      @change=${(e: Event) => onChange((e.target as HTMLInputElement).checked)}
    />${label}</label
  >`;
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
    ${choices.map(([value, label]) => choice('radio', label, current === value, () => host.updateQuery({ [key]: value } as Partial<FinderQuery>), { name: `shg-${key}` }))}
  </fieldset>`;
}

/** A group of checkboxes, each adding its value to the query's list under `key`. */
function checkboxes<K extends 'days' | 'times'>(host: ShgGroupFinder, key: K, legend: string, choices: [NonNullable<FinderQuery[K]>[number], string][]): TemplateResult {
  const current = host.finderState.query[key] as readonly NonNullable<FinderQuery[K]>[number][] | undefined;
  return html`<fieldset class="filter">
    <legend>${legend}</legend>
    ${choices.map(([value, label]) =>
      choice('checkbox', label, current?.includes(value) ?? false, (on) => host.updateQuery({ [key]: toggle(current, value, on) } as Partial<FinderQuery>)),
    )}
  </fieldset>`;
}

/** Above this many places, "near" asks for the town first and then, if it has any, the district. */
const ONE_LIST_AT_MOST = 300;

/** Towns (and places without a town) for the first list, and each town's districts; once per list. */
const placeLists = new WeakMap<readonly NamedPosition[], { towns: NamedPosition[]; districtsOf: Map<string, NamedPosition[]> }>();
function townsAndDistricts(all: readonly NamedPosition[]) {
  let lists = placeLists.get(all);
  if (!lists) {
    const towns: NamedPosition[] = [];
    const districtsOf = new Map<string, NamedPosition[]>();
    for (const p of all) {
      if (!(p.district && p.city)) towns.push(p);
      else if (districtsOf.has(p.city)) districtsOf.get(p.city)!.push(p);
      else districtsOf.set(p.city, [p]);
    }
    placeLists.set(all, (lists = { towns, districtsOf }));
  }
  return lists;
}

function nearPicker(host: ShgGroupFinder, directory: Directory): TemplateResult | typeof nothing {
  const all = districtsWithCoordinates(directory);
  if (!all.length) return nothing;
  const near = host.finderState.near ?? '';
  const useMyPosition = () => {
    if (!navigator.geolocation) return;
    // The browser asks the visitor only now; the position never leaves the page.
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        host.nearProblem = '';
        host.myPosition = { lat: pos.coords.latitude, lon: pos.coords.longitude };
        host.updateQuery({ sort: 'distance' }, { near: 'me' });
      },
      () => {
        // Seen beside the button and heard through the live region: a sighted visitor must not press it in vain.
        host.nearProblem = host.announcement = msg('Your location is not available. Please choose a district instead.', { id: 'finder.near.denied' });
      },
      { maximumAge: 600000, timeout: 15000 },
    );
  };
  const choose = (value: string) => {
    host.nearProblem = '';
    host.updateQuery({ sort: value ? 'distance' : undefined }, { near: value || null });
  };
  // A national directory has thousands of places: one list of them all would be of no use.
  const twoSteps = all.length > ONE_LIST_AT_MOST;
  const { towns, districtsOf } = twoSteps ? townsAndDistricts(all) : { towns: all, districtsOf: undefined };
  const chosen = twoSteps ? all.find((p) => p.name === near) : undefined;
  // A district in the second list has a town; a district the feed gave no town is in the first list itself.
  const town = chosen?.district && chosen.city ? chosen.city : chosen?.name;
  const districts = town ? districtsOf?.get(town) : undefined;
  return html`<div class="filter near">
    <label class="field">
      <span class="label">${msg('Near', { id: 'finder.near' })}</span>
      <select part="select" @change=${(e: Event) => choose((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!near}>${msg('Anywhere', { id: 'finder.near.anywhere' })}</option>
        ${near === 'me' ? html`<option value="me" selected>${msg('My location', { id: 'finder.near.me-option' })}</option>` : nothing}
        ${guard([towns, twoSteps ? town : near], () => towns.map((p) => html`<option value=${p.name} ?selected=${(twoSteps ? town : near) === p.name}>${p.name}</option>`))}
      </select>
    </label>
    ${districts?.length
      ? html`<label class="field">
          <span class="label">${msg('District', { id: 'finder.near.district' })}</span>
          <select part="select" @change=${(e: Event) => choose((e.target as HTMLSelectElement).value)}>
            <option value=${town!} ?selected=${near === town}>${msg('The whole town', { id: 'finder.near.whole-town' })}</option>
            ${districts.map((p) => html`<option value=${p.name} ?selected=${near === p.name}>${p.district}</option>`)}
          </select>
        </label>`
      : nothing}
    ${'geolocation' in navigator
      ? html`<button type="button" part="button" class="button secondary" aria-describedby=${host.nearProblem ? 'shg-near-problem' : nothing} @click=${useMyPosition}>
          ${msg('Near me', { id: 'finder.near.me' })}
        </button>`
      : nothing}
    ${host.nearProblem ? html`<p class="hint near-problem" id="shg-near-problem">${host.nearProblem}</p>` : nothing}
  </div>`;
}

/** The panel of further filters (shown by "More filters"): who, when, how, where. */
export function renderPanel(host: ShgGroupFinder, directory: Directory): TemplateResult {
  const locale = host.locale;
  const q = host.finderState.query;
  // What the search uses: no status chosen means the default ones (search/filters.ts), and the boxes show that.
  const statuses = q.statuses?.length ? q.statuses : DEFAULT_STATUSES;
  // The visitor unticked the last one: say why the default ones came back.
  const noneChosen = host.statusesEmptied;
  const { languages } = factsOf(directory);
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
  return html`
      ${radios(host, 'audience', msg('For whom', { id: 'finder.audience' }), [
        [undefined, msg('Everyone', { id: 'finder.any' })],
        ['affected', msg('People affected', { id: 'finder.audience.affected' })],
        ['relatives', msg('Relatives and friends', { id: 'finder.audience.relatives' })],
      ])}
      ${checkboxes(host, 'days', msg('Weekday', { id: 'finder.day' }), DAYS.map((day) => [day, weekdayName(day, locale)]))}
      ${checkboxes(host, 'times', msg('Time of day', { id: 'finder.time' }), times)}
      ${radios(host, 'mode', msg('How the group meets', { id: 'finder.mode' }), [
        [undefined, msg('Any way', { id: 'finder.mode.any' })],
        ['in-person', msg('In person', { id: 'finder.mode.in-person' })],
        ['online', msg('Online', { id: 'finder.mode.online' })],
      ])}
      <fieldset class="filter">
        <legend>${msg('Accessibility', { id: 'finder.accessibility' })}</legend>
        ${choice('checkbox', msg('Wheelchair-accessible place', { id: 'finder.wheelchair' }), q.wheelchair ?? false, (on) => host.updateQuery({ wheelchair: on }))}
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
        ${statusLabels.map(([status, label]) =>
          choice(
            'checkbox',
            label,
            statuses.includes(status),
            (on) => {
              const chosen = toggle(statuses, status, on);
              host.statusesEmptied = chosen.length === 0;
              host.updateQuery({ statuses: chosen });
            },
            { describedBy: noneChosen ? 'shg-status-hint' : undefined },
          ),
        )}
        ${noneChosen
          ? html`<p class="hint" id="shg-status-hint">${msg('With no status chosen, groups open to new members and groups being founded are shown.', { id: 'finder.status.none' })}</p>`
          : nothing}
      </fieldset>
      ${nearPicker(host, directory)}
      <div class="panel-end">
        <button type="button" part="button" class="button" @click=${() => host.showResults()}>${msg('Show the results', { id: 'finder.show-results' })}</button>
        <button type="button" part="button" class="button secondary" @click=${() => host.resetFilters()}>${msg('Reset all filters', { id: 'finder.reset' })}</button>
      </div>
    `;
}
