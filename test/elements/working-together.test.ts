import { expect, fixture, fixtureSync, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { ShgTopicList } from '../../src/elements/topic-list/topic-list.js';
import { ShgOfficeCard } from '../../src/elements/office-card/office-card.js';
import { clearDirectoryCache } from '../../src/feed/load.js';
import type { ShgGroupFinder } from '../../src/elements/group-finder/group-finder.js';

// Wrappers are mounted with fixtureSync: fixture() waits a frame for plain elements, and a page the
// runner keeps in the background (concurrency > 1) may never paint one.

// Registered by define.js once the lead adds them there; guarded, so these are no-ops then.
ShgTopicList.define('shg-topic-list');
ShgOfficeCard.define('shg-office-card');

const FEED_FILE = 'test/fixtures/mini-feed.json';
const requests = async (key: string): Promise<number> => (await (await fetch(`/__test/count-read?key=${encodeURIComponent(key)}`)).json()) as number;
const uniqueKey = (name: string) => `${name}-${Date.now()}-${Math.random().toString(36).slice(2)}`;

/** Captures console.warn while `run` runs. */
async function warnings(run: () => Promise<void> | void): Promise<string[]> {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => seen.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.warn = original;
  }
  return seen;
}

describe('elements working together', () => {
  beforeEach(() => clearDirectoryCache());

  describe('one feed, one request', () => {
    it('shares one request and one parsed directory between every element naming the same src', async () => {
      const key = uniqueKey('share');
      // The delay keeps the request in flight while all three elements ask for it.
      const src = `/__test/feed-counted?key=${key}&file=${FEED_FILE}&delay=200`;
      const wrapper = fixtureSync<HTMLElement>(html`<div lang="de">
        <shg-topic-list src=${src}></shg-topic-list>
        <shg-office-card variant="compact" src=${new URL(src, location.href).href}></shg-office-card>
        <shg-group-finder src=${src}></shg-group-finder>
      </div>`);
      const list = wrapper.querySelector('shg-topic-list')!;
      const card = wrapper.querySelector('shg-office-card')!;
      const finder = wrapper.querySelector<ShgGroupFinder>('shg-group-finder')!;
      await waitUntil(() => list.directory && card.directory && finder.directory, 'the elements did not load the feed', { timeout: 5000 });
      expect(await requests(key)).to.equal(1);
      expect(card.directory).to.equal(list.directory);
      expect(finder.directory).to.equal(list.directory);
      await list.updateComplete;
      expect(list.shadowRoot!.querySelector('[part="topic-link"]')).to.exist;
      await card.updateComplete;
      expect(card.shadowRoot!.querySelector('[part="name"]')).to.exist;
    });

    it('gives an element added later the directory already loaded, without a new request', async () => {
      const key = uniqueKey('late');
      const src = `/__test/feed-counted?key=${key}&file=${FEED_FILE}`;
      const first = await fixture<ShgTopicList>(html`<shg-topic-list lang="de" src=${src}></shg-topic-list>`);
      await waitUntil(() => first.directory, 'first element did not load', { timeout: 5000 });
      const late = document.createElement('shg-office-card');
      late.src = src;
      first.after(late);
      await waitUntil(() => late.directory, 'late element did not load', { timeout: 5000 });
      expect(late.directory).to.equal(first.directory);
      expect(await requests(key)).to.equal(1);
      late.remove();
    });

    it('asks again for a different feed', async () => {
      const key = uniqueKey('two-feeds');
      const a = `/__test/feed-counted?key=${key}&file=${FEED_FILE}&v=a`;
      const b = `/__test/feed-counted?key=${key}&file=${FEED_FILE}&v=b`;
      const wrapper = fixtureSync<HTMLElement>(html`<div lang="de">
        <shg-topic-list src=${a}></shg-topic-list>
        <shg-topic-list src=${b}></shg-topic-list>
      </div>`);
      const [one, two] = [...wrapper.querySelectorAll('shg-topic-list')];
      await waitUntil(() => one!.directory && two!.directory, 'the lists did not load', { timeout: 5000 });
      expect(await requests(key)).to.equal(2);
      expect(one!.directory).not.to.equal(two!.directory);
    });
  });

  describe('two copies of the library on one page', () => {
    it('returns quietly when the same class is defined twice', async () => {
      const seen = await warnings(() => {
        ShgTopicList.define('shg-topic-list');
        ShgTopicList.define('shg-topic-list');
        ShgOfficeCard.define('shg-office-card');
        ShgOfficeCard.define('shg-office-card');
      });
      expect(seen).to.deep.equal([]);
      expect(customElements.get('shg-topic-list')).to.equal(ShgTopicList);
      expect(customElements.get('shg-office-card')).to.equal(ShgOfficeCard);
    });

    it('returns quietly when a second copy of the same version loads (a second script tag)', async () => {
      let copy: typeof ShgTopicList | undefined;
      const seen = await warnings(async () => {
        // The query string makes the browser evaluate the modules a second time: new classes, same version.
        // Paths in variables: the type checker cannot (and need not) resolve query strings.
        const defineCopy = '../../src/define.ts?second-copy';
        const listCopy = '../../src/elements/topic-list/topic-list.ts?second-copy';
        await import(/* @vite-ignore */ defineCopy);
        copy = ((await import(/* @vite-ignore */ listCopy)) as { ShgTopicList: typeof ShgTopicList }).ShgTopicList;
        copy.define('shg-topic-list');
      });
      expect(copy).to.exist.and.not.equal(ShgTopicList);
      expect(seen).to.deep.equal([]);
      expect(customElements.get('shg-topic-list')).to.equal(ShgTopicList);
    });

    it('warns once when another version registered the tag first, and leaves that version in place', async () => {
      class OtherVersion extends HTMLElement {
        static shgVersion = '0.0.1-other';
      }
      const tag = `shg-office-card-${Math.random().toString(36).slice(2)}`;
      customElements.define(tag, OtherVersion);
      const seen = await warnings(() => {
        ShgOfficeCard.define(tag);
        ShgOfficeCard.define(tag);
      });
      expect(seen).to.have.length(1);
      expect(seen[0]).to.contain(`<${tag}>`).and.contain('0.0.1-other');
      expect(customElements.get(tag)).to.equal(OtherVersion);
    });

    it('never throws for a tag taken by a class that is not ours', async () => {
      const tag = `shg-topic-list-${Math.random().toString(36).slice(2)}`;
      customElements.define(tag, class extends HTMLElement {});
      const seen = await warnings(() => {
        expect(() => ShgTopicList.define(tag)).not.to.throw();
      });
      expect(seen).to.have.length(1);
    });
  });

  describe('from a start page to the finder on another page', () => {
    it('leads through a topic link to a finder with url-state showing that topic', async () => {
      const key = uniqueKey('pages');
      const src = `/__test/feed-counted?key=${key}&file=${FEED_FILE}`;
      const list = await fixture<ShgTopicList>(html`<shg-topic-list lang="de" src=${src} href="/gruppen.html?shg-topic={id}"></shg-topic-list>`);
      await waitUntil(() => list.shadowRoot!.querySelector('a[data-topic-id="diabetes"]'), 'no diabetes link', { timeout: 5000 });
      const href = list.shadowRoot!.querySelector<HTMLAnchorElement>('a[data-topic-id="diabetes"]')!.href;
      expect(new URL(href).pathname).to.equal('/gruppen.html');

      // "Arrive" on the finder page without leaving the test: same origin, so the URL can be swapped in place.
      const original = location.href;
      history.replaceState(history.state, '', href);
      try {
        const finder = await fixture<ShgGroupFinder>(html`<shg-group-finder lang="de" url-state src=${src}></shg-group-finder>`);
        await waitUntil(() => finder.directory, 'finder did not load', { timeout: 5000 });
        expect(finder.finderState.query.topics).to.deep.equal(['diabetes']);
        const shown = finder.currentResults.map((r) => r.group.id);
        expect(shown.length).to.be.greaterThan(0);
        expect(shown.every((id) => finder.directory!.groupsById.get(id)!.topics.includes('diabetes'))).to.equal(true);
      } finally {
        history.replaceState(history.state, '', original);
      }
    });
  });

  describe('a portal start page', () => {
    for (const lang of ['de', 'ar']) {
      it(`is accessible with a topic grid and a compact office card in ${lang}`, async () => {
        const src = `/${FEED_FILE}`;
        const wrapper = fixtureSync<HTMLElement>(html`<main lang=${lang}>
          <h1>Selbsthilfe</h1>
          <shg-topic-list layout="grid" src=${src} href="/gruppen.html?shg-topic={id}"></shg-topic-list>
          <aside aria-label="Kontakt"><shg-office-card variant="compact" heading-level="2" src=${src}></shg-office-card></aside>
        </main>`);
        const list = wrapper.querySelector('shg-topic-list')!;
        const card = wrapper.querySelector('shg-office-card')!;
        await waitUntil(
          () => list.shadowRoot!.querySelector(`[dir="${lang === 'ar' ? 'rtl' : 'ltr'}"] [part~="tile"]`) && card.shadowRoot!.querySelector(`[lang="${lang}"] article`),
          'the start page did not render',
          { timeout: 5000 },
        );
        await expect(wrapper).to.be.accessible();
      });
    }
  });
});
