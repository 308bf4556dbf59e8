import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/define.js';

/**
 * Every `--shg-*` custom property as a live control: change one and all four elements
 * follow. Each property has a default, so a page sets only what it wants to change.
 */
interface ThemeArgs {
  '--shg-color-accent': string;
  '--shg-color-accent-contrast': string;
  '--shg-color-text': string;
  '--shg-color-muted': string;
  '--shg-color-surface': string;
  '--shg-color-on-surface': string;
  '--shg-color-border': string;
  '--shg-color-highlight': string;
  '--shg-color-focus': string;
  '--shg-color-background': string;
  '--shg-color-scheme': string;
  '--shg-font-family': string;
  '--shg-font-size': string;
  '--shg-radius': string;
  '--shg-space': string;
}

const FEED = '/demo/sample-feed.json';
const color = { control: 'color' } as const;

const meta: Meta<ThemeArgs> = {
  title: 'Theming/Custom properties',
  args: {
    '--shg-color-accent': '#0b5cad',
    '--shg-color-accent-contrast': '#ffffff',
    '--shg-color-text': '#1b1b1b',
    '--shg-color-muted': '#4a4a4a',
    '--shg-color-surface': '#ffffff',
    '--shg-color-on-surface': '#1b1b1b',
    '--shg-color-border': '#767676',
    '--shg-color-highlight': '#fff3a3',
    '--shg-color-focus': '#0b5cad',
    '--shg-color-background': 'transparent',
    '--shg-color-scheme': 'light',
    '--shg-font-family': 'inherit',
    '--shg-font-size': '1rem',
    '--shg-radius': '0.5rem',
    '--shg-space': '1rem',
  },
  argTypes: {
    '--shg-color-accent': color,
    '--shg-color-accent-contrast': color,
    '--shg-color-text': color,
    '--shg-color-muted': color,
    '--shg-color-surface': color,
    '--shg-color-on-surface': color,
    '--shg-color-border': color,
    '--shg-color-highlight': color,
    '--shg-color-focus': color,
    '--shg-color-background': color,
    '--shg-color-scheme': { control: 'select', options: ['light dark', 'light', 'dark'] },
    '--shg-font-family': { control: 'select', options: ['inherit', 'Georgia, serif', 'system-ui, sans-serif', '"Courier New", monospace'] },
    '--shg-font-size': { control: 'text' },
    '--shg-radius': { control: 'text' },
    '--shg-space': { control: 'text' },
  },
  render: (args) => html`<div style=${styleMap({ ...(args as unknown as Record<string, string>), display: 'grid', gap: '2rem' })}>
    <shg-topic-list src=${FEED} layout="list" areas="sucht,psychische-gesundheit"></shg-topic-list>
    <shg-office-card src=${FEED} variant="compact"></shg-office-card>
    <shg-group-finder src=${FEED} page-size="2" q="angst"></shg-group-finder>
    <shg-contact-form src=${FEED} action="/does-not-post-in-storybook"></shg-contact-form>
  </div>`,
  parameters: { layout: 'padded' },
};
export default meta;

export const Default: StoryObj<ThemeArgs> = {};
export const CityPortalGreen: StoryObj<ThemeArgs> = {
  name: 'A city portal (green, square corners)',
  args: { '--shg-color-accent': '#1d4f3a', '--shg-color-focus': '#1d4f3a', '--shg-radius': '0', '--shg-font-family': 'Georgia, serif' },
};
export const Dark: StoryObj<ThemeArgs> = {
  name: 'Dark page',
  args: {
    '--shg-color-scheme': 'dark',
    '--shg-color-background': '#121212',
    '--shg-color-text': '#f0f0f0',
    '--shg-color-surface': '#1e1e1e',
    '--shg-color-on-surface': '#f0f0f0',
    '--shg-color-muted': '#c8c8c8',
    '--shg-color-accent': '#8cc4ff',
    '--shg-color-accent-contrast': '#0b1a2b',
    '--shg-color-focus': '#8cc4ff',
    '--shg-color-highlight': '#5c4d00',
    '--shg-color-border': '#9a9a9a',
  },
};
