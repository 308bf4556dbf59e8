/**
 * WCAG presentation checks for every element: contrast in light and dark mode
 * (axe), forced-colours mode, reflow at 320 px and 200 % text without loss.
 */
import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { a11ySnapshot, emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import { generateFeed } from '../../src/feed/generate.js';
import type { TemplateResult } from 'lit';
import { setLocale } from '../../src/index.js';
import '../../src/define.js';

const FEED = '/test/fixtures/mini-feed.json';

/** Every element in a typical state, once its feed is shown. */
const elements: Array<[string, () => TemplateResult]> = [
  ['shg-group-finder', () => html`<shg-group-finder src=${FEED}></shg-group-finder>`],
  ['shg-topic-list (grid)', () => html`<shg-topic-list src=${FEED} layout="grid"></shg-topic-list>`],
  ['shg-topic-list (accordion)', () => html`<shg-topic-list src=${FEED} layout="accordion"></shg-topic-list>`],
  ['shg-office-card', () => html`<shg-office-card src=${FEED}></shg-office-card>`],
];

async function mount(template: TemplateResult): Promise<HTMLElement> {
  // fixtureSync: fixture() waits for an animation frame, which a background tab of the runner never gets.
  const mounted = fixtureSync<HTMLElement>(template);
  const el = mounted.shadowRoot ? mounted : (mounted.firstElementChild as HTMLElement);
  await waitUntil(() => el.shadowRoot && el.shadowRoot.textContent!.trim().length > 40 && !el.shadowRoot.querySelector('[aria-busy="true"]'), 'element did not render', { timeout: 5000 });
  return mounted;
}

/** Elements inside the shadow root that stick out of the element's box sideways. */
function overflowing(el: HTMLElement): string[] {
  const box = el.getBoundingClientRect();
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('*')]
    .filter((node) => {
      const r = node.getBoundingClientRect();
      return r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1);
    })
    .map((node) => `${node.tagName.toLowerCase()}.${node.className}`);
}

describe('presentation (WCAG 2.1 AA)', () => {
  before(() => setLocale('de'));
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
    await executeServerCommand('shg-emulate-media', []);
    await setViewport({ width: 1000, height: 800 });
    document.documentElement.style.fontSize = '';
  });

  for (const [tag, template] of elements) {
    it(`${tag} has enough contrast in dark mode`, async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const el = await mount(template());
      // The element draws its own surfaces in dark mode, so the page background does not matter.
      await expect(el).to.be.accessible();
    });

    it(`${tag} keeps borders and focus visible in forced-colours mode`, async () => {
      await executeServerCommand('shg-emulate-media', [{ name: 'forced-colors', value: 'active' }]);
      expect(matchMedia('(forced-colors: active)').matches).to.be.true;
      const el = await mount(template());
      const root = (el.shadowRoot ? el : el.firstElementChild!).shadowRoot!;
      for (const button of root.querySelectorAll<HTMLElement>('.button')) {
        expect(getComputedStyle(button).borderTopStyle, button.textContent!).not.to.equal('none');
        // The visitor's own colours, also on secondary buttons (not the theme's accent).
        const probe = document.createElement('span');
        probe.style.color = 'ButtonText';
        document.body.append(probe);
        expect(getComputedStyle(button).color, button.textContent!).to.equal(getComputedStyle(probe).color);
        probe.remove();
      }
      await expect(el).to.be.accessible();
    });

    it(`${tag} reflows at 320 px without sideways scrolling`, async () => {
      await setViewport({ width: 320, height: 640 });
      const el = await mount(html`<div style="inline-size: 320px">${template()}</div>`);
      const inner = el.firstElementChild as HTMLElement;
      expect(overflowing(inner)).to.deep.equal([]);
    });

    it(`${tag} loses nothing at 200 % text size`, async () => {
      await setViewport({ width: 640, height: 800 });
      document.documentElement.style.fontSize = '200%';
      const el = await mount(html`<div style="inline-size: 640px">${template()}</div>`);
      const inner = el.firstElementChild as HTMLElement;
      expect(overflowing(inner)).to.deep.equal([]);
    });
  }

  it('the finder keeps its cards inside a phone screen at 200 % text size', async () => {
    await setViewport({ width: 390, height: 844 });
    document.documentElement.style.fontSize = '200%';
    const el = await mount(html`<div style="inline-size: 358px">${elements[0][1]()}</div>`);
    expect(overflowing(el.firstElementChild as HTMLElement)).to.deep.equal([]);
  });

  it('a group’s view and the office card fit a phone screen at 200 % text size (the "Call" button wraps)', async () => {
    await setViewport({ width: 390, height: 844 });
    document.documentElement.style.fontSize = '200%';
    const wrapper = await mount(html`<div style="inline-size: 358px">${elements[0][1]()}</div>`);
    const finder = wrapper.firstElementChild as HTMLElement;
    finder.shadowRoot!.querySelector<HTMLElement>('.card-title')!.click();
    await waitUntil(() => finder.shadowRoot!.querySelector('[part="detail"] a[href^="tel:"]'), 'no group view with a phone', { timeout: 5000 });
    expect(overflowing(finder)).to.deep.equal([]);
    const card = await mount(html`<div style="inline-size: 358px">${elements[3][1]()}</div>`);
    expect(overflowing(card.firstElementChild as HTMLElement)).to.deep.equal([]);
  });

  it('the finder gives assistive technology every card on the page, also those below the fold', async () => {
    // A phone screen shows 3–4 cards of 20: a screen reader's list of links or headings must
    // still have all 20 (rendering skipped off screen, e.g. content-visibility, would hide them).
    await setViewport({ width: 390, height: 844 });
    const feed = generateFeed({ groups: 40, seed: 7 });
    const el = await mount(html`<shg-group-finder id="ax-finder" .feed=${feed}></shg-group-finder>`);
    const cards = [...el.shadowRoot!.querySelectorAll('.card-title')].map((a) => a.textContent!.replace(/\s+/g, ' ').trim());
    expect(cards.length).to.equal(20);
    type Node = { role: string; name?: string; children?: Node[] };
    const snapshot = (await a11ySnapshot({})) as unknown as Node;
    const links: string[] = [];
    const walk = (node: Node) => {
      if (node.role === 'link' && node.name) links.push(node.name.replace(/\s+/g, ' ').trim());
      node.children?.forEach(walk);
    };
    walk(snapshot);
    for (const name of cards) expect(links, `"${name}" is not exposed`).to.include(name);
  });
});
