import { expect, fixture, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setLocale } from '../../src/index.js';
import type { ShgGroupFinder } from '../../src/index.js';
import { clearDirectoryCache } from '../../src/feed/load.js';
import { generateFeed } from '../../src/feed/generate.js';
import { districtsWithCoordinates } from '../../src/search/index.js';
import { detailView, filterPanel } from '../../src/elements/group-finder/on-demand-views.js';
import { excerptBounds } from '../../src/elements/group-finder/finder-results.js';
import {
  MINI_FEED,
  button,
  cardNames,
  check,
  control,
  choose,
  miniFeed,
  openCard,
  openFilters,
  readyFinder,
  root,
  settled,
  typeSearch,
  holdFullRead,
} from './finder-harness.js';

const startUrl = location.href;

describe('<shg-group-finder>', () => {
  before(() => setLocale('en'));
  afterEach(() => {
    history.replaceState(null, '', startUrl);
    clearDirectoryCache();
  });

  describe('states', () => {
    it('shows a quiet loading skeleton below the search form while the feed loads', async () => {
      const el = await fixture<ShgGroupFinder>(html`<shg-group-finder src=${"/__test/respond?delay=1500&body=%7B%7D"}></shg-group-finder>`);
      expect(root(el).querySelector('[aria-busy="true"]')).to.exist;
      expect(control(el, 'Search for a self-help group')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('keeps what the visitor typed while the feed loaded, and shows its results when it arrives', async () => {
      const feed = await miniFeed();
      let arrive!: (value: unknown) => void;
      const el = await fixture<ShgGroupFinder>(html`<shg-group-finder></shg-group-finder>`);
      const searches: unknown[] = [];
      el.addEventListener('shg-search', (e) => searches.push(e.detail));
      el.feed = new Promise((resolve) => (arrive = resolve));
      await el.updateComplete;
      const input = control(el, 'Search for a self-help group');
      input.value = 'trauer';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      expect(searches, 'no search event before there is anything to search').to.have.length(0);
      arrive(feed);
      await settled(el);
      expect(control(el, 'Search for a self-help group').value).to.equal('trauer');
      expect(cardNames(el)).to.deep.equal(['Trauer nach Suizid']);
      expect(searches, 'the search is reported once its results are there').to.deep.equal([{ query: { q: 'trauer' }, count: 1 }]);
      const live = root(el).querySelector('[role="status"][aria-live="polite"]')!;
      await waitUntil(() => live.textContent!.includes('1 group found'), 'the count is announced');
    });

    it('lists open and founding groups by default, each labelled with its status', async () => {
      const el = await readyFinder();
      expect(cardNames(el)).to.have.length(6);
      expect(cardNames(el)).not.to.include('Rheuma-Treff');
      expect(cardNames(el)).not.to.include('Trauercafé');
      const badges = [...root(el).querySelectorAll('.card .badge[class*="status-"]')].map((b) => b.textContent!.trim());
      expect(badges).to.include('Being founded');
      expect(badges).to.include('Open to new members');
      await expect(el).to.be.accessible();
    });

    it('shows one calm sentence, a retry button and the office phone when the feed fails', async () => {
      const el = await fixture<ShgGroupFinder>(html`<shg-group-finder src=${"/__test/respond?status=404&body=nope"} office-phone="+49 30 23125 100"></shg-group-finder>`);
      await settled(el);
      const error = root(el).querySelector('[part="error"]')!;
      expect(error.textContent).to.contain('cannot be shown right now');
      expect(error.querySelector('a[href^="tel:"]')!.getAttribute('href')).to.equal('tel:+493023125100');
      expect(button(el, 'Try again')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('recovers when the visitor retries after a failed load', async () => {
      const el = await fixture<ShgGroupFinder>(html`<shg-group-finder src=${"/__test/respond?status=500&body=x"}></shg-group-finder>`);
      await settled(el);
      el.src = MINI_FEED;
      await settled(el);
      await waitUntil(() => cardNames(el).length === 6);
    });

    it('says so kindly when the directory lists no groups', async () => {
      const feed = await miniFeed();
      feed.groups = [];
      const el = await readyFinder(html`<shg-group-finder .feed=${feed}></shg-group-finder>`);
      expect(root(el).textContent).to.contain('does not list any groups yet');
      await expect(el).to.be.accessible();
    });

    it('suggests which filters to loosen and offers the office help when nothing matches', async () => {
      const el = await readyFinder();
      await typeSearch(el, 'xylophon');
      const empty = root(el).querySelector('.no-results')!;
      expect(empty.textContent).to.contain('No group matches');
      expect(empty.querySelector('a[href="tel:+493023125100"]')).to.exist;
      button(el, 'Search without the text').click();
      await el.updateComplete;
      expect(cardNames(el)).to.have.length(6);
      await expect(el).to.be.accessible();
    });

    it('reads a feed from an inline JSON script child', async () => {
      const feed = JSON.stringify(await miniFeed());
      const el = document.createElement('shg-group-finder');
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = feed;
      el.append(script);
      const container = fixtureSync(html`<div></div>`);
      container.append(el);
      await settled(el);
      expect(cardNames(el)).to.have.length(6);
    });
  });

  describe('search', () => {
    it('folds case and umlauts: "gespraechskreis" finds "Gesprächskreis"', async () => {
      const el = await readyFinder();
      await typeSearch(el, 'GESPRAECHSKREIS');
      expect(cardNames(el)).to.deep.equal(['Diabetes Typ 2 – Gesprächskreis Südstadt']);
    });

    it('finds groups filed under "Angst und Depression" when searching "Depression"', async () => {
      const el = await readyFinder();
      await typeSearch(el, 'Depression');
      const names = cardNames(el);
      expect(names).to.include('Panik & Angst – Online-Gruppe');
      expect(names).to.include('Anxiety and depression – Altstadt');
    });

    it('finds groups through a topic synonym ("Zucker" → Diabetes)', async () => {
      const el = await readyFinder();
      await typeSearch(el, 'zucker');
      expect(cardNames(el)).to.deep.equal(['Diabetes Typ 2 – Gesprächskreis Südstadt']);
    });

    it('matches prefixes while typing and requires every word', async () => {
      const el = await readyFinder();
      await typeSearch(el, 'diab');
      expect(cardNames(el)).to.have.length(1);
      await typeSearch(el, 'angst südstadt');
      expect(cardNames(el)).to.have.length(0);
      await typeSearch(el, 'angst altstadt');
      expect(cardNames(el)[0]).to.equal('Anxiety and depression – Altstadt');
    });

    it('folds Arabic letter variants (ة/ه) and searches Arabic topic names', async () => {
      const el = await readyFinder();
      await typeSearch(el, 'الصحه النفسيه');
      // Every group under the area "الصحة النفسية" (mental health), and nothing else.
      expect(cardNames(el)).to.have.length(4);
      expect(cardNames(el)).to.include('Arabischsprachige Frauengruppe: Seelisch gesund bleiben');
      expect(cardNames(el)).not.to.include('Diabetes Typ 2 – Gesprächskreis Südstadt');
    });

    it('ranks a name match above a description-only match and highlights it', async () => {
      const el = await readyFinder();
      await typeSearch(el, 'trauer');
      const names = cardNames(el);
      expect(names[0]).to.equal('Trauer nach Suizid');
      const mark = root(el).querySelector('.card-title mark')!;
      expect(mark.textContent!.toLowerCase()).to.equal('trauer');
    });
  });

  describe('filters', () => {
    it('filters by area, which includes all its topics', async () => {
      const el = await readyFinder();
      await choose(el, 'Topic', 'chronische-erkrankungen');
      expect(cardNames(el).sort()).to.deep.equal(['Diabetes Typ 2 – Gesprächskreis Südstadt', 'Rheuma – junge Erwachsene (in Gründung)']);
    });

    it('filters by audience: relatives', async () => {
      const el = await readyFinder();
      await openFilters(el);
      await check(el, 'Relatives and friends');
      expect(cardNames(el).sort()).to.deep.equal(['Diabetes Typ 2 – Gesprächskreis Südstadt', 'Trauer nach Suizid']);
    });

    it('filters by weekday and by time of day', async () => {
      const el = await readyFinder();
      await openFilters(el);
      await check(el, 'Thursday');
      expect(cardNames(el).sort()).to.deep.equal(['Anxiety and depression – Altstadt', 'Trauer nach Suizid']);
      await check(el, 'Thursday', false);
      await check(el, 'Afternoon');
      expect(cardNames(el)).to.deep.equal(['Diabetes Typ 2 – Gesprächskreis Südstadt']);
    });

    it('filters online groups, wheelchair-accessible places, young people and the group language', async () => {
      const el = await readyFinder();
      await openFilters(el);
      await check(el, 'Online');
      // A group that meets by arrangement may meet either way, so it stays in the list.
      expect(cardNames(el).sort()).to.deep.equal(['Arabischsprachige Frauengruppe: Seelisch gesund bleiben', 'Panik & Angst – Online-Gruppe']);
      await check(el, 'Any way');
      await check(el, 'Wheelchair-accessible place');
      expect(cardNames(el).sort()).to.deep.equal(['Anxiety and depression – Altstadt', 'Diabetes Typ 2 – Gesprächskreis Südstadt', 'Rheuma – junge Erwachsene (in Gründung)']);
      await check(el, 'Wheelchair-accessible place', false);
      await check(el, 'Young people');
      expect(cardNames(el)).to.deep.equal(['Rheuma – junge Erwachsene (in Gründung)']);
      await check(el, 'All ages');
      await choose(el, 'Language of the group', 'ar');
      expect(cardNames(el)).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('shows paused and closed groups only when asked', async () => {
      const el = await readyFinder();
      await openFilters(el);
      await check(el, 'Paused');
      expect(cardNames(el)).to.include('Rheuma-Treff');
      await check(el, 'Not taking new members');
      expect(cardNames(el)).to.include('Trauercafé');
    });

    it('shows the default statuses ticked again when the visitor unticks every status (what the list shows)', async () => {
      const el = await readyFinder();
      const before = cardNames(el);
      await openFilters(el);
      await check(el, 'Open to new members', false);
      await check(el, 'Being founded', false);
      // No status means the default ones: the boxes must say so, not show an empty choice.
      expect(control(el, 'Open to new members').checked).to.equal(true);
      expect(control(el, 'Being founded').checked).to.equal(true);
      expect(cardNames(el)).to.deep.equal(before);
      // …and say why, next to the boxes and to a screen reader on them.
      const hint = root(el).querySelector('#shg-status-hint')!;
      expect(hint.textContent).to.equal('With no status chosen, groups open to new members and groups being founded are shown.');
      expect(control(el, 'Being founded').getAttribute('aria-describedby')).to.equal('shg-status-hint');
      await expect(el).to.be.accessible();
      await check(el, 'Paused');
      expect(root(el).querySelector('#shg-status-hint')).to.equal(null);
    });

    it('says beside "Near me" when the browser gives no position, and forgets it when a district is chosen', async () => {
      const geolocation = navigator.geolocation;
      Object.defineProperty(geolocation, 'getCurrentPosition', {
        configurable: true,
        value: (_ok: PositionCallback, fail: PositionErrorCallback) => fail({ code: 1, message: 'denied' } as GeolocationPositionError),
      });
      try {
        const el = await readyFinder();
        await openFilters(el);
        button(el, 'Near me').click();
        await el.updateComplete;
        const problem = root(el).querySelector('.near-problem');
        expect(problem?.textContent).to.equal('Your location is not available. Please choose a district instead.');
        await expect(el).to.be.accessible();
        await choose(el, 'Near', 'Südstadt');
        expect(root(el).querySelector('.near-problem')).to.equal(null);
        button(el, 'Near me').click();
        await el.updateComplete;
        expect(button(el, 'Near me').getAttribute('aria-describedby')).to.equal('shg-near-problem');
        button(el, 'Reset all filters').click();
        await el.updateComplete;
        expect(root(el).querySelector('.near-problem')).to.equal(null);
      } finally {
        delete (geolocation as unknown as Record<string, unknown>).getCurrentPosition;
      }
    });

    it('takes focus to the "no group matches" help when the filters leave nothing', async () => {
      const el = await readyFinder(html`<shg-group-finder src=${MINI_FEED} q="zzzzzz"></shg-group-finder>`);
      await openFilters(el);
      button(el, 'Show the results').click();
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement?.id).to.equal('shg-no-results');
      await expect(el).to.be.accessible();
    });

    it('closes the panel from its end and takes focus to the updated count', async () => {
      const el = await readyFinder();
      await openFilters(el);
      await check(el, 'Paused');
      button(el, 'Show the results').click();
      await el.updateComplete;
      expect(root(el).querySelector('#shg-filters')!.hasAttribute('hidden')).to.equal(true);
      expect(button(el, 'More filters').getAttribute('aria-expanded')).to.equal('false');
      expect(el.shadowRoot!.activeElement?.id).to.equal('shg-count');
      expect(cardNames(el)).to.include('Rheuma-Treff');
      await expect(el).to.be.accessible();
    });

    it('sorts by distance from a district of the feed', async () => {
      const el = await readyFinder();
      await openFilters(el);
      await choose(el, 'Near', 'Südstadt');
      expect(cardNames(el)[0]).to.equal('Diabetes Typ 2 – Gesprächskreis Südstadt');
      expect(root(el).querySelector('.card .where')!.textContent).to.match(/km/);
    });

    it('takes initial filters from attributes, so a page can show all groups of a topic with no code', async () => {
      const el = await readyFinder(html`<shg-group-finder src=${MINI_FEED} topic="trauer" status="open,closed"></shg-group-finder>`);
      expect(cardNames(el).sort()).to.deep.equal(['Trauer nach Suizid', 'Trauercafé']);
    });

    it('resets every filter and returns focus to the search box', async () => {
      const el = await readyFinder(html`<shg-group-finder src=${MINI_FEED} topic="trauer" q="x"></shg-group-finder>`);
      await openFilters(el);
      button(el, 'Reset all filters').click();
      await el.updateComplete;
      expect(cardNames(el)).to.have.length(6);
      expect(el.shadowRoot!.activeElement?.id).to.equal('shg-q');
    });
  });

  describe('the group view, loaded on demand', () => {
    const realLoad = detailView.source;
    afterEach(() => {
      detailView.source = realLoad;
    });

    it('shows a quiet placeholder while its code loads, then the group with focus on its name', async () => {
      detailView.forget();
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      detailView.source = () => gate.then(realLoad);
      const el = await readyFinder();
      const link = root(el).querySelector<HTMLAnchorElement>('.card-title')!;
      link.click();
      await waitUntil(() => root(el).querySelector('[aria-busy="true"]'), 'no placeholder while the group view loads');
      await expect(el).to.be.accessible();
      release();
      await el.updateComplete;
      expect(root(el).querySelector('#shg-detail-title')).to.exist;
      expect(root(el).activeElement?.id).to.equal('shg-detail-title');
    });

    it('says so when its code cannot be loaded, and offers to try again or go back', async () => {
      detailView.forget();
      detailView.source = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      const el = await readyFinder();
      const name = cardNames(el)[0];
      await openCard(el, name);
      await waitUntil(() => root(el).querySelector('[part="error"]'), 'no message');
      expect(root(el).querySelector('[part="error"]')!.textContent).to.contain('cannot be shown right now');
      expect(root(el).activeElement?.id, 'focus moves to the message, not to the page').to.equal('shg-part-error');
      await expect(el).to.be.accessible();
      detailView.source = realLoad;
      button(el, 'Try again').click();
      await el.updateComplete;
      expect(root(el).querySelector('#shg-detail-title')!.textContent).to.contain(name);
      button(el, 'Back to the results').click();
      await el.updateComplete;
      expect(cardNames(el)).to.include(name);
    });
  });

  describe('the filter panel, loaded on demand', () => {
    const realLoad = filterPanel.source;
    afterEach(() => {
      filterPanel.source = realLoad;
    });

    it('says so when its code cannot be loaded, and opens on "Try again"', async () => {
      filterPanel.forget();
      filterPanel.source = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      const el = await readyFinder();
      button(el, 'More filters').click();
      await el.updateComplete;
      expect(root(el).querySelector('#shg-filters [role="alert"]')!.textContent).to.contain('cannot be shown right now');
      await expect(el).to.be.accessible();
      filterPanel.source = realLoad;
      button(el, 'Try again').click();
      await el.updateComplete;
      expect(root(el).querySelectorAll('#shg-filters input[type="checkbox"]').length).to.be.greaterThan(7);
    });
  });

  describe('near, in a national directory', () => {
    it('asks for the town first and then, if it has districts, the district', async () => {
      const el = await fixture<ShgGroupFinder>(html`<shg-group-finder></shg-group-finder>`);
      el.feed = generateFeed({ groups: 5000, seed: 3 });
      // The feed is read in slices: wait for it, not just for the view of an element without one.
      await waitUntil(() => el.directory, 'the feed was never read', { timeout: 10000 });
      await settled(el);
      await openFilters(el);
      const near = control<HTMLSelectElement>(el, 'Near');
      const towns = [...near.options].map((o) => o.value).filter((v) => v);
      expect(towns.length, 'one entry per town, not per district').to.be.within(20, 300);
      // A town that has districts: choosing it offers them, and the results come nearest first.
      const directory = el.directory!;
      const withDistricts = districtsWithCoordinates(directory).find((p) => p.district)!.city!;
      await choose(el, 'Near', withDistricts);
      const district = control<HTMLSelectElement>(el, 'District');
      expect(district.value).to.equal(withDistricts);
      expect(district.options.length).to.be.greaterThan(1);
      const firstDistrict = district.options[1].value;
      await choose(el, 'District', firstDistrict);
      expect(el.finderState.near).to.equal(firstDistrict);
      expect(control<HTMLSelectElement>(el, 'Near').value).to.equal(withDistricts);
      expect(cardNames(el).length).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
    });

    it('shows a district the feed gave no town as chosen in the first list', async () => {
      const feed = generateFeed({ groups: 5000, seed: 3 }) as unknown as { places: Record<string, unknown>[]; groups: { meetings: { place?: unknown }[] }[] };
      feed.places.push({ id: 'no-town', name: 'Treffpunkt', district: 'Auenviertel', lat: 51, lon: 10 });
      feed.groups.find((g) => g.meetings?.length)!.meetings[0].place = 'no-town';
      const el = await fixture<ShgGroupFinder>(html`<shg-group-finder near="Auenviertel"></shg-group-finder>`);
      el.feed = feed;
      // The feed is read in slices: wait for it, not just for the view of an element without one.
      await waitUntil(() => el.directory, 'the feed was never read', { timeout: 10000 });
      await settled(el);
      await openFilters(el);
      expect(control<HTMLSelectElement>(el, 'Near').value).to.equal('Auenviertel');
    });
  });

  describe('a national directory, while it is read', () => {
    const { firstStage, releaseFullRead } = holdFullRead();

    it('shows the first page in name order, with the count, before every group is read', async () => {
      const el = await fixture<ShgGroupFinder>(html`<shg-group-finder></shg-group-finder>`);
      await firstStage(el);
      const early = cardNames(el);
      expect(early).to.have.length(20);
      const count = root(el).querySelector('#shg-count')!.textContent!.trim();
      expect(count).to.match(/^\d,\d{3} groups found$/);
      // Cards are complete: topics, rhythm and place, not just names.
      expect(root(el).querySelector('.card .when')!.textContent!.trim()).not.to.equal('');
      await expect(el).to.be.accessible();
      releaseFullRead();
      await waitUntil(() => el.directory, 'the feed was never read', { timeout: 20000 });
      await el.updateComplete;
      expect(cardNames(el), 'the same page once everything is read').to.deep.equal(early);
      expect(root(el).querySelector('#shg-count')!.textContent!.trim(), 'and the same count').to.equal(count);
      expect(early, 'in name order').to.deep.equal([...early].sort(new Intl.Collator('en', { numeric: true }).compare));
    });

    it('opens a group from the first page with its details', async () => {
      const el = await fixture<ShgGroupFinder>(html`<shg-group-finder></shg-group-finder>`);
      await firstStage(el);
      const name = cardNames(el)[0]!;
      const opened = oneEvent(el, 'shg-group-open');
      await openCard(el, name);
      expect((await opened).detail.group.meetings.length, 'the event carries the group in full').to.be.greaterThan(0);
      await settled(el);
      expect(root(el).querySelector('#shg-detail-title')!.textContent).to.contain(name);
      // In full: its meetings and its contact, not just the name.
      expect(root(el).querySelector('.detail')!.textContent).to.contain('When and where').and.to.contain('Get in touch');
      await expect(el).to.be.accessible();
      releaseFullRead();
      await waitUntil(() => el.directory, 'the feed was never read', { timeout: 20000 });
      await el.updateComplete;
      expect(root(el).querySelector('#shg-detail-title')!.textContent).to.contain(name);
    });

    it('never shows the groups of the previous feed while a new one is read', async () => {
      const el = await readyFinder();
      const before = cardNames(el);
      await firstStage(el, generateFeed({ groups: 3000, seed: 8 }));
      const early = cardNames(el);
      expect(early).to.have.length(20);
      expect(early.filter((name) => before.includes(name))).to.deep.equal([]);
      const firstId = root(el).querySelector<HTMLElement>('[data-group-id]')!.dataset.groupId;
      const opened = oneEvent(el, 'shg-group-open');
      await openCard(el, early[0]!);
      expect((await opened).detail.group.id, 'the group of the new feed').to.equal(firstId);
    });

    it('keeps what the visitor types meanwhile and searches it once every group is read', async () => {
      const el = await fixture<ShgGroupFinder>(html`<shg-group-finder></shg-group-finder>`);
      await firstStage(el);
      // A word of the descriptions, not of the names: found only from groups read in full.
      await typeSearch(el, 'kraft');
      expect(cardNames(el), 'no first-stage list for a search it cannot answer').to.deep.equal([]);
      expect(root(el).querySelector('[aria-busy="true"]')).to.exist;
      await expect(el).to.be.accessible();
      const searched = oneEvent(el, 'shg-search');
      releaseFullRead();
      const { detail } = await searched;
      expect(detail.query.q).to.equal('kraft');
      await el.updateComplete;
      expect(cardNames(el).length).to.be.greaterThan(0);
      expect(cardNames(el).every((name) => !/kraft/i.test(name)), 'found by their descriptions').to.equal(true);
      expect(root(el).querySelector<HTMLInputElement>('#shg-q')!.value).to.equal('kraft');
    });
  });

  describe('results', () => {
    it('cuts a long description between words around the first match', () => {
      const words = Array.from({ length: 80 }, (_, i) => `wort${i}`);
      const text = words.join(' ');
      const match = text.indexOf('wort40');
      const [from, to] = excerptBounds(text, match);
      expect(from).to.be.within(match - 60, match);
      expect(text[from - 1]).to.equal(' ');
      expect(text[to]).to.equal(' ');
      expect(to - from).to.be.within(120, 180);
      expect(excerptBounds('kurz', 0)).to.deep.equal([0, 4]);
    });

    it('puts the card names at heading-level (2 by default), so the page outline does not skip a level', async () => {
      const el = await readyFinder();
      const levels = (f: ShgGroupFinder) => [...new Set([...root(f).querySelectorAll('.card [role="heading"]')].map((h) => h.getAttribute('aria-level')))];
      expect(levels(el)).to.deep.equal(['2']);
      const nested = await readyFinder(html`<shg-group-finder src=${MINI_FEED} heading-level="3"></shg-group-finder>`);
      expect(levels(nested)).to.deep.equal(['3']);
    });

    it('pages long lists with "show more" and moves focus to the first new card', async () => {
      const el = await readyFinder(html`<shg-group-finder src=${MINI_FEED} page-size="2"></shg-group-finder>`);
      expect(cardNames(el)).to.have.length(2);
      button(el, 'Show more groups').click();
      await el.updateComplete;
      expect(cardNames(el)).to.have.length(4);
      expect(el.shadowRoot!.activeElement?.textContent).to.equal(cardNames(el)[2]);
    });

    it('shows every page in name order, also when "show more" comes before the full order is ready', async () => {
      const feed = await miniFeed();
      const first = (feed.groups as Record<string, unknown>[])[0];
      const names = Array.from({ length: 40 }, (_, i) => `Gruppe ${40 - i}`);
      feed.groups = names.map((name, i) => ({ ...first, id: `g${i}`, name, status: 'open' }));
      const el = await fixture<ShgGroupFinder>(html`<shg-group-finder page-size="3"></shg-group-finder>`);
      el.feed = feed;
      // The feed is read in slices: wait for it, not just for the view of an element without one.
      await waitUntil(() => el.directory, 'the feed was never read', { timeout: 10000 });
      await settled(el);
      expect(cardNames(el)).to.deep.equal(['Gruppe 1', 'Gruppe 2', 'Gruppe 3']);
      button(el, 'Show more groups').click();
      await el.updateComplete;
      expect(cardNames(el)).to.deep.equal(['Gruppe 1', 'Gruppe 2', 'Gruppe 3', 'Gruppe 4', 'Gruppe 5', 'Gruppe 6']);
      await expect(el).to.be.accessible();
    });

    it('announces the result count to screen readers once typing pauses', async () => {
      const el = await readyFinder();
      await typeSearch(el, 'trauer');
      const live = root(el).querySelector('[role="status"][aria-live="polite"]')!;
      await waitUntil(() => live.textContent!.includes('1 group found'), 'no announcement', { timeout: 2000 });
    });

    it('shows the next meeting date, the rule in the visitor\'s words and where the group meets', async () => {
      const el = await readyFinder();
      await typeSearch(el, 'diabetes');
      const card = root(el).querySelector('.card')!;
      expect(card.querySelector('time')).to.exist;
      // The office's German wording is not the visitor's language, so the rule is worded in English.
      expect(card.querySelector('.rule')!.textContent).to.match(/2nd Tuesday/);
      expect(card.querySelector('.where')!.textContent).to.contain('Südstadt');
    });
  });

  describe('a group', () => {
    it('opens a group with its meetings, next dates, place and a plain OpenStreetMap link, and focuses its title', async () => {
      const el = await readyFinder();
      const opened = oneEvent(el, 'shg-group-open');
      await openCard(el, 'Diabetes Typ 2');
      expect((await opened).detail.group.id).to.equal('diabetes-typ2-suedstadt');
      const detail = root(el).querySelector('[part="detail"]')!;
      expect(detail.querySelectorAll('.dates li')).to.have.length(3);
      // Date and time in one phrase of the language: "Monday, December 14, 2026 at 7:30 PM".
      expect(detail.querySelector('.dates li')!.textContent).to.match(/^\w+day, \w+ \d{1,2}, \d{4} at \d{1,2}:\d\d\s[AP]M$/);
      expect(detail.querySelector('a[href^="https://www.openstreetmap.org/"]')).to.exist;
      expect(el.shadowRoot!.activeElement?.id).to.equal('shg-detail-title');
      await expect(el).to.be.accessible();
    });

    it('says kindly that a group publishes no place and leads to contact', async () => {
      const el = await readyFinder();
      await openCard(el, 'Trauer nach Suizid');
      expect(root(el).textContent).to.contain('does not publish where it meets');
      expect(button(el, 'Get in touch by e-mail').getAttribute('href')).to.equal('mailto:kiss@musterstadt.example');
    });

    it('offers the group\'s meetings as a calendar file (.ics) to download', async () => {
      const el = await readyFinder();
      await openCard(el, 'Diabetes Typ 2');
      const blobs: Blob[] = [];
      const names: string[] = [];
      const createObjectURL = URL.createObjectURL;
      const click = HTMLAnchorElement.prototype.click;
      URL.createObjectURL = (blob: Blob) => (blobs.push(blob), 'blob:test');
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        names.push(this.download);
      };
      try {
        button(el, 'Add to calendar').click();
        await waitUntil(() => names.length === 1, 'no download started', { timeout: 3000 });
      } finally {
        URL.createObjectURL = createObjectURL;
        HTMLAnchorElement.prototype.click = click;
      }
      expect(names[0]).to.match(/\.ics$/);
      const ics = await blobs[0]!.text();
      expect(ics).to.contain('BEGIN:VCALENDAR');
      expect(ics).to.contain('RRULE:FREQ=MONTHLY;BYDAY=2TU');
      expect(ics).to.contain('BEGIN:VTIMEZONE');
    });

    it('goes back to the results with focus on the card it came from', async () => {
      const el = await readyFinder();
      await openCard(el, 'Trauer nach Suizid');
      button(el, 'Back to the results').click();
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement?.textContent).to.contain('Trauer nach Suizid');
    });

    it('offers the group\'s own e-mail when it publishes one', async () => {
      const el = await readyFinder();
      await openCard(el, 'Arabischsprachige');
      expect(button(el, 'Get in touch').getAttribute('href')).to.equal('mailto:frauengruppe-arabisch@example.org');
    });
  });

  describe('contact hand-off and events', () => {
    it('fills a contact-href template with the group id', async () => {
      const el = await readyFinder(html`<shg-group-finder src=${MINI_FEED} contact-href="/kontakt?group={id}"></shg-group-finder>`);
      await openCard(el, 'Trauer nach Suizid');
      expect(button(el, 'Get in touch').getAttribute('href')).to.equal('/kontakt?group=trauer-nach-suizid');
    });

    it('lets the page handle contact itself by cancelling shg-contact', async () => {
      const el = await readyFinder(html`<shg-group-finder src=${MINI_FEED} contact-href="/kontakt?group={id}"></shg-group-finder>`);
      await openCard(el, 'Trauer nach Suizid');
      let seen: string | undefined;
      el.addEventListener('shg-contact', (e) => {
        seen = e.detail.group.id;
        e.preventDefault();
      });
      const link = button(el, 'Get in touch');
      const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
      link.dispatchEvent(click);
      expect(seen).to.equal('trauer-nach-suizid');
      expect(click.defaultPrevented).to.be.true;
    });

    it('hands the group to a contact form on the same page', async () => {
      const page = fixtureSync(html`<div>
        <shg-group-finder src=${MINI_FEED} contact-form="form"></shg-group-finder>
        <div id="form" tabindex="-1"></div>
      </div>`);
      const el = page.querySelector('shg-group-finder')!;
      await settled(el);
      await openCard(el, 'Trauer nach Suizid');
      button(el, 'Get in touch').click();
      const form = page.querySelector('#form') as HTMLElement & { group?: string };
      expect(form.group).to.equal('trauer-nach-suizid');
      expect(document.activeElement).to.equal(form);
    });

    it('fires shg-search with the query and count when the visitor types, not when code sets a property', async () => {
      const el = await readyFinder();
      const events: CustomEvent[] = [];
      el.addEventListener('shg-search', (e) => events.push(e));
      el.q = 'trauer';
      await el.updateComplete;
      expect(events).to.have.length(0);
      await typeSearch(el, 'diabetes');
      expect(events).to.have.length(1);
      expect(events[0]!.detail).to.deep.include({ count: 1 });
      expect(events[0]!.detail.query.q).to.equal('diabetes');
      expect(events[0]!.bubbles && events[0]!.composed).to.be.true;
    });
  });

  describe('url-state', () => {
    it('writes the search and filters into the URL and restores them on Back', async () => {
      const el = await readyFinder(html`<shg-group-finder src=${MINI_FEED} url-state></shg-group-finder>`);
      await typeSearch(el, 'trauer');
      expect(new URL(location.href).searchParams.get('shg-q')).to.equal('trauer');
      await choose(el, 'Topic', 'trauer');
      expect(new URL(location.href).searchParams.get('shg-topic')).to.equal('trauer');
      const popped = oneEvent(window, 'popstate');
      history.back();
      await popped;
      await el.updateComplete;
      expect(new URL(location.href).searchParams.get('shg-topic')).to.equal(null);
      expect(root(el).querySelector<HTMLSelectElement>('select')!.value).to.equal('');
    });

    it('opens a group from a deep link (?shg-group=…)', async () => {
      history.replaceState(null, '', `${startUrl}${startUrl.includes('?') ? '&' : '?'}shg-group=diabetes-typ2-suedstadt`);
      const el = await readyFinder(html`<shg-group-finder src=${MINI_FEED} url-state></shg-group-finder>`);
      expect(root(el).querySelector('#shg-detail-title')!.textContent).to.contain('Diabetes Typ 2');
    });

    it('reads a topic from a link of a topic list on another page (?shg-topic=…)', async () => {
      history.replaceState(null, '', `${startUrl}${startUrl.includes('?') ? '&' : '?'}shg-topic=rheuma`);
      const el = await readyFinder(html`<shg-group-finder src=${MINI_FEED} url-state></shg-group-finder>`);
      expect(cardNames(el)).to.deep.equal(['Rheuma – junge Erwachsene (in Gründung)']);
    });

    it('links each card to a shareable deep link', async () => {
      const el = await readyFinder();
      const href = root(el).querySelector<HTMLAnchorElement>('.card-title')!.href;
      expect(new URL(href).searchParams.get('shg-group')).to.be.a('string');
    });
  });
});
