import type { Decorator, Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/define.js';
import { ShgContactForm } from '../src/elements/contact-form/contact-form.js';

// Guarded: a no-op once src/define.ts registers the element.
ShgContactForm.define('shg-contact-form');

const FEED = '/demo/sample-feed.json';

/**
 * Storybook has no contact endpoint, so these stand in for one (same origin, like a real
 * `action="/api/contact"`): `ok` accepts, `busy` never answers, `down` answers 500.
 * The reference endpoint itself runs in `npm start` and the browser tests.
 */
const STORY_ENDPOINT = '/__story/contact/';
const withStoryEndpoint: Decorator = (story) => {
  const real = window.fetch as typeof fetch & { shgContactStub?: boolean };
  if (!real.shgContactStub) {
    const stub = ((input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input), location.href);
      if (!url.pathname.startsWith(STORY_ENDPOINT)) return real(input, init);
      const json = (status: number, body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
      switch (url.pathname.slice(STORY_ENDPOINT.length)) {
        case 'ok':
          return json(201, { id: crypto.randomUUID(), receivedAt: new Date().toISOString() });
        case 'busy':
          return new Promise<Response>(() => {});
        default:
          return json(500, { error: 'unavailable' });
      }
    }) as typeof fetch & { shgContactStub?: boolean };
    stub.shgContactStub = true;
    window.fetch = stub;
  }
  return story();
};

interface ContactFormArgs {
  src?: string;
  action?: string;
  group?: string;
  'privacy-url'?: string;
  'heading-level'?: number;
  'office-phone'?: string;
  format?: string;
  'feed-timeout'?: number;
  timeout?: number;
  'min-fill-time'?: number;
  lang?: string;
  feed?: unknown;
}

const render = (a: ContactFormArgs) => html`<shg-contact-form
  id="contact"
  src=${a.src ?? nothing}
  .feed=${a.feed}
  action=${a.action ?? nothing}
  group=${a.group ?? nothing}
  privacy-url=${a['privacy-url'] ?? nothing}
  heading-level=${a['heading-level'] ?? nothing}
  office-phone=${a['office-phone'] ?? nothing}
  format=${a.format ?? nothing}
  feed-timeout=${a['feed-timeout'] ?? nothing}
  timeout=${a.timeout ?? nothing}
  min-fill-time=${a['min-fill-time'] ?? nothing}
  lang=${a.lang ?? nothing}
></shg-contact-form>`;

const meta: Meta<ContactFormArgs> = {
  title: 'Elements/Contact form',
  component: 'shg-contact-form',
  render,
  decorators: [withStoryEndpoint],
  args: { src: FEED, action: `${STORY_ENDPOINT}ok`, 'min-fill-time': 0 },
  argTypes: {
    format: { control: 'select', options: [undefined, 'feed', 'meeting-guide', 'hsds'] },
    'feed-timeout': { control: { type: 'number', min: 1000, step: 1000 } },
    src: { control: 'text', description: 'URL of the directory feed.' },
    action: {
      control: 'select',
      options: [undefined, `${STORY_ENDPOINT}ok`, `${STORY_ENDPOINT}busy`, `${STORY_ENDPOINT}down`, 'mailto:kiss@musterstadt.example'],
      description: 'Endpoint override; undefined uses the feed’s office.contactEndpoint (not served in Storybook).',
    },
    group: { control: 'select', options: [undefined, 'diabetes-typ2-suedstadt', 'angst-depression-altstadt', 'unknown-group'] },
    'privacy-url': { control: 'text' },
    'heading-level': { control: { type: 'number', min: 1, max: 6 } },
    'office-phone': { control: 'text' },
    timeout: { control: { type: 'number', min: 0, step: 1000 } },
    'min-fill-time': { control: { type: 'number', min: 0, step: 500 } },
    lang: { control: 'select', options: [undefined, 'de', 'en', 'tr', 'ru', 'uk', 'pl', 'ar', 'fa'] },
    feed: { control: false },
  },
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<ContactFormArgs>;

/** The element in the story, once its form (or status) is rendered. */
async function formIn(canvas: HTMLElement): Promise<ShgContactForm> {
  const el = canvas.querySelector('shg-contact-form')!;
  for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('form'); i++) await new Promise((r) => setTimeout(r, 50));
  await el.updateComplete;
  return el;
}

function type(el: ShgContactForm, id: string, value: string): void {
  const input = el.shadowRoot!.getElementById(id) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

async function fillAndSend(canvas: HTMLElement): Promise<ShgContactForm> {
  const el = await formIn(canvas);
  type(el, 'shg-name', 'Mara');
  type(el, 'shg-email', 'mara@example.org');
  type(el, 'shg-message', 'Ich würde gern einmal unverbindlich vorbeikommen.');
  (el.shadowRoot!.getElementById('shg-consent') as HTMLInputElement).click();
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await el.updateComplete;
  return el;
}

export const Empty: Story = {};

export const PrefilledGroup: Story = {
  name: 'Prefilled group (hand-off from the finder)',
  args: { group: 'diabetes-typ2-suedstadt' },
};

export const ValidationErrors: Story = {
  name: 'Validation errors',
  play: async ({ canvasElement }) => {
    const el = await formIn(canvasElement);
    type(el, 'shg-email', 'mara@');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  },
};

export const Sending: Story = {
  args: { action: `${STORY_ENDPOINT}busy`, timeout: 0 },
  play: async ({ canvasElement }) => void (await fillAndSend(canvasElement)),
};

export const Sent: Story = {
  play: async ({ canvasElement }) => void (await fillAndSend(canvasElement)),
};

export const Failed: Story = {
  name: 'Failed (server error, retry offered)',
  args: { action: `${STORY_ENDPOINT}down`, 'office-phone': '+49 30 23125 100' },
  play: async ({ canvasElement }) => void (await fillAndSend(canvasElement)),
};

export const QuickFill: Story = {
  name: 'Filled in very quickly (asks to confirm)',
  args: { 'min-fill-time': 60000 },
  play: async ({ canvasElement }) => void (await fillAndSend(canvasElement)),
};

export const MailMode: Story = {
  name: 'Mail mode (no endpoint)',
  args: { action: 'mailto:kiss@musterstadt.example' },
};

export const Arabic: Story = {
  name: 'Arabic (right to left)',
  args: { lang: 'ar', group: 'diabetes-typ2-suedstadt' },
  globals: { locale: 'ar' },
};

export const ArabicErrors: Story = {
  name: 'Arabic (right to left), validation errors',
  args: { lang: 'ar' },
  globals: { locale: 'ar' },
  play: ValidationErrors.play,
};

export const Narrow: Story = {
  name: 'Narrow column (320 px)',
  decorators: [(story) => html`<div style="max-inline-size: 320px; border: 1px dashed #999">${story()}</div>`],
};

export const Unavailable: Story = {
  name: 'No endpoint and no e-mail (phone only)',
  args: {
    src: undefined,
    action: undefined,
    feed: { version: 1, office: { name: 'KISS Musterstadt', phone: '+49 30 23125 100' }, topics: [], groups: [] },
  },
};
