import { expect, fixture, fixtureSync, html, waitUntil, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import { ShgTopicList } from '../../src/elements/topic-list/topic-list.js';
import { groupCounts, topicTree } from '../../src/elements/topic-list/topic-tree.js';
import { normaliseFeed } from '../../src/feed/normalise.js';
import type { ShgGroupFinder } from '../../src/elements/group-finder/group-finder.js';

// Wrappers are mounted with fixtureSync: fixture() waits a frame for plain elements, and a page the
// runner keeps in the background (concurrency > 1) may never paint one.

// Registered by define.js once the lead adds it there; guarded, so this is a no-op then.
ShgTopicList.define('shg-topic-list');

const FAILING_FEED = '/__test/respond?status=500&body=x';
const SLOW_FEED = '/__test/respond?delay=3000&body=%7B%7D';

const group = (id: string, topics: string[], status = 'open') => ({ id, name: `Gruppe ${id}`, topics, status, contact: { via: 'office' } });

/**
 * Two areas. "Psyche" has three topics whose German order needs a collator
 * (Ä between A and Z); "Sucht" has only groups that are not counted.
 */
const feed = {
  version: 1,
  language: 'de',
  timezone: 'Europe/Berlin',
  topics: [
    { id: 'psyche', name: { de: 'Psyche', en: 'Mental health', ar: 'الصحة النفسية' } },
    { id: 'zwang', name: { de: 'Zwang', en: 'Compulsion', ar: 'الوسواس القهري' }, parent: 'psyche' },
    { id: 'aerger', name: { de: 'Ärger', en: 'Anger', ar: 'الغضب' }, parent: 'psyche' },
    { id: 'angst', name: { de: 'Angst', en: 'Anxiety', ar: 'القلق' }, parent: 'psyche' },
    { id: 'sucht', name: { de: 'Sucht', en: 'Addiction', ar: 'الإدمان' } },
    { id: 'alkohol', name: { de: 'Alkohol', en: 'Alcohol', ar: 'الكحول' }, parent: 'sucht' },
  ],
  groups: [
    group('g1', ['angst']),
    group('g2', ['angst', 'aerger']), // counted once in the area
    group('g3', ['aerger'], 'founding'),
    group('g4', ['angst'], 'closed'), // not counted
    group('g5', ['psyche']), // directly under the area
    group('g6', ['psyche'], 'paused'), // not counted
    group('g7', ['alkohol'], 'paused'), // not counted: Sucht is empty
  ],
};

async function ready(el: ShgTopicList): Promise<ShgTopicList> {
  await waitUntil(() => el.directory && el.shadowRoot!.querySelector('[part~="list"], [part="status"]:not([aria-busy])'), 'topic list did not render', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

async function inLang(lang: string, template: ReturnType<typeof html>): Promise<HTMLElement> {
  const wrapper = fixtureSync<HTMLElement>(html`<div lang=${lang}>${template}</div>`);
  const el = wrapper.firstElementChild as ShgTopicList;
  await ready(el);
  await waitUntil(() => el.shadowRoot!.querySelector(`[lang="${lang}"]`), `UI did not switch to ${lang}`, { timeout: 5000 });
  await el.updateComplete;
  return wrapper;
}

const root = (el: Element) => el.shadowRoot!;
const names = (el: Element, selector: string) => [...root(el).querySelectorAll(`${selector} .name`)].map((n) => n.textContent!.trim());
const link = (el: Element, id: string) => root(el).querySelector<HTMLAnchorElement>(`a[data-topic-id="${id}"]`)!;

/** Records whether each click was prevented, then prevents it, so no link leaves the test page. */
function guardNavigation(): { prevented: boolean[]; stop(): void } {
  const prevented: boolean[] = [];
  const onClick = (e: Event) => {
    prevented.push(e.defaultPrevented);
    e.preventDefault();
  };
  window.addEventListener('click', onClick);
  return { prevented, stop: () => window.removeEventListener('click', onClick) };
}

describe('<shg-topic-list>', () => {
  describe('counts', () => {
    it('counts open and founding groups per topic, and distinct groups per area', () => {
      const counts = groupCounts(normaliseFeed(feed));
      expect(counts.get('angst')).to.equal(2);
      expect(counts.get('aerger')).to.equal(2);
      expect(counts.get('zwang')).to.equal(0);
      expect(counts.get('psyche')).to.equal(4); // g1, g2, g3, g5
      expect(counts.get('sucht')).to.equal(0);
      expect(counts.get('alkohol')).to.equal(0);
    });

    it('shows the counts beside each topic and area, and says them in words to screen readers', async () => {
      const wrapper = await inLang('en', html`<shg-topic-list .feed=${feed}></shg-topic-list>`);
      const el = wrapper.firstElementChild as ShgTopicList;
      expect(link(el, 'psyche').querySelector('[part="count"] [aria-hidden]')!.textContent).to.equal('4');
      expect(link(el, 'angst').querySelector('[part="count"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('2, 2 groups');
      expect(link(el, 'psyche').textContent!.replace(/\s+/g, ' ')).to.contain('Mental health').and.contain('4 groups');
    });

    it('leaves out topics and areas without groups unless show-empty is set', async () => {
      const el = await ready(await fixture<ShgTopicList>(html`<shg-topic-list lang="de" .feed=${feed}></shg-topic-list>`));
      expect(link(el, 'zwang')).to.equal(null);
      expect(link(el, 'sucht')).to.equal(null);
      el.showEmpty = true;
      await el.updateComplete;
      expect(link(el, 'zwang')).to.exist;
      expect(link(el, 'sucht')).to.exist;
      expect(link(el, 'alkohol').classList.contains('empty')).to.equal(true);
    });

    it('limits the list to the areas named in `areas`', async () => {
      const el = await ready(await fixture<ShgTopicList>(html`<shg-topic-list lang="de" show-empty areas="sucht" .feed=${feed}></shg-topic-list>`));
      expect([...root(el).querySelectorAll('[data-area-id]')].map((a) => a.getAttribute('data-area-id'))).to.deep.equal(['sucht']);
    });

    it('warns the page author about an `areas` id the feed does not have', async () => {
      const warnings: string[] = [];
      const original = console.warn;
      console.warn = (m: string) => warnings.push(String(m));
      try {
        const el = await ready(await fixture<ShgTopicList>(html`<shg-topic-list lang="de" areas="psyche, nichts" .feed=${feed}></shg-topic-list>`));
        expect(root(el).querySelectorAll('[data-area-id]')).to.have.length(1);
      } finally {
        console.warn = original;
      }
      expect(warnings.some((w) => w.includes('"nichts"'))).to.equal(true);
    });
  });

  describe('language and order', () => {
    it('sorts topics the way German sorts them (Ärger between Angst and Zwang)', async () => {
      const wrapper = await inLang('de', html`<shg-topic-list show-empty .feed=${feed}></shg-topic-list>`);
      const el = wrapper.firstElementChild!;
      expect(names(el, '[data-area-id="psyche"] .topic')).to.deep.equal(['Angst', 'Ärger', 'Zwang']);
      expect(names(el, '.area-link')).to.deep.equal(['Psyche', 'Sucht']);
    });

    it('names and sorts topics in the UI language', async () => {
      const wrapper = await inLang('en', html`<shg-topic-list show-empty .feed=${feed}></shg-topic-list>`);
      const el = wrapper.firstElementChild!;
      expect(names(el, '[data-area-id="psyche"] .topic')).to.deep.equal(['Anger', 'Anxiety', 'Compulsion']);
      expect(names(el, '.area-link')).to.deep.equal(['Addiction', 'Mental health']);
    });

    it('sorts with the collator of the locale it is given', () => {
      const tree = topicTree(normaliseFeed(feed), { locale: 'de', showEmpty: true });
      expect(tree[0]!.topics.map((t) => t.topic.id)).to.deep.equal(['angst', 'aerger', 'zwang']);
    });
  });

  describe('layouts', () => {
    it('grid: one tile per area with a heading at heading-level and its topics', async () => {
      const el = await ready(await fixture<ShgTopicList>(html`<shg-topic-list lang="de" layout="grid" heading-level="3" .feed=${feed}></shg-topic-list>`));
      const tiles = root(el).querySelectorAll('[part~="tile"]');
      expect(tiles).to.have.length(1);
      const heading = tiles[0]!.querySelector('[role="heading"]')!;
      expect(heading.getAttribute('aria-level')).to.equal('3');
      expect(heading.querySelector('a[data-topic-id="psyche"]')).to.exist;
      expect(tiles[0]!.querySelectorAll('[part="topic"] a')).to.have.length(2);
    });

    it('list: a compact nested list without headings', async () => {
      const el = await ready(await fixture<ShgTopicList>(html`<shg-topic-list lang="de" layout="list" .feed=${feed}></shg-topic-list>`));
      expect(root(el).querySelector('ul.list > li.area > a.area-link')).to.exist;
      expect(root(el).querySelectorAll('ul.list > li.area > ul.topics > li > a')).to.have.length(2);
      expect(root(el).querySelector('[role="heading"]')).to.equal(null);
    });

    it('accordion: areas are buttons that show and hide their topics', async () => {
      const el = await ready(await fixture<ShgTopicList>(html`<shg-topic-list lang="en" layout="accordion" .feed=${feed}></shg-topic-list>`));
      const button = root(el).querySelector<HTMLButtonElement>('button[part="area-button"]')!;
      const panel = root(el).getElementById(button.getAttribute('aria-controls')!)!;
      expect(button.closest('[role="heading"]')).to.exist;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(panel.hidden).to.equal(true);
      button.click();
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(panel.hidden).to.equal(false);
      // The whole area first, then its topics.
      const links = [...panel.querySelectorAll('a')].map((a) => a.dataset.topicId);
      expect(links).to.deep.equal(['psyche', 'aerger', 'angst']);
      expect(panel.querySelector('a')!.textContent).to.contain('All groups in Mental health');
      button.click();
      await el.updateComplete;
      expect(panel.hidden).to.equal(true);
    });

    it('accordion: an area without topics is a plain link', async () => {
      const flat = { ...feed, topics: [{ id: 'solo', name: 'Solo' }], groups: [group('s1', ['solo'])] };
      const el = await ready(await fixture<ShgTopicList>(html`<shg-topic-list lang="de" layout="accordion" .feed=${flat}></shg-topic-list>`));
      expect(root(el).querySelector('button[part="area-button"]')).to.equal(null);
      expect(link(el, 'solo')).to.exist;
    });
  });

  describe('links', () => {
    it('fills the href template with each topic id', async () => {
      const el = await ready(await fixture<ShgTopicList>(html`<shg-topic-list lang="de" href="/selbsthilfe/gruppen?shg-topic={id}" .feed=${feed}></shg-topic-list>`));
      expect(link(el, 'angst').getAttribute('href')).to.equal('/selbsthilfe/gruppen?shg-topic=angst');
      expect(link(el, 'psyche').getAttribute('href')).to.equal('/selbsthilfe/gruppen?shg-topic=psyche');
    });

    it('links to this page with ?shg-topic= when no href is given', async () => {
      const el = await ready(await fixture<ShgTopicList>(html`<shg-topic-list lang="de" .feed=${feed}></shg-topic-list>`));
      const url = new URL(link(el, 'angst').href);
      expect(url.pathname).to.equal(location.pathname);
      expect(url.searchParams.get('shg-topic')).to.equal('angst');
    });

    it('fires a cancelable shg-topic-select with the topic and the link', async () => {
      const guard = guardNavigation();
      try {
        const el = await ready(await fixture<ShgTopicList>(html`<shg-topic-list lang="de" href="/gruppen?shg-topic={id}" .feed=${feed}></shg-topic-list>`));
        setTimeout(() => link(el, 'angst').click());
        const event = await oneEvent(el, 'shg-topic-select');
        expect(event.detail.topic.id).to.equal('angst');
        expect(event.detail.href).to.equal(new URL('/gruppen?shg-topic=angst', location.href).href);
        expect(event.cancelable).to.equal(true);
        expect(event.composed).to.equal(true);
        // Not cancelled and no `for`: the link is followed (here stopped by the guard).
        expect(guard.prevented).to.deep.equal([false]);
      } finally {
        guard.stop();
      }
    });

    it('does nothing else when the page cancels shg-topic-select', async () => {
      const guard = guardNavigation();
      try {
        const el = await ready(await fixture<ShgTopicList>(html`<shg-topic-list lang="de" .feed=${feed}></shg-topic-list>`));
        el.addEventListener('shg-topic-select', (e) => e.preventDefault());
        link(el, 'angst').click();
        expect(guard.prevented).to.deep.equal([true]);
      } finally {
        guard.stop();
      }
    });

    it('leaves ctrl-click to the browser (a new tab) without firing the event', async () => {
      const guard = guardNavigation();
      try {
        const el = await ready(await fixture<ShgTopicList>(html`<shg-topic-list lang="de" .feed=${feed}></shg-topic-list>`));
        let fired = false;
        el.addEventListener('shg-topic-select', () => (fired = true));
        link(el, 'angst').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, ctrlKey: true }));
        expect(fired).to.equal(false);
        expect(guard.prevented).to.deep.equal([false]);
      } finally {
        guard.stop();
      }
    });
  });

  describe('with for="finder-id" on the same page', () => {
    async function page() {
      const wrapper = fixtureSync<HTMLElement>(html`<div lang="de">
        <shg-topic-list for="finder" .feed=${feed}></shg-topic-list>
        <shg-group-finder id="finder" .feed=${feed}></shg-group-finder>
      </div>`);
      const list = await ready(wrapper.querySelector('shg-topic-list')!);
      const finder = wrapper.querySelector<ShgGroupFinder>('shg-group-finder')!;
      await waitUntil(() => finder.shadowRoot!.querySelector('#shg-q'), 'finder did not render', { timeout: 5000 });
      return { list, finder };
    }

    it('filters the finder by the topic and moves focus into it instead of following the link', async () => {
      const guard = guardNavigation();
      try {
        const { list, finder } = await page();
        link(list, 'angst').click();
        expect(guard.prevented).to.deep.equal([true]);
        expect(finder.finderState.query.topics).to.deep.equal(['angst']);
        await finder.updateComplete;
        await waitUntil(() => document.activeElement === finder, 'focus did not move to the finder', { timeout: 2000 });
        expect(finder.shadowRoot!.activeElement?.id).to.equal('shg-q');
        await list.updateComplete;
        expect(link(list, 'angst').getAttribute('aria-current')).to.equal('true');
      } finally {
        guard.stop();
      }
    });

    it('follows the finder back when the visitor presses Back', async () => {
      const guard = guardNavigation();
      const original = location.href;
      try {
        const wrapper = fixtureSync<HTMLElement>(html`<div lang="de">
          <shg-topic-list for="url-finder" .feed=${feed}></shg-topic-list>
          <shg-group-finder id="url-finder" url-state .feed=${feed}></shg-group-finder>
        </div>`);
        const list = await ready(wrapper.querySelector('shg-topic-list')!);
        const finder = wrapper.querySelector<ShgGroupFinder>('shg-group-finder')!;
        await waitUntil(() => finder.shadowRoot!.querySelector('#shg-q'), 'finder did not render', { timeout: 5000 });
        link(list, 'angst').click();
        await list.updateComplete;
        expect(new URL(location.href).searchParams.get('shg-topic')).to.equal('angst');
        expect(link(list, 'angst').getAttribute('aria-current')).to.equal('true');
        history.back();
        await waitUntil(() => !link(list, 'angst').hasAttribute('aria-current'), 'the list still marks the topic after Back', { timeout: 3000 });
        expect(finder.finderState.query.topics).to.equal(undefined);
      } finally {
        guard.stop();
        history.replaceState(history.state, '', original);
      }
    });

    it('filters by a whole area too', async () => {
      const guard = guardNavigation();
      try {
        const { list, finder } = await page();
        link(list, 'psyche').click();
        expect(finder.finderState.query.topics).to.deep.equal(['psyche']);
      } finally {
        guard.stop();
      }
    });

    it('leaves the finder alone when the page cancels the event', async () => {
      const guard = guardNavigation();
      try {
        const { list, finder } = await page();
        list.addEventListener('shg-topic-select', (e) => e.preventDefault());
        (document.activeElement as HTMLElement | null)?.blur();
        link(list, 'angst').click();
        expect(finder.finderState.query.topics).to.equal(undefined);
        expect(document.activeElement).not.to.equal(finder);
        expect(guard.prevented).to.deep.equal([true]);
      } finally {
        guard.stop();
      }
    });

    it('follows the link when `for` names no element on the page', async () => {
      const guard = guardNavigation();
      const original = console.warn;
      const warnings: string[] = [];
      console.warn = (m: string) => warnings.push(String(m));
      try {
        const el = await ready(await fixture<ShgTopicList>(html`<shg-topic-list lang="de" for="nowhere" .feed=${feed}></shg-topic-list>`));
        link(el, 'angst').click();
        expect(guard.prevented).to.deep.equal([false]);
        expect(warnings.some((w) => w.includes('for="nowhere"'))).to.equal(true);
      } finally {
        console.warn = original;
        guard.stop();
      }
    });
  });

  describe('states', () => {
    it('says so when the directory has no topics', async () => {
      const el = await ready(await fixture<ShgTopicList>(html`<shg-topic-list lang="en" .feed=${{ ...feed, topics: [], groups: [group('x', [])] }}></shg-topic-list>`));
      expect(root(el).querySelector('[part="status"]')!.textContent).to.contain('does not list any topics');
    });

    it('shows a calm error with a retry button when the feed cannot be loaded', async () => {
      const el = await fixture<ShgTopicList>(html`<shg-topic-list lang="de" src=${FAILING_FEED} office-phone="+49 30 123"></shg-topic-list>`);
      await waitUntil(() => root(el).querySelector('[part="error"]'), 'no error view', { timeout: 5000 });
      expect(root(el).querySelector('[part="error"] p')!.textContent).to.equal('Die Themen können gerade nicht angezeigt werden.');
      expect(root(el).querySelector('[part="error"] a[href="tel:+4930123"]')).to.exist;
      await expect(el).to.be.accessible();
    });
  });

  describe('accessibility', () => {
    for (const lang of ['de', 'ar']) {
      for (const layout of ['grid', 'list', 'accordion']) {
        it(`is accessible in the ${layout} layout in ${lang}`, async () => {
          const wrapper = await inLang(lang, html`<shg-topic-list layout=${layout} show-empty .feed=${feed}></shg-topic-list>`);
          const el = wrapper.firstElementChild as ShgTopicList;
          expect(root(el).querySelector('[part="base"]')!.getAttribute('dir')).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
          root(el).querySelector<HTMLButtonElement>('button[part="area-button"]')?.click();
          await el.updateComplete;
          await expect(el).to.be.accessible();
        });
      }
    }

    it('is accessible while loading', async () => {
      const el = await fixture<ShgTopicList>(html`<shg-topic-list lang="de" src=${SLOW_FEED}></shg-topic-list>`);
      await waitUntil(() => root(el).querySelector('[aria-busy="true"]'), 'no loading view');
      await expect(el).to.be.accessible();
    });
  });
});
