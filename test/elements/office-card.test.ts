import { expect, fixture, fixtureSync, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { ShgOfficeCard } from '../../src/elements/office-card/office-card.js';

// Wrappers are mounted with fixtureSync: fixture() waits a frame for plain elements, and a page the
// runner keeps in the background (concurrency > 1) may never paint one.

// Registered by define.js once the lead adds it there; guarded, so this is a no-op then.
ShgOfficeCard.define('shg-office-card');

const FAILING_FEED = '/__test/respond?status=500&body=x';
const SLOW_FEED = '/__test/respond?delay=3000&body=%7B%7D';

const office = {
  name: 'KISS Musterstadt',
  description: { de: 'Wir vermitteln Kontakte zu Selbsthilfegruppen.', en: 'We put people in touch with self-help groups.', ar: 'نساعدكم على التواصل مع مجموعات المساعدة الذاتية.' },
  address: { street: 'Lindenallee 12', postalCode: '12345', city: 'Musterstadt', district: 'Altstadt' },
  phone: '+49 30 23125 100',
  email: 'kiss@musterstadt.example',
  website: 'https://kiss.musterstadt.example/',
  openingHours: [
    { days: ['MO', 'TU', 'TH'], opens: '09:00', closes: '13:00' },
    { days: ['TU'], opens: '14:00', closes: '18:00' },
  ],
  languages: ['de', 'en', 'ar'],
  freeAndConfidential: true,
};
const feed = { version: 1, language: 'de', timezone: 'Europe/Berlin', office, topics: [{ id: 't', name: 'T' }], groups: [{ id: 'g', name: 'G', topics: ['t'] }] };
const withOffice = (patch: Record<string, unknown>) => ({ ...feed, office: { ...office, ...patch } });

const MONDAY_10 = Date.parse('2026-03-23T09:00:00Z'); // 10:00 in Berlin
const MONDAY_14 = Date.parse('2026-03-23T13:00:00Z');
const DST_SUNDAY = Date.parse('2026-03-29T10:00:00Z'); // 12:00 CEST, the day the clocks went forward

async function card(lang: string, template: ReturnType<typeof html>): Promise<ShgOfficeCard> {
  const wrapper = fixtureSync<HTMLElement>(html`<div lang=${lang}>${template}</div>`);
  const el = wrapper.querySelector('shg-office-card')!;
  await waitUntil(() => el.shadowRoot!.querySelector(`[lang="${lang}"] article, [lang="${lang}"] [part="status"]:not([aria-busy])`), `card did not render in ${lang}`, { timeout: 5000 });
  await el.updateComplete;
  return el;
}
const root = (el: Element) => el.shadowRoot!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<shg-office-card>', () => {
  describe('full variant', () => {
    it('shows name, description, address, phone, e-mail, website, languages and the free-and-confidential line', async () => {
      const el = await card('en', html`<shg-office-card .feed=${feed} .now=${MONDAY_10}></shg-office-card>`);
      const r = root(el);
      expect(text(r.querySelector('[part="name"]'))).to.equal('KISS Musterstadt');
      expect(r.querySelector('[role="heading"]')!.getAttribute('aria-level')).to.equal('2');
      expect(text(r.querySelector('[part="description"]'))).to.equal('We put people in touch with self-help groups.');
      expect((r.querySelector('[part="address"]') as HTMLElement).innerText).to.equal('Lindenallee 12\n12345 Musterstadt (Altstadt)');
      const phone = r.querySelector<HTMLAnchorElement>('a[part="phone"]')!;
      expect(phone.getAttribute('href')).to.equal('tel:+493023125100');
      expect(phone.getAttribute('dir')).to.equal('ltr');
      expect(phone.textContent).to.equal('+49 30 23125 100');
      expect(r.querySelector('a[part="email"]')!.getAttribute('href')).to.equal('mailto:kiss@musterstadt.example');
      const website = r.querySelector<HTMLAnchorElement>('a[part="website"]')!;
      expect(website.getAttribute('href')).to.equal('https://kiss.musterstadt.example/');
      expect(website.textContent).to.equal('kiss.musterstadt.example');
      expect(text(r.querySelector('[part="languages"]'))).to.equal('German, English, and Arabic');
      expect(text(r.querySelector('[part="free"]'))).to.equal('Consultations are free and confidential.');
    });

    it('names the languages with Intl.DisplayNames in the UI language', async () => {
      const el = await card('de', html`<shg-office-card .feed=${feed} .now=${MONDAY_10}></shg-office-card>`);
      expect(text(root(el).querySelector('[part="languages"]'))).to.equal('Deutsch, Englisch und Arabisch');
    });

    it('leaves out the free-and-confidential line when the feed does not say so', async () => {
      const el = await card('en', html`<shg-office-card .feed=${withOffice({ freeAndConfidential: false })}></shg-office-card>`);
      expect(root(el).querySelector('[part="free"]')).to.equal(null);
    });

    it('uses heading-level for the name and the level below for "Opening hours"', async () => {
      const el = await card('en', html`<shg-office-card heading-level="3" .feed=${feed}></shg-office-card>`);
      const levels = [...root(el).querySelectorAll('[role="heading"]')].map((h) => h.getAttribute('aria-level'));
      expect(levels).to.deep.equal(['3', '4']);
    });

    it('lists the week in the UI locale, Monday first in German, with closed days said', async () => {
      const el = await card('de', html`<shg-office-card .feed=${feed} .now=${MONDAY_10}></shg-office-card>`);
      const rows = [...root(el).querySelectorAll('[part="hours"] tr')];
      expect(rows).to.have.length(7);
      expect(text(rows[0]!.querySelector('th'))).to.match(/^Montag/);
      expect(text(rows[1]!.querySelector('td'))).to.match(/9:00.*13:00.*14:00.*18:00/);
      expect(rows[0]!.getAttribute('aria-current')).to.equal('date');
      expect(rows[2]!.querySelector('td .muted')).to.exist; // Wednesday: closed
    });
  });

  describe('open now', () => {
    it('says "Open now, until 1:00 PM" on a Monday morning', async () => {
      const el = await card('en', html`<shg-office-card .feed=${feed} .now=${MONDAY_10}></shg-office-card>`);
      const line = root(el).querySelector('[part="open-state"]')!;
      expect(line.classList.contains('is-open')).to.equal(true);
      expect(text(line)).to.match(/^Open now, until 1:00\sPM$/);
    });

    it('says when it opens next once it has closed', async () => {
      const el = await card('en', html`<shg-office-card .feed=${feed} .now=${MONDAY_14}></shg-office-card>`);
      expect(text(root(el).querySelector('[part="open-state"]'))).to.match(/^Closed now\. Opens tomorrow at 9:00\sAM$/);
    });

    it('names the weekday in the UI language when the next opening is further away', async () => {
      const el = await card('de', html`<shg-office-card .feed=${feed} .now=${Date.parse('2026-03-26T15:00:00Z')}></shg-office-card>`);
      expect(text(root(el).querySelector('[part="open-state"]'))).to.contain('Montag').and.contain('9:00');
    });

    it('gets the day right on the Sunday the clocks go forward', async () => {
      const el = await card('en', html`<shg-office-card .feed=${feed} .now=${DST_SUNDAY}></shg-office-card>`);
      expect(text(root(el).querySelector('[part="open-state"]'))).to.match(/Opens tomorrow at 9:00\sAM$/);
      const today = root(el).querySelector('[part="hours"] tr[aria-current="date"] th');
      expect(text(today)).to.match(/^Sunday/);
    });

    it('follows the clock when no `now` is set, and updates itself when the office closes', async () => {
      // Shift the page's clock to two seconds before Monday 13:00 in Berlin; it keeps running.
      const realNow = Date.now;
      const shift = Date.parse('2026-03-23T11:59:58Z') - realNow();
      Date.now = () => realNow() + shift;
      try {
        const el = await card('en', html`<shg-office-card .feed=${feed}></shg-office-card>`);
        expect(text(root(el).querySelector('[part="open-state"]'))).to.match(/^Open now, until 1:00\sPM$/);
        await waitUntil(() => text(root(el).querySelector('[part="open-state"]')).startsWith('Closed now'), 'the card did not notice closing time', { timeout: 6000 });
        expect(text(root(el).querySelector('[part="open-state"]'))).to.match(/Opens tomorrow at 9:00\sAM$/);
      } finally {
        Date.now = realNow;
      }
    });

    it('shows opening hours the feed gives as free text as they are', async () => {
      const el = await card('de', html`<shg-office-card .feed=${withOffice({ openingHours: 'Mo–Do 9–13 Uhr\nund nach Vereinbarung' })}></shg-office-card>`);
      expect(root(el).querySelector('[part="open-state"]')).to.equal(null);
      expect(root(el).querySelector('[part="hours"]')).to.equal(null);
      expect(root(el).querySelector('[part="hours-text"]')!.textContent).to.equal('Mo–Do 9–13 Uhr\nund nach Vereinbarung');
    });
  });

  describe('compact variant', () => {
    it('keeps the name, open-now line and contact, and leaves out description, table and languages', async () => {
      const el = await card('en', html`<shg-office-card variant="compact" .feed=${feed} .now=${MONDAY_10}></shg-office-card>`);
      const r = root(el);
      expect(r.querySelector('[part="name"]')).to.exist;
      expect(r.querySelector('[part="open-state"]')).to.exist;
      expect(r.querySelector('a[part="phone"]')).to.exist;
      expect(r.querySelector('a[part="email"]')).to.exist;
      expect(r.querySelector('[part="free"]')).to.exist;
      expect(r.querySelector('[part="description"]')).to.equal(null);
      expect(r.querySelector('[part="hours"]')).to.equal(null);
      expect(r.querySelector('[part="languages"]')).to.equal(null);
    });
  });

  describe('links from the feed', () => {
    it('does not link a website that is not http(s), nor a phone number that is not one', async () => {
      const el = await card('en', html`<shg-office-card .feed=${withOffice({ website: 'mailto:x@example.org', phone: 'call us' })}></shg-office-card>`);
      expect(root(el).querySelector('[part="website"]')).to.equal(null);
      expect(root(el).querySelector('a[part="phone"]')).to.equal(null);
    });
  });

  describe('states', () => {
    it('says so calmly when the feed has no office', async () => {
      const { office: _none, ...noOffice } = feed;
      const el = await card('en', html`<shg-office-card .feed=${noOffice}></shg-office-card>`);
      expect(text(root(el).querySelector('[part="status"]'))).to.equal('This directory does not list a contact office.');
      await expect(el).to.be.accessible();
    });

    it('offers the phone number from office-phone when the feed cannot be loaded', async () => {
      const el = await fixture<ShgOfficeCard>(html`<shg-office-card lang="de" src=${FAILING_FEED} office-phone="+49 30 23125 100"></shg-office-card>`);
      await waitUntil(() => root(el).querySelector('[part="error"]'), 'no error view', { timeout: 5000 });
      // Its own words (in German, as the element's lang asks), not the finder's "list of groups".
      expect(root(el).querySelector('[part="error"] p')!.textContent).to.equal('Die Angaben zur Kontaktstelle können gerade nicht angezeigt werden.');
      expect(root(el).querySelector('[part="error"] a[href="tel:+493023125100"]')).to.exist;
      await expect(el).to.be.accessible();
    });
  });

  describe('right to left', () => {
    it('shows German description and free-text hours in a Farsi card as German, left-to-right paragraphs', async () => {
      const { ar: _ar, en: _en, ...germanOnly } = office.description;
      const el = await card('fa', html`<shg-office-card .feed=${withOffice({ description: germanOnly, openingHours: 'Mo–Do 9–13 Uhr' })}></shg-office-card>`);
      for (const part of ['description', 'hours-text']) {
        const paragraph = root(el).querySelector(`p[part="${part}"]`)!;
        expect(paragraph.getAttribute('lang'), part).to.equal('de');
        expect(getComputedStyle(paragraph).direction, part).to.equal('ltr');
      }
      await expect(el).to.be.accessible();
    });
  });

  describe('accessibility', () => {
    for (const lang of ['de', 'ar']) {
      for (const variant of ['full', 'compact']) {
        for (const [when, now] of [['open', MONDAY_10], ['closed', MONDAY_14]] as const) {
          it(`is accessible in the ${variant} variant, ${when}, in ${lang}`, async () => {
            const el = await card(lang, html`<shg-office-card variant=${variant} .feed=${feed} .now=${now}></shg-office-card>`);
            expect(root(el).querySelector(`[lang="${lang}"]`)!.getAttribute('dir')).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
            await expect(el).to.be.accessible();
          });
        }
      }
      it(`is accessible with free-text opening hours in ${lang}`, async () => {
        const el = await card(lang, html`<shg-office-card .feed=${withOffice({ openingHours: 'Mo–Do 9–13 Uhr' })}></shg-office-card>`);
        await expect(el).to.be.accessible();
      });
    }

    it('is accessible while loading', async () => {
      const el = await fixture<ShgOfficeCard>(html`<shg-office-card lang="de" src=${SLOW_FEED}></shg-office-card>`);
      await waitUntil(() => root(el).querySelector('[aria-busy="true"]'), 'no loading view');
      await expect(el).to.be.accessible();
    });

    it('keeps the phone number left-to-right inside Arabic text', async () => {
      const el = await card('ar', html`<shg-office-card .feed=${feed}></shg-office-card>`);
      expect(root(el).querySelector('[dir="rtl"] a[part="phone"]')!.getAttribute('dir')).to.equal('ltr');
    });
  });
});
