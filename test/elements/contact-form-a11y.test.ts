// Axe in every state of the form, in German and in Arabic (right to left). Wording is not
// asserted here: translations come later; behaviour is tested in contact-form.test.ts.
import { expect, html, waitUntil } from '@open-wc/testing';
import { ENDPOINT, errorSummary, fill, fillValid, formFixture, marker, MINI_FEED, miniFeed, root, submit, waitForStatus } from './contact-form-harness.js';

describe('<shg-contact-form> accessibility', () => {
  beforeEach(() => sessionStorage.clear());

for (const lang of ['de', 'ar']) {
  describe(`accessibility in every state (lang="${lang}")`, () => {
    const localForm = async (action = ENDPOINT, extra: { feed?: unknown } = {}) => {
      const el = extra.feed
        ? await formFixture(html`<shg-contact-form id="contact" min-fill-time="0" .feed=${extra.feed}></shg-contact-form>`, { lang })
        : await formFixture(html`<shg-contact-form id="contact" src=${MINI_FEED} action=${action} min-fill-time="0"></shg-contact-form>`, { lang });
      await waitUntil(() => root(el).querySelector('[part="base"]')?.getAttribute('lang') === lang, `the form never switched to ${lang}`);
      await el.updateComplete;
      return el;
    };

    it('is accessible with the empty form, in the language’s direction', async () => {
      const el = await localForm();
      expect(root(el).querySelector('[part="base"]')!.getAttribute('dir')).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
      await expect(el).to.be.accessible();
    });

    it('is accessible with validation errors and the error summary', async () => {
      const el = await localForm();
      await fill(el, '#shg-email', 'mara@');
      await submit(el);
      expect(errorSummary(el)!.links).to.have.length(2);
      await expect(el).to.be.accessible();
    });

    it('is accessible while sending', async () => {
      const el = await localForm(`${ENDPOINT}?fail=slow&slowMs=1500`);
      await fillValid(el, marker());
      await submit(el);
      expect(el.status).to.equal('sending');
      await expect(el).to.be.accessible();
      await waitForStatus(el, 'sent');
    });

    it('is accessible after sending', async () => {
      const el = await localForm();
      await fillValid(el, marker());
      await submit(el);
      await waitForStatus(el, 'sent');
      await expect(el).to.be.accessible();
    });

    it('is accessible after a failure, with the retry and the phone', async () => {
      const el = await localForm(`${ENDPOINT}?fail=500`);
      await fillValid(el, marker());
      await submit(el);
      await waitForStatus(el, 'failed');
      await expect(el).to.be.accessible();
    });

    it('is accessible while asking a quick visitor to confirm', async () => {
      const el = await localForm();
      el.minFillTime = 60000;
      await fillValid(el, marker());
      await submit(el);
      expect(el.status).to.equal('confirm');
      await expect(el).to.be.accessible();
    });

    it('is accessible in mail mode, before and after opening the mail program', async () => {
      const feed = await miniFeed();
      delete feed.office.contactEndpoint;
      const el = await localForm(undefined, { feed });
      await expect(el).to.be.accessible();
      // Only the mailto: link's navigation is stopped; the submit click goes through.
      const stop = (e: Event) => (e.composedPath()[0] as HTMLAnchorElement).href?.startsWith('mailto:') && e.preventDefault();
      el.addEventListener('click', stop);
      await fillValid(el, marker());
      await submit(el);
      await el.updateComplete;
      el.removeEventListener('click', stop);
      expect(el.status).to.equal('mail-opened');
      await expect(el).to.be.accessible();
    });
  });
}
});
