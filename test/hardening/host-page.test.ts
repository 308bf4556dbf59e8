/**
 * The elements in other people's pages: a strict Content-Security-Policy with Trusted Types,
 * no request to any origin but the page's and the feed's, a hostile host stylesheet, a host
 * <form> around them, and two copies of the library on one page.
 */
import { expect, fixtureSync, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setLocale, ShgElement } from '../../src/index.js';
import type { ShgGroupFinder } from '../../src/index.js';
import { clearDirectoryCache } from '../../src/feed/load.js';
import { VERSION } from '../../src/internal/version.js';
import { deepElements, expectNothingRan, mount, settle, watchPage, type AnyShgElement, type PageWatch } from './hardening-harness.js';

type Finder = ShgGroupFinder & AnyShgElement;
const MINI_FEED = new URL('/test/fixtures/mini-feed.json', location.href).href;

interface ProbeReport {
  final: boolean;
  rendered: boolean;
  cards: number;
  detail: boolean;
  violations: { directive: string; blocked: string; source: string; line: number; sample: string }[];
  errors: string[];
  warnings: string[];
  resources: string[];
  adoptedSheets?: number;
  styleElements?: number;
  trustedTypes: boolean;
  errorView?: string;
  /** The shg-* tags defined once the finder rendered. */
  defined?: string[];
}

/** Opens /__test/csp/page in an iframe and waits for the probe's report. */
async function probe(params: Record<string, string>, timeout = 15000): Promise<ProbeReport> {
  const iframe = document.createElement('iframe');
  iframe.title = 'CSP probe';
  iframe.width = '800';
  iframe.height = '600';
  iframe.src = `/__test/csp/page?${new URLSearchParams(params)}`;
  try {
    return await new Promise<ProbeReport>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the probe page never reported (${iframe.src})`)), timeout);
      window.addEventListener('message', function onMessage(e: MessageEvent) {
        if (e.source !== iframe.contentWindow || !e.data?.shgProbe) return;
        window.removeEventListener('message', onMessage);
        clearTimeout(timer);
        resolve(e.data.shgProbe as ProbeReport);
      });
      document.body.append(iframe);
    });
  } finally {
    iframe.remove();
  }
}

async function requireBuild(file: string): Promise<void> {
  const response = await fetch(file, { method: 'HEAD', cache: 'no-store' });
  if (!response.ok) throw new Error(`${file} is missing: run \`npm run build\` before the hardening tests (npm test does).`);
}

function expectCleanUnderCsp(report: ProbeReport): void {
  const where = report.violations.map((v) => `${v.directive} blocked ${v.blocked} at ${v.source}:${v.line} (${v.sample})`).join('\n');
  expect(report.violations, `CSP violations:\n${where}`).to.deep.equal([]);
  expect(report.errors, 'errors in the page').to.deep.equal([]);
  expect(report.final, 'the finder never showed results').to.equal(true);
  expect(report.rendered).to.equal(true);
  expect(report.cards).to.equal(6);
  expect(report.detail, 'a group did not open').to.equal(true);
  expect(report.trustedTypes, 'Trusted Types are not enforced in this browser: the test proves nothing').to.equal(true);
}

function origins(urls: string[]): string[] {
  return [...new Set(urls.map((u) => new URL(u).origin))].sort();
}

