import { expect } from '@open-wc/testing';
import { clearDirectoryCache, loadDirectory, parseFeedJson } from '../../src/feed/load.js';
import { FeedError, type FeedErrorCode } from '../../src/feed/errors.js';
import { generateFeed } from '../../src/feed/generate.js';
import type { Directory } from '../../src/feed/types.js';

const MINI = '/test/fixtures/mini-feed.json';

/** A URL of the test server's respond route. */
function respond(params: Record<string, string>): string {
  return `/__test/respond?${new URLSearchParams(params)}`;
}

function uniqueKey(): string {
  return `load-${Math.random().toString(36).slice(2)}`;
}

async function hits(key: string): Promise<number> {
  return (await fetch(`/__test/count-read?key=${key}`)).json() as Promise<number>;
}

async function failure(promise: Promise<unknown>): Promise<FeedError> {
  try {
    await promise;
  } catch (e) {
    expect(e).to.be.instanceOf(FeedError);
    return e as FeedError;
  }
  throw new Error('expected the load to fail');
}

async function expectCode(promise: Promise<unknown>, code: FeedErrorCode): Promise<FeedError> {
  const error = await failure(promise);
  expect(error.code, error.message).to.equal(code);
  return error;
}

describe('loadDirectory', () => {
  beforeEach(() => clearDirectoryCache());

  it('loads and normalises a feed from a URL relative to the page', async () => {
    const directory = await loadDirectory(MINI);
    expect(directory.groups.length).to.be.greaterThan(0);
    expect(directory.groupsById.has('trauercafe')).to.equal(true);
  });

  it('resolves relative links in the feed against the feed URL', async () => {
    const feed = { version: 1, office: { name: 'KISS', privacyUrl: 'datenschutz.html' }, groups: [] };
    const url = respond({ body: JSON.stringify(feed) });
    const directory = await loadDirectory(url);
    expect(directory.office?.privacyUrl).to.equal(new URL('/__test/datenschutz.html', location.href).href);
  });

  it('reports HTTP errors with their status and the URL', async () => {
    const notFound = await expectCode(loadDirectory('/test/fixtures/does-not-exist.json'), 'http');
    expect(notFound.status).to.equal(404);
    expect(notFound.message).to.equal(`The feed at ${new URL('/test/fixtures/does-not-exist.json', location.href).href} answered with HTTP 404.`);
    const serverError = await expectCode(loadDirectory(respond({ status: '500', body: 'oops' })), 'http');
    expect(serverError.status).to.equal(500);
  });

  it('recognises an HTML page served with status 200, by its content type or its first character', async () => {
    const byType = await expectCode(loadDirectory(respond({ type: 'text/html', body: '<!doctype html><title>Start</title>' })), 'html');
    expect(byType.message).to.contain('is an HTML page, not JSON: check the URL.');
    await expectCode(loadDirectory(respond({ type: 'text/plain', body: '\n  <html><body>Not found</body></html>' })), 'html');
  });

  it('reports an empty body as "empty"', async () => {
    await expectCode(loadDirectory(respond({ body: '' })), 'empty');
    await expectCode(loadDirectory(respond({ body: ' \n ' })), 'empty');
  });

  it('reads a feed that starts with a byte order mark', async () => {
    const directory = await loadDirectory(respond({ body: '\uFEFF{"version":1,"groups":[]}' }));
    expect(directory.groups).to.deep.equal([]);
  });

  it('reports text that is not JSON with its line and column', async () => {
    const error = await expectCode(loadDirectory(respond({ body: '{\n  "version": 1,\n  "groups": [,]\n}' })), 'not-json');
    expect(error.message).to.contain('is not valid JSON: unexpected "," at line 3, column 14.');
    expect(error.position).to.equal(31);
  });

  it('refuses a future feed version and a feed without groups, naming the URL', async () => {
    const version = await expectCode(loadDirectory(respond({ body: '{"version":2,"groups":[]}' })), 'version');
    expect(version.message).to.equal('Feed version 2 is not supported by this version of selbsthilfe-widgets (supports 1).');
    expect(version.url).to.contain('/__test/respond');
    await expectCode(loadDirectory(respond({ body: '{"version":1}' })), 'no-groups');
  });

  it('gives up after timeoutMs', async () => {
    const started = performance.now();
    const error = await expectCode(loadDirectory('/__test/hang', { timeoutMs: 200 }), 'timeout');
    expect(performance.now() - started).to.be.lessThan(3000);
    expect(error.message).to.contain('did not answer within 200 ms');
  });

  it('reports a request that never reached the server as a network problem', async () => {
    const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const error = await expectCode(loadDirectory('https://feeds.example/feed.json', { fetch: offline }), 'network');
    expect(error.message).to.contain('Access-Control-Allow-Origin');
  });

  it('sends Accept: application/json and the default credentials mode', async () => {
    let seen: RequestInit | undefined;
    const spy: typeof fetch = (_input, init) => {
      seen = init;
      return Promise.resolve(new Response('{"version":1,"groups":[]}', { headers: { 'content-type': 'application/json' } }));
    };
    await loadDirectory('https://feeds.example/feed.json', { fetch: spy });
    expect(new Headers(seen?.headers).get('accept')).to.equal('application/json');
    expect(seen?.credentials).to.equal(undefined);
  });

  it("stops only the aborting caller's wait; the shared request still serves the others", async () => {
    const key = uniqueKey();
    const url = `/__test/feed-counted?key=${key}&delay=300`;
    const controller = new AbortController();
    const aborted = loadDirectory(url, { signal: controller.signal });
    const patient = loadDirectory(url);
    controller.abort();
    await expectCode(aborted, 'aborted');
    expect((await patient).groups.length).to.be.greaterThan(0);
    expect(await hits(key)).to.equal(1);
  });

  it('rejects at once with "aborted" when the signal is already aborted', async () => {
    await expectCode(loadDirectory(MINI, { signal: AbortSignal.abort() }), 'aborted');
  });

  it('makes one request for two callers of the same URL and hands both the same directory', async () => {
    const key = uniqueKey();
    const url = `/__test/feed-counted?key=${key}&delay=100`;
    const [a, b] = await Promise.all([loadDirectory(url), loadDirectory(new URL(url, location.href))]);
    expect(a).to.equal(b);
    const later = await loadDirectory(`${url}#ignored-fragment`);
    expect(later).to.equal(a);
    expect(await hits(key)).to.equal(1);
  });

  it('fetches again with reload: true and shares the new result', async () => {
    const key = uniqueKey();
    const url = `/__test/feed-counted?key=${key}`;
    const first = await loadDirectory(url);
    const reloaded = await loadDirectory(url, { reload: true });
    expect(reloaded).not.to.equal(first);
    expect(await loadDirectory(url)).to.equal(reloaded);
    expect(await hits(key)).to.equal(2);
  });

  it('forgets a failed load, so trying again fetches again', async () => {
    const key = uniqueKey();
    const url = `/__test/feed-flaky?key=${key}&failFirst=1`;
    await expectCode(loadDirectory(url), 'http');
    const directory = await loadDirectory(url);
    expect(directory.groups.length).to.be.greaterThan(0);
    expect(await hits(key)).to.equal(2);
  });

  it('hands the first stage of a large feed to every caller that asks, also to one joining later', async () => {
    const text = JSON.stringify(generateFeed({ groups: 2500, seed: 4 }));
    const served: typeof fetch = () => Promise.resolve(new Response(text, { headers: { 'content-type': 'application/json' } }));
    const url = `https://feeds.example/large-${uniqueKey()}.json`;
    const seen: Directory[] = [];
    let joined: Promise<Directory> | undefined;
    const first = loadDirectory(url, {
      fetch: served,
      onEarly: (early) => {
        seen.push(early);
        expect(early.groups).to.have.length(2500);
        // A caller joining after the first stage hears of it at once.
        joined = loadDirectory(url, { onEarly: (again) => seen.push(again) });
      },
    });
    const directory = await first;
    expect(seen, 'both callers got the first stage').to.have.length(2);
    expect(seen[1]).to.equal(seen[0]);
    expect(directory, 'which became the directory').to.equal(seen[0]);
    expect(await joined).to.equal(directory);
    let late = false;
    await loadDirectory(url, { onEarly: () => (late = true) });
    expect(late, 'nobody hears of a first stage after the directory is read').to.equal(false);
  });

  it('reads the body of a fetch whose response has no web stream (node-fetch gives a Node stream)', async () => {
    const text = '{"version":1,"groups":[{"id":"g","name":"Gruppe","topics":[]}]}';
    const nodeLike = (() =>
      Promise.resolve({ ok: true, status: 200, headers: new Headers({ 'content-type': 'application/json' }), body: { pipe() {} }, text: () => Promise.resolve(text) })) as unknown as typeof fetch;
    const directory = await loadDirectory(`https://feeds.example/node-${uniqueKey()}.json`, { fetch: nodeLike, lastGoodCopy: false });
    expect(directory.groups.map((g) => g.id)).to.deep.equal(['g']);
  });

  it('decodes a streamed body like response.text(): a byte order mark dropped, bad bytes replaced', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"version":1,"groups":[{"id":"g","name":"Gr'), 0xff, ...new TextEncoder().encode('uppe","topics":[]}]}')]);
    const streamed: typeof fetch = () => Promise.resolve(new Response(new Blob([bytes]).stream(), { headers: { 'content-type': 'application/json' } }));
    const directory = await loadDirectory(`https://feeds.example/bom-${uniqueKey()}.json`, { fetch: streamed, lastGoodCopy: false });
    expect(directory.groups[0]!.name).to.deep.equal({ de: 'Gr\uFFFDuppe' });
  });

  it('normalises an inline JSON text and an already parsed feed without a request', async () => {
    const fromJson = await loadDirectory({ json: '{"version":1,"groups":[{"id":"g","name":"G","topics":[]}]}' });
    expect(fromJson.groups.map((g) => g.id)).to.deep.equal(['g']);
    const fromFeed = await loadDirectory({ feed: { version: 1, groups: [] } });
    expect(fromFeed.groups).to.deep.equal([]);
  });

  it('refuses a feed address that is not http or https', async () => {
    await expectCode(loadDirectory('javascript:alert(1)'), 'invalid');
    await expectCode(loadDirectory({ src: '' }), 'invalid');
  });
});

describe('parseFeedJson', () => {
  it('parses inline JSON and strips a byte order mark', () => {
    expect(parseFeedJson('\uFEFF  {"version":1}')).to.deep.equal({ version: 1 });
  });

  it('names the position of a syntax error even where the engine does not', () => {
    const error = (() => {
      try {
        parseFeedJson('{"a": tru}');
      } catch (e) {
        return e as FeedError;
      }
      throw new Error('expected an error');
    })();
    expect(error.code).to.equal('not-json');
    expect(error.message).to.equal('The feed is not valid JSON: unexpected "}" at line 1, column 10.');
  });

  it('refuses empty text and HTML', () => {
    expect(() => parseFeedJson('')).to.throw(FeedError, 'The feed is empty.');
    expect(() => parseFeedJson('<script>')).to.throw(FeedError, 'HTML page');
  });
});
