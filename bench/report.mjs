// The targets of issue 8 and the markdown report of a benchmark run.
import { bytes, kib, ms } from './stats.mjs';

const MB = 1e6;

/** The issue's targets, judged on the "busy" figures (see bench/README.md). */
export function judgeTargets(results) {
  const s = results.sizes;
  const targets = [];
  const add = (id, text, config, check) => {
    const r = s[config];
    if (!r) {
      targets.push({ id, target: text, config, measured: 'not measured', ok: null });
      return;
    }
    targets.push({ id, target: text, config, ...check(r) });
  };

  add('load-70000', '70,000 groups: first results painted ≤ 2 × JSON.parse + 100 ms', '70000', (r) => {
    const limit = 2 * r.parseMs.median + 100;
    const got = r.feedToFirstResults.busy.median;
    return {
      measured: `${ms(got)} (median; p95 ${ms(r.feedToFirstResults.busy.p95)}; with frame wait ${ms(r.feedToFirstResults.frame.median)})`,
      limit: `${ms(limit)} (2 × ${ms(r.parseMs.median)} + 100 ms)`,
      value: got,
      limitValue: limit,
      ok: got <= limit,
    };
  });
  add('key-70000', '70,000 groups: keystroke → updated results p95 < 16 ms', '70000', (r) => p95Under(r.keystroke, 16));
  add('filter-70000', '70,000 groups: filter toggle p95 < 16 ms', '70000', (r) => p95Under(r.filter, 16));
  add('heap-70000', '70,000 groups: JS heap after load < 150 MB', '70000', (r) => ({
    measured: `${mb(r.heapBytes.median)} (median; max ${mb(r.heapBytes.max)})`,
    limit: '150 MB',
    value: r.heapBytes.median,
    limitValue: 150 * MB,
    ok: r.heapBytes.max < 150 * MB,
  }));
  add('load-250', '250 groups: first results painted ≤ 30 ms after the feed response', '250', (r) => {
    const got = r.feedToFirstResults.busy.median;
    return {
      measured: `${ms(got)} (median; p95 ${ms(r.feedToFirstResults.busy.p95)}; with frame wait ${ms(r.feedToFirstResults.frame.median)})`,
      limit: '30 ms',
      value: got,
      limitValue: 30,
      ok: got <= 30,
    };
  });
  add('key-5000-4x', '5,000 groups, CPU 4× slower: keystroke p95 < 50 ms', '5000@4x', (r) => p95Under(r.keystroke, 50));
  return targets;
}

function p95Under(figure, limit) {
  const got = figure.busy.p95;
  return {
    measured: `${ms(got)} (p95; median ${ms(figure.busy.median)}; with frame wait p95 ${ms(figure.frame.p95)})`,
    limit: `${limit} ms`,
    value: got,
    limitValue: limit,
    ok: got < limit,
  };
}

export const mb = (x) => (x === undefined || !Number.isFinite(x) ? '–' : `${(x / MB).toFixed(1)} MB`);

const mark = (ok) => (ok === null ? '–' : ok ? '✔' : '✖');
const pair = (f) => (f && f.n ? `${ms(f.median)} / ${ms(f.p95)}` : '–');

/** The markdown report: the figures per configuration, then the targets. */
export function markdown(results) {
  const configs = Object.keys(results.sizes);
  const cols = configs.map((c) => {
    const r = results.sizes[c];
    return `${r.groups.toLocaleString('en')} groups${r.throttle > 1 ? `, CPU ${r.throttle}× slower` : ''}`;
  });
  const row = (label, f) => `| ${label} | ${configs.map((c) => f(results.sizes[c])).join(' | ')} |`;
  const m = results.machine;
  const lines = [
    `Benchmark of the production build (\`cdn/\`) in headless Chromium, ${results.date.slice(0, 16).replace('T', ' ')} UTC.`,
    `Machine: ${m.cpuModel} × ${m.cpus}, ${m.os}, Node ${m.node}, ${m.browser}; load average ${m.loadAverageStart.join(' / ')} at the start, ${m.loadAverageEnd.join(' / ')} at the end (1 / 5 / 15 min).`,
    'Figures are median / p95 over the runs; interaction figures pool every keystroke, toggle or open of every run.',
    '"busy" = from the input (or the feed response) to the end of the next frame\'s main-thread work, without the',
    'wait for the display\'s next frame; "frame" includes that wait (0–16.7 ms at 60 Hz). See bench/README.md.',
    '',
    `| | ${cols.join(' | ')} |`,
    `| --- | ${configs.map(() => '---:').join(' | ')} |`,
    row('runs', (r) => String(r.runs)),
    row('feed size', (r) => bytes(r.feedBytes)),
    row('`JSON.parse` of the feed (floor)', (r) => pair(r.parseMs)),
    row('feed response → first results, busy', (r) => pair(r.feedToFirstResults.busy)),
    row('feed response → first results, frame', (r) => pair(r.feedToFirstResults.frame)),
    row('feed response → word index ready', (r) => pair(r.indexReadyMs)),
    // The Long Tasks API reports tasks of 50 ms and more: 0 means none was that long.
    row('longest task (≥ 50 ms; 0 = none) after the feed response', (r) => pair(r.longestTaskMs)),
    row('keystroke → results, busy', (r) => pair(r.keystroke.busy)),
    row('keystroke → results, frame', (r) => pair(r.keystroke.frame)),
    row('filter toggle → results, busy', (r) => pair(r.filter.busy)),
    row('filter toggle → results, frame', (r) => pair(r.filter.frame)),
    row('open a group → detail, busy', (r) => pair(r.open.busy)),
    row('open a group → detail, frame', (r) => pair(r.open.frame)),
    row('JS heap after load (after GC)', (r) => `${mb(r.heapBytes.median)} / ${mb(r.heapBytes.p95)}`),
    '',
    `Bundle, gzip (1 KB = 1024 bytes, as \`npm run size\` counts): ${kib(results.bundle.allGzip)} for \`cdn/*.js\` without locales and UMD, of which ${kib(results.bundle.entryGzip)} load up front and ${kib(results.bundle.onDemandGzip)} on demand; locales ${Object.values(results.bundle.localesGzip).length ? `${kib(Math.min(...Object.values(results.bundle.localesGzip)))}–${kib(Math.max(...Object.values(results.bundle.localesGzip)))}` : '–'} each; UMD with every locale ${kib(results.bundle.umdGzip)}.`,
    '',
    '| target (issue 8) | measured | limit | |',
    '| --- | --- | --- | :---: |',
    ...results.targets.map((t) => `| ${t.target} | ${t.measured} | ${t.limit ?? '–'} | ${mark(t.ok)} |`),
  ];
  const slow = results.slowestKeystrokes;
  if (slow?.length) {
    lines.push('', 'Slowest keystrokes (busy, median over runs): ' + slow.map((k) => `${k.config} "${k.step}" ${ms(k.median)}`).join(', ') + '.');
  }
  if (results.errors?.length) {
    lines.push('', '**Errors during the run:**', ...results.errors.map((e) => `- ${e}`));
  }
  return lines.join('\n') + '\n';
}
