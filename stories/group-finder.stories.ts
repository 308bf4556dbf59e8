import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/define.js';
import { detailView } from '../src/elements/group-finder/on-demand-views.js';
import { generateFeed } from '../src/feed/generate.js';

const FEED = '/demo/sample-feed.json';

interface FinderArgs {
  src?: string;
  q?: string;
  topic?: string;
  audience?: string;
  day?: string;
  mode?: string;
  wheelchair?: boolean;
  status?: string;
  sort?: string;
  near?: string;
  group?: string;
  'url-state'?: boolean;
  'contact-href'?: string;
  'heading-level'?: number;
  'page-size'?: number;
  'office-phone'?: string;
  format?: string;
  'feed-timeout'?: number;
  lang?: string;
  feed?: unknown;
}

const render = (a: FinderArgs) => html`<shg-group-finder
  src=${a.src ?? nothing}
  .feed=${a.feed}
  q=${a.q ?? nothing}
  topic=${a.topic ?? nothing}
  audience=${a.audience ?? nothing}
  day=${a.day ?? nothing}
  mode=${a.mode ?? nothing}
  ?wheelchair=${a.wheelchair}
  status=${a.status ?? nothing}
  sort=${a.sort ?? nothing}
  near=${a.near ?? nothing}
  group=${a.group ?? nothing}
  ?url-state=${a['url-state']}
  contact-href=${a['contact-href'] ?? nothing}
  heading-level=${a['heading-level'] ?? nothing}
  page-size=${a['page-size'] ?? nothing}
  office-phone=${a['office-phone'] ?? nothing}
  format=${a.format ?? nothing}
  feed-timeout=${a['feed-timeout'] ?? nothing}
  lang=${a.lang ?? nothing}
></shg-group-finder>`;

const meta: Meta<FinderArgs> = {
  title: 'Elements/Group finder',
  component: 'shg-group-finder',
  render,
  args: { src: FEED, 'page-size': 10 },
  argTypes: {
    format: { control: 'select', options: [undefined, 'feed', 'meeting-guide', 'hsds'] },
    'feed-timeout': { control: { type: 'number', min: 1000, step: 1000 } },
    audience: { control: 'select', options: [undefined, 'affected', 'relatives'] },
    mode: { control: 'select', options: [undefined, 'in-person', 'online'] },
    sort: { control: 'select', options: [undefined, 'relevance', 'name', 'next', 'distance'] },
    'heading-level': { control: { type: 'number', min: 1, max: 6 } },
    feed: { control: false },
  },
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<FinderArgs>;

export const Results: Story = {};
export const Searching: Story = { args: { q: 'depression' } };
export const TopicPreset: Story = { name: 'All addiction groups (topic preset)', args: { topic: 'sucht' } };
export const GroupOpen: Story = { name: 'A group open', args: { group: 'angst-depression-altstadt' } };
export const Loading: Story = { args: { src: undefined, feed: new Promise(() => {}) } };
export const LoadError: Story = { name: 'Error', args: { src: '/demo/does-not-exist.json', 'office-phone': '+49 30 23125 100' } };
export const NoResults: Story = { name: 'No results', args: { q: 'xylophon' } };
export const EmptyDirectory: Story = {
  name: 'Feed with zero groups',
  args: { src: undefined, feed: { version: 1, office: { name: 'KISS Musterstadt', phone: '+49 30 23125 100' }, topics: [], groups: [] } },
};
export const Narrow: Story = {
  name: 'Narrow sidebar (320 px)',
  decorators: [(story) => html`<div style="max-inline-size: 320px; border: 1px dashed #999">${story()}</div>`],
};
export const MeetingGuideFeed: Story = {
  name: 'A Meeting Guide feed (format="meeting-guide")',
  args: { src: '/fixtures/cli/meeting-guide.json', format: 'meeting-guide' },
};
export const Arabic: Story = { name: 'Arabic (right to left)', args: { lang: 'ar' }, globals: { locale: 'ar' } };
export const Farsi: Story = { name: 'Farsi (right to left)', args: { lang: 'fa' }, globals: { locale: 'fa' } };

// The finder's group view and filter panel load on demand: these show their placeholder and
// their message when the code cannot be loaded (each story puts the real loader back after).
const swapDetailView = (source: () => Promise<never>) => () => {
  const real = detailView.source;
  detailView.forget();
  detailView.source = source;
  return () => {
    detailView.source = real;
    detailView.forget();
  };
};
export const GroupViewLoading: Story = {
  name: 'A group open, its view still loading',
  args: { group: 'angst-depression-altstadt' },
  beforeEach: swapDetailView(() => new Promise<never>(() => {})),
};
export const GroupViewOffline: Story = {
  name: 'A group open, its view cannot load (offline)',
  args: { group: 'angst-depression-altstadt', 'office-phone': '+49 30 23125 100' },
  beforeEach: swapDetailView(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module'))),
};

/** Opens "More filters" once the finder shows its results. */
async function openFilters({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const finder = canvasElement.querySelector('shg-group-finder') as HTMLElement & { updateComplete: Promise<unknown> };
  for (let i = 0; i < 100 && !finder.shadowRoot?.querySelector('[aria-controls="shg-filters"]'); i++) await new Promise((r) => setTimeout(r, 50));
  finder.shadowRoot?.querySelector<HTMLButtonElement>('[aria-controls="shg-filters"]')?.click();
  await finder.updateComplete;
}
export const FiltersOpen: Story = { name: 'More filters open', play: openFilters };
export const NationalDirectory: Story = {
  name: 'A national directory (5,000 generated groups): near asks for the town, then the district',
  // A thenable: the 5,000 groups are generated only when this story renders, not for every story.
  args: { src: undefined, feed: { then: (resolve: (feed: unknown) => void) => resolve(generateFeed({ groups: 5000, seed: 3 })) } },
  play: openFilters,
};
