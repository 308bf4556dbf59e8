/**
 * The contact form under faults (`npm run test:faults`): 200 messages through a real
 * <shg-contact-form>, posted to the reference endpoint failing at random (500, 429, slow,
 * too slow for the form's timeout, answer lost after storing, connection dropped before), each
 * retried by the visitor until it is sent. Every message must be stored exactly once, none
 * twice, none lost, and the form may say "sent" only when the message is stored.
 */
import { expect, waitUntil, html } from '@open-wc/testing';
import type { ShgContactForm } from '../../src/elements/contact-form/contact-form.js';
import { button, fillValid, formFixture, MINI_FEED, root, submit } from '../elements/contact-form-harness.js';

const MESSAGES = 200;
const MAX_ATTEMPTS = 40;
const RUN = `faults-${Date.now().toString(36)}`;
const SEED = Math.floor(Math.random() * 2 ** 31) + 1;
const ENDPOINT = `/__test/faults/contact?run=${RUN}&seed=${SEED}`;

interface Stored {
  message: string;
  idempotencyKey: string;
}

async function stored(): Promise<Stored[]> {
  return (await fetch(`/__test/faults/messages?run=${RUN}`, { cache: 'no-store' })).json();
}

/** The faults the endpoint chose, attempt by attempt, and the seed it chose them with. */
async function attemptLog(): Promise<{ seed: number; log: string[] }> {
  return (await fetch(`/__test/faults/log?run=${RUN}`, { cache: 'no-store' })).json();
}

/** Waits until a send attempt ended: sent, failed, or (a bug) something else. */
async function outcome(el: ShgContactForm): Promise<string> {
  await waitUntil(() => el.status !== 'sending', `message stuck in "sending"`, { timeout: 10000 });
  await el.updateComplete;
  return el.status;
}

describe('the contact form under faults', function () {
  this.timeout(15 * 60 * 1000);

  it(`stores each of ${MESSAGES} messages exactly once and never shows a success that was not one`, async () => {
    const el = await formFixture(html`<shg-contact-form id="faults" src=${MINI_FEED} action=${ENDPOINT} timeout="400" min-fill-time="0"></shg-contact-form>`, { lang: 'en' });
    const attempts: number[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      const text = `Nachricht ${i} aus Lauf ${RUN}.`;
      await fillValid(el, text);
      await submit(el);
      let n = 1;
      for (;;) {
        const status = await outcome(el);
        if (status === 'sent') {
          // The form said "sent": the office must have it, once.
          const copies = (await stored()).filter((m) => m.message === text);
          expect(copies.length, `message ${i} shown as sent, stored ${copies.length} times`).to.equal(1);
          expect(root(el).querySelector('[part="sent"]'), 'no confirmation shown').to.exist;
          break;
        }
        expect(status, `message ${i}: unexpected state`).to.equal('failed');
        expect(root(el).querySelector('[part="sent"]'), `message ${i}: a confirmation next to a failure`).to.equal(null);
        expect((await stored()).filter((m) => m.message === text).length, `message ${i} stored twice`).to.be.at.most(1);
        n++;
        expect(n, `message ${i} never got through`).to.be.at.most(MAX_ATTEMPTS);
        button(el, 'Try again').click();
        await el.updateComplete;
      }
      attempts.push(n);
      if (i === 0) console.log(`contact faults: run ${RUN}, seed ${(await attemptLog()).seed} (repeat with SHG_FAULTS_SEED=<seed> npm run test:faults)`);
      button(el, 'Write another message').click();
      await waitUntil(() => el.status === 'editing' && root(el).querySelector('form'), 'no empty form after "write another"', { timeout: 5000 });
    }
    // Let requests that were still sleeping on the server land: they must not add copies.
    await new Promise((r) => setTimeout(r, 2000));
    const all = await stored();
    const texts = all.map((m) => m.message);
    expect(new Set(texts).size, 'some message stored twice').to.equal(texts.length);
    expect(texts.length, 'messages lost or extra').to.equal(MESSAGES);
    for (let i = 0; i < MESSAGES; i++) expect(texts, `message ${i} lost`).to.include(`Nachricht ${i} aus Lauf ${RUN}.`);
    expect(new Set(all.map((m) => m.idempotencyKey)).size, 'two messages shared a key').to.equal(MESSAGES);
    // The faults really happened, each of them more than a handful of times.
    const { log } = await attemptLog();
    for (const fault of ['500', '429', 'slow', 'too-slow', 'reset', 'drop']) expect(log.filter((f) => f === fault).length, fault).to.be.greaterThan(5);
    const retried = attempts.filter((n) => n > 1).length;
    console.log(`contact faults: ${MESSAGES} messages, ${log.length} attempts, ${retried} needed a retry, at most ${Math.max(...attempts)} attempts`);
  });
});
