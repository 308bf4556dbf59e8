/**
 * What every hardening test checks, in one place: a trap that hostile payloads call, the page's
 * error and rejection listeners, the author's console and `shg-error` events, and a walk over
 * every shadow root that refuses script-bearing elements, event-handler attributes and any link
 * outside the allow-list.
 */
import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/define.js';
import { ShgTopicList } from '../../src/elements/topic-list/topic-list.js';
import { ShgOfficeCard } from '../../src/elements/office-card/office-card.js';
import type { FeedErrorDetail } from '../../src/internal/directory-controller.js';
import type { ShgGroupFinder } from '../../src/index.js';

// Guarded: a no-op once define.js registers them.
ShgTopicList.define('shg-topic-list');
ShgOfficeCard.define('shg-office-card');

declare global {
  interface Window {
    __pwned?: (...args: unknown[]) => void;
  }
}

export interface PageWatch {
  /** Calls of window.__pwned: any entry means feed data ran as code. */
  pwned: unknown[][];
  /** Uncaught errors and unhandled rejections that reached the page. */
  uncaught: string[];
  consoleErrors: string[];
  consoleWarnings: string[];
  /** Details of every shg-error event. */
  shgErrors: FeedErrorDetail[];
  stop(): void;
}

/** Installs the trap and the listeners; call stop() in afterEach. */
export function watchPage(): PageWatch {
  const watch: PageWatch = { pwned: [], uncaught: [], consoleErrors: [], consoleWarnings: [], shgErrors: [], stop };
  window.__pwned = (...args: unknown[]) => {
    watch.pwned.push(args);
    throw new Error('feed data ran as code');
  };
  const onError = (e: ErrorEvent) => watch.uncaught.push(`error: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => watch.uncaught.push(`unhandledrejection: ${(e.reason as Error)?.message ?? String(e.reason)}`);
  const onShgError = (e: Event) => watch.shgErrors.push((e as CustomEvent<FeedErrorDetail>).detail);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  document.addEventListener('shg-error', onShgError);
  const { error, warn } = console;
  // Kept out of the runner's log: a hostile feed has hundreds of problems, and they are asserted here.
  console.error = (...args: unknown[]) => void watch.consoleErrors.push(args.map(String).join(' '));
  console.warn = (...args: unknown[]) => void watch.consoleWarnings.push(args.map(String).join(' '));
  function stop(): void {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    document.removeEventListener('shg-error', onShgError);
    console.error = error;
    console.warn = warn;
  }
  return watch;
}

const SAFE_SCHEMES = new Set(['https:', 'http:', 'mailto:', 'tel:']);
// Elements feed markup would need to run code, load something or change the page's base.
const FORBIDDEN_TAGS = new Set(['SCRIPT', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'BASE', 'META', 'LINK', 'IMG', 'SVG', 'MATH', 'IMAGE', 'VIDEO', 'AUDIO', 'SOURCE', 'STYLE', 'TEMPLATE']);
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background', 'cite', 'ping'];

/** Every element in `root`, its shadow roots included. */
export function* deepElements(root: ParentNode): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deepElements(el.shadowRoot);
  }
}

/** What a visitor can read: the text of every shadow root, with the text of slotted light DOM. */
export function visibleText(el: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof HTMLStyleElement || node instanceof HTMLScriptElement) return;
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  walk(el.shadowRoot ?? el);
  return parts.join(' ').replace(/\s+/g, ' ');
}

/**
 * Asserts that nothing under `host` can run code or lead somewhere unsafe: no script-bearing
 * elements, no on* attributes, every link an absolute https/http/mailto/tel URL, nothing
 * protocol-relative, no srcdoc, no inline style from the feed.
 */
export function expectSafeDom(host: Element): void {
  const problems: string[] = [];
  for (const el of deepElements(host.shadowRoot ?? host)) {
    if (FORBIDDEN_TAGS.has(el.tagName.toUpperCase())) problems.push(`<${el.tagName.toLowerCase()}> element`);
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`${name}="${attr.value.slice(0, 40)}" on <${el.tagName.toLowerCase()}>`);
      if (name === 'srcdoc' || name === 'style') problems.push(`${name} attribute on <${el.tagName.toLowerCase()}>`);
      if (!URL_ATTRIBUTES.includes(name)) continue;
      const value = attr.value;
      if (/^\s*[/\\]{2}/.test(value) || /^\s*\/\\/.test(value)) problems.push(`protocol-relative ${name}="${value.slice(0, 60)}"`);
      let scheme = 'invalid:';
      try {
        scheme = new URL(value, document.baseURI).protocol;
      } catch {
        // stays invalid
      }
      if (!SAFE_SCHEMES.has(scheme)) problems.push(`${name}="${value.slice(0, 60)}" (${scheme})`);
      // eslint-disable-next-line no-control-regex -- a control character in a link is the attack
      if (/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(value)) problems.push(`control or bidi character in ${name}="${value.slice(0, 60)}"`);
    }
  }
  expect(problems, problems.join('\n')).to.deep.equal([]);
}

/** Asserts the trap was never called and no error or rejection reached the page. */
export function expectNothingRan(watch: PageWatch): void {
  expect(watch.pwned, 'a payload from the feed ran').to.deep.equal([]);
  expect(watch.uncaught, 'errors reached the page').to.deep.equal([]);
}

// Words a visitor must never read: internals, paths, codes.
const TECHNICAL = /\[object |undefined|NaN|FeedError|TypeError|groups\[\d|topics\[\d|places\[\d|HTTP \d|JSON|CORS|Access-Control|stack/;

/** What each element says when its feed cannot be read: its own words, never another element's. */
const UNAVAILABLE: Record<string, string> = {
  'shg-group-finder': 'The list of groups cannot be shown right now.',
  'shg-topic-list': 'The topics cannot be shown right now.',
  'shg-office-card': "The contact office's details cannot be shown right now.",
  'shg-contact-form': 'Messages cannot be sent with this form at the moment.',
};

/** Asserts the visitor sees no internals, and (for a failed feed) exactly the calm sentence with a next step. */
export function expectCalm(host: Element, failed: boolean): void {
  const text = visibleText(host);
  expect(text, 'technical words shown to the visitor').not.to.match(TECHNICAL);
  const root = host.shadowRoot!;
  const error = root.querySelector('[part="error"]');
  if (!failed) {
    expect(error, 'an error view over a partly usable feed').to.equal(null);
    return;
  }
  expect(error, 'no error view').to.exist;
  const sentences = [...error!.querySelectorAll('p')].map((p) => p.textContent!.replace(/\s+/g, ' ').trim());
  expect(sentences[0]).to.equal(UNAVAILABLE[host.localName]);
  expect(error!.querySelector('button'), 'no way to try again').to.exist;
}

/** Asserts the author was told, on the console and by a shg-error event, naming `what` (a path or an error code). */
export function expectAuthorTold(watch: PageWatch, what: string | RegExp): void {
  const matches = (text: string | undefined) => (typeof what === 'string' ? text?.includes(what) : what.test(text ?? '')) ?? false;
  const inConsole = [...watch.consoleErrors, ...watch.consoleWarnings].some(matches);
  expect(inConsole, `no console message names ${String(what)}:\n${[...watch.consoleErrors, ...watch.consoleWarnings].join('\n').slice(0, 2000)}`).to.equal(true);
  const inEvent = watch.shgErrors.some(
    (d) => matches(d.error?.code) || matches(d.error?.message) || d.problems.some((p) => matches(p.path) || matches(`${p.path}: ${p.message}`)),
  );
  expect(inEvent, `no shg-error event names ${String(what)}`).to.equal(true);
}

export type AnyShgElement = HTMLElement & { updateComplete: Promise<boolean> };

/** Mounts a template and waits until the element shows content, a status or an error. */
export async function mount<T extends AnyShgElement>(template: TemplateResult, timeout = 8000): Promise<T> {
  const wrapper = fixtureSync<HTMLElement>(html`<div>${template}</div>`);
  const el = wrapper.firstElementChild as T;
  await settle(el, timeout);
  return el;
}

export async function settle(el: AnyShgElement, timeout = 8000): Promise<void> {
  await waitUntil(
    () => {
      const root = el.shadowRoot;
      return root && !root.querySelector('[aria-busy="true"]') && root.querySelector('.results, .no-results, [part="error"], .detail, [part="status"], [part="list"], article, dl');
    },
    `<${el.tagName.toLowerCase()}> never settled`,
    { timeout },
  );
  await el.updateComplete;
}

export function cardNames(el: ShgGroupFinder): string[] {
  return [...el.shadowRoot!.querySelectorAll('.card-title')].map((a) => a.textContent!.replace(/\s+/g, ' ').trim());
}

/** Opens every listed group (up to `max`), runs `check` on each detail view, and goes back. */
export async function forEachGroupDetail(el: ShgGroupFinder, check: () => void, max = 60): Promise<number> {
  const groups = el.directory?.groups ?? [];
  let opened = 0;
  for (const group of groups.slice(0, max)) {
    el.openGroup(group.id);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.detail'), `group ${group.id} did not open`).to.exist;
    check();
    el.closeGroup();
    await el.updateComplete;
    opened++;
  }
  return opened;
}

/** Shows every status (closed and paused groups too), so every group has a card. */
export const ALL_STATUSES = 'open,founding,paused,closed';
