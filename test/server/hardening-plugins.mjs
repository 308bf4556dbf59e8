// Dev-server routes for the hardening tests (test/hardening/): hostile feeds, broken networks,
// a second origin, and pages served under a strict Content-Security-Policy.
//   /__test/hostile/<case>            a corpus case from test/fixtures/hostile/ (<case>.json as is,
//                                     or the text a <case>.mjs generator builds)
//   /__test/hardening/redirect-loop   redirects to itself until the browser gives up
//   /__test/hardening/trickle         200 and half a feed, then nothing more (never ends)
//   /__test/hardening/reset           drops the connection without an answer
//   /__test/hardening/switch?key=k    the mini feed, or a failure set by switch-set?key=k&mode=ok|500|reset|hang
//   /__test/hardening/other-origin    { origin } of a second server on another port (no CORS
//                                     headers unless ?cors=1); /__test/hardening/other-origin-log lists its hits
//   /__test/csp/page?...              an HTML page with the strict CSP header (see cspPage)
//   /__test/faults/contact?run=r&seed=n   the reference contact endpoint failing at random (500, 429,
//                                     slow, too slow, stored-then-reset, reset before storing);
//                                     /__test/faults/messages?run=r and /__test/faults/log?run=r read back
//                                     (SHG_FAULTS_SEED=n in the environment repeats a run)
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createContactEndpoint } from '../../server/contact-endpoint.mjs';

