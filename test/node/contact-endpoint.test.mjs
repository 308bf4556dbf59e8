// The reference contact endpoint on its own, over real HTTP: validation, idempotency, failure modes.
import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createContactEndpoint } from '../../server/contact-endpoint.mjs';

const dir = mkdtempSync(join(tmpdir(), 'shg-contact-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Starts a server around a fresh endpoint; returns { url, endpoint, file, close }. */
async function start(options = {}) {
  const file = join(dir, randomUUID(), 'nested', 'messages.jsonl');
  const endpoint = createContactEndpoint({ file, slowMs: 200, ...options, ...(options.file ? { file: options.file } : {}) });
  const server = createServer((req, res) => endpoint.handle(req, res));
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}/api/contact`;
  return { url, endpoint, file: options.file ?? file, close: () => new Promise((r) => server.close(r)) };
}

function payload(overrides = {}) {
  return {
    name: 'Mara',
    email: 'mara@example.org',
    phone: '',
    language: 'de',
    group: { id: 'diabetes', name: 'Diabetes Typ 2' },
    forWhom: 'myself',
    message: 'Ich möchte gern einmal vorbeikommen.',
    locale: 'en',
    pageUrl: 'https://example.org/kontakt',
    consent: { text: 'I agree that KISS may read my message.', givenAt: new Date().toISOString(), privacyUrl: 'https://example.org/privacy' },
    website: '',
    ...overrides,
  };
}

function post(url, body, { key = body?.idempotencyKey ?? randomUUID(), headers = {}, raw } = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key, ...headers },
    body: raw ?? JSON.stringify({ ...body, idempotencyKey: key }),
  });
}

describe('the reference contact endpoint', () => {
  let s;
  before(async () => (s = await start()));
  after(() => s.close());
  beforeEach(() => s.endpoint.reset());

  it('stores a valid message, answers 201 with id and receivedAt, and appends one JSON line to the file', async () => {
    const res = await post(s.url, payload());
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const body = await res.json();
    assert.match(body.id, /^[0-9a-f-]{36}$/);
    assert.ok(!Number.isNaN(Date.parse(body.receivedAt)));
    const lines = readFileSync(s.file, 'utf8').trim().split('\n');
    assert.equal(JSON.parse(lines.at(-1)).id, body.id);
    assert.equal(s.endpoint.messages().at(-1).message, 'Ich möchte gern einmal vorbeikommen.');
  });

  it('answers a repeated key with the same message and 200, and never stores it twice', async () => {
    const key = randomUUID();
    const first = await (await post(s.url, payload(), { key })).json();
    const again = await post(s.url, payload({ consent: { text: 'I agree that KISS may read my message.', givenAt: '2030-01-01T00:00:00Z' } }), { key });
    assert.equal(again.status, 200);
    assert.deepEqual(await again.json(), first);
    assert.equal(s.endpoint.messages().filter((m) => m.idempotencyKey === key).length, 1);
  });

  it('refuses a reused key with a different message with 422 and keeps the first', async () => {
    const key = randomUUID();
    await post(s.url, payload(), { key });
    const res = await post(s.url, payload({ message: 'Something else entirely' }), { key });
    assert.equal(res.status, 422);
    assert.equal((await res.json()).error, 'idempotency-key-reused');
    assert.equal(s.endpoint.messages().length, 1);
  });

  it('answers field errors with 422 { errors: { field: message } } and stores nothing', async () => {
    const cases = [
      [{ consent: undefined }, 'consent'],
      [{ consent: { text: '', givenAt: new Date().toISOString() } }, 'consent'],
      [{ email: '', phone: '' }, 'email'],
      [{ email: 'not-an-address' }, 'email'],
      [{ email: '', phone: 'call me maybe' }, 'phone'],
      [{ message: 'x'.repeat(5001) }, 'message'],
      [{ name: 'x'.repeat(101) }, 'name'],
      [{ forWhom: 'neighbour' }, 'forWhom'],
      [{ group: { id: '' } }, 'group'],
    ];
    for (const [overrides, field] of cases) {
      const res = await post(s.url, payload(overrides));
      assert.equal(res.status, 422, JSON.stringify(overrides).slice(0, 80));
      const { errors } = await res.json();
      assert.equal(typeof errors[field], 'string', `${field} in ${JSON.stringify(errors)}`);
    }
    assert.equal(s.endpoint.messages().length, 0);
  });

  it('accepts a phone number alone, and no group ("not sure yet")', async () => {
    const res = await post(s.url, payload({ email: '', phone: '+49 30 123 45-6', group: null }));
    assert.equal(res.status, 201);
  });

  it('words field errors in German when the form says its locale is German', async () => {
    const res = await post(s.url, payload({ locale: 'de', email: '', phone: '' }));
    assert.match((await res.json()).errors.email, /E-Mail-Adresse oder eine Telefonnummer/);
  });

  it('words field errors in each language of the widget, English for others', async () => {
    const wording = async (locale) => (await (await post(s.url, payload({ locale, email: '', phone: '' }))).json()).errors.email;
    assert.match(await wording('fa'), /ایمیل/);
    assert.match(await wording('ar-EG'), /بريد إلكتروني/);
    assert.match(await wording('tr'), /e-posta/);
    assert.match(await wording('uk'), /електронної пошти/);
    assert.match(await wording('nl'), /email address or a phone number/);
  });

  it('refuses requests it cannot read: no key, wrong type, broken JSON, too large, wrong method', async () => {
    const noKey = await fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload()) });
    assert.equal(noKey.status, 400);
    assert.equal((await post(s.url, payload(), { headers: { 'content-type': 'text/plain' } })).status, 415);
    assert.equal((await post(s.url, null, { raw: '{"name":' })).status, 400);
    assert.equal((await post(s.url, null, { raw: JSON.stringify(payload({ message: 'x'.repeat(70000) })) })).status, 413);
    assert.equal((await fetch(s.url)).status, 405);
    const mismatch = await post(s.url, null, { key: 'bbbbbbbb-header', raw: JSON.stringify({ ...payload(), idempotencyKey: 'aaaaaaaa-other' }) });
    assert.equal(mismatch.status, 400);
    assert.equal(s.endpoint.messages().length, 0);
  });

  it('flags a filled honeypot instead of dropping the message', async () => {
    const res = await post(s.url, payload({ website: 'https://spam.example' }));
    assert.equal(res.status, 201);
    assert.equal(s.endpoint.messages()[0].spamSuspected, true);
  });

  it('answers other origins with 403 and no wildcard CORS, and the same origin without CORS headers', async () => {
    const foreign = await post(s.url, payload(), { headers: { origin: 'https://evil.example' } });
    assert.equal(foreign.status, 403);
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
    const host = new URL(s.url).host;
    const same = await post(s.url, payload(), { headers: { origin: `http://${host}` } });
    assert.equal(same.status, 201);
    assert.equal(same.headers.get('access-control-allow-origin'), null);
  });

  it('fails as told: 500 and 429 store nothing, 429 says when to retry, null recovers', async () => {
    s.endpoint.setFailure('500');
    assert.equal((await post(s.url, payload())).status, 500);
    s.endpoint.setFailure('429');
    const busy = await post(s.url, payload());
    assert.equal(busy.status, 429);
    assert.equal(busy.headers.get('retry-after'), '30');
    assert.equal(s.endpoint.messages().length, 0);
    s.endpoint.setFailure(null);
    assert.equal((await post(s.url, payload())).status, 201);
  });

  it('"reset" stores the message and drops the answer; the retry with the same key gets it once', async () => {
    const key = randomUUID();
    s.endpoint.setFailure('reset');
    await assert.rejects(post(s.url, payload(), { key }));
    s.endpoint.setFailure(null);
    const retry = await post(s.url, payload(), { key });
    assert.equal(retry.status, 200);
    assert.equal(s.endpoint.messages().length, 1);
  });

  it('"slow" answers late but normally', async () => {
    s.endpoint.setFailure('slow');
    const t0 = Date.now();
    const res = await post(s.url, payload());
    assert.equal(res.status, 201);
    assert.ok(Date.now() - t0 >= 190);
  });

  it('refuses an unknown failure mode', () => {
    assert.throws(() => s.endpoint.setFailure('teapot'), /Unknown failure mode/);
  });

  it('ignores the test knobs unless created with testHooks', async () => {
    const res = await post(`${s.url}?fail=500`, payload(), { headers: { 'x-test-fail': '500' } });
    assert.equal(res.status, 201);
  });
});

