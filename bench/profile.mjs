// CPU profiles and traces of the benchmark page (DevTools protocol) and their summaries: the
// functions with the most self time, mapped back through the source maps (cdn → dist → src, or
// dist → src), so rows read `search (src/search/search.ts:118)`; and the main thread's trace
// events (style, layout, paint) that a CPU profile lumps together as "(program)".
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeMappings } from '../scripts/rollup/decode-mappings.mjs';

/** The directory the page was served from (run.mjs serves a snapshot of the build). */
let root = fileURLToPath(new URL('..', import.meta.url));
export function setServedRoot(dir) {
  root = dir;
}

/** Starts the sampling profiler on a CDP session (interval in microseconds). */
export async function startProfile(cdp, intervalUs = 200) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
}

export async function stopProfile(cdp) {
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable');
  return profile;
}

// ---- source maps (v3, decoded by scripts/rollup/decode-mappings.mjs: no dependency) ----

class SourceMap {
  constructor(file) {
    const json = JSON.parse(readFileSync(file, 'utf8'));
    this.dir = dirname(file);
    this.sources = json.sources.map((s) => resolve(this.dir, json.sourceRoot ?? '', s));
    this.names = json.names ?? [];
    this.lines = decodeMappings(json.mappings);
  }

  /** The original position of a generated (0-based) line and column: the first mapping at or after it on that line. */
  lookup(line, col) {
    const segments = this.lines[line];
    if (!segments?.length) return undefined;
    let found = segments.find((seg) => seg.genCol >= col && seg.src !== undefined);
    if (!found) for (const seg of segments) if (seg.genCol <= col && seg.src !== undefined) found = seg;
    if (!found) return undefined;
    return { file: this.sources[found.src], line: found.line, col: found.col };
  }

  /** The original name of the identifier that starts at a generated position, if the map names it. */
  nameAt(line, col) {
    const seg = this.lines[line]?.find((s) => s.genCol === col);
    return seg?.name === undefined ? undefined : this.names[seg.name];
  }
}

const texts = new Map();
function generatedLine(file, line) {
  if (!texts.has(file)) texts.set(file, existsSync(file) ? readFileSync(file, 'utf8').split('\n') : []);
  return texts.get(file)[line] ?? '';
}

/**
 * V8 reports a function at its parameter list, so the name is the identifier just before
 * it (`function Ye(`, `search(`, `Ye=(`); none there means an anonymous function.
 */
function nameBefore(file, line, col, map) {
  const before = generatedLine(file, line).slice(Math.max(0, col - 100), col);
  const m = /([A-Za-z_$][\w$]*)\s*(?:[=:]\s*(?:async\s*)?)?$/.exec(before);
  if (!m || /^(function|async|get|set|static|return|new|typeof)$/.test(m[1])) return undefined;
  const nameCol = col - (before.length - m.index);
  return map?.nameAt(line, nameCol) ?? m[1];
}

const maps = new Map();
function mapFor(file) {
  if (!maps.has(file)) {
    const mapFile = `${file}.map`;
    maps.set(file, existsSync(mapFile) ? new SourceMap(mapFile) : null);
  }
  return maps.get(file);
}

/** A profile call frame → { name, where } in the original sources where the maps allow. */
function originalFrame(frame) {
  const native = frame.url === '' || !/^https?:/.test(frame.url);
  if (native) return { name: frame.functionName || '(anonymous)', where: frame.url ? frame.url : '(native)' };
  const path = decodeURIComponent(new URL(frame.url).pathname);
  let file = resolve(root, `.${path}`);
  let line = frame.lineNumber;
  let col = frame.columnNumber;
  // Minified code (cdn/): the name comes from the source map; elsewhere V8's name is the real one.
  const name = /\/cdn\//.test(path) ? nameBefore(file, line, col, mapFor(file)) : frame.functionName || undefined;
  // cdn/*.js → dist/*.js → src/*.ts
  for (let hop = 0; hop < 3; hop++) {
    const map = mapFor(file);
    if (!map) break;
    const pos = map.lookup(line, col);
    if (!pos) break;
    ({ file, line, col } = pos);
  }
  const rel = relative(root, file);
  return { name: name ?? '(anonymous)', minified: frame.functionName, where: `${rel}:${line + 1}` };
}

