/**
 * The hardening checks themselves: each must fail on the thing it guards against, or the
 * green corpus run would prove nothing.
 */
import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { expectCalm, expectNothingRan, expectSafeDom, watchPage } from './hardening-harness.js';

/** A host element whose shadow root holds `markup` (as an attacker's feed would need it to). */
function hostWith(markup: string): HTMLElement {
  const host = fixtureSync<HTMLElement>(html`<div></div>`);
  host.attachShadow({ mode: 'open' }).innerHTML = markup;
  return host;
}

describe('the hardening checks', () => {
  for (const [what, markup] of [
    ['a javascript: link', '<a href="javascript:void 0">x</a>'],
    ['a javascript: link hidden by a tab', '<a href="java&#9;script:void 0">x</a>'],
    ['a data: link', '<a href="data:text/html,x">x</a>'],
    ['a vbscript: link', '<a href="vbscript:x">x</a>'],
    ['a protocol-relative link', '<a href="//evil.example/">x</a>'],
    ['a backslash link', '<a href="\\\\evil.example/">x</a>'],
    ['an event handler attribute', '<p onclick="x()">x</p>'],
    ['an image', '<img alt="">'],
    ['an iframe', '<iframe title="x"></iframe>'],
    ['an inline style from data', '<p style="display:none">x</p>'],
  ]) {
    it(`expectSafeDom refuses ${what}`, () => {
      expect(() => expectSafeDom(hostWith(markup!))).to.throw();
    });
  }

  it('expectSafeDom accepts https, http, mailto, tel and same-page links', () => {
    expectSafeDom(hostWith('<a href="https://a.example/">a</a><a href="http://a.example/">b</a><a href="mailto:a@b.example">c</a><a href="tel:+49301">d</a><a href="?shg-group=x">e</a><a href="#top">f</a>'));
  });

  it('the trap catches a payload that runs', async () => {
    const watch = watchPage();
    // Record without throwing here: a throw would fail this test through mocha's own error handler.
    window.__pwned = (...args: unknown[]) => void watch.pwned.push(args);
    try {
      hostWith('<img src="data:," onerror="window.__pwned(\'test\')">');
      await waitUntil(() => watch.pwned.length > 0, 'the payload never ran', { timeout: 2000 });
      expect(() => expectNothingRan(watch)).to.throw();
    } finally {
      watch.stop();
    }
  });

  it('expectCalm refuses internals in what the visitor reads', () => {
    expect(() => expectCalm(hostWith('<p>groups[3].name is missing</p>'), false)).to.throw();
    expect(() => expectCalm(hostWith('<p>HTTP 500</p>'), false)).to.throw();
    expect(() => expectCalm(hostWith('<div part="error"><p>Something broke.</p></div>'), true)).to.throw();
  });
});
