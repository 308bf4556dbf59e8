/**
 * The last good copy (src/feed/cache.ts): kept after a good load, shown with "as of <date>" when
 * the network or the server fails, bounded, never storing a broken feed, and never able to
 * break loading itself.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { setLocale } from '../../src/index.js';
import type { ShgGroupFinder } from '../../src/index.js';
import { clearDirectoryCache, loadDirectory } from '../../src/feed/load.js';
import { FEED_CACHE_LIMITS, FEED_CACHE_NAME, feedCacheAvailable, forgetLastGoodFeeds, readLastGoodFeed, storeLastGoodFeed } from '../../src/feed/cache.js';
import { FeedError } from '../../src/feed/errors.js';
import { cardNames, expectAuthorTold, expectCalm, expectNothingRan, expectSafeDom, mount, visibleText, watchPage, type AnyShgElement, type PageWatch } from './hardening-harness.js';

type Finder = ShgGroupFinder & AnyShgElement;

/** A feed URL whose answer the test switches: ok (the mini feed), 500, 404, reset or hang. */
function switchable(): { url: string; set: (mode: 'ok' | '500' | '404' | 'reset' | 'hang') => Promise<void> } {
  const key = `offline-${Math.random().toString(36).slice(2)}`;
  const url = new URL(`/__test/hardening/switch?key=${key}`, location.href).href;
  return { url, set: async (mode) => void (await fetch(`/__test/hardening/switch-set?key=${key}&mode=${mode}`)) };
}

/** Loads a feed once while the network works, and waits until the browser has kept it. */
async function loadedOnce(url: string): Promise<void> {
  await loadDirectory(url);
  await waitUntil(async () => (await readLastGoodFeed(url)) !== undefined, 'the good copy was never kept', { timeout: 3000 });
  clearDirectoryCache();
}

