import type { Decorator, Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/define.js';
import { ShgOfficeCard } from '../src/elements/office-card/office-card.js';

// Guarded: a no-op once src/define.ts registers the element.
ShgOfficeCard.define('shg-office-card');

const FEED = '/demo/sample-feed.json';
const NEVER = '/__story/never-answers.json';

/** Holds requests to NEVER open (until the loader's own time limit), so the loading view can be seen. */
const withSlowFeed: Decorator = (story) => {
  const real = window.fetch as typeof fetch & { shgSlow?: boolean };
  if (!real.shgSlow) {
    const slow = ((input: RequestInfo | URL, init?: RequestInit) =>
      String(input instanceof Request ? input.url : input).includes(NEVER) ? new Promise<Response>(() => {}) : real(input, init)) as typeof fetch & { shgSlow?: boolean };
    slow.shgSlow = true;
    window.fetch = slow;
  }
  return story();
};
// Fixed instants so the "open now" line does not depend on when the story is looked at.
const MONDAY_10 = Date.parse('2026-03-23T09:00:00Z'); // Monday 10:00 in Berlin: open until 13:00
const WEDNESDAY_10 = Date.parse('2026-03-25T09:00:00Z'); // Wednesday: closed, opens Thursday 9:00

interface OfficeCardArgs {
  src?: string;
  variant?: 'full' | 'compact';
  'heading-level'?: number;
  'office-phone'?: string;
  format?: string;
  'feed-timeout'?: number;
  lang?: string;
  now?: number;
  feed?: unknown;
}

const render = (a: OfficeCardArgs) => html`<shg-office-card
  src=${a.src ?? nothing}
  .feed=${a.feed}
  .now=${a.now}
  variant=${a.variant ?? nothing}
  heading-level=${a['heading-level'] ?? nothing}
  office-phone=${a['office-phone'] ?? nothing}
  format=${a.format ?? nothing}
  feed-timeout=${a['feed-timeout'] ?? nothing}
  lang=${a.lang ?? nothing}
></shg-office-card>`;

const meta: Meta<OfficeCardArgs> = {
  title: 'Elements/Office card',
  component: 'shg-office-card',
  render,
  args: { src: FEED, variant: 'full' },
  argTypes: {
    format: { control: 'select', options: [undefined, 'feed', 'meeting-guide', 'hsds'] },
    'feed-timeout': { control: { type: 'number', min: 1000, step: 1000 } },
    variant: { control: 'inline-radio', options: ['full', 'compact'] },
    'heading-level': { control: { type: 'number', min: 1, max: 6 } },
    now: { control: 'date', description: 'The instant "open now" is worked out for (property only); empty: the current time' },
    lang: { control: 'select', options: [undefined, 'de', 'en', 'tr', 'ru', 'uk', 'pl', 'ar', 'fa'] },
    feed: { control: false },
  },
  parameters: { layout: 'padded' },
  decorators: [(story) => html`<div style="max-inline-size: 36rem">${story()}</div>`],
};
export default meta;
type Story = StoryObj<OfficeCardArgs>;

export const Full: Story = { name: 'Full (open now)', args: { now: MONDAY_10 } };
export const FullClosed: Story = { name: 'Full (closed, opens Thursday)', args: { now: WEDNESDAY_10 } };
export const Compact: Story = {
  name: 'Compact (sidebar)',
  args: { variant: 'compact', now: MONDAY_10 },
  decorators: [(story) => html`<div style="max-inline-size: 20rem">${story()}</div>`],
};
export const LiveClock: Story = { name: 'Current time (live)', args: { now: undefined } };
export const FreeTextHours: Story = {
  name: 'Opening hours as free text',
  args: {
    src: undefined,
    feed: {
      version: 1,
      language: 'de',
      office: {
        name: 'Selbsthilfebüro Beispielkreis',
        description: 'Beratung und Vermittlung für den ganzen Landkreis.',
        address: { street: 'Marktplatz 3', postalCode: '54321', city: 'Beispielstadt' },
        phone: '+49 5432 1000',
        email: 'selbsthilfe@beispielkreis.example',
        openingHours: 'Montag bis Donnerstag 9–12 Uhr\nund nach Vereinbarung',
        languages: ['de', 'pl'],
      },
      topics: [],
      groups: [],
    },
  },
};
export const HeadingLevel: Story = { name: 'Name heading at level 3', args: { 'heading-level': 3, now: MONDAY_10 } };
export const Loading: Story = { args: { src: NEVER }, decorators: [withSlowFeed] };
export const LoadError: Story = { name: 'Error (falls back to office-phone)', args: { src: '/demo/does-not-exist.json', 'office-phone': '+49 30 23125 100' } };
export const NoOffice: Story = { name: 'Feed without an office', args: { src: undefined, feed: { version: 1, topics: [], groups: [] } } };
export const Arabic: Story = { name: 'Arabic (right to left), full', args: { lang: 'ar', now: MONDAY_10 }, globals: { locale: 'ar' } };
export const ArabicCompact: Story = { name: 'Arabic (right to left), compact', args: { lang: 'ar', variant: 'compact', now: WEDNESDAY_10 }, globals: { locale: 'ar' } };
