import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  // The sample feed and test fixtures, so stories load real data offline.
  staticDirs: [
    { from: '../demo', to: '/demo' },
    { from: '../test/fixtures', to: '/fixtures' },
  ],
};
export default config;
