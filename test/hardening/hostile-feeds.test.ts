/**
 * The hostile-feed corpus (test/fixtures/hostile/), each case through the finder (every group
 * opened), the topic list (every area expanded) and the office card: no payload runs, no unsafe link is rendered, nothing reaches the page's error handlers,
 * valid records are still shown, the author is told by path, the visitor reads calm words.
 */
import { expect, html } from '@open-wc/testing';
import { setLocale } from '../../src/index.js';
import type { ShgGroupFinder } from '../../src/index.js';
import { clearDirectoryCache } from '../../src/feed/load.js';
import {
  ALL_STATUSES,
  cardNames,
  expectAuthorTold,
  expectCalm,
  expectNothingRan,
  expectSafeDom,
  forEachGroupDetail,
  mount,
  visibleText,
  watchPage,
  type AnyShgElement,
  type PageWatch,
} from './hardening-harness.js';

const VALID = 'Gruppe, die bleibt';
const corpus = (name: string) => `/__test/hostile/${name}`;

interface Case {
  name: string;
  description: string;
  /** What the author's console message and shg-error event must name (a path or an error code). */
  told: string | RegExp;
  /** Names of cards that must be shown (at least the valid control group). */
  shown?: string[];
  /** Names of cards that must not be shown (records that had to be dropped). */
  hidden?: string[];
  extra?: (el: ShgGroupFinder, watch: PageWatch) => void | Promise<void>;
  timeout?: number;
}

const cases: Case[] = [
  {
    name: 'markup-in-text',
    description: 'markup and script in every text field are shown as text and never run',
    told: 'groups[2].id',
    shown: [VALID, "<script>window.__pwned('script')</script> Gruppe 0", '<b>fett</b> <i>kursiv</i> &lt;script&gt; &amp; <!-- Kommentar -->'],
    extra: async (el) => {
      el.openGroup('markup-group');
      await el.updateComplete;
      // Shown as the text it is, never parsed as markup.
      expect(visibleText(el)).to.contain('<img src=x onerror="window.__pwned(\'img\')"> Gruppe 1');
      el.closeGroup();
      await el.updateComplete;
    },
  },
  {
    name: 'unsafe-urls',
    description: 'javascript:, data:, vbscript: and protocol-relative links in every URL field are dropped',
    told: 'groups[1].contact.website',
    shown: [VALID, 'Link-Gruppe 0', 'Mailto-Gruppe'],
    extra: (el, watch) => {
      const paths = watch.shgErrors.flatMap((d) => d.problems.map((p) => p.path));
      for (const path of ['office.website', 'office.privacyUrl', 'office.contactEndpoint', 'office.phone', 'office.email', 'groups[1].meetings[0].online.url']) {
        expect(paths, path).to.include(path);
      }
      const directory = el.directory!;
      expect(directory.office?.website).to.equal(undefined);
      expect(directory.groupsById.get('mailto-injection')!.contact.email).to.equal(undefined);
    },
  },
  {
    name: 'bidi-and-invisible',
    description: 'bidi overrides and zero-width characters are taken out of names, and Persian joiners stay',
    told: 'groups[2].name',
    shown: [VALID],
    hidden: [''],
    extra: (el) => {
      // Directional marks (LRM, RLM, ALM) may stay: they cannot reverse letters, only place neutral characters.
      expect(cardNames(el).map((n) => n.replace(/[\u200e\u200f\u061c]/g, '').trim())).to.include('Gruppe gpj.exe unsichtbar');
      expect(visibleText(el)).not.to.match(/[\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]/);
      expect(cardNames(el)).to.include('گروه\u200cهای خودیاری 👩\u200d👩\u200d👧');
    },
  },
  {
    name: 'huge-strings',
    description: '1 MB strings in every field are cut to their limits and the page stays fast',
    told: /groups\[1\]\.name: is too long \(1048576 characters\)/,
    shown: [VALID],
    timeout: 20000,
    extra: (el) => {
      const longest = Math.max(...cardNames(el).map((n) => n.length));
      expect(longest).to.be.at.most(300);
      expect(visibleText(el).length).to.be.below(100000);
    },
  },
  {
    name: 'many-topics',
    description: '10,000 topics on one group are capped, and the topic list still renders',
    told: /groups\[1\]\.topics: has 10000 topics; only the first 50 are kept/,
    shown: [VALID, 'Gruppe mit 10.000 Themen'],
    timeout: 30000,
    extra: (el) => {
      expect(el.directory!.groupsById.get('many-topics')!.topics).to.have.length(50);
    },
  },
  {
    name: 'deep-nesting',
    description: 'junk nested 100,000 levels deep where texts, lists and objects belong is dropped without a stack overflow',
    told: 'groups[1].description',
    shown: [VALID, 'Tief verschachtelt'],
    timeout: 20000,
  },
  {
    name: 'wrong-types',
    description: 'wrong types in every field are reported and the rest of each record is kept',
    told: /topics\[1\]: expected a topic object, got the string "sucht"/,
    shown: [VALID, 'Falsche Typen', 'Falsche Termine'],
    extra: (_el, watch) => expectAuthorTold(watch, 'groups[1]'),
  },
  {
    name: 'nulls',
    description: 'null in every field and every list is skipped',
    told: /groups\[1\]: expected a group object, got null/,
    shown: [VALID, 'Null überall', 'Null-Kontakt'],
  },
  {
    name: 'duplicate-ids',
    description: 'the second record with an id that is already used is dropped',
    told: /groups\[2\]\.id: "dup-group" is already used/,
    shown: [VALID, 'Erste Gruppe'],
    hidden: ['Zweite Gruppe (doppelt)', 'Noch eine Gruppe, die bleibt (doppelt)'],
  },
  {
    name: 'missing-references',
    description: 'references to missing topics, parents and places are reported and their groups kept',
    told: /groups\[1\]\.topics\[0\]: unknown topic "no-such-topic"/,
    shown: [VALID, 'Gruppe ohne bekannte Themen', 'Gruppe mit einem bekannten Thema'],
    extra: (_el, watch) => {
      expectAuthorTold(watch, /groups\[1\]\.meetings\[0\]\.place: unknown place "no-such-place"/);
      expectAuthorTold(watch, /topics\[2\]\.parent: the parents of "loop-b" form a loop/);
    },
  },
  {
    name: 'impossible-dates',
    description: 'impossible dates, zones and rules drop their meetings, not their groups',
    told: /groups\[1\]\.meetings\[0\]\.start: "2026-02-30T18:00" is not a real date and time/,
    shown: [VALID, 'Unmögliche Termine', 'Schalttag-Gruppe', 'Ferne Termine'],
    extra: (_el, watch) => {
      expectAuthorTold(watch, /groups\[1\]\.meetings\[8\]\.rrule: FREQ=YEARLY is not supported/);
      expectAuthorTold(watch, /(^|\s)timezone: expected an IANA time zone/m);
    },
  },
  {
    name: 'prototype-pollution',
    description: '__proto__ and constructor as keys and ids reach neither Object.prototype nor the page',
    told: /groups\[2\]\.id: "__proto__" is not a valid id/,
    shown: [VALID, 'Gruppe toString'],
    hidden: ['Gruppe __proto__'],
    extra: () => {
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect(({} as Record<string, unknown>).id).to.equal(undefined);
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'de')).to.equal(false);
    },
  },
];