describe('the last good copy of a feed', () => {
  let watch: PageWatch;
  before(() => setLocale('en'));
  beforeEach(async () => {
    clearDirectoryCache();
    await forgetLastGoodFeeds();
    watch = watchPage();
  });
  afterEach(() => watch.stop());

  it('is available on this test page (a secure context: localhost)', () => {
    expect(feedCacheAvailable()).to.equal(true);
  });

  for (const failure of ['reset', '500', 'hang'] as const) {
    it(`is shown with "as of <date>" when the feed fails (${failure === 'reset' ? 'dropped connection' : failure === '500' ? 'HTTP 500' : 'timeout'}), and the author is told`, async () => {
      const feed = switchable();
      const before = Date.now();
      await loadedOnce(feed.url);
      await feed.set(failure);
      const el = await mount<Finder>(html`<shg-group-finder src=${feed.url} .feedTimeout=${400}></shg-group-finder>`);
      expect(cardNames(el)).to.have.length(6);
      const notice = el.shadowRoot!.querySelector('[part~="stale-notice"]')!;
      expect(notice, 'no "as of" notice').to.exist;
      const fetchedAt = Date.parse(el.directory!.stale!.fetchedAt);
      expect(fetchedAt).to.be.within(before - 1000, Date.now());
      const date = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short' }).format(fetchedAt);
      expect(notice.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`This list is from ${date}. It could not be updated just now. Try again`);
      const code = failure === 'reset' ? 'network' : failure === '500' ? 'http' : 'timeout';
      const detail = watch.shgErrors.find((d) => d.error)!;
      expect(detail.error!.code).to.equal(code);
      expect(detail.stale!.fetchedAt).to.equal(el.directory!.stale!.fetchedAt);
      expect(watch.consoleErrors.some((m) => m.includes(`${feed.url} `) && m.includes('Showing the copy this browser kept from'))).to.equal(true);
      expectCalm(el, false);
      expectSafeDom(el);
      expectNothingRan(watch);
      await expect(el).to.be.accessible();
    });
  }

  it('is not used when the feed is gone (HTTP 404) or broken: that is for the author to fix, not to hide', async () => {
    const feed = switchable();
    await loadedOnce(feed.url);
    await feed.set('404');
    const el = await mount<Finder>(html`<shg-group-finder src=${feed.url} office-phone="+49 30 123"></shg-group-finder>`);
    expectCalm(el, true);
    expect(el.directory).to.equal(undefined);
  });

  it('offline on the first visit: the calm error with the office phone from the attribute', async () => {
    const feed = switchable();
    await feed.set('reset');
    const el = await mount<Finder>(html`<shg-group-finder src=${feed.url} office-phone="+49 30 23125 100"></shg-group-finder>`);
    expectCalm(el, true);
    expect(el.shadowRoot!.querySelector('[part="error"] a[href="tel:+493023125100"]')).to.exist;
    expectAuthorTold(watch, 'could not be reached');
  });

  it('a failed refresh never blanks the list: it stays on screen while retrying and after the retry failed', async () => {
    const feed = switchable();
    await loadedOnce(feed.url);
    await feed.set('500');
    const el = await mount<Finder>(html`<shg-group-finder src=${feed.url}></shg-group-finder>`);
    expect(el.directory!.stale).to.exist;
    await feed.set('hang');
    (el as unknown as { feedTimeout: number }).feedTimeout = 600;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="stale-notice"] button')!.click();
    await el.updateComplete;
    // Retrying: the list stays.
    expect(cardNames(el)).to.have.length(6);
    expect(el.shadowRoot!.querySelector('[aria-busy="true"], [part="error"]')).to.equal(null);
    await waitUntil(() => watch.shgErrors.filter((d) => d.error).length === 2, 'the retry never finished', { timeout: 5000 });
    await el.updateComplete;
    expect(cardNames(el)).to.have.length(6);
    expect(el.shadowRoot!.querySelector('[part~="stale-notice"]')).to.exist;
    // The network is back: the retry brings the fresh feed and the notice goes.
    await feed.set('ok');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="stale-notice"] button')!.click();
    await waitUntil(() => !el.shadowRoot!.querySelector('[part~="stale-notice"]'), 'the notice stayed after a good retry', { timeout: 5000 });
    expect(el.directory!.stale).to.equal(undefined);
    expect(cardNames(el)).to.have.length(6);
    expectNothingRan(watch);
  });

  it('a failed refresh of a fresh list keeps it, even without a kept copy', async () => {
    const feed = switchable();
    const el = await mount<Finder>(html`<shg-group-finder src=${feed.url}></shg-group-finder>`);
    expect(cardNames(el)).to.have.length(6);
    await forgetLastGoodFeeds();
    await feed.set('500');
    el.retry();
    await el.updateComplete;
    expect(cardNames(el)).to.have.length(6);
    await waitUntil(() => watch.shgErrors.some((d) => d.error?.code === 'http'), 'the refresh never failed', { timeout: 5000 });
    await el.updateComplete;
    expect(cardNames(el)).to.have.length(6);
    expectCalm(el, false);
  });

  it('a retry never shows the list of a previous src: after the src changed, only that feed counts', async () => {
    const good = switchable();
    const el = await mount<Finder>(html`<shg-group-finder src=${good.url}></shg-group-finder>`);
    expect(cardNames(el)).to.have.length(6);
    el.src = '/__test/respond?status=404&body=x';
    await waitUntil(() => el.shadowRoot!.querySelector('[part="error"]'), 'no error for the new src', { timeout: 5000 });
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="error"] button')!.click();
    await waitUntil(() => watch.shgErrors.filter((d) => d.error).length === 2, 'the retry never finished', { timeout: 5000 });
    await el.updateComplete;
    expect(cardNames(el)).to.deep.equal([]);
    expectCalm(el, true);
  });

  it(`keeps at most ${FEED_CACHE_LIMITS.feeds} feeds, dropping the oldest copy first`, async () => {
    const urls = Array.from({ length: FEED_CACHE_LIMITS.feeds + 2 }, (_, i) => `https://feeds.example/${i}.json`);
    for (const [i, url] of urls.entries()) expect(await storeLastGoodFeed(url, `{"n":${i}}`, new Date(Date.UTC(2026, 0, 1 + i)))).to.equal(true);
    const cache = await caches.open(FEED_CACHE_NAME);
    expect((await cache.keys()).length).to.equal(FEED_CACHE_LIMITS.feeds);
    expect(await readLastGoodFeed(urls[0]!)).to.equal(undefined);
    expect(await readLastGoodFeed(urls[1]!)).to.equal(undefined);
    expect(await readLastGoodFeed(urls.at(-1)!)).to.deep.equal({ text: `{"n":${urls.length - 1}}`, fetchedAt: new Date(Date.UTC(2026, 0, urls.length)).toISOString() });
  });

  it('does not keep a feed over the size limit (UTF-8 bytes, not characters)', async () => {
    const limit = FEED_CACHE_LIMITS.bytes;
    expect(await storeLastGoodFeed('https://feeds.example/big.json', 'x'.repeat(limit + 1))).to.equal(false);
    // 7 million "ä" are 14 MB as UTF-8 but fewer characters than the limit: stored; 11 million are 22 MB: not.
    expect(await storeLastGoodFeed('https://feeds.example/umlauts.json', 'ä'.repeat(Math.floor(limit / 2) + 1))).to.equal(false);
    expect(await readLastGoodFeed('https://feeds.example/big.json')).to.equal(undefined);
    expect(await storeLastGoodFeed('https://feeds.example/small.json', '{}')).to.equal(true);
  });

  it('keeps only feeds that loaded well: not a broken, refused or future-version feed', async () => {
    for (const src of ['/__test/hostile/truncated', '/__test/hostile/future-version', '/__test/respond?type=text/html&body=%3Chtml%3E']) {
      const url = new URL(src, location.href).href;
      let failed = false;
      await loadDirectory(url).catch(() => (failed = true));
      expect(failed, src).to.equal(true);
      await new Promise((r) => setTimeout(r, 100));
      expect(await readLastGoodFeed(url), src).to.equal(undefined);
    }
  });

  it('is not kept or used when the page opts out (lastGoodCopy: false)', async () => {
    const feed = switchable();
    await loadDirectory(feed.url, { lastGoodCopy: false });
    await new Promise((r) => setTimeout(r, 200));
    expect(await readLastGoodFeed(feed.url)).to.equal(undefined);
    clearDirectoryCache();
    await loadedOnce(feed.url);
    await feed.set('500');
    const error = await loadDirectory(feed.url, { lastGoodCopy: false }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(FeedError);
  });

  describe('when the Cache API itself fails', () => {
    const real = Object.getOwnPropertyDescriptor(window, 'caches') ?? Object.getOwnPropertyDescriptor(Object.getPrototypeOf(window), 'caches');
    const replaceCaches = (value: unknown) => Object.defineProperty(window, 'caches', { value, configurable: true, writable: true });
    afterEach(() => {
      delete (window as { caches?: unknown }).caches;
      if (!('caches' in window) && real) Object.defineProperty(window, 'caches', real);
    });

    it('loading works and a failure is reported as usual when caches.open rejects', async () => {
      const feed = switchable();
      replaceCaches({ open: () => Promise.reject(new DOMException('blocked', 'SecurityError')), delete: () => Promise.reject(new Error('x')) });
      const el = await mount<Finder>(html`<shg-group-finder src=${feed.url}></shg-group-finder>`);
      expect(cardNames(el)).to.have.length(6);
      clearDirectoryCache();
      await feed.set('500');
      const failed = await mount<Finder>(html`<shg-group-finder src=${feed.url}></shg-group-finder>`);
      expectCalm(failed, true);
      expectNothingRan(watch);
    });

    it('loading works when caches.open throws synchronously or caches is missing (node, plain-http pages)', async () => {
      for (const value of [{ open: () => { throw new Error('sync'); } }, undefined]) {
        clearDirectoryCache();
        replaceCaches(value);
        const feed = switchable();
        expect((await loadDirectory(feed.url)).groups.length).to.be.greaterThan(0);
        await feed.set('reset');
        clearDirectoryCache();
        const error = await loadDirectory(feed.url).then(() => undefined, (e: unknown) => e as FeedError);
        expect(error?.code).to.equal('network');
      }
      expectNothingRan(watch);
    });

    it(`gives up on a cache that never answers after ${FEED_CACHE_LIMITS.readMs} ms and reports the failure`, async function () {
      this.timeout(FEED_CACHE_LIMITS.readMs + 5000);
      const feed = switchable();
      await feed.set('500');
      replaceCaches({ open: () => new Promise(() => {}) });
      const started = Date.now();
      const error = await loadDirectory(feed.url).then(() => undefined, (e: unknown) => e as FeedError);
      expect(error?.code).to.equal('http');
      expect(Date.now() - started).to.be.below(FEED_CACHE_LIMITS.readMs + 1500);
    });
  });

  it('says nothing about the copy when the feed is fresh', async () => {
    const feed = switchable();
    await loadedOnce(feed.url);
    const el = await mount<Finder>(html`<shg-group-finder src=${feed.url}></shg-group-finder>`);
    expect(el.shadowRoot!.querySelector('[part~="stale-notice"]')).to.equal(null);
    expect(visibleText(el)).not.to.contain('could not be updated');
  });
});
