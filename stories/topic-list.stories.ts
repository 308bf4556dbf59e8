import type { Decorator, Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/define.js';
import { ShgTopicList } from '../src/elements/topic-list/topic-list.js';

// Guarded: a no-op once src/define.ts registers the element.
ShgTopicList.define('shg-topic-list');

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

interface TopicListArgs {
  src?: string;
  layout?: 'grid' | 'list' | 'accordion';
  href?: string;
  for?: string;
  'show-empty'?: boolean;
  areas?: string;
  'heading-level'?: number;
  'office-phone'?: string;
  format?: string;
  'feed-timeout'?: number;
  lang?: string;
  feed?: unknown;
}

const render = (a: TopicListArgs) => html`<shg-topic-list
  src=${a.src ?? nothing}
  .feed=${a.feed}
  layout=${a.layout ?? nothing}
  href=${a.href ?? nothing}
  for=${a.for ?? nothing}
  ?show-empty=${a['show-empty']}
  areas=${a.areas ?? nothing}
  heading-level=${a['heading-level'] ?? nothing}
  office-phone=${a['office-phone'] ?? nothing}
  format=${a.format ?? nothing}
  feed-timeout=${a['feed-timeout'] ?? nothing}
  lang=${a.lang ?? nothing}
></shg-topic-list>`;

const meta: Meta<TopicListArgs> = {
  title: 'Elements/Topic list',
  component: 'shg-topic-list',
  render,
  args: { src: FEED, layout: 'grid' },
  argTypes: {
    format: { control: 'select', options: [undefined, 'feed', 'meeting-guide', 'hsds'] },
    'feed-timeout': { control: { type: 'number', min: 1000, step: 1000 } },
    layout: { control: 'inline-radio', options: ['grid', 'list', 'accordion'] },
    href: { control: 'text', description: 'URL template with {id}, e.g. /selbsthilfe/gruppen?shg-topic={id}' },
    for: { control: 'text', description: 'id of a <shg-group-finder> on the same page' },
    areas: { control: 'text', description: 'comma-separated area ids, e.g. sucht,psychische-gesundheit' },
    'heading-level': { control: { type: 'number', min: 1, max: 6 } },
    lang: { control: 'select', options: [undefined, 'de', 'en', 'tr', 'ru', 'uk', 'pl', 'ar', 'fa'] },
    feed: { control: false },
  },
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<TopicListArgs>;

export const Grid: Story = { name: 'Grid (start page tiles)' };
export const List: Story = {
  name: 'List (compact sidebar)',
  args: { layout: 'list' },
  decorators: [(story) => html`<div style="max-inline-size: 20rem">${story()}</div>`],
};
export const Accordion: Story = { args: { layout: 'accordion' } };
export const ShowEmpty: Story = { name: 'With topics that have no groups', args: { 'show-empty': true } };
export const SomeAreas: Story = { name: 'Only some areas', args: { areas: 'sucht,psychische-gesundheit', layout: 'list' } };
export const LinksToFinderPage: Story = {
  name: 'Links to a finder on another page',
  args: { href: '/selbsthilfe/gruppen?shg-topic={id}' },
};
export const SamePageFinder: Story = {
  name: 'Filters a finder on the same page (for)',
  args: { layout: 'list', for: 'story-finder' },
  render: (a) => html`<div style="display: grid; grid-template-columns: minmax(14rem, 1fr) 3fr; gap: 2rem; align-items: start">
    <nav aria-label="Themen">${render(a)}</nav>
    <shg-group-finder id="story-finder" src=${a.src ?? FEED} page-size="5"></shg-group-finder>
  </div>`,
};
export const HeadingLevel: Story = { name: 'Area headings at level 3', args: { 'heading-level': 3 } };
export const Loading: Story = { args: { src: NEVER }, decorators: [withSlowFeed] };
export const LoadError: Story = { name: 'Error', args: { src: '/demo/does-not-exist.json', 'office-phone': '+49 30 23125 100' } };
export const NoTopics: Story = {
  name: 'Feed without topics',
  args: { src: undefined, feed: { version: 1, topics: [], groups: [{ id: 'g', name: 'Gruppe', topics: [] }] } },
};
export const Arabic: Story = { name: 'Arabic (right to left), grid', args: { lang: 'ar' }, globals: { locale: 'ar' } };
export const ArabicAccordion: Story = { name: 'Arabic (right to left), accordion', args: { lang: 'ar', layout: 'accordion' }, globals: { locale: 'ar' } };
