// Dev-server middleware for browser tests: serve feeds with chosen statuses,
// delays and headers, so loader and element tests exercise real HTTP.
// Routes live under /__test/. See test/server/README.md.
// The reference contact endpoint answers at /api/contact with its test knobs on
// (?fail=500|429|slow|reset|fields&failFirst=N&slowMs=N); /__test/contact/messages lists what it stored.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { readFile } from 'node:fs/promises';
import { createContactEndpoint } from '../../server/contact-endpoint.mjs';

/** @returns {import('@web/dev-server-core').Plugin[]} */
export function testServerPlugins() {
  return [
    {
      name: 'shg-test-routes',
      async serve(context) {
        const url = new URL(context.request.url, 'http://localhost');
        if (!url.pathname.startsWith('/__test/')) return undefined;
        const route = routes[url.pathname.slice('/__test/'.length)];
        if (!route) return undefined;
        return route(url, context);
      },
    },
    contactEndpointPlugin(),
  ];
}

/** /api/contact → the reference endpoint (real HTTP, real file); /__test/contact/messages?contains=… → what it stored. */
function contactEndpointPlugin() {
  const dir = mkdtempSync(join(tmpdir(), 'shg-contact-test-'));
  const file = join(dir, 'messages.jsonl');
  const endpoint = createContactEndpoint({ file, testHooks: true, slowMs: 2000 });
  return {
    name: 'shg-contact-endpoint',
    // The test messages are invented, but nothing should outlive the run.
    serverStop() {
      rmSync(dir, { recursive: true, force: true });
    },
    async serve(context) {
      const url = new URL(context.request.url, 'http://localhost');
      if (url.pathname === '/__test/contact/messages') {
        const contains = url.searchParams.get('contains') ?? '';
        const found = endpoint.messages().filter((m) => String(m.message).includes(contains));
        return { body: JSON.stringify(found), type: 'application/json', headers: { 'cache-control': 'no-store' } };
      }
      if (url.pathname !== '/api/contact') return undefined;
      // The endpoint writes the raw response itself; koa must not answer a second time.
      context.respond = false;
      await new Promise((done) => {
        context.res.once('finish', done);
        context.res.once('close', done);
        endpoint.handle(context.req, context.res);
      });
      return { body: ' ', type: 'application/json' };
    },
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The dev server answers every plugin-served body with status 200, whatever the route set;
// a route that needs another status writes the response itself.
function withStatus(context, status, body, type) {
  if (status === 200) return { body, type };
  context.respond = false;
  context.res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  context.res.end(body);
  return { body: ' ', type };
}

/** Each route returns { body, type, status?, headers? } or sets context directly. */
const routes = {
  // /__test/respond?status=500&type=text/html&body=...&delay=100
  async respond(url, context) {
    const delay = Number(url.searchParams.get('delay') ?? 0);
    if (delay) await sleep(delay);
    const status = Number(url.searchParams.get('status') ?? 200);
    return withStatus(context, status, url.searchParams.get('body') ?? '', url.searchParams.get('type') ?? 'application/json');
  },
  // /__test/hang: never answers within any sane timeout (ends after 60 s so the server can close).
  async hang() {
    await sleep(60000);
    return { body: '{}', type: 'application/json' };
  },
  // /__test/count?key=k&file=/test/fixtures/x.json: serves a file and counts hits per key.
  async count(url, context) {
    const key = url.searchParams.get('key') ?? 'default';
    counters.set(key, (counters.get(key) ?? 0) + 1);
    context.status = 200;
    return { body: JSON.stringify(counters.get(key)), type: 'application/json' };
  },
  async 'count-read'(url) {
    return { body: JSON.stringify(counters.get(url.searchParams.get('key') ?? 'default') ?? 0), type: 'application/json' };
  },
  // /__test/feed-counted?key=k&file=test/fixtures/mini-feed.json&delay=50: serves a feed file from
  // test/fixtures/ or demo/ and counts hits per key (read them with count-read), to prove requests are shared.
  async 'feed-counted'(url, context) {
    const key = url.searchParams.get('key') ?? 'default';
    counters.set(key, (counters.get(key) ?? 0) + 1);
    const delay = Number(url.searchParams.get('delay') ?? 0);
    if (delay) await sleep(delay);
    const file = resolve(url.searchParams.get('file') ?? 'test/fixtures/mini-feed.json');
    const allowed = [resolve('test/fixtures'), resolve('demo')].some((dir) => file.startsWith(dir + sep));
    if (!allowed || !file.endsWith('.json')) {
      context.status = 400;
      return { body: 'file must be a .json file under test/fixtures/ or demo/', type: 'text/plain' };
    }
    context.status = 200;
    return { body: await readFile(file, 'utf8'), type: 'application/json', headers: { 'cache-control': 'no-store' } };
  },
  // /__test/feed-flaky?key=k&failFirst=1: answers HTTP 500 to the first N hits per key, then serves
  // test/fixtures/mini-feed.json; hits are counted like feed-counted (read them with count-read).
  async 'feed-flaky'(url, context) {
    const key = url.searchParams.get('key') ?? 'default';
    const hits = (counters.get(key) ?? 0) + 1;
    counters.set(key, hits);
    if (hits <= Number(url.searchParams.get('failFirst') ?? 1)) {
      return withStatus(context, 500, 'flaky on purpose', 'text/plain');
    }
    context.status = 200;
    return { body: await readFile(resolve('test/fixtures/mini-feed.json'), 'utf8'), type: 'application/json', headers: { 'cache-control': 'no-store' } };
  },
};

const counters = new Map();