const ROOT = resolve('.');
const HOSTILE = join(ROOT, 'test/fixtures/hostile');
const MINI_FEED = join(ROOT, 'test/fixtures/mini-feed.json');
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** @returns {import('@web/dev-server-core').Plugin[]} */
export function hardeningPlugins() {
  const other = otherOrigin();
  const modes = new Map();
  const open = new Set();

  /** Writes the raw answer (the dev server would turn every plugin answer into a 200). */
  function raw(context, status, headers, body) {
    context.respond = false;
    context.res.writeHead(status, { 'cache-control': 'no-store', ...headers });
    context.res.end(body);
    return { body: ' ', type: 'text/plain' };
  }

  function drop(context) {
    context.respond = false;
    context.req.socket.destroy();
    return { body: ' ', type: 'text/plain' };
  }

  const routes = {
    async 'hardening/redirect-loop'(url, context) {
      const n = Number(url.searchParams.get('n') ?? 0) + 1;
      return raw(context, 302, { location: `/__test/hardening/redirect-loop?n=${n}` }, '');
    },
    async 'hardening/trickle'(_url, context) {
      context.respond = false;
      const res = context.res;
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.write('{"version": 1, "groups": [');
      open.add(res);
      const timer = setInterval(() => res.write(' '), 500);
      const end = () => {
        clearInterval(timer);
        open.delete(res);
        if (!res.writableEnded) res.destroy();
      };
      res.once('close', end);
      setTimeout(end, 30000);
      return { body: ' ', type: 'application/json' };
    },
    async 'hardening/reset'(_url, context) {
      return drop(context);
    },
    async 'hardening/switch-set'(url) {
      modes.set(url.searchParams.get('key') ?? '', url.searchParams.get('mode') ?? 'ok');
      return { body: '"ok"', type: 'application/json', headers: { 'cache-control': 'no-store' } };
    },
    async 'hardening/switch'(url, context) {
      const mode = modes.get(url.searchParams.get('key') ?? '') ?? 'ok';
      if (mode === 'reset') return drop(context);
      if (mode === '500') return raw(context, 500, { 'content-type': 'text/plain' }, 'down for maintenance');
      if (mode === '404') return raw(context, 404, { 'content-type': 'text/plain' }, 'gone');
      if (mode === 'hang') await sleep(20000);
      return { body: readFileSync(MINI_FEED, 'utf8'), type: 'application/json', headers: { 'cache-control': 'no-store' } };
    },
    async 'hardening/other-origin'() {
      return { body: JSON.stringify({ origin: await other.origin }), type: 'application/json', headers: { 'cache-control': 'no-store' } };
    },
    async 'hardening/other-origin-log'() {
      return { body: JSON.stringify(other.log), type: 'application/json', headers: { 'cache-control': 'no-store' } };
    },
    async 'csp/page'(url, context) {
      return raw(context, 200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': cspFor(url) }, cspPage(url));
    },
  };

  return [
    faultyContactEndpoint(),
    {
      name: 'shg-hardening-routes',
      serverStart() {
        other.start();
      },
      async serverStop() {
        for (const res of open) res.destroy();
        await other.stop();
      },
      async serve(context) {
        const url = new URL(context.request.url, 'http://localhost');
        if (!url.pathname.startsWith('/__test/')) return undefined;
        const name = url.pathname.slice('/__test/'.length);
        if (name.startsWith('hostile/')) return hostileCase(name.slice('hostile/'.length), url, context, raw);
        const route = routes[name];
        return route ? route(url, context) : undefined;
      },
    },
  ];
}

/** A corpus case: its JSON file as is, or what its generator module builds. */
async function hostileCase(name, url, context, raw) {
  if (!/^[a-z0-9-]+$/.test(name)) return raw(context, 400, { 'content-type': 'text/plain' }, 'bad case name');
  const json = join(HOSTILE, `${name}.json`);
  const generator = join(HOSTILE, `${name}.mjs`);
  let body;
  let type = 'application/json';
  if (existsSync(json)) body = readFileSync(json, 'utf8');
  else if (existsSync(generator)) {
    const made = await (await import(pathToFileURL(generator).href)).default();
    if (typeof made === 'string') body = made;
    else if (made && typeof made === 'object' && 'text' in made) {
      body = made.text;
      type = made.type ?? type;
    } else body = JSON.stringify(made);
  } else return raw(context, 404, { 'content-type': 'text/plain' }, `no corpus case "${name}"`);
  return raw(context, 200, { 'content-type': type }, body);
}

/** A second origin (another port): the same mini feed, with CORS headers only when asked. */
function otherOrigin() {
  const log = [];
  let server;
  let resolveOrigin;
  const origin = new Promise((r) => (resolveOrigin = r));
  return {
    origin,
    log,
    start() {
      server = createServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        log.push({ path: url.pathname + url.search, origin: req.headers.origin ?? null });
        const cors = url.searchParams.get('cors') === '1' ? { 'access-control-allow-origin': '*' } : {};
        if (url.pathname !== '/feed.json') {
          res.writeHead(404, { 'content-type': 'text/plain', ...cors });
          return res.end('not found');
        }
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', ...cors });
        res.end(readFileSync(MINI_FEED, 'utf8'));
      });
      server.listen(0, '127.0.0.1', () => resolveOrigin(`http://127.0.0.1:${server.address().port}`));
    },
    stop() {
      return new Promise((r) => (server ? server.close(() => r()) : r()));
    },
  };
}

/** The policy of a test page: the strict one, plus the feed's origin in connect-src when the feed lives elsewhere. */
function cspFor(url) {
  const feedOrigin = url.searchParams.get('feedOrigin');
  return feedOrigin && /^http:\/\/127\.0\.0\.1:\d+$/.test(feedOrigin) ? `${STRICT_CSP}; connect-src 'self' ${feedOrigin}` : STRICT_CSP;
}

const escapeAttr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * /__test/csp/page?build=esm|umd|element|dev&copies=1|2&lang=en&css=hostile&feed=/test/fixtures/mini-feed.json&selfCheck=1
 * No inline script or style: the probe (test/hardening/csp-probe.js) reports to the parent.
 */
