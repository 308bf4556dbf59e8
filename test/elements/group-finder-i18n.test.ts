/**
 * The finder in German and Arabic: every state passes axe, Arabic is right to
 * left, and the language comes from the nearest `lang`.
 */
import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import type { ShgGroupFinder } from '../../src/index.js';
import { MINI_FEED, button, cardNames, choose, control, holdFullRead, miniFeed, openCard, openFilters, readyFinder, root, settled, typeSearch } from './finder-harness.js';
import { detailView } from '../../src/elements/group-finder/on-demand-views.js';
import { generateFeed } from '../../src/feed/generate.js';
import { districtsWithCoordinates } from '../../src/search/index.js';

async function inLanguage(lang: string, inner = html`<shg-group-finder src=${MINI_FEED}></shg-group-finder>`): Promise<ShgGroupFinder> {
  const wrapper = fixtureSync(html`<div lang=${lang}>${inner}</div>`);
  const el = wrapper.querySelector('shg-group-finder')!;
  await settled(el);
  // The locale module loads lazily; wait for the re-render in that language.
  await waitUntil(() => root(el).querySelector('[part="base"]')?.getAttribute('lang') === lang, `never switched to ${lang}`, { timeout: 5000 });
  await el.updateComplete;
  return el;
}

for (const lang of ['de', 'ar']) {
  describe(`<shg-group-finder> in ${lang === 'de' ? 'German' : 'Arabic'}`, () => {
    it('takes its language from the nearest lang attribute', async () => {
      const el = await inLanguage(lang);
      const base = root(el).querySelector('[part="base"]')!;
      expect(base.getAttribute('lang')).to.equal(lang);
      expect(base.getAttribute('dir')).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
    });

    it('is accessible with results and the filter panel open', async () => {
      const el = await inLanguage(lang);
      await openFilters(el);
      await expect(el).to.be.accessible();
    });

    it('is accessible with search highlights and with no results', async () => {
      const el = await inLanguage(lang);
      await typeSearch(el, 'trauer');
      await expect(el).to.be.accessible();
      await typeSearch(el, 'xylophon');
      await expect(el).to.be.accessible();
    });

    it('is accessible with a group open', async () => {
      const el = await inLanguage(lang);
      await openCard(el, 'Diabetes');
      await expect(el).to.be.accessible();
    });

    it('is accessible while loading, on error and with an empty directory', async () => {
      const loading = fixtureSync(html`<div lang=${lang}><shg-group-finder .feed=${new Promise(() => {})}></shg-group-finder></div>`);
      await expect(loading.firstElementChild).to.be.accessible();
      const failing = await inLanguage(lang, html`<shg-group-finder src="/does-not-exist.json"></shg-group-finder>`);
      expect(button(failing, '')).to.exist;
      await expect(failing).to.be.accessible();
      const feed = await miniFeed();
      feed.groups = [];
      const empty = await inLanguage(lang, html`<shg-group-finder .feed=${feed}></shg-group-finder>`);
      await expect(empty).to.be.accessible();
    });

    it('marks feed texts that fall back to another language with their lang', async () => {
      const el = await inLanguage(lang);
      await openCard(el, 'Trauer nach Suizid');
      const title = root(el).querySelector('#shg-detail-title')!;
      // The group's name exists only in German.
      const marked = title.querySelector('[lang]');
      if (lang === 'de') expect(marked).to.equal(null);
      else expect(marked!.getAttribute('lang')).to.equal('de');
    });
  });
}

