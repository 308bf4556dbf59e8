// `npm run test:faults`: the contact form under random endpoint faults (200 messages, a few
// minutes). Kept apart from `npm test`; CI runs both. Same browser and server as the main config;
// its totals go to their own file so .ci/run can add them up.
import { defaultReporter } from '@web/test-runner';
import base from './web-test-runner.config.mjs';
import { countReporter } from './test/server/count-reporter.mjs';

export default {
  ...base,
  files: ['test/faults/**/*.faults.ts'],
  concurrency: 1,
  testFramework: { config: { timeout: 15 * 60 * 1000 } },
  reporters: [defaultReporter(), countReporter('.test-results/faults.json')],
};
