/**
 * Broken networks and broken servers, through a real <shg-group-finder> and the test server:
 * each case ends in the calm error view (or the feed, where it can be read), the author learns
 * the cause, and nothing reaches the page.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { setLocale } from '../../src/index.js';
import type { ShgGroupFinder } from '../../src/index.js';
import type { FeedErrorCode } from '../../src/feed/errors.js';
import { clearDirectoryCache } from '../../src/feed/load.js';
import { forgetLastGoodFeeds } from '../../src/feed/cache.js';
import {
  cardNames,
  expectAuthorTold,
  expectCalm,
  expectNothingRan,
  expectSafeDom,
  mount,
  watchPage,
  type AnyShgElement,
  type PageWatch,
} from './hardening-harness.js';

type Finder = ShgGroupFinder & AnyShgElement;
const PHONE = '+49 30 23125 100';
const respond = (params: Record<string, string>) => `/__test/respond?${new URLSearchParams(params)}`;

async function otherOrigin(): Promise<string> {
  return ((await (await fetch('/__test/hardening/other-origin')).json()) as { origin: string }).origin;
}

interface FailureCase {
  name: string;
  src: () => Promise<string> | string;
  code: FeedErrorCode;
  /** What the author's console message (and the event's error message) says. */
  told: string | RegExp;
  feedTimeout?: number;
}

const failures: FailureCase[] = [
  { name: 'an empty body', src: () => respond({ body: '' }), code: 'empty', told: 'is empty' },
  { name: 'an HTML page with status 200 and an HTML content type', src: () => respond({ type: 'text/html', body: '<!doctype html><title>Start</title><img src=x onerror="window.__pwned()">' }), code: 'html', told: 'is an HTML page, not JSON: check the URL.' },
  { name: 'an HTML error page with status 200 sent as JSON', src: () => '/__test/hostile/html-error-page', code: 'html', told: 'is an HTML page, not JSON' },
  { name: 'a feed cut off half way', src: () => '/__test/hostile/truncated', code: 'not-json', told: /is not valid JSON: unexpected end of text at line \d+, column \d+/ },
  { name: 'status 404', src: () => respond({ status: '404', body: 'not found' }), code: 'http', told: 'answered with HTTP 404' },
  { name: 'status 500', src: () => respond({ status: '500', body: 'boom' }), code: 'http', told: 'answered with HTTP 500' },
  { name: 'a redirect loop', src: () => '/__test/hardening/redirect-loop', code: 'network', told: 'could not be reached' },
  { name: 'a CORS refusal from another origin', src: async () => `${await otherOrigin()}/feed.json`, code: 'network', told: 'CORS' },
  { name: 'a dropped connection', src: () => '/__test/hardening/reset', code: 'network', told: 'could not be reached' },
  { name: 'a server that never answers', src: () => '/__test/hang', code: 'timeout', told: 'did not answer within 400 ms', feedTimeout: 400 },
  { name: 'a response that starts and never ends', src: () => '/__test/hardening/trickle', code: 'timeout', told: 'did not answer within 400 ms', feedTimeout: 400 },
];

describe('network and server failures', () => {
  let watch: PageWatch;
  before(async () => {
    await setLocale('en');
    // A kept copy would (rightly) stand in for some of these: start from a first visit.
    await forgetLastGoodFeeds();
  });
  beforeEach(() => {
    clearDirectoryCache();
    watch = watchPage();
  });
  afterEach(() => watch.stop());

  for (const c of failures) {
    it(`${c.name}: the visitor gets the calm error with the office phone, the author gets "${c.code}"`, async () => {
      const src = await c.src();
      const el = await mount<Finder>(html`<shg-group-finder src=${src} office-phone=${PHONE} .feedTimeout=${c.feedTimeout}></shg-group-finder>`);
      expectCalm(el, true);
      expect(el.shadowRoot!.querySelector('[part="error"] a[href="tel:+493023125100"]')!.textContent).to.equal(PHONE);
      expectAuthorTold(watch, c.told);
      const detail = watch.shgErrors.find((d) => d.error)!;
      expect(detail.error!.code).to.equal(c.code);
      expect(detail.src).to.equal(new URL(src, location.href).href);
      expectSafeDom(el);
      expectNothingRan(watch);
    });
  }

  it('a byte order mark before the JSON: the feed is read as if it were not there', async () => {
    const el = await mount<Finder>(html`<shg-group-finder src="/__test/hostile/bom"></shg-group-finder>`);
    expect(cardNames(el)).to.have.length(6);
    expectCalm(el, false);
    expect(watch.shgErrors).to.deep.equal([]);
    expectNothingRan(watch);
  });

  it('the same feed from another origin that allows CORS loads (the refusal above is the server, not the element)', async () => {
    const el = await mount<Finder>(html`<shg-group-finder src=${`${await otherOrigin()}/feed.json?cors=1`}></shg-group-finder>`);
    expect(cardNames(el)).to.have.length(6);
    expectNothingRan(watch);
  });

  it('the retry after a timeout starts a fresh request, and the feed shows once it answers', async () => {
    const key = `retry-${Math.random().toString(36).slice(2)}`;
    await fetch(`/__test/hardening/switch-set?key=${key}&mode=hang`);
    const el = await mount<Finder>(html`<shg-group-finder src=${`/__test/hardening/switch?key=${key}`} .feedTimeout=${400}></shg-group-finder>`);
    expectCalm(el, true);
    await fetch(`/__test/hardening/switch-set?key=${key}&mode=ok`);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="error"] button')!.click();
    await waitUntil(() => cardNames(el).length === 6, 'the feed never showed after the retry', { timeout: 5000 });
    expectNothingRan(watch);
  });
});
