// Browser tests in the machine's own Chrome/Chromium: never downloads a browser.
// CHROME_PATH overrides the binary; the default is Debian's /usr/bin/chromium.
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { existsSync } from 'node:fs';
import { defaultReporter } from '@web/test-runner';
import { testServerPlugins } from './test/server/plugins.mjs';
import { countReporter } from './test/server/count-reporter.mjs';
import { mediaFeaturesPlugin } from './test/server/media-plugin.mjs';
import { hardeningPlugins } from './test/server/hardening-plugins.mjs';

function chromePath() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  const candidates = {
    linux: ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'],
    darwin: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
    win32: ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'],
  }[process.platform] ?? [];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('No Chrome/Chromium found. Install one (Debian: apt-get install chromium) or set CHROME_PATH.');
  return found;
}

export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: true,
  reporters: [defaultReporter(), countReporter()],
  concurrency: 2,
  testsFinishTimeout: 300000,
  testFramework: { config: { timeout: 10000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), ...testServerPlugins(), ...hardeningPlugins(), mediaFeaturesPlugin(), a11ySnapshotPlugin()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromePath(),
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          '--disable-sync',
          // Test files run side by side in tabs; keep background tabs painting and timing normally.
          '--disable-background-timer-throttling',
          '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
};
