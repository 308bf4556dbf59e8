import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { matchLocale, wantedLocale, isRtl } from '../../src/internal/localization.js';
import { setLocale } from '../../src/index.js';
import '../../src/define.js';

describe('choosing the UI language', () => {
  const htmlLang = document.documentElement.lang;
  afterEach(() => (document.documentElement.lang = htmlLang));

  it('falls back from a regional variant to its language and refuses unsupported ones', () => {
    expect(matchLocale('de-AT')).to.equal('de');
    expect(matchLocale('AR_eg')).to.equal('ar');
    expect(matchLocale('fa-IR')).to.equal('fa');
    expect(matchLocale('pt-BR')).to.equal(undefined);
    expect(matchLocale('')).to.equal(undefined);
  });

  it('takes the element\'s own lang, then the nearest ancestor\'s, then <html lang>', () => {
    document.documentElement.lang = 'pl';
    const page = fixtureSync(html`<div lang="uk"><section><p id="inner"></p><p id="own" lang="tr"></p></section></div><p id="outside"></p>`);
    expect(wantedLocale(page.querySelector('#own')!)).to.equal('tr');
    expect(wantedLocale(page.querySelector('#inner')!)).to.equal('uk');
    expect(wantedLocale(document.querySelector('#outside')!)).to.equal('pl');
  });

  it('uses the browser\'s languages when the page names none it supports, else German', () => {
    document.documentElement.lang = 'pt';
    const el = fixtureSync(html`<p></p>`);
    const fromBrowser = navigator.languages.map(matchLocale).find(Boolean);
    expect(wantedLocale(el)).to.equal(fromBrowser ?? 'de');
  });

  it('knows Arabic and Farsi are written right to left', () => {
    expect(isRtl('ar')).to.be.true;
    expect(isRtl('fa-IR')).to.be.true;
    expect(isRtl('de')).to.be.false;
  });

  it('lets setLocale() from the page win over the elements\' lang', async () => {
    await setLocale('uk');
    const wrapper = fixtureSync(html`<div lang="ar"><shg-group-finder src="/test/fixtures/mini-feed.json"></shg-group-finder></div>`);
    const el = wrapper.querySelector('shg-group-finder')!;
    await waitUntil(() => el.shadowRoot?.querySelector('.card'), 'no results', { timeout: 5000 });
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang')).to.equal('uk');
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('dir')).to.equal('ltr');
  });
});
