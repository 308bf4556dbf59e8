import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import { setLocale } from '../src/internal/localization.js';

setCustomElementsManifest(manifest);

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'UI language of the elements',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'de', title: 'Deutsch' },
          { value: 'en', title: 'English' },
          { value: 'tr', title: 'Türkçe' },
          { value: 'ru', title: 'Русский' },
          { value: 'uk', title: 'Українська' },
          { value: 'pl', title: 'Polski' },
          { value: 'ar', title: 'العربية (RTL)' },
          { value: 'fa', title: 'فارسی (RTL)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'de' },
  decorators: [
    (story, context) => {
      const locale = (context.globals.locale as string) ?? 'de';
      document.documentElement.lang = locale;
      void setLocale(locale);
      return story();
    },
  ],
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
};
export default preview;
