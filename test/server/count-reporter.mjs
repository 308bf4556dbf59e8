// A web-test-runner reporter that writes the run's own totals to
// .test-results/browser.json, so .ci/run can print them without scraping logs.
import { mkdirSync, writeFileSync } from 'node:fs';

function countSuite(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites ?? []) countSuite(child, totals);
}

export function countReporter(file = '.test-results/browser.json') {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, fileErrors: 0 };
      for (const session of sessions) {
        if (session.testResults) countSuite(session.testResults, totals);
        // A test file that failed to load counts as a failure: nothing inside it ran.
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.fileErrors++;
      }
      totals.failed += totals.fileErrors;
      mkdirSync('.test-results', { recursive: true });
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}
