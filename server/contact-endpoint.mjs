// The reference receiver for <shg-contact-form>: a plain node:http handler, no dependencies.
// It implements docs/contact-endpoint.md for real (validation, idempotency keys, field
// errors, same-origin CORS) and appends accepted messages as JSON lines to a file.
// The demo (`npm start`) and the browser tests post to it; offices may copy it.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createHash, randomUUID } from 'node:crypto';

const MAX_BODY_BYTES = 64 * 1024;
const KEY = /^[A-Za-z0-9_-]{8,200}$/;
// The address part of HTML's e-mail check: one @, a dot in the domain, no spaces.
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/u;
const PHONE = /^\+?[0-9 ()/.\-\u00A0]+$/;
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const FAILURES = new Set(['500', '429', 'slow', 'reset', 'fields']);

export const LIMITS = { name: 100, email: 254, phone: 40, message: 5000, groupId: 200, groupName: 300, consentText: 2000, pageUrl: 2000, website: 500 };

/**
 * @typedef {'500' | '429' | 'slow' | 'reset' | 'fields'} FailureMode
 * `500`: answer 500 without storing. `429`: answer 429 with Retry-After. `slow`: wait
 * `slowMs`, then handle normally. `reset`: store the message, then drop the connection
 * without an answer (the lost response idempotency keys exist for). `fields`: answer 422
 * with a field error for `email`, as a receiver does that checks more than the form can.
 *
 * @param {{ file: string, failures?: FailureMode | null, testHooks?: boolean, slowMs?: number,
 *           allowedOrigins?: string[], log?: (line: string) => void }} options
 *   `testHooks`: honour `?fail=` / `X-Test-Fail` per request (never in production).
 *   `allowedOrigins`: other origins that may post (exact, e.g. "https://www.example.org").
 */
