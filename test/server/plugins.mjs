// Dev-server middleware for browser tests: serve feeds with chosen statuses,
// delays and headers, so loader and element tests exercise real HTTP.
// Routes live under /__test/. See test/server/README.md.

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
  ];
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Each route returns { body, type, status?, headers? } or sets context directly. */
const routes = {
  // /__test/respond?status=500&type=text/html&body=...&delay=100
  async respond(url, context) {
    const delay = Number(url.searchParams.get('delay') ?? 0);
    if (delay) await sleep(delay);
    context.status = Number(url.searchParams.get('status') ?? 200);
    return { body: url.searchParams.get('body') ?? '', type: url.searchParams.get('type') ?? 'application/json' };
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
};

const counters = new Map();