describe('hostile feeds', () => {
  let watch: PageWatch;
  before(() => setLocale('en'));
  beforeEach(() => {
    clearDirectoryCache();
    watch = watchPage();
  });
  afterEach(() => watch.stop());

  for (const c of cases) {
    it(`${c.name}: ${c.description}`, async function () {
      this.timeout(c.timeout ?? 15000);
      const el = await mount<ShgGroupFinder & AnyShgElement>(html`<shg-group-finder src=${corpus(c.name)} status=${ALL_STATUSES} page-size="200"></shg-group-finder>`, c.timeout ?? 8000);
      expect(el.directory, 'the feed was refused as a whole').to.exist;
      const names = cardNames(el);
      for (const name of c.shown ?? [VALID]) expect(names, `card "${name}"`).to.include(name);
      for (const name of c.hidden ?? []) expect(names, `card "${name}"`).not.to.include(name);
      expectSafeDom(el);
      expectCalm(el, false);
      await forEachGroupDetail(el, () => expectSafeDom(el));
      expectAuthorTold(watch, c.told);
      await c.extra?.(el, watch);
      // The topic list shows topic names and ids, the office card the office's fields and links.
      for (const other of [
        await mount<AnyShgElement>(html`<shg-topic-list src=${corpus(c.name)} show-empty layout="accordion"></shg-topic-list>`),
        await mount<AnyShgElement>(html`<shg-office-card src=${corpus(c.name)}></shg-office-card>`),
      ]) {
        for (const button of other.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[aria-expanded="false"]')) button.click();
        await other.updateComplete;
        expectSafeDom(other);
        expectCalm(other, false);
      }
      expectNothingRan(watch);
    });
  }

  it('future-version: a feed of a newer format is refused with a clear message, not misread', async () => {
    const el = await mount<ShgGroupFinder & AnyShgElement>(html`<shg-group-finder src=${corpus('future-version')} office-phone="+49 30 23125 100"></shg-group-finder>`);
    expect(cardNames(el)).to.deep.equal([]);
    expectCalm(el, true);
    expect(el.shadowRoot!.querySelector('[part="error"] a[href="tel:+493023125100"]')).to.exist;
    expectAuthorTold(watch, 'version');
    expect(watch.shgErrors[0]!.error!.message).to.contain('Feed version 2 is not supported');
    expectSafeDom(el);
    expectNothingRan(watch);
  });
});
