/**
 * Drives a <shg-contact-form> the way a visitor does: fill in by label, tick, submit, read
 * what the form says. Also reads what the reference endpoint stored (over real HTTP).
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { ShgContactForm } from '../../src/elements/contact-form/contact-form.js';

// Registered here too, so this suite runs whether or not define.ts lists the element yet.
ShgContactForm.define('shg-contact-form');

export const MINI_FEED = new URL('/test/fixtures/mini-feed.json', location.href).href;
export const ENDPOINT = new URL('/api/contact', location.href).href;

export type TestFeed = Record<string, unknown> & { office: Record<string, unknown> };

let cachedFeed: unknown;
/** The mini feed as an object (fetched once), to change per test. */
export async function miniFeed(): Promise<TestFeed> {
  cachedFeed ??= await (await fetch(MINI_FEED)).json();
  return structuredClone(cachedFeed) as TestFeed;
}

/** A message as the reference endpoint stored it. */
export interface StoredMessage {
  id: string;
  idempotencyKey: string;
  name: string;
  email: string;
  phone: string;
  language: string | null;
  group: { id: string; name: string | null } | null;
  forWhom: string | null;
  message: string;
  locale: string | null;
  consent: { text: string; givenAt: string; privacyUrl: string | null };
  spamSuspected: boolean;
}

/**
 * A fixture inside an ancestor with `lang` (when given) that waits until the form (or its
 * status message) is on screen. The template's first element must be a Lit element: a plain
 * root makes fixture() wait for an animation frame, which never comes in a background tab
 * (the runner runs files side by side).
 */
export async function formFixture(template: TemplateResult, { lang }: { lang?: string } = {}): Promise<ShgContactForm> {
  const parentNode = document.createElement('div');
  if (lang) parentNode.lang = lang;
  const first = await fixture<HTMLElement>(template, { parentNode });
  const el = first.localName === 'shg-contact-form' ? (first as ShgContactForm) : parentNode.querySelector('shg-contact-form')!;
  await settled(el);
  return el;
}

export async function settled(el: ShgContactForm): Promise<void> {
  await waitUntil(() => el.shadowRoot?.querySelector('form, .status, .error, .sent'), 'the contact form never settled', { timeout: 5000 });
  await el.updateComplete;
}

export const root = (el: ShgContactForm) => el.shadowRoot!;
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The control whose label contains `text` (or, for tests that must not depend on wording, `#id`). */
export function control<T extends HTMLElement = HTMLInputElement>(el: ShgContactForm, text: string): T {
  if (text.startsWith('#')) {
    const byId = root(el).getElementById(text.slice(1));
    if (!byId) throw new Error(`No control ${text}`);
    return byId as T;
  }
  const label = [...root(el).querySelectorAll('label')].find((l) => squash(l.textContent).includes(text));
  if (!label) throw new Error(`No control labelled "${text}"; labels: ${[...root(el).querySelectorAll('label')].map((l) => squash(l.textContent)).join(' | ')}`);
  const inner = label.htmlFor ? root(el).getElementById(label.htmlFor) : label.querySelector('input, select, textarea');
  if (!inner) throw new Error(`Label "${text}" has no control`);
  return inner as T;
}

/** Types into a field (as one input event, like a paste). */
export async function fill(el: ShgContactForm, label: string, value: string): Promise<void> {
  const input = control<HTMLInputElement | HTMLTextAreaElement>(el, label);
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export async function choose(el: ShgContactForm, label: string, value: string): Promise<void> {
  const select = control<HTMLSelectElement>(el, label);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

export async function tick(el: ShgContactForm, label: string, on = true): Promise<void> {
  const input = control(el, label);
  if (input.checked !== on) input.click();
  await el.updateComplete;
}

export function button(el: ShgContactForm, text: string): HTMLButtonElement {
  const found = [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => squash(b.textContent).includes(text));
  if (!found) throw new Error(`No button "${text}"; buttons: ${[...root(el).querySelectorAll('button')].map((b) => squash(b.textContent)).join(' | ')}`);
  return found;
}

export function submitButton(el: ShgContactForm): HTMLButtonElement {
  return root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!;
}

/** Clicks the send button and lets the form render what follows. */
export async function submit(el: ShgContactForm): Promise<void> {
  submitButton(el).click();
  await el.updateComplete;
}

/** A unique marker to find this test's message among everything the endpoint stored. */
export const marker = () => `test-${Math.random().toString(36).slice(2, 10)}`;

/** Fills in everything a valid message needs. */
export async function fillValid(el: ShgContactForm, message: string, { email = 'mara@example.org' } = {}): Promise<void> {
  await fill(el, '#shg-name', 'Mara');
  await fill(el, '#shg-email', email);
  await fill(el, '#shg-message', message);
  await tick(el, '#shg-consent');
}

export function errorSummary(el: ShgContactForm): { focused: boolean; links: { text: string; href: string }[] } | undefined {
  const summary = root(el).querySelector<HTMLElement>('[part="error-summary"]');
  if (!summary) return undefined;
  return {
    focused: root(el).activeElement === summary,
    links: [...summary.querySelectorAll('a')].map((a) => ({ text: squash(a.textContent), href: a.getAttribute('href')! })),
  };
}

/** The inline error a field's aria-describedby points at. */
export function fieldError(el: ShgContactForm, label: string): string | undefined {
  const input = control(el, label);
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  const error = ids.map((id) => root(el).getElementById(id)).find((e) => e?.classList.contains('field-error'));
  return error ? squash(error.textContent) : undefined;
}

export const focusedId = (el: ShgContactForm) => (root(el).activeElement as HTMLElement | null)?.id ?? '';
export const textOf = (el: ShgContactForm, selector: string) => squash(root(el).querySelector(selector)?.textContent);
export const liveRegion = (el: ShgContactForm) => textOf(el, '[role="status"][aria-live]');

export async function waitForStatus(el: ShgContactForm, status: ShgContactForm['status'], timeout = 8000): Promise<void> {
  await waitUntil(() => el.status === status, `the form never reached "${status}" (it is "${el.status}")`, { timeout });
  await el.updateComplete;
}

/** Messages the reference endpoint stored whose text contains `text`. */
export async function storedMessages(text: string): Promise<StoredMessage[]> {
  const res = await fetch(`/__test/contact/messages?contains=${encodeURIComponent(text)}`, { cache: 'no-store' });
  return res.json();
}

/** Every fetch the page makes to the contact endpoint, with its Idempotency-Key. */
export function spyOnPosts(): { keys: string[]; inits: RequestInit[]; restore: () => void } {
  const original = window.fetch;
  const keys: string[] = [];
  const inits: RequestInit[] = [];
  window.fetch = (input, init) => {
    if (init?.method === 'POST') {
      keys.push(new Headers(init.headers).get('idempotency-key') ?? '');
      inits.push(init);
    }
    return original(input, init);
  };
  return { keys, inits, restore: () => (window.fetch = original) };
}

export const englishForm = (attrs: { action?: string; timeout?: number; minFillTime?: number; id?: string } = {}) =>
  formFixture(
    html`<shg-contact-form
      id=${attrs.id ?? 'contact'}
      src=${MINI_FEED}
      action=${attrs.action ?? ENDPOINT}
      timeout=${attrs.timeout ?? 15000}
      min-fill-time=${attrs.minFillTime ?? 0}
    ></shg-contact-form>`,
    { lang: 'en' },
  );

export const DRAFT_KEY = `shg-contact-draft:${location.pathname}#contact`;
