/**
 * One POST of the contact payload, with a time limit, and what became of it: success, field
 * errors the form can show, or a failure the visitor can retry (the key makes retries safe).
 */
import type { ContactPayload } from './payload.js';

export type SendFailureReason =
  /** The browser is offline. */
  | 'offline'
  /** The request failed on the way (no connection, DNS, CORS, a dropped connection). */
  | 'network'
  /** No answer within the time limit (or 408). */
  | 'timeout'
  /** 5xx: the receiver has a problem. */
  | 'server'
  /** 429: the receiver asks to wait. */
  | 'rate-limited'
  /** 4xx with field errors, shown at the fields. */
  | 'invalid'
  /** Any other 4xx, or a 2xx the form could not read. */
  | 'rejected';

/** What the endpoint answered on success. */
export interface SendResponse {
  status: number;
  /** The receiver's id of the message, when it gives one. */
  id?: string;
  receivedAt?: string;
}

export type SendOutcome =
  | { ok: true; response: SendResponse }
  | { ok: false; reason: SendFailureReason; status?: number; fieldErrors?: Record<string, string> };

export interface SendOptions {
  /** Milliseconds; 0 or Infinity for none. */
  timeout: number;
  fetch?: typeof fetch;
}

export async function postContact(url: string, payload: ContactPayload, { timeout, fetch: fetchImpl = globalThis.fetch }: SendOptions): Promise<SendOutcome> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = timeout > 0 && Number.isFinite(timeout) ? setTimeout(() => ((timedOut = true), controller.abort()), timeout) : undefined;
  try {
    const response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': payload.idempotencyKey },
      body: JSON.stringify(payload),
      signal: controller.signal,
      credentials: 'same-origin',
      cache: 'no-store',
      // Personal data is not re-posted along a redirect chain.
      redirect: 'error',
      // Only the origin as Referer: the page's query may hold what the visitor searched for ("?shg-q=…").
      referrerPolicy: 'origin',
    });
    const body = await readJson(response);
    return classify(response.status, body);
  } catch {
    if (timedOut) return { ok: false, reason: 'timeout' };
    return { ok: false, reason: typeof navigator !== 'undefined' && navigator.onLine === false ? 'offline' : 'network' };
  } finally {
    clearTimeout(timer);
  }
}

function classify(status: number, body: unknown): SendOutcome {
  const data = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  if (status >= 200 && status < 300) {
    const response: SendResponse = { status };
    if (typeof data.id === 'string' || typeof data.id === 'number') response.id = String(data.id);
    if (typeof data.receivedAt === 'string') response.receivedAt = data.receivedAt;
    return { ok: true, response };
  }
  if (status === 408) return { ok: false, reason: 'timeout', status };
  if (status === 429) return { ok: false, reason: 'rate-limited', status };
  if (status >= 500) return { ok: false, reason: 'server', status };
  const fieldErrors = readFieldErrors(data.errors);
  if (fieldErrors) return { ok: false, reason: 'invalid', status, fieldErrors };
  return { ok: false, reason: 'rejected', status };
}

/** `{ "errors": { "email": "…" } }` → a map of short strings, or undefined. */
function readFieldErrors(errors: unknown): Record<string, string> | undefined {
  if (!errors || typeof errors !== 'object' || Array.isArray(errors)) return undefined;
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors as Record<string, unknown>)) {
    const text = Array.isArray(message) ? message.find((m) => typeof m === 'string') : message;
    if (typeof text === 'string' && text.trim() !== '') out[field] = text.trim().slice(0, 300);
  }
  return Object.keys(out).length ? out : undefined;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    const text = await response.text();
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
