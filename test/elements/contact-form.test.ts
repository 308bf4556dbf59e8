import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ShgContactForm } from '../../src/elements/contact-form/contact-form.js';
import type { ContactPayload, ContactSendErrorDetail, ContactSentDetail } from '../../src/elements/contact-form/contact-form.js';
import { ShgGroupFinder } from '../../src/elements/group-finder/group-finder.js';
import {
  button,
  choose,
  control,
  DRAFT_KEY,
  ENDPOINT,
  englishForm,
  errorSummary,
  fieldError,
  fill,
  fillValid,
  focusedId,
  formFixture,
  liveRegion,
  marker,
  MINI_FEED,
  miniFeed,
  root,
  spyOnPosts,
  storedMessages,
  submit,
  submitButton,
  textOf,
  tick,
  waitForStatus,
} from './contact-form-harness.js';

ShgGroupFinder.define('shg-group-finder');

describe('<shg-contact-form>', () => {
  beforeEach(() => sessionStorage.clear());

  describe('validation', () => {
    it('shows an error summary that takes focus and links to each field, with the errors at the fields', async () => {
      const el = await englishForm();
      const submits: Event[] = [];
      el.addEventListener('shg-submit', (e) => submits.push(e));
      await submit(el);
      const summary = errorSummary(el)!;
      expect(summary.focused, 'the summary has focus').to.be.true;
      expect(summary.links.map((l) => l.href)).to.deep.equal(['#shg-email', '#shg-consent']);
      expect(summary.links[0]!.text).to.contain('email address or a phone number');
      expect(fieldError(el, 'Email address')).to.contain('email address or a phone number');
      expect(fieldError(el, 'Phone number')).to.contain('email address or a phone number');
      expect(control(el, 'Email address').getAttribute('aria-invalid')).to.equal('true');
      expect(fieldError(el, 'I agree')).to.contain('tick the box');
      expect(fieldError(el, 'Your name')).to.equal(undefined);
      expect(submits).to.have.length(0);

      const hashBefore = location.hash;
      root(el).querySelector<HTMLAnchorElement>('[part="error-summary"] a[href="#shg-consent"]')!.click();
      await el.updateComplete;
      expect(focusedId(el)).to.equal('shg-consent');
      expect(location.hash, 'the page URL is left alone').to.equal(hashBefore);
    });

    it('uses its own words, not the browser’s, and keeps native validity in step', async () => {
      const el = await englishForm();
      await fill(el, 'Email address', 'mara@');
      await fill(el, 'Phone number', 'call me maybe');
      await submit(el);
      const email = control(el, 'Email address');
      expect(fieldError(el, 'Email address')).to.contain('name@example.org');
      expect(fieldError(el, 'Phone number')).to.contain('digits');
      expect(email.validationMessage).to.contain('name@example.org');
      expect(root(el).querySelector('form')!.checkValidity()).to.be.false;
    });

    it('will not send without consent, even when everything else is filled in', async () => {
      const el = await englishForm();
      const token = marker();
      await fill(el, 'Email address', 'mara@example.org');
      await fill(el, 'Your message', token);
      await submit(el);
      expect(errorSummary(el)!.links.map((l) => l.href)).to.deep.equal(['#shg-consent']);
      expect(el.status).to.equal('editing');
      expect(await storedMessages(token)).to.have.length(0);
    });

    it('clears an error at a field as soon as the visitor corrects it', async () => {
      const el = await englishForm();
      await submit(el);
      await fill(el, 'Phone number', '030 123456');
      expect(fieldError(el, 'Email address')).to.equal(undefined);
      expect(errorSummary(el)!.links.map((l) => l.href)).to.deep.equal(['#shg-consent']);
    });

    it('marks optional fields, the consent as required, and uses autocomplete tokens', async () => {
      const el = await englishForm();
      expect(control(el, 'Your name').getAttribute('autocomplete')).to.equal('name');
      expect(control(el, 'Email address').getAttribute('autocomplete')).to.equal('email');
      expect(control(el, 'Phone number').getAttribute('autocomplete')).to.equal('tel');
      expect(control(el, 'I agree').required).to.be.true;
      expect(root(el).querySelector('form')!.noValidate).to.be.true;
      expect(textOf(el, 'label[for="shg-name"]')).to.contain('(optional)');
    });
  });

  describe('the consent text and the privacy link', () => {
    it('names the office, why it receives the message, and that it may reveal health information', async () => {
      const el = await englishForm();
      const text = textOf(el, 'label[for="shg-consent"]');
      expect(text).to.contain('KISS Musterstadt');
      expect(text).to.contain('health');
      expect(text).to.contain('put me in touch with a self-help group');
      expect(root(el).querySelector<HTMLAnchorElement>('#shg-privacy a')!.href).to.equal('https://musterstadt.example/datenschutz');
    });

    it('takes privacy-url over the feed, and refuses an unsafe one', async () => {
      const el = await formFixture(html`<shg-contact-form lang="en" src=${MINI_FEED} privacy-url="https://example.org/privacy"></shg-contact-form>`);
      expect(root(el).querySelector<HTMLAnchorElement>('#shg-privacy a')!.href).to.equal('https://example.org/privacy');
      el.privacyUrl = 'javascript:alert(1)';
      await el.updateComplete;
      expect(root(el).querySelector<HTMLAnchorElement>('#shg-privacy a')!.href).to.equal('https://musterstadt.example/datenschutz');
    });
  });

  describe('by keyboard alone', () => {
    it('moves through the fields in reading order, ticks the consent with Space and sends with Enter', async () => {
      const el = await englishForm();
      const token = marker();
      el.focus();
      await el.updateComplete;
      expect(focusedId(el)).to.equal('shg-group');
      const order: string[] = [];
      const tab = async () => {
        await sendKeys({ press: 'Tab' });
        order.push(focusedId(el));
      };
      await tab(); // the first radio of "for whom"
      await sendKeys({ press: 'ArrowDown' });
      expect(focusedId(el)).to.equal('shg-for-relative');
      await tab();
      await sendKeys({ type: 'Mara' });
      await tab();
      await sendKeys({ type: 'mara@example.org' });
      await tab();
      await tab();
      await tab();
      await sendKeys({ type: token });
      await tab();
      await sendKeys({ press: 'Space' });
      await tab();
      await tab();
      expect(order).to.deep.equal(['shg-for-myself', 'shg-name', 'shg-email', 'shg-phone', 'shg-language', 'shg-message', 'shg-consent', '', 'shg-submit']);
      await sendKeys({ press: 'Enter' });
      await waitForStatus(el, 'sent');
      const [stored] = await storedMessages(token);
      expect(stored).to.include({ name: 'Mara', email: 'mara@example.org', forWhom: 'relative' });
    });
  });

  describe('sending', () => {
    it('posts the payload, confirms calmly with the reply time, and clears the form and the draft', async () => {
      const el = await englishForm();
      const token = marker();
      const spy = spyOnPosts();
      let submitted: ContactPayload | undefined;
      let sent: ContactSentDetail | undefined;
      el.addEventListener('shg-submit', (e) => (submitted = e.detail));
      el.addEventListener('shg-sent', (e) => (sent = e.detail));
      try {
        await choose(el, 'Which group', 'diabetes-typ2-suedstadt');
        await tick(el, 'For a relative');
        await fillValid(el, `Hello, ${token}`);
        expect(sessionStorage.getItem(DRAFT_KEY)).to.contain(token);
        await submit(el);
        await waitForStatus(el, 'sent');
      } finally {
        spy.restore();
      }
      const [stored, ...more] = await storedMessages(token);
      expect(more).to.have.length(0);
      expect(stored!.group).to.deep.equal({ id: 'diabetes-typ2-suedstadt', name: 'Diabetes Typ 2 – Gesprächskreis Südstadt' });
      expect(stored!.forWhom).to.equal('relative');
      expect(stored!.email).to.equal('mara@example.org');
      expect(stored!.locale).to.equal('en');
      expect(stored!.language).to.equal('en');
      expect(stored!.consent.text).to.contain('KISS Musterstadt');
      expect(stored!.idempotencyKey).to.equal(spy.keys[0]);
      expect(submitted!.idempotencyKey).to.equal(spy.keys[0]);
      expect(submitted!.pageUrl).to.equal(location.origin + location.pathname);
      // Neither the payload nor the Referer carries the page's query (it may hold search words).
      expect(spy.inits[0]!.referrerPolicy).to.equal('origin');
      expect(spy.inits[0]!.redirect).to.equal('error');
      expect(sent!.response.id).to.equal(stored!.id);

      expect(focusedId(el)).to.equal('shg-sent-title');
      expect(textOf(el, '[part="sent"]')).to.contain('usually within two working days');
      expect(sessionStorage.getItem(DRAFT_KEY)).to.equal(null);
      button(el, 'Write another message').click();
      await el.updateComplete;
      expect(control<HTMLTextAreaElement>(el, 'Your message').value).to.equal('');
      expect(control(el, 'I agree').checked).to.be.false;
      expect(focusedId(el)).to.equal('shg-group');
    });

    it('takes a phone number typed in Persian digits and sends it as 0–9', async () => {
      const el = await englishForm();
      const token = marker();
      await fillValid(el, `Please call me, ${token}`, { email: '' });
      await fill(el, '#shg-phone', '۰۱۷۶ ۱۲۳۴۵۶۷');
      await submit(el);
      await waitForStatus(el, 'sent');
      const [stored] = await storedMessages(token);
      expect(stored!.phone).to.equal('0176 1234567');
    });

    it('shows field errors from the endpoint (422) at the fields and in the summary', async () => {
      const el = await englishForm({ action: `${ENDPOINT}?fail=fields` });
      let error: ContactSendErrorDetail | undefined;
      el.addEventListener('shg-send-error', (e) => (error = e.detail));
      await fillValid(el, marker());
      await submit(el);
      await waitUntil(() => errorSummary(el), 'no summary');
      await el.updateComplete;
      expect(fieldError(el, 'Email address')).to.contain('We cannot reply to this address');
      expect(errorSummary(el)!.focused).to.be.true;
      expect(errorSummary(el)!.links.map((l) => l.href)).to.deep.equal(['#shg-email']);
      expect(error).to.include({ status: 422, reason: 'invalid' });
      expect(control(el, 'Your message').value, 'the message stays').to.not.equal('');
    });

    it('sends one request when the visitor double-clicks', async () => {
      const el = await englishForm({ action: `${ENDPOINT}?fail=slow&slowMs=400` });
      const token = marker();
      const spy = spyOnPosts();
      const submits: Event[] = [];
      el.addEventListener('shg-submit', (e) => submits.push(e));
      try {
        await fillValid(el, token);
        submitButton(el).click();
        submitButton(el).click();
        await el.updateComplete;
        expect(submitButton(el).getAttribute('aria-disabled')).to.equal('true');
        submitButton(el).click();
        await waitForStatus(el, 'sent');
      } finally {
        spy.restore();
      }
      expect(spy.keys).to.have.length(1);
      expect(submits).to.have.length(1);
      expect(await storedMessages(token)).to.have.length(1);
    });

    it('shows a clear sending state, announced politely', async () => {
      const el = await englishForm({ action: `${ENDPOINT}?fail=slow&slowMs=600` });
      await fillValid(el, marker());
      await submit(el);
      expect(el.status).to.equal('sending');
      expect(submitButton(el).textContent).to.contain('Sending');
      expect(root(el).querySelector('form')!.getAttribute('aria-busy')).to.equal('true');
      expect(liveRegion(el)).to.contain('Sending your message');
      await waitForStatus(el, 'sent');
    });

    for (const [mode, reason, status] of [
      ['500', 'server', 500],
      ['429', 'rate-limited', 429],
    ] as const) {
      it(`keeps the message after a ${mode}, offers a retry and the office phone, and stores it once`, async () => {
        const el = await englishForm({ action: `${ENDPOINT}?fail=${mode}&failFirst=1` });
        const token = marker();
        const errors: ContactSendErrorDetail[] = [];
        el.addEventListener('shg-send-error', (e) => errors.push(e.detail));
        const spy = spyOnPosts();
        try {
          await fillValid(el, token);
          await submit(el);
          await waitForStatus(el, 'failed');
          expect(focusedId(el)).to.equal('shg-failure');
          expect(errors).to.have.length(1);
          expect(errors[0]).to.include({ reason, status });
          expect(control<HTMLTextAreaElement>(el, 'Your message').value).to.equal(token);
          expect(root(el).querySelector<HTMLAnchorElement>('#shg-failure a[href^="tel:"]')!.getAttribute('href')).to.equal('tel:+493023125100');
          expect(await storedMessages(token)).to.have.length(0);
          button(el, 'Try again').click();
          await waitForStatus(el, 'sent');
        } finally {
          spy.restore();
        }
        expect(spy.keys).to.have.length(2);
        expect(spy.keys[0]).to.equal(spy.keys[1]);
        expect(await storedMessages(token)).to.have.length(1);
      });
    }

    it('after a timeout (the office got it late), the retry is stored exactly once', async () => {
      const el = await englishForm({ action: `${ENDPOINT}?fail=slow&failFirst=1&slowMs=1200`, timeout: 300 });
      const token = marker();
      let error: ContactSendErrorDetail | undefined;
      el.addEventListener('shg-send-error', (e) => (error = e.detail));
      await fillValid(el, token);
      await submit(el);
      await waitForStatus(el, 'failed');
      expect(error!.reason).to.equal('timeout');
      await waitUntil(async () => (await storedMessages(token)).length === 1, 'the slow request never arrived', { timeout: 4000 });
      button(el, 'Try again').click();
      await waitForStatus(el, 'sent');
      expect(await storedMessages(token)).to.have.length(1);
    });

    it('when the answer is lost (connection dropped, fetch rejected), the retry is stored exactly once', async () => {
      const el = await englishForm({ action: `${ENDPOINT}?fail=reset&failFirst=1` });
      const token = marker();
      let error: ContactSendErrorDetail | undefined;
      el.addEventListener('shg-send-error', (e) => (error = e.detail));
      await fillValid(el, token);
      await submit(el);
      await waitForStatus(el, 'failed');
      expect(error!.reason).to.be.oneOf(['network', 'offline']);
      expect(await storedMessages(token)).to.have.length(1);
      button(el, 'Try again').click();
      await waitForStatus(el, 'sent');
      expect(await storedMessages(token)).to.have.length(1);
    });

    it('when the endpoint cannot be reached at all, the message waits and goes out once on retry', async () => {
      const el = await englishForm({ action: 'http://localhost:9/api/contact' });
      const token = marker();
      await fillValid(el, token);
      await submit(el);
      await waitForStatus(el, 'failed');
      expect(textOf(el, '#shg-failure')).to.contain('has not been sent yet');
      el.action = ENDPOINT;
      await el.updateComplete;
      button(el, 'Try again').click();
      await waitForStatus(el, 'sent');
      expect(await storedMessages(token)).to.have.length(1);
    });

    it('keeps no second copy of the message for its retry key, and nothing once the visitor empties the form', async () => {
      const el = await englishForm({ action: 'http://localhost:9/api/contact' });
      const token = marker();
      await fillValid(el, `About my health, ${token}`);
      await submit(el);
      await waitForStatus(el, 'failed');
      const stored = sessionStorage.getItem(DRAFT_KEY)!;
      // The draft holds the text once (to survive a reload), the retry key's fingerprint is a hash.
      expect(stored.split(token).length - 1).to.equal(1);
      for (const field of ['#shg-name', '#shg-email', '#shg-message']) await fill(el, field, '');
      expect(sessionStorage.getItem(DRAFT_KEY)).to.equal(null);
    });

    it('lets the page send the payload itself when it cancels shg-submit', async () => {
      const el = await englishForm();
      const spy = spyOnPosts();
      let payload: ContactPayload | undefined;
      el.addEventListener('shg-submit', (e) => {
        payload = e.detail;
        e.preventDefault();
      });
      try {
        await fillValid(el, 'handled by the page');
        await submit(el);
      } finally {
        spy.restore();
      }
      expect(payload!.message).to.equal('handled by the page');
      expect(payload!.consent.givenAt).to.match(/^\d{4}-\d\d-\d\dT/);
      expect(spy.keys).to.have.length(0);
      expect(el.status).to.equal('editing');
    });
  });

  describe('spam protection never blocks a person silently', () => {
    it('asks a very quick visitor to confirm, and sends after they do', async () => {
      const el = await englishForm({ minFillTime: 60000 });
      const token = marker();
      await fillValid(el, token);
      await submit(el);
      expect(el.status).to.equal('confirm');
      expect(focusedId(el)).to.equal('shg-confirm');
      expect(await storedMessages(token)).to.have.length(0);
      button(el, 'Yes, send my message').click();
      await waitForStatus(el, 'sent');
      expect(await storedMessages(token)).to.have.length(1);
    });

    it('treats a filled honeypot the same way, and the office still gets the message, flagged', async () => {
      const el = await englishForm();
      const token = marker();
      await fillValid(el, token);
      await fill(el, '#shg-website', 'https://spam.example');
      await submit(el);
      expect(el.status).to.equal('confirm');
      button(el, 'Yes, send my message').click();
      await waitForStatus(el, 'sent');
      const [stored] = await storedMessages(token);
      expect(stored!.spamSuspected).to.be.true;
    });

    it('hides the honeypot from people, the keyboard and assistive technology', async () => {
      const el = await englishForm();
      const trap = control(el, '#shg-website');
      expect(trap.closest('[aria-hidden="true"][inert]')).to.exist;
      expect(trap.tabIndex).to.equal(-1);
      expect(trap.closest('.trap')!.getBoundingClientRect().width, 'clipped to nothing').to.be.at.most(1);
    });
  });

  describe('mail mode (no endpoint)', () => {
    async function mailForm(): Promise<ShgContactForm> {
      const feed = await miniFeed();
      delete feed.office.contactEndpoint;
      return formFixture(html`<shg-contact-form lang="en" min-fill-time="0" .feed=${feed}></shg-contact-form>`);
    }

    it('says before sending that it opens the mail program, then builds a mailto: with subject and body', async () => {
      const el = await mailForm();
      expect(textOf(el, '#shg-mail-note')).to.contain('opens your email program');
      expect(textOf(el, '#shg-mail-note')).to.contain('kiss@musterstadt.example');
      expect(submitButton(el).textContent).to.contain('Write the email');
      let clicked = '';
      const stop = (e: Event) => {
        const link = e.composedPath()[0] as HTMLAnchorElement;
        if (link.href?.startsWith('mailto:')) {
          clicked = link.href;
          e.preventDefault();
        }
      };
      el.addEventListener('click', stop);
      const spy = spyOnPosts();
      try {
        await choose(el, 'Which group', 'trauer-nach-suizid');
        await fillValid(el, 'Ich würde gern & bald kommen?');
        await submit(el);
        await el.updateComplete;
      } finally {
        spy.restore();
        el.removeEventListener('click', stop);
      }
      expect(spy.keys).to.have.length(0);
      expect(el.status).to.equal('mail-opened');
      const href = root(el).querySelector<HTMLAnchorElement>('#shg-mail-link')!.href;
      expect(clicked).to.equal(href);
      const url = new URL(href);
      expect(url.protocol).to.equal('mailto:');
      expect(url.pathname).to.equal('kiss@musterstadt.example');
      expect(url.searchParams.get('subject')).to.equal('Contact request: Trauer nach Suizid');
      const body = url.searchParams.get('body')!;
      expect(body).to.contain('Name: Mara');
      expect(body).to.contain('Email: mara@example.org');
      expect(body).to.contain('Ich würde gern & bald kommen?');
      expect(body).to.contain('KISS Musterstadt');
      expect(href).to.not.contain('+');
      expect(focusedId(el)).to.equal('shg-mail-opened');
    });

    it('uses the address of action="mailto:…"', async () => {
      const el = await formFixture(html`<shg-contact-form lang="en" src=${MINI_FEED} action="mailto:team@example.org"></shg-contact-form>`);
      expect(textOf(el, '#shg-mail-note')).to.contain('team@example.org');
    });

    it('says when it cannot send at all, and offers the phone', async () => {
      const feed = await miniFeed();
      delete feed.office.contactEndpoint;
      delete feed.office.email;
      const el = await formFixture(html`<shg-contact-form lang="en" .feed=${feed}></shg-contact-form>`);
      expect(root(el).querySelector('form')).to.equal(null);
      expect(textOf(el, '[part="status"]')).to.contain('cannot be sent');
      expect(root(el).querySelector('a[href="tel:+493023125100"]')).to.exist;
    });
  });

  describe('when the feed cannot be loaded', () => {
    it('says that messages cannot be sent (not that a list is missing), offers office-phone and a retry', async () => {
      const el = await fixture<ShgContactForm>(html`<shg-contact-form lang="en" src=${'/__test/respond?status=500&body=x'} office-phone="+49 30 23125 100"></shg-contact-form>`);
      await waitUntil(() => root(el).querySelector('[part="error"]'), 'no error view', { timeout: 5000 });
      const error = root(el).querySelector('[part="error"]')!;
      expect(error.querySelector('p')!.textContent).to.equal('Messages cannot be sent with this form at the moment.');
      expect(error.querySelector('a[href="tel:+493023125100"]')).to.exist;
      expect(error.querySelector('button')!.textContent).to.equal('Try again');
      await expect(el).to.be.accessible();
    });
  });

  describe('the draft', () => {
    it('survives a reload of the tab (not the consent), lives only in sessionStorage, and is wiped after sending', async () => {
      const token = marker();
      let el = await englishForm();
      await choose(el, 'Which group', 'trauer-nach-suizid');
      await fillValid(el, token);
      const saved = sessionStorage.getItem(DRAFT_KEY)!;
      expect(saved).to.contain(token);
      expect(saved).to.not.contain('consent');
      expect(JSON.stringify({ ...localStorage })).to.not.contain(token);

      el.remove();
      el = await englishForm();
      expect(control<HTMLTextAreaElement>(el, 'Your message').value).to.equal(token);
      expect(control(el, 'Email address').value).to.equal('mara@example.org');
      expect(control<HTMLSelectElement>(el, 'Which group').value).to.equal('trauer-nach-suizid');
      expect(control(el, 'I agree').checked, 'consent is asked again').to.be.false;

      await tick(el, 'I agree');
      await submit(el);
      await waitForStatus(el, 'sent');
      expect(sessionStorage.getItem(DRAFT_KEY)).to.equal(null);
    });

    it('is wiped when the visitor discards it, after asking', async () => {
      const el = await englishForm();
      await fillValid(el, marker());
      button(el, 'Discard message').click();
      await el.updateComplete;
      expect(focusedId(el)).to.equal('shg-discard-question');
      button(el, 'No, keep it').click();
      await el.updateComplete;
      expect(sessionStorage.getItem(DRAFT_KEY)).to.not.equal(null);
      button(el, 'Discard message').click();
      await el.updateComplete;
      button(el, 'Yes, delete it').click();
      await el.updateComplete;
      expect(sessionStorage.getItem(DRAFT_KEY)).to.equal(null);
      expect(control<HTMLTextAreaElement>(el, 'Your message').value).to.equal('');
      expect(control(el, 'Email address').value).to.equal('');
      expect(liveRegion(el)).to.contain('deleted');
      expect(focusedId(el)).to.equal('shg-group');
    });

    it('keeps the key of an unconfirmed message across a reload, so the retry is stored once', async () => {
      const token = marker();
      let el = await englishForm({ action: `${ENDPOINT}?fail=reset&failFirst=1` });
      await fillValid(el, token);
      await submit(el);
      await waitForStatus(el, 'failed');
      expect(await storedMessages(token)).to.have.length(1);

      el.remove();
      el = await englishForm({ action: `${ENDPOINT}?fail=reset&failFirst=1` });
      await tick(el, 'I agree');
      await submit(el);
      await waitForStatus(el, 'sent');
      expect(await storedMessages(token)).to.have.length(1);
    });
  });

  describe('the group', () => {
    it('offers the feed’s groups sorted by name, without closed ones, after “not sure yet”', async () => {
      const el = await englishForm();
      const options = [...control<HTMLSelectElement>(el, 'Which group').options];
      expect(options[0]!.value).to.equal('');
      expect(options[0]!.textContent).to.contain('I am not sure yet');
      const names = options.slice(1).map((o) => o.textContent!.trim());
      expect(names).to.deep.equal([...names].sort(new Intl.Collator('en').compare));
      expect(options.map((o) => o.value)).to.not.include('trauercafe');
      expect(options.map((o) => o.value)).to.include('rheuma-treff');
    });

    it('stays chosen for "Write another message" when the page handed it over', async () => {
      const el = await englishForm();
      el.group = 'rheuma-treff';
      await el.updateComplete;
      await fillValid(el, `Another one, ${marker()}`);
      await submit(el);
      await waitForStatus(el, 'sent');
      button(el, 'Write another message').click();
      await el.updateComplete;
      expect(control<HTMLSelectElement>(el, 'Which group').value).to.equal('rheuma-treff');
      expect(control<HTMLTextAreaElement>(el, 'Your message').value).to.equal('');
    });

    it('is preselected and focused when the group finder hands over, without firing events', async () => {
      const form = await formFixture(
        html`<shg-group-finder src=${MINI_FEED} contact-form="contact"></shg-group-finder>
          <shg-contact-form id="contact" src=${MINI_FEED}></shg-contact-form>`,
        { lang: 'en' },
      );
      const finder = form.parentElement!.querySelector('shg-group-finder')!;
      await waitUntil(() => finder.shadowRoot?.querySelector('.results'), 'no finder results');
      const events: Event[] = [];
      for (const name of ['shg-submit', 'shg-sent', 'shg-send-error']) form.addEventListener(name, (e) => events.push(e));
      finder.contact(finder.directory!.groupsById.get('trauer-nach-suizid')!);
      await form.updateComplete;
      expect(control<HTMLSelectElement>(form, 'Which group').value).to.equal('trauer-nach-suizid');
      expect(focusedId(form)).to.equal('shg-group');
      expect(events).to.have.length(0);

      // The same group again, after the visitor changed the select, applies again.
      await choose(form, 'Which group', '');
      form.group = 'trauer-nach-suizid';
      await form.updateComplete;
      expect(control<HTMLSelectElement>(form, 'Which group').value).to.equal('trauer-nach-suizid');
    });

    it('reads ?shg-group= from the page URL', async () => {
      const before = location.href;
      history.replaceState(history.state, '', `${location.pathname}?shg-group=diabetes-typ2-suedstadt${location.hash}`);
      try {
        const el = await englishForm();
        expect(control<HTMLSelectElement>(el, 'Which group').value).to.equal('diabetes-typ2-suedstadt');
      } finally {
        history.replaceState(history.state, '', before);
      }
    });

    it('falls back to “not sure yet” for a group the feed does not list', async () => {
      const el = await formFixture(html`<shg-contact-form lang="en" src=${MINI_FEED} group="no-such-group"></shg-contact-form>`);
      expect(control<HTMLSelectElement>(el, 'Which group').value).to.equal('');
    });
  });

  describe('offers the office’s languages', () => {
    it('names them in the UI language and in their own', async () => {
      const el = await englishForm();
      const labels = [...control<HTMLSelectElement>(el, 'In which language').options].map((o) => o.textContent!.trim());
      expect(labels).to.deep.equal(['German – Deutsch', 'English', 'Arabic – العربية']);
      expect(control<HTMLSelectElement>(el, 'In which language').value).to.equal('en');
    });
  });
});