/** Self and total time per function of a profile (idle excluded), largest self time first. */
export function summariseProfile(profile, { top = 20 } = {}) {
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = new Map();
  const info = new Map();
  for (const n of profile.nodes) {
    const f = originalFrame(n.callFrame);
    const key = `${f.name} ${f.where}`;
    keyOf.set(n.id, key);
    if (!info.has(key)) info.set(key, { ...f, self: 0, total: 0 });
  }
  const self = new Map();
  const total = new Map();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let spanUs = 0;
  let idleUs = 0;
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i] is the time before sample i; the time a sample stands for is the next delta.
    const us = deltas[i + 1] ?? deltas[i] ?? 0;
    spanUs += us;
    const id = samples[i];
    const key = keyOf.get(id);
    if (key.startsWith('(idle)') || key.startsWith('(root)')) {
      idleUs += us;
      continue;
    }
    self.set(key, (self.get(key) ?? 0) + us);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const k = keyOf.get(at);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + us);
    }
  }
  const busyUs = spanUs - idleUs;
  const rows = [...info.entries()]
    .map(([key, f]) => ({ ...f, selfMs: (self.get(key) ?? 0) / 1000, totalMs: (total.get(key) ?? 0) / 1000 }))
    .filter((r) => r.selfMs > 0)
    .sort((a, b) => b.selfMs - a.selfMs);
  // Self time by source area (src/search, lit-html, garbage collector, ...).
  const areas = new Map();
  for (const r of rows) {
    const area = areaOf(r);
    areas.set(area, (areas.get(area) ?? 0) + r.selfMs);
  }
  return {
    spanMs: spanUs / 1000,
    busyMs: busyUs / 1000,
    top: rows.slice(0, top).map((r) => ({
      function: r.name,
      minified: r.minified && r.minified !== r.name ? r.minified : undefined,
      where: r.where,
      selfMs: round1(r.selfMs),
      selfPct: round1((100 * r.selfMs) / (busyUs / 1000 || 1)),
      totalMs: round1(r.totalMs),
    })),
    areas: [...areas.entries()].sort((a, b) => b[1] - a[1]).map(([area, selfMs]) => ({ area, selfMs: round1(selfMs) })),
  };
}

function areaOf(row) {
  if (row.where === '(native)') return row.name.startsWith('(') ? row.name : '(native / builtins)';
  const m = /^(src\/[^/]+(?:\/[^/:]+)?|dist\/[^/]+|node_modules\/(?:@[^/]+\/)?[^/]+)/.exec(row.where);
  if (!m) return row.where.split(':')[0];
  // One row per element folder, per src/ folder otherwise.
  return m[1].startsWith('src/elements/') || m[1].startsWith('node_modules/') ? m[1] : m[1].split('/').slice(0, 2).join('/');
}

const round1 = (x) => Math.round(x * 10) / 10;

/** Plain-text table of a summary. */
export function formatSummary(title, s) {
  const lines = [`${title}: ${s.busyMs.toFixed(0)} ms busy of ${s.spanMs.toFixed(0)} ms profiled`];
  lines.push('  self ms   self %  total ms  function (where)');
  for (const r of s.top) {
    lines.push(
      `  ${r.selfMs.toFixed(1).padStart(7)}  ${r.selfPct.toFixed(1).padStart(6)}  ${r.totalMs.toFixed(1).padStart(8)}  ${r.function}${r.minified ? ` [${r.minified}]` : ''} (${r.where})`,
    );
  }
  lines.push('  by area: ' + s.areas.slice(0, 8).map((a) => `${a.area} ${a.selfMs.toFixed(0)} ms`).join(', '));
  return lines.join('\n');
}