describe('the host page', () => {
  let watch: PageWatch;
  before(() => setLocale('en'));
  beforeEach(() => {
    clearDirectoryCache();
    watch = watchPage();
  });
  afterEach(() => watch.stop());

  describe(`under a strict Content-Security-Policy (default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script')`, () => {
    it('the probe sees a violation when there is one (an inline style and script on the page)', async () => {
      await requireBuild('/cdn/selbsthilfe-widgets.js');
      const report = await probe({ build: 'esm', selfCheck: '1' });
      const directives = report.violations.map((v) => v.directive);
      expect(directives).to.include('style-src-attr');
      expect(directives).to.include('script-src-elem');
    });

    it('the CDN module build renders, opens a group, and causes no violation', async () => {
      await requireBuild('/cdn/selbsthilfe-widgets.js');
      const report = await probe({ build: 'esm' });
      expectCleanUnderCsp(report);
      // Styles come as constructable stylesheets, which style-src 'self' allows; no <style> element.
      expect(report.adoptedSheets).to.be.greaterThan(0);
      expect(report.styleElements).to.equal(0);
      expect(origins(report.resources)).to.deep.equal([location.origin]);
    });

    it('the CDN classic-script (UMD) build does too', async () => {
      await requireBuild('/cdn/selbsthilfe-widgets.umd.js');
      expectCleanUnderCsp(await probe({ build: 'umd' }));
    });

    it('the one-element entry (cdn/elements/group-finder.js) defines only its element and works the same', async () => {
      await requireBuild('/cdn/elements/group-finder.js');
      const report = await probe({ build: 'element', lang: 'de' });
      expectCleanUnderCsp(report);
      expect(report.defined).to.deep.equal(['shg-group-finder']);
      expect(report.resources.some((r) => /\/cdn\/elements\/locales\/de-[\w-]+\.js$/.test(r)), `no locale chunk in ${report.resources.join(', ')}`).to.equal(true);
    });

    it('a German page loads its translation lazily from the same origin without a violation', async () => {
      await requireBuild('/cdn/selbsthilfe-widgets.js');
      const report = await probe({ build: 'esm', lang: 'de' });
      expectCleanUnderCsp(report);
      expect(report.resources.some((r) => /\/cdn\/locales\/de-[\w-]+\.js$/.test(r)), `no locale chunk in ${report.resources.join(', ')}`).to.equal(true);
    });

    it('the unbundled modules (as an app bundler would ship them) do too', async () => {
      expectCleanUnderCsp(await probe({ build: 'dev' }));
    });

    it('requests go only to the page and the feed, also when the feed lives on another origin', async () => {
      await requireBuild('/cdn/selbsthilfe-widgets.js');
      const feedOrigin = ((await (await fetch('/__test/hardening/other-origin')).json()) as { origin: string }).origin;
      const report = await probe({ build: 'esm', feed: `${feedOrigin}/feed.json?cors=1`, feedOrigin });
      expectCleanUnderCsp(report);
      expect(origins(report.resources)).to.deep.equal([location.origin, feedOrigin].sort());
    });

    it('two copies of the library on one page neither throw nor warn (same version)', async () => {
      await requireBuild('/cdn/selbsthilfe-widgets.umd.js');
      for (const build of ['esm', 'umd']) {
        const report = await probe({ build, copies: '2' });
        expectCleanUnderCsp(report);
        expect(report.warnings.filter((w) => w.includes('selbsthilfe-widgets')), build).to.deep.equal([]);
      }
    });
  });

  it('makes no request to any origin but the page’s and the feed’s, while a visitor uses every part', async () => {
    const requested: string[] = [];
    const observer = new PerformanceObserver((list) => requested.push(...list.getEntries().map((e) => e.name)));
    observer.observe({ type: 'resource' });
    try {
      const finder = await mount<Finder>(html`<shg-group-finder src=${MINI_FEED} status="open,founding,paused,closed"></shg-group-finder>`);
      await mount<AnyShgElement>(html`<shg-topic-list src=${MINI_FEED} layout="accordion"></shg-topic-list>`);
      await mount<AnyShgElement>(html`<shg-office-card src=${MINI_FEED}></shg-office-card>`);
      for (const group of finder.directory!.groups) {
        finder.openGroup(group.id);
        await finder.updateComplete;
        finder.closeGroup();
        await finder.updateComplete;
      }
      await new Promise((r) => setTimeout(r, 300));
      observer.takeRecords().forEach((e) => requested.push(e.name));
      expect(requested.length, 'nothing was recorded: the observer is not working').to.be.greaterThan(0);
      expect(origins(requested)).to.deep.equal([location.origin]);
    } finally {
      observer.disconnect();
    }
    expectNothingRan(watch);
  });

  describe('with a hostile host stylesheet', () => {
    let link: HTMLLinkElement;
    beforeEach(async () => {
      link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = '/test/hardening/hostile-host.css';
      const loaded = new Promise((r) => link.addEventListener('load', r, { once: true }));
      document.head.append(link);
      await loaded;
    });
    afterEach(() => link.remove());

    /** Visible, with a size, not transparent, inside the element's box. */
    function expectUsable(control: HTMLElement, host: HTMLElement, label: string): void {
      expect(control.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }), `${label} is hidden`).to.equal(true);
      const rect = control.getBoundingClientRect();
      expect(rect.width, `${label} has no width`).to.be.greaterThan(8);
      expect(rect.height, `${label} has no height`).to.be.greaterThan(8);
      const style = getComputedStyle(control);
      expect(style.color, `${label} text is transparent`).not.to.equal('rgba(0, 0, 0, 0)');
      const box = (host.shadowRoot!.querySelector('[part~="base"], .base, .root') ?? host).getBoundingClientRect();
      expect(rect.left, `${label} sticks out on the left`).to.be.at.least(box.left - 1);
      expect(rect.right, `${label} sticks out on the right`).to.be.at.most(box.right + 1);
    }

    it('does not hide or break the finder’s search box and buttons', async () => {
      expect(getComputedStyle(document.documentElement).fontSize, 'the hostile stylesheet is not applied').to.equal('40px');
      const el = await mount<Finder>(html`<shg-group-finder src=${MINI_FEED}></shg-group-finder>`);
      const root = el.shadowRoot!;
      expectUsable(root.querySelector<HTMLInputElement>('#shg-q')!, el, 'the search box');
      const buttons = [...root.querySelectorAll<HTMLElement>('button, .card-title')].filter((b) => !b.closest('[hidden]'));
      expect(buttons.length).to.be.greaterThan(3);
      for (const b of buttons) expectUsable(b, el, `"${b.textContent!.trim()}"`);
      el.openGroup('trauercafe');
      await el.updateComplete;
      for (const b of root.querySelectorAll<HTMLElement>('.detail button, .detail a.button')) expectUsable(b, el, `"${b.textContent!.trim()}"`);
    });

    it('does not hide the topic list’s links and buttons or the office card’s contact links', async () => {
      for (const template of [html`<shg-topic-list src=${MINI_FEED} layout="accordion"></shg-topic-list>`, html`<shg-office-card src=${MINI_FEED}></shg-office-card>`]) {
        const el = await mount<AnyShgElement>(template);
        const controls = [...el.shadowRoot!.querySelectorAll<HTMLElement>('button, a')].filter((c) => !c.closest('[hidden]'));
        expect(controls.length, el.tagName).to.be.greaterThan(0);
        for (const c of controls) expectUsable(c, el, `${el.tagName.toLowerCase()} "${c.textContent!.trim()}"`);
      }
    });

    it('keeps the error view’s phone link and retry button usable', async () => {
      const failing = '/__test/respond?status=500&body=x';
      const el = await mount<Finder>(html`<shg-group-finder src=${failing} office-phone="+49 30 23125 100"></shg-group-finder>`);
      for (const c of el.shadowRoot!.querySelectorAll<HTMLElement>('[part="error"] a, [part="error"] button')) expectUsable(c, el, c.textContent!.trim());
    });
  });

  describe('inside a host <form>', () => {
    it('pressing Enter in the search box and clicking every button never submits the host form', async () => {
      let submitted = 0;
      const innerSubmits: boolean[] = [];
      const onHostSubmit = (e: Event) => {
        submitted++;
        e.preventDefault();
      };
      const form = fixtureSync<HTMLFormElement>(
        html`<form action="/__test/hardening/should-not-be-submitted" @submit=${onHostSubmit}>
          <input name="host-field" value="x" />
          <shg-group-finder src=${MINI_FEED}></shg-group-finder>
          <shg-topic-list src=${MINI_FEED} layout="accordion"></shg-topic-list>
          <shg-office-card src=${MINI_FEED}></shg-office-card>
        </form>`,
      );
      const finder = form.querySelector('shg-group-finder') as Finder;
      const others = [...form.querySelectorAll<AnyShgElement>('shg-topic-list, shg-office-card')];
      for (const el of [finder, ...others]) await settle(el);
      const watchInnerForms = () => {
        for (const inner of deepElements(form)) {
          if (inner instanceof HTMLFormElement && !(inner as { __watched?: boolean }).__watched) {
            (inner as { __watched?: boolean }).__watched = true;
            inner.addEventListener('submit', (e) => setTimeout(() => innerSubmits.push(e.defaultPrevented)));
          }
        }
      };
      watchInnerForms();
      const input = finder.shadowRoot!.querySelector<HTMLInputElement>('#shg-q')!;
      input.focus();
      await sendKeys({ type: 'Trauer' });
      await sendKeys({ press: 'Enter' });
      await finder.updateComplete;
      const clickAll = async (el: AnyShgElement) => {
        watchInnerForms();
        for (const button of [...deepElements(el.shadowRoot!)].filter((b): b is HTMLButtonElement => b instanceof HTMLButtonElement)) {
          if (!button.isConnected || button.disabled) continue;
          button.click();
          await el.updateComplete;
        }
      };
      for (const el of [finder, ...others]) await clickAll(el);
      finder.openGroup('trauercafe');
      await finder.updateComplete;
      await clickAll(finder);
      await new Promise((r) => setTimeout(r, 100));
      expect(submitted, 'the host form was submitted').to.equal(0);
      expect(innerSubmits.every((prevented) => prevented), 'an inner form submitted for real').to.equal(true);
      expect(location.pathname).not.to.contain('should-not-be-submitted');
      expectNothingRan(watch);
    });
  });

  describe('two copies of the library on one page', () => {
    it('registering a tag another version already took neither throws nor replaces it, and warns once', () => {
      const tag = `shg-twice-${Math.random().toString(36).slice(2)}`;
      class OtherCopy extends ShgElement {
        static override shgVersion = '0.0.1-other';
      }
      class ThisCopy extends ShgElement {}
      ShgElement.define.call(OtherCopy, tag, OtherCopy);
      expect(() => ShgElement.define.call(ThisCopy, tag, ThisCopy)).not.to.throw();
      expect(() => ShgElement.define.call(ThisCopy, tag, ThisCopy)).not.to.throw();
      expect(customElements.get(tag)).to.equal(OtherCopy);
      const warnings = watch.consoleWarnings.filter((w) => w.includes(`<${tag}>`));
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain(`already defined by version 0.0.1-other; version ${VERSION} is not registered`);
    });

    it('registering a tag the same version already took is silent', () => {
      const tag = `shg-same-${Math.random().toString(36).slice(2)}`;
      class FirstCopy extends ShgElement {}
      class SecondCopy extends ShgElement {}
      ShgElement.define.call(FirstCopy, tag, FirstCopy);
      expect(() => ShgElement.define.call(SecondCopy, tag, SecondCopy)).not.to.throw();
      expect(watch.consoleWarnings.filter((w) => w.includes(tag))).to.deep.equal([]);
    });
  });
});
