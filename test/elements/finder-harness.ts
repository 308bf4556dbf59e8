/**
 * Drives a <shg-group-finder> the way a visitor does: by labels and visible text.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { generateFeed } from '../../src/feed/generate.js';
import { SLICING } from '../../src/feed/normalise-slices.js';
import '../../src/define.js';
import type { ShgGroupFinder } from '../../src/index.js';

export const MINI_FEED = new URL('/test/fixtures/mini-feed.json', location.href).href;

let cachedFeed: unknown;
/** The mini feed as an object (fetched once). */
export async function miniFeed(): Promise<Record<string, unknown>> {
  cachedFeed ??= await (await fetch(MINI_FEED)).json();
  return structuredClone(cachedFeed) as Record<string, unknown>;
}

export async function readyFinder(template = html`<shg-group-finder src=${MINI_FEED}></shg-group-finder>`): Promise<ShgGroupFinder> {
  const el = await fixture<ShgGroupFinder>(template);
  await settled(el);
  return el;
}

/** Waits until the finder shows results, "no results", an error or a group. */
export async function settled(el: ShgGroupFinder): Promise<void> {
  await waitUntil(() => el.shadowRoot?.querySelector('.results, .no-results, .error, .detail, .status'), 'the finder never settled', { timeout: 5000 });
  await el.updateComplete;
}

export const root = (el: ShgGroupFinder) => el.shadowRoot!;

export function cardNames(el: ShgGroupFinder): string[] {
  return [...root(el).querySelectorAll('.card-title')].map((a) => a.textContent!.trim());
}

export async function typeSearch(el: ShgGroupFinder, text: string): Promise<void> {
  const input = root(el).querySelector<HTMLInputElement>('#shg-q')!;
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** The form control whose label (or legend + label) contains `text`. */
export function control<T extends HTMLElement = HTMLInputElement>(el: ShgGroupFinder, text: string): T {
  const labels = [...root(el).querySelectorAll('label')];
  const label = labels.find((l) => l.textContent!.replace(/\s+/g, ' ').trim().includes(text));
  if (!label) throw new Error(`No control labelled "${text}"`);
  const inner = label.querySelector('input, select') ?? (label.htmlFor ? root(el).getElementById(label.htmlFor) : null);
  if (!inner) throw new Error(`Label "${text}" has no control`);
  return inner as T;
}

export async function check(el: ShgGroupFinder, label: string, on = true): Promise<void> {
  const input = control(el, label);
  if (input.checked !== on) input.click();
  await el.updateComplete;
}

export async function choose(el: ShgGroupFinder, label: string, value: string): Promise<void> {
  const select = control<HTMLSelectElement>(el, label);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

export async function openFilters(el: ShgGroupFinder): Promise<void> {
  const button = [...root(el).querySelectorAll('button')].find((b) => b.getAttribute('aria-controls') === 'shg-filters')!;
  if (button.getAttribute('aria-expanded') !== 'true') button.click();
  await el.updateComplete;
}

export function button(el: ShgGroupFinder, text: string): HTMLElement {
  const found = [...root(el).querySelectorAll<HTMLElement>('button, a.button')].find((b) => b.textContent!.includes(text));
  if (!found) throw new Error(`No button "${text}"`);
  return found;
}

export async function openCard(el: ShgGroupFinder, name: string): Promise<void> {
  const link = [...root(el).querySelectorAll<HTMLAnchorElement>('.card-title')].find((a) => a.textContent!.includes(name));
  if (!link) throw new Error(`No card "${name}"`);
  link.click();
  await el.updateComplete;
}

/**
 * For tests of a large feed's first stage: registers hooks (call inside a `describe`) that hold
 * the full read at its first turn once the first cards are shown (scheduler.yield, short slices),
 * so the first stage stays on screen while the test looks at it.
 */
export function holdFullRead(): { firstStage: (el: ShgGroupFinder, feed?: unknown) => Promise<void>; releaseFullRead: () => void } {
  const host = globalThis as { scheduler?: { yield?: () => Promise<void> } };
  let realYield: (() => Promise<void>) | undefined;
  let release: () => void = () => {};
  let held = 0;
  let holding = false;
  beforeEach(() => {
    // Short slices, so that even a fast machine reaches the held turn with a few thousand groups.
    SLICING.ms = 1;
    realYield = host.scheduler?.yield;
    const gate = new Promise<void>((resolve) => (release = resolve));
    held = 0;
    holding = false;
    host.scheduler ??= {};
    // Turns before the first stage pass; from then on the full read is held.
    host.scheduler.yield = () => (holding ? (held++, gate) : realYield ? realYield.call(host.scheduler) : new Promise((resolve) => setTimeout(resolve)));
  });
  afterEach(() => {
    SLICING.ms = 40;
    release();
    if (realYield) host.scheduler!.yield = realYield;
    else delete host.scheduler!.yield;
  });

  /** Sets a large feed and resolves once its first cards are shown and the full read is held. */
  async function firstStage(el: ShgGroupFinder, feed?: unknown): Promise<void> {
    const shown = new Promise<void>((resolve) => {
      const look = () => el.shadowRoot!.querySelector('.card') && (observer.disconnect(), resolve());
      const observer = new MutationObserver(look);
      observer.observe(el.shadowRoot!, { childList: true, subtree: true });
    });
    // Undefined, or the previous feed's while a new one is read.
    const before = el.directory;
    el.feed = feed ?? generateFeed({ groups: 3000, seed: 8 });
    await shown;
    holding = true;
    expect(el.directory, 'the directory is still being read').to.equal(before);
    await waitUntil(() => held > 0, 'the full read never reached its first turn', { timeout: 10000 });
    await el.updateComplete;
    expect(el.directory, 'the full read is held between slices').to.equal(before);
  }

  return { firstStage, releaseFullRead: () => release() };
}