// ---- traces: what "(program)" hides (style, layout, paint: Blink's work on the main thread) ----

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'];

const GLOSS = {
  UpdateLayoutTree: 'style recalculation',
  Layout: 'layout',
  PrePaint: 'pre-paint',
  Paint: 'paint',
  Layerize: 'layerize',
  FunctionCall: 'JavaScript (function call)',
  EventDispatch: 'JavaScript (event listeners)',
  RunMicrotasks: 'JavaScript (microtasks)',
  'v8.run': 'JavaScript (script)',
  EvaluateScript: 'JavaScript (script)',
  'v8.compile': 'compile',
  'V8.GC_SCAVENGER': 'GC',
  MinorGC: 'GC (minor)',
  MajorGC: 'GC (major)',
  ParseHTML: 'HTML parsing',
  HitTest: 'hit testing',
  RunTask: 'task overhead (unattributed)',
  'ThreadControllerImpl::RunTask': 'task overhead (unattributed)',
};

/** Self time per trace event name on the page's renderer main thread, largest first. */
export function summariseTrace(trace, { top = 12 } = {}) {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let best;
  let bestTotal = -1;
  for (const m of mains) {
    const total = events.reduce((sum, e) => sum + (e.pid === m.pid && e.tid === m.tid && e.ph === 'X' ? e.dur ?? 0 : 0), 0);
    if (total > bestTotal) {
      bestTotal = total;
      best = m;
    }
  }
  if (!best) return { busyMs: 0, top: [] };
  // Complete events ('X') and begin/end pairs ('B'/'E') of the main thread as intervals.
  const intervals = [];
  const open = [];
  for (const e of events) {
    if (e.pid !== best.pid || e.tid !== best.tid) continue;
    if (e.ph === 'X' && e.dur !== undefined) intervals.push({ name: e.name, start: e.ts, end: e.ts + e.dur, cpu: e.tdur });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.pop();
      if (b) intervals.push({ name: b.name, start: b.ts, end: e.ts });
    }
  }
  intervals.sort((a, b) => a.start - b.start || b.end - a.end);
  const self = new Map();
  const stack = [];
  let busy = 0;
  let cpu = 0;
  let cpuKnown = 0;
  for (const iv of intervals) {
    while (stack.length && stack.at(-1).end <= iv.start) stack.pop();
    const parent = stack.at(-1);
    if (parent) {
      const overlap = Math.min(iv.end, parent.end) - iv.start;
      self.set(parent.name, (self.get(parent.name) ?? 0) - overlap);
    } else {
      busy += iv.end - iv.start;
      if (iv.cpu !== undefined) {
        cpu += iv.cpu;
        cpuKnown += iv.end - iv.start;
      }
    }
    self.set(iv.name, (self.get(iv.name) ?? 0) + (iv.end - iv.start));
    stack.push(iv);
  }
  const rows = [...self.entries()]
    .filter(([, us]) => us > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => ({ event: name, what: GLOSS[name], selfMs: round1(us / 1000), selfPct: round1((100 * us) / (busy || 1)) }));
  // Thread time against wall time of the tasks: below 100 % the OS ran other work (a shared machine).
  return { busyMs: round1(busy / 1000), onCpuPct: cpuKnown ? round1((100 * cpu) / cpuKnown) : undefined, top: rows };
}

export function formatTrace(title, s) {
  const onCpu = s.onCpuPct === undefined ? '' : `, on the CPU ${s.onCpuPct.toFixed(0)} % of that time`;
  const lines = [`${title} (trace, renderer main thread): ${s.busyMs.toFixed(0)} ms in tasks${onCpu}`];
  for (const r of s.top) lines.push(`  ${r.selfMs.toFixed(1).padStart(7)} ms ${r.selfPct.toFixed(1).padStart(5)} %  ${r.event}${r.what ? ` (${r.what})` : ''}`);
  return lines.join('\n');
}