describe('the reference contact endpoint with test hooks', () => {
  let s;
  before(async () => (s = await start({ testHooks: true })));
  after(() => s.close());

  it('fails only the first attempts of each message with ?fail=500&failFirst=1', async () => {
    const key = randomUUID();
    assert.equal((await post(`${s.url}?fail=500&failFirst=1`, payload(), { key })).status, 500);
    assert.equal((await post(`${s.url}?fail=500&failFirst=1`, payload(), { key })).status, 201);
    assert.equal(s.endpoint.messages().filter((m) => m.idempotencyKey === key).length, 1);
  });

  it('answers ?fail=fields with a field error for email, as a stricter receiver would', async () => {
    const res = await post(`${s.url}?fail=fields`, payload());
    assert.equal(res.status, 422);
    assert.equal(typeof (await res.json()).errors.email, 'string');
  });

  it('honours the X-Test-Fail header', async () => {
    assert.equal((await post(s.url, payload(), { headers: { 'x-test-fail': '429' } })).status, 429);
  });
});

describe('the reference contact endpoint with allowed origins', () => {
  it('answers a listed origin (and its preflight) with exactly that origin, never a wildcard', async () => {
    const s = await start({ allowedOrigins: ['https://portal.example'] });
    try {
      const preflight = await fetch(s.url, { method: 'OPTIONS', headers: { origin: 'https://portal.example', 'access-control-request-method': 'POST' } });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://portal.example');
      assert.match(preflight.headers.get('access-control-allow-headers'), /idempotency-key/);
      const res = await post(s.url, payload(), { headers: { origin: 'https://portal.example' } });
      assert.equal(res.status, 201);
      assert.equal(res.headers.get('access-control-allow-origin'), 'https://portal.example');
      assert.equal(res.headers.get('vary'), 'Origin');
    } finally {
      await s.close();
    }
  });
});

