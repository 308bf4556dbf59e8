import { expect } from '@open-wc/testing';
import { safeEmail, safePhone, safeUrl } from '../../src/feed/url.js';

describe('safeUrl', () => {
  it('keeps https, http, mailto and tel links', () => {
    expect(safeUrl('https://kiss.example/gruppen?x=1#a')).to.equal('https://kiss.example/gruppen?x=1#a');
    expect(safeUrl('http://kiss.example/')).to.equal('http://kiss.example/');
    expect(safeUrl('mailto:info@kiss.example')).to.equal('mailto:info@kiss.example');
    expect(safeUrl('tel:+4930123456')).to.equal('tel:+4930123456');
  });

  it('trims surrounding whitespace', () => {
    expect(safeUrl('  https://kiss.example/  \n')).to.equal('https://kiss.example/');
  });

  it('refuses javascript:, vbscript: and data: links in any spelling', () => {
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'vbscript:msgbox(1)', 'data:text/html,<script>alert(1)</script>']) {
      expect(safeUrl(bad, 'https://kiss.example/'), bad).to.equal(undefined);
    }
  });

  it('refuses schemes hidden by tabs, newlines or other control characters', () => {
    for (const bad of ['java\tscript:alert(1)', 'java\nscript:alert(1)', 'java\u0000script:alert(1)', 'https://kiss.example/\u202Egnp.exe']) {
      expect(safeUrl(bad, 'https://kiss.example/'), JSON.stringify(bad)).to.equal(undefined);
    }
  });

  it('refuses protocol-relative links that would leave the base origin', () => {
    expect(safeUrl('//evil.example/x', 'https://kiss.example/')).to.equal(undefined);
    expect(safeUrl('\\\\evil.example/x', 'https://kiss.example/')).to.equal(undefined);
    expect(safeUrl('/\\evil.example/x', 'https://kiss.example/')).to.equal(undefined);
  });

  it('refuses other schemes and links with user names that disguise the host', () => {
    expect(safeUrl('ftp://kiss.example/')).to.equal(undefined);
    expect(safeUrl('https://kiss.example@evil.example/')).to.equal(undefined);
  });

  it('resolves relative paths against a base and refuses them without one', () => {
    expect(safeUrl('kontakt.html', 'https://kiss.example/feeds/feed.json')).to.equal('https://kiss.example/feeds/kontakt.html');
    expect(safeUrl('/datenschutz', 'https://kiss.example/feeds/feed.json')).to.equal('https://kiss.example/datenschutz');
    expect(safeUrl('kontakt.html')).to.equal(undefined);
  });

  it('refuses relative paths against a base that is not a web address', () => {
    expect(safeUrl('x', 'javascript:alert(1)')).to.equal(undefined);
  });

  it('returns undefined for anything that is not a string', () => {
    expect(safeUrl(42)).to.equal(undefined);
    expect(safeUrl(null)).to.equal(undefined);
    expect(safeUrl({ href: 'https://kiss.example/' })).to.equal(undefined);
  });
});

describe('safePhone', () => {
  it('turns a written number into digits for tel:', () => {
    expect(safePhone('030 / 123 45-67')).to.equal('0301234567');
    expect(safePhone('+49 (0)30 123 456')).to.equal('+4930123456');
    expect(safePhone('tel:+49 30 1')).to.equal('+49301');
  });

  it('reads the digits an Arabic or Persian phone keyboard types', () => {
    expect(safePhone('۰۱۷۶ ۱۲۳۴۵۶۷')).to.equal('01761234567');
    expect(safePhone('+٤٩ ٣٠ ١٢٣٤٥')).to.equal('+493012345');
    expect(safePhone('０３０ １２３')).to.equal('030123');
  });

  it('refuses letters, injected parameters and too few digits', () => {
    expect(safePhone('0800-SELBSTHILFE')).to.equal(undefined);
    expect(safePhone('030123;ext=1')).to.equal(undefined);
    expect(safePhone('12')).to.equal(undefined);
    expect(safePhone(30123456)).to.equal(undefined);
  });
});

describe('safeEmail', () => {
  it('keeps a plain address and drops a mailto: prefix', () => {
    expect(safeEmail(' info@kiss.example ')).to.equal('info@kiss.example');
    expect(safeEmail('MAILTO:info@kiss.example')).to.equal('info@kiss.example');
    expect(safeEmail('kontakt@selbsthilfe-köln.example')).to.equal('kontakt@selbsthilfe-köln.example');
  });

  it('refuses addresses that would add recipients or headers to a mailto: link', () => {
    expect(safeEmail('info?bcc=spam@evil.example')).to.equal(undefined);
    expect(safeEmail('info@kiss.example?subject=x')).to.equal(undefined);
    expect(safeEmail('a&b@kiss.example')).to.equal(undefined);
    expect(safeEmail('info@kiss.example, spam@evil.example')).to.equal(undefined);
  });

  it('refuses things that are not addresses', () => {
    expect(safeEmail('info')).to.equal(undefined);
    expect(safeEmail('info@localhost')).to.equal(undefined);
    expect(safeEmail(undefined)).to.equal(undefined);
  });
});