// What this session's parts add, in a left-to-right and a right-to-left language.
const ENGLISH = /cannot be shown|Loading the group|Search for a self-help group|The whole town/;
for (const lang of ['de', 'ar']) {
  describe(`<shg-group-finder> in ${lang === 'de' ? 'German' : 'Arabic'}: search form while loading, parts on demand, near by town`, () => {
    const realLoad = detailView.source;
    afterEach(() => {
      detailView.source = realLoad;
      detailView.forget();
    });

    it('shows the search form in the language while the feed loads', async () => {
      const wrapper = fixtureSync(html`<div lang=${lang}><shg-group-finder .feed=${new Promise(() => {})}></shg-group-finder></div>`);
      const el = wrapper.querySelector('shg-group-finder')!;
      await waitUntil(() => root(el).querySelector('[part="base"]')?.getAttribute('lang') === lang, `never switched to ${lang}`, { timeout: 5000 });
      await el.updateComplete;
      const form = root(el).querySelector('form[role="search"]')!;
      expect(form.closest('[dir]')!.getAttribute('dir')).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
      expect(form.textContent).not.to.match(ENGLISH);
      await expect(el).to.be.accessible();
    });

    it('says in the language that a group cannot be shown when its code does not load, and stays accessible', async () => {
      detailView.forget();
      detailView.source = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      const el = await inLanguage(lang);
      await openCard(el, 'Diabetes');
      await waitUntil(() => root(el).querySelector('#shg-part-error'), 'no message');
      const message = root(el).querySelector('#shg-part-error')!;
      expect(message.textContent).not.to.match(ENGLISH);
      expect(message.closest('[dir]')!.getAttribute('dir')).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
      await expect(el).to.be.accessible();
    });

    it('asks for the town, then the district, with labels in the language', async () => {
      const wrapper = fixtureSync(html`<div lang=${lang}><shg-group-finder .feed=${generateFeed({ groups: 5000, seed: 3 })}></shg-group-finder></div>`);
      const el = wrapper.querySelector('shg-group-finder')!;
      await waitUntil(() => el.directory && root(el).querySelector('[part="base"]')?.getAttribute('lang') === lang, 'not read', { timeout: 10000 });
      await settled(el);
      // Thousands of groups: the count as the language writes numbers ("4.487" in German).
      const count = el.currentResults.length;
      expect(count).to.be.greaterThan(999);
      expect(root(el).querySelector('#shg-count')!.textContent).to.contain(new Intl.NumberFormat(lang).format(count));
      await openFilters(el);
      const town = districtsWithCoordinates(el.directory!).find((p) => p.district)!.city!;
      const near = lang === 'ar' ? 'بالقرب من' : 'In der Nähe von';
      const district = lang === 'ar' ? 'الحي' : 'Stadtteil';
      await choose(el, near, town);
      const second = control<HTMLSelectElement>(el, district);
      expect(second.options[0].textContent).to.equal(lang === 'ar' ? 'المدينة كلها' : 'Der ganze Ort');
      await expect(el).to.be.accessible();
    });
  });
}

describe('<shg-group-finder> in Arabic, a national directory while it is read', () => {
  const { firstStage } = holdFullRead();

  it('shows the first page right to left, with the count in Arabic, and stays accessible', async () => {
    const wrapper = fixtureSync(html`<div lang="ar"><shg-group-finder></shg-group-finder></div>`);
    const el = wrapper.querySelector('shg-group-finder')!;
    await firstStage(el);
    // The Arabic messages load on demand: the first stage (the full read is held) re-renders in Arabic.
    await waitUntil(() => root(el).querySelector('[part="base"]')?.getAttribute('lang') === 'ar', 'never switched to ar', { timeout: 5000 });
    await el.updateComplete;
    expect(el.directory, 'still the first stage').to.equal(undefined);
    expect(root(el).querySelector('[part="base"]')!.getAttribute('dir')).to.equal('rtl');
    expect(cardNames(el)).to.have.length(20);
    expect(root(el).querySelector('#shg-count')!.textContent).not.to.contain('groups found');
    await expect(el).to.be.accessible();
  });
});

describe('<shg-group-finder> texts in another language', () => {
  it('isolates a German name and description in an Arabic card with their lang and dir="auto"', async () => {
    const wrapper = fixtureSync(html`<div lang="ar"><shg-group-finder src=${MINI_FEED}></shg-group-finder></div>`);
    const el = wrapper.querySelector('shg-group-finder')!;
    await settled(el);
    await waitUntil(() => root(el).querySelector('[part="base"]')?.getAttribute('lang') === 'ar', 'never switched to ar', { timeout: 5000 });
    await el.updateComplete;
    const card = [...root(el).querySelectorAll('.card')].find((c) => c.textContent!.includes('Trauer nach Suizid'))!;
    const name = card.querySelector('.card-title [lang]')!;
    expect(name.getAttribute('lang')).to.equal('de');
    expect(name.getAttribute('dir')).to.equal('auto');
    expect(card.querySelector('.excerpt')!.getAttribute('lang')).to.equal('de');
  });

  it('opens a German group in an Arabic page with its description as a German, left-to-right paragraph and its address isolated', async () => {
    const el = await readyFinder(html`<shg-group-finder lang="ar" src=${MINI_FEED}></shg-group-finder>`);
    await openCard(el, 'Trauer nach Suizid');
    const detail = root(el).querySelector('[part="detail"]')!;
    const description = detail.querySelector('p.description')!;
    expect(description.getAttribute('lang')).to.equal('de');
    expect(getComputedStyle(description).direction).to.equal('ltr');
    for (const line of detail.querySelectorAll('address.place bdi')) expect(getComputedStyle(line).direction).to.equal('ltr');
    await expect(el).to.be.accessible();
  });
});

describe('<shg-group-finder> language choice', () => {
  it('uses its own lang attribute before the page language', async () => {
    const el = await readyFinder(html`<shg-group-finder lang="ar" src=${MINI_FEED}></shg-group-finder>`);
    expect(root(el).querySelector('[part="base"]')!.getAttribute('dir')).to.equal('rtl');
  });
});