describe('the reference contact endpoint across restarts', () => {
  it('creates the folder, and remembers keys stored in the file', async () => {
    const file = join(dir, 'restart', 'deep', 'messages.jsonl');
    const key = randomUUID();
    const a = await start({ file });
    assert.equal((await post(a.url, payload(), { key })).status, 201);
    await a.close();
    assert.ok(existsSync(file));
    const b = await start({ file });
    assert.equal((await post(b.url, payload(), { key })).status, 200);
    assert.equal(b.endpoint.messages().length, 1);
    await b.close();
  });
});

describe('docs/contact-endpoint.md', () => {
  const docs = readFileSync(new URL('../../docs/contact-endpoint.md', import.meta.url), 'utf8');
  const [example, schema] = [...docs.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]));
  const ajv = new Ajv2020({ strict: false });
  addFormats(ajv);
  const valid = ajv.compile(schema);

  it('documents a JSON Schema that accepts its own example and the payloads the endpoint accepts', () => {
    assert.ok(valid(example), JSON.stringify(valid.errors));
    assert.ok(valid({ ...payload({ email: '', phone: '+49 30 123456', group: null, forWhom: null }), idempotencyKey: randomUUID() }), JSON.stringify(valid.errors));
  });

  it('documents a JSON Schema that refuses what the endpoint refuses', () => {
    const key = randomUUID();
    assert.equal(valid({ ...payload({ email: '', phone: '' }), idempotencyKey: key }), false);
    assert.equal(valid({ ...payload({ consent: undefined }), idempotencyKey: key }), false);
    assert.equal(valid({ ...payload({ forWhom: 'neighbour' }), idempotencyKey: key }), false);
    assert.equal(valid({ ...payload({ message: 'x'.repeat(5001) }), idempotencyKey: key }), false);
  });
});