export function createContactEndpoint({ file, failures = null, testHooks = false, slowMs = 3000, allowedOrigins = [], log = () => {} }) {
  /** @type {Array<Record<string, unknown>>} */
  let stored = readStored(file);
  const byKey = new Map(stored.map((m) => [m.idempotencyKey, m]));
  /** Attempts per idempotency key, for `failFirst`. */
  const attempts = new Map();
  let failure = checkMode(failures);

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  async function handle(req, res) {
    try {
      await route(req, res);
    } catch (error) {
      log(`contact endpoint: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent && !res.destroyed) send(res, 500, { error: 'internal' });
    }
  }

  async function route(req, res) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const cors = corsHeaders(req, allowedOrigins);
    if (cors === false) return send(res, 403, { error: 'origin-not-allowed' });
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'content-type, idempotency-key', 'access-control-max-age': '600' });
      return res.end();
    }
    if (req.method !== 'POST') return send(res, 405, { error: 'method-not-allowed' }, { ...cors, allow: 'POST, OPTIONS' });
    if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) return send(res, 415, { error: 'expected application/json' }, cors);

    const raw = await readBody(req, MAX_BODY_BYTES);
    if (raw === undefined) return send(res, 413, { error: 'too-large' }, cors);
    let body;
    try {
      body = JSON.parse(raw);
    } catch {
      return send(res, 400, { error: 'invalid-json' }, cors);
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) return send(res, 400, { error: 'expected an object' }, cors);

    const headerKey = header(req, 'idempotency-key');
    const key = headerKey ?? body.idempotencyKey;
    if (typeof key !== 'string' || !KEY.test(key)) return send(res, 400, { error: 'missing or malformed Idempotency-Key' }, cors);
    if (headerKey && body.idempotencyKey !== undefined && body.idempotencyKey !== headerKey) {
      return send(res, 400, { error: 'Idempotency-Key header and body differ' }, cors);
    }

    const mode = requestFailure(req, url, key);
    if (mode === '500') return send(res, 500, { error: 'unavailable' }, cors);
    if (mode === '429') return send(res, 429, { error: 'too-many-requests' }, { ...cors, 'retry-after': '30' });
    if (mode === 'fields') return send(res, 422, { errors: { email: texts(body.locale).undeliverable } }, cors);
    if (mode === 'slow') await sleep(Number(testHooks && url.searchParams.get('slowMs')) || slowMs);

    const errors = validate(body);
    if (Object.keys(errors).length) return send(res, 422, { errors }, cors);

    const fingerprint = contentFingerprint(body);
    const previous = byKey.get(key);
    if (previous) {
      if (previous.fingerprint !== fingerprint) return send(res, 422, { error: 'idempotency-key-reused', message: 'This Idempotency-Key was used for a different message.' }, cors);
      if (mode === 'reset') return dropConnection(res);
      return send(res, 200, { id: previous.id, receivedAt: previous.receivedAt }, cors);
    }

    const message = toStored(body, key, fingerprint);
    appendFileSync(ensureDir(file), JSON.stringify(message) + '\n', { mode: 0o600 });
    stored.push(message);
    byKey.set(key, message);
    log(`contact endpoint: stored message ${message.id}`);
    if (mode === 'reset') return dropConnection(res);
    return send(res, 201, { id: message.id, receivedAt: message.receivedAt }, cors);
  }

  function requestFailure(req, url, key) {
    const count = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, count);
    if (testHooks) {
      const wanted = url.searchParams.get('fail') ?? header(req, 'x-test-fail');
      if (wanted && FAILURES.has(wanted)) {
        // failFirst=N fails only the first N attempts of each message, so a retry gets through.
        const first = Number(url.searchParams.get('failFirst') ?? header(req, 'x-test-fail-first') ?? Infinity);
        return count <= first ? wanted : null;
      }
    }
    return failure;
  }

  return {
    handle,
    /** Every accepted message, oldest first (copies). */
    messages: () => stored.map((m) => structuredClone(m)),
    /** Forgets every message in memory (the file stays) and any failure mode. */
    reset() {
      stored = [];
      byKey.clear();
      attempts.clear();
      failure = null;
    },
    /** Makes every following request fail this way until set to null. */
    setFailure(mode) {
      failure = checkMode(mode);
    },
  };
}

/** The field errors of a payload, as `{ field: message }` in the visitor's language when known. */
export function validate(body) {
  const t = texts(body.locale);
  const errors = {};
  const text = (field, max, { required = false } = {}) => {
    const value = body[field];
    if (value === undefined || value === null || value === '') {
      if (required) errors[field] = t.required;
      return '';
    }
    if (typeof value !== 'string') errors[field] = t.type;
    else if (value.length > max) errors[field] = t.tooLong(max);
    return typeof value === 'string' ? value.trim() : '';
  };
  text('name', LIMITS.name);
  const email = text('email', LIMITS.email);
  const phone = text('phone', LIMITS.phone);
  text('message', LIMITS.message);
  text('website', LIMITS.website);
  if (email && !errors.email && !EMAIL.test(email)) errors.email = t.email;
  if (phone && !errors.phone && (!PHONE.test(phone) || digits(phone) < 3 || digits(phone) > 20)) errors.phone = t.phone;
  if (!email && !phone && !errors.email && !errors.phone) errors.email = t.reach;
  if (body.language !== undefined && body.language !== null && (typeof body.language !== 'string' || !LANGUAGE.test(body.language))) errors.language = t.type;
  if (body.forWhom !== undefined && body.forWhom !== null && body.forWhom !== 'myself' && body.forWhom !== 'relative') errors.forWhom = t.type;
  const group = body.group;
  if (group !== undefined && group !== null) {
    if (typeof group !== 'object' || typeof group.id !== 'string' || group.id === '' || group.id.length > LIMITS.groupId) errors.group = t.type;
    else if (group.name !== undefined && (typeof group.name !== 'string' || group.name.length > LIMITS.groupName)) errors.group = t.type;
  }
  const consent = body.consent;
  if (!consent || typeof consent !== 'object' || typeof consent.text !== 'string' || consent.text.trim() === '' || consent.text.length > LIMITS.consentText || typeof consent.givenAt !== 'string' || Number.isNaN(Date.parse(consent.givenAt))) {
    errors.consent = t.consent;
  }
  if (body.pageUrl !== undefined && (typeof body.pageUrl !== 'string' || body.pageUrl.length > LIMITS.pageUrl)) errors.pageUrl = t.type;
  return errors;
}

/**
 * What makes two posts "the same message": the visitor's own words and choices. The consent
 * time and the page URL may differ when a visitor reloads the tab and sends the restored draft.
 */
export function contentFingerprint(body) {
  const group = body.group && typeof body.group === 'object' ? body.group.id : null;
  const content = JSON.stringify([body.name ?? '', body.email ?? '', body.phone ?? '', body.language ?? '', group ?? null, body.forWhom ?? null, body.message ?? '']);
  // A hash, so the stored record does not hold the message twice.
  return createHash('sha256').update(content).digest('base64url');
}

function toStored(body, key, fingerprint) {
  const trim = (v) => (typeof v === 'string' ? v.trim() : '');
  return {
    id: randomUUID(),
    receivedAt: new Date().toISOString(),
    idempotencyKey: key,
    fingerprint,
    name: trim(body.name),
    email: trim(body.email),
    phone: trim(body.phone),
    language: body.language ?? null,
    group: body.group ? { id: body.group.id, name: body.group.name ?? null } : null,
    forWhom: body.forWhom ?? null,
    message: typeof body.message === 'string' ? body.message : '',
    locale: typeof body.locale === 'string' ? body.locale.slice(0, 35) : null,
    pageUrl: typeof body.pageUrl === 'string' ? body.pageUrl : null,
    consent: { text: body.consent.text, givenAt: body.consent.givenAt, privacyUrl: typeof body.consent.privacyUrl === 'string' ? body.consent.privacyUrl : null },
    // Never dropped silently: a person whose browser filled the trap still reaches the office.
    spamSuspected: trim(body.website) !== '',
  };
}

/**
 * The field messages in the visitor's language (the payload's `locale`), for every language
 * of the widget; English for any other. Translations need review like the widget's own.
 */
const TEXTS = {
  de: {
    required: 'Bitte füllen Sie dieses Feld aus.',
    type: 'Dieser Wert kann nicht verarbeitet werden.',
    tooLong: (max) => `Bitte höchstens ${max} Zeichen.`,
    email: 'Bitte geben Sie eine E-Mail-Adresse wie name@beispiel.de an.',
    phone: 'Bitte geben Sie eine Telefonnummer nur mit Ziffern, Leerzeichen und + an.',
    reach: 'Bitte geben Sie eine E-Mail-Adresse oder eine Telefonnummer an, damit wir antworten können.',
    consent: 'Bitte stimmen Sie zu, damit wir Ihre Nachricht lesen dürfen.',
    undeliverable: 'An diese Adresse können wir nicht antworten. Bitte prüfen Sie sie oder geben Sie eine Telefonnummer an.',
  },
  en: {
    required: 'Please fill in this field.',
    type: 'This value cannot be processed.',
    tooLong: (max) => `Please use at most ${max} characters.`,
    email: 'Please enter an email address like name@example.org.',
    phone: 'Please enter a phone number using only digits, spaces and +.',
    reach: 'Please give an email address or a phone number so that we can reply.',
    consent: 'Please agree so that we may read your message.',
    undeliverable: 'We cannot reply to this address. Please check it or give a phone number.',
  },
  ar: {
    required: 'يرجى ملء هذا الحقل.',
    type: 'لا يمكن معالجة هذه القيمة.',
    tooLong: (max) => `يرجى ألا يتجاوز النص ${max} حرفًا.`,
    email: 'يرجى إدخال عنوان بريد إلكتروني مثل name@example.org.',
    phone: 'يرجى إدخال رقم هاتف بالأرقام والمسافات و+ فقط.',
    reach: 'يرجى إدخال عنوان بريد إلكتروني أو رقم هاتف حتى نتمكن من الرد.',
    consent: 'يرجى الموافقة حتى يُسمح لنا بقراءة رسالتك.',
    undeliverable: 'لا يمكننا الرد على هذا العنوان. يرجى التحقق منه أو إدخال رقم هاتف.',
  },
  fa: {
    required: 'لطفاً این بخش را پر کنید.',
    type: 'این مقدار قابل پردازش نیست.',
    tooLong: (max) => `لطفاً حداکثر ${max} نویسه بنویسید.`,
    email: 'لطفاً یک نشانی ایمیل مانند name@example.org وارد کنید.',
    phone: 'لطفاً شماره تلفن را فقط با رقم، فاصله و + وارد کنید.',
    reach: 'لطفاً یک نشانی ایمیل یا شماره تلفن بدهید تا بتوانیم پاسخ دهیم.',
    consent: 'لطفاً موافقت کنید تا اجازه داشته باشیم پیام شما را بخوانیم.',
    undeliverable: 'نمی‌توانیم به این نشانی پاسخ دهیم. لطفاً آن را بررسی کنید یا شماره تلفن بدهید.',
  },
  tr: {
    required: 'Lütfen bu alanı doldurun.',
    type: 'Bu değer işlenemiyor.',
    tooLong: (max) => `Lütfen en fazla ${max} karakter kullanın.`,
    email: 'Lütfen name@example.org gibi bir e-posta adresi girin.',
    phone: 'Lütfen telefon numarasını yalnızca rakam, boşluk ve + ile girin.',
    reach: 'Size yanıt verebilmemiz için lütfen bir e-posta adresi veya telefon numarası verin.',
    consent: 'Mesajınızı okuyabilmemiz için lütfen onay verin.',
    undeliverable: 'Bu adrese yanıt veremiyoruz. Lütfen adresi kontrol edin veya bir telefon numarası verin.',
  },
  ru: {
    required: 'Пожалуйста, заполните это поле.',
    type: 'Это значение не удаётся обработать.',
    tooLong: (max) => `Пожалуйста, не более ${max} символов.`,
    email: 'Пожалуйста, укажите адрес электронной почты, например name@example.org.',
    phone: 'Пожалуйста, укажите номер телефона только цифрами, пробелами и +.',
    reach: 'Пожалуйста, укажите адрес электронной почты или номер телефона, чтобы мы могли ответить.',
    consent: 'Пожалуйста, дайте согласие, чтобы мы могли прочитать ваше сообщение.',
    undeliverable: 'Мы не можем ответить на этот адрес. Пожалуйста, проверьте его или укажите номер телефона.',
  },
  uk: {
    required: 'Будь ласка, заповніть це поле.',
    type: 'Це значення не вдається обробити.',
    tooLong: (max) => `Будь ласка, не більше ${max} символів.`,
    email: 'Будь ласка, вкажіть адресу електронної пошти, наприклад name@example.org.',
    phone: 'Будь ласка, вкажіть номер телефону лише цифрами, пробілами та +.',
    reach: 'Будь ласка, вкажіть адресу електронної пошти або номер телефону, щоб ми могли відповісти.',
    consent: 'Будь ласка, дайте згоду, щоб ми могли прочитати ваше повідомлення.',
    undeliverable: 'Ми не можемо відповісти на цю адресу. Будь ласка, перевірте її або вкажіть номер телефону.',
  },
  pl: {
    required: 'Proszę wypełnić to pole.',
    type: 'Tej wartości nie można przetworzyć.',
    tooLong: (max) => `Proszę użyć najwyżej ${max} znaków.`,
    email: 'Proszę podać adres e-mail, np. name@example.org.',
    phone: 'Proszę podać numer telefonu, używając tylko cyfr, spacji i +.',
    reach: 'Proszę podać adres e-mail lub numer telefonu, abyśmy mogli odpowiedzieć.',
    consent: 'Proszę wyrazić zgodę, abyśmy mogli przeczytać wiadomość.',
    undeliverable: 'Nie możemy odpowiedzieć na ten adres. Proszę go sprawdzić lub podać numer telefonu.',
  },
};

function texts(locale) {
  const language = typeof locale === 'string' ? locale.toLowerCase().split(/[-_]/)[0] : '';
  return TEXTS[language] ?? TEXTS.en;
}

/** Same-origin only: no header for same-origin requests, the exact origin for allowed ones, false otherwise. */
function corsHeaders(req, allowedOrigins) {
  const origin = header(req, 'origin');
  if (!origin) return {};
  const host = header(req, 'host');
  const proto = req.socket && 'encrypted' in req.socket && req.socket.encrypted ? 'https' : (header(req, 'x-forwarded-proto') ?? 'http');
  if (host && origin === `${proto}://${host}`) return {};
  if (allowedOrigins.includes(origin)) return { 'access-control-allow-origin': origin, vary: 'Origin' };
  return false;
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(JSON.stringify(body));
}

/**
 * Loses the answer: the connection breaks with a head no client accepts, so fetch() rejects.
 * Closing without a byte would not do: browsers silently resend a POST when a reused
 * keep-alive connection closes before answering (the key makes that safe, but hides the failure).
 */
function dropConnection(res) {
  const socket = res.socket;
  if (!socket) return;
  socket.end('HTTP/1.1 201 Created\r\ncontent-length: 2\r\ncontent-length: 3\r\n\r\n{}');
  socket.destroy();
}

function header(req, name) {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function readStored(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => {
      try {
        return [JSON.parse(line)];
      } catch {
        return [];
      }
    });
}

function ensureDir(file) {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  return file;
}

function checkMode(mode) {
  if (mode === null || mode === undefined) return null;
  if (!FAILURES.has(String(mode))) throw new Error(`Unknown failure mode ${JSON.stringify(mode)}; use '500', '429', 'slow', 'reset', 'fields' or null.`);
  return String(mode);
}

const digits = (s) => s.replace(/\D/g, '').length;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