function cspPage(url) {
  const build = url.searchParams.get('build') ?? 'esm';
  const copies = Math.min(2, Math.max(1, Number(url.searchParams.get('copies') ?? 1)));
  const lang = (url.searchParams.get('lang') ?? 'en').replace(/[^a-zA-Z-]/g, '');
  const feed = url.searchParams.get('feed') ?? '/test/fixtures/mini-feed.json';
  const css = url.searchParams.get('css') === 'hostile' ? '<link rel="stylesheet" href="/test/hardening/hostile-host.css">' : '';
  // ?selfCheck=1 breaks the policy on purpose, so a test can prove violations are seen.
  const breakPolicy = url.searchParams.get('selfCheck') === '1' ? '<p style="color: red">inline style</p><script>window.inlineRan = true;</script>' : '';
  const scripts = [];
  for (let i = 0; i < copies; i++) {
    if (build === 'umd') scripts.push(`<script src="/cdn/selbsthilfe-widgets.umd.js${i ? `?copy=${i + 1}` : ''}"></script>`);
    else if (build === 'element') scripts.push(`<script type="module" src="/cdn/elements/group-finder.js${i ? `?copy=${i + 1}` : ''}"></script>`);
    else if (build === 'dev') scripts.push(`<script type="module" src="/src/define.ts${i ? `?copy=${i + 1}` : ''}"></script>`);
    else scripts.push(`<script type="module" src="/cdn/selbsthilfe-widgets.js${i ? `?copy=${i + 1}` : ''}"></script>`);
  }
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>selbsthilfe-widgets under a strict CSP</title>
${css}
<script src="/test/hardening/csp-probe.js"></script>
${scripts.join('\n')}
</head>
<body>
<form id="host-form" action="/__test/csp/submitted" method="get">
<shg-group-finder src="${escapeAttr(feed)}" office-phone="+49 30 23125 100"></shg-group-finder>
</form>
${breakPolicy}
</body>
</html>`;
}

/** Attempt outcomes of the faulty endpoint, with their weights. */
export const FAULTS = { ok: 4, 500: 1, 429: 1, slow: 1, 'too-slow': 1, reset: 1, drop: 1 };

/** A small seeded generator (mulberry32), so a failing run can be repeated with its seed. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The reference endpoint (real HTTP, real file) behind a wrapper that picks a fault per POST:
 * `slow` answers after 150 ms, `too-slow` after 1500 ms (past the form's timeout, and stored
 * then), `reset` stores and drops the connection (the answer is lost), `drop` drops it before
 * anything is read. The endpoint's own test hooks do the rest.
 */
function faultyContactEndpoint() {
  const dir = mkdtempSync(join(tmpdir(), 'shg-faults-'));
  const file = join(dir, 'messages.jsonl');
  const endpoint = createContactEndpoint({ file, testHooks: true, slowMs: 150 });
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const runs = new Map();
  const entries = Object.entries(FAULTS);
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  const json = (body) => ({ body: JSON.stringify(body), type: 'application/json', headers: { 'cache-control': 'no-store' } });
  return {
    name: 'shg-faulty-contact-endpoint',
    async serve(context) {
      const url = new URL(context.request.url, 'http://localhost');
      const run = url.searchParams.get('run') ?? '';
      if (url.pathname === '/__test/faults/messages') return json(endpoint.messages().filter((m) => String(m.message).includes(run)));
      if (url.pathname === '/__test/faults/log') return json({ seed: runs.get(run)?.seed, log: runs.get(run)?.log ?? [] });
      if (url.pathname !== '/__test/faults/contact') return undefined;
      let state = runs.get(run);
      if (!state) {
        // SHG_FAULTS_SEED repeats a failed run exactly.
        const seed = Number(process.env.SHG_FAULTS_SEED) || Number(url.searchParams.get('seed')) || 1;
        runs.set(run, (state = { seed, next: random(seed), log: [] }));
      }
      const req = context.req;
      if (req.method === 'POST') {
        let r = state.next() * total;
        const [fault] = entries.find(([, w]) => (r -= w) < 0) ?? entries[0];
        state.log.push(fault);
        if (fault === 'drop') {
          context.respond = false;
          req.socket.destroy();
          return { body: ' ', type: 'text/plain' };
        }
        if (fault !== 'ok') req.headers['x-test-fail'] = fault === 'too-slow' ? 'slow' : fault;
        if (fault === 'too-slow') req.url += `${req.url.includes('?') ? '&' : '?'}slowMs=1500`;
      }
      context.respond = false;
      await new Promise((resolveDone) => {
        context.res.once('finish', resolveDone);
        context.res.once('close', resolveDone);
        endpoint.handle(req, context.res);
      });
      return { body: ' ', type: 'application/json' };
    },
  };
}
