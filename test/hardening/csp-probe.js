// Runs first in a /__test/csp/page (a classic script from 'self', so the strict policy allows it).
// Records CSP violations, errors and every request, waits for the finder to show results,
// opens the first group, and posts a report to the parent test page.
(function () {
  'use strict';
  var report = { violations: [], errors: [], warnings: [], rendered: false, cards: 0, detail: false, resources: [], submitted: 0 };
  window.__probe = report;

  document.addEventListener('securitypolicyviolation', function (e) {
    report.violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample });
  });
  window.addEventListener('error', function (e) {
    report.errors.push('error: ' + (e.message || String(e.error)) + ' @ ' + e.filename + ':' + e.lineno);
  });
  window.addEventListener('unhandledrejection', function (e) {
    report.errors.push('unhandledrejection: ' + (e.reason && e.reason.message ? e.reason.message : String(e.reason)));
  });
  var warn = console.warn;
  console.warn = function () {
    report.warnings.push(Array.prototype.join.call(arguments, ' '));
    return warn.apply(console, arguments);
  };
  var error = console.error;
  console.error = function () {
    report.errors.push('console.error: ' + Array.prototype.join.call(arguments, ' '));
    return error.apply(console, arguments);
  };
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (entry) {
        report.resources.push(entry.name);
      });
    }).observe({ type: 'resource', buffered: true });
  } catch (e) {
    report.errors.push('PerformanceObserver: ' + e.message);
  }

  function send(final) {
    report.final = final;
    report.trustedTypes = typeof window.trustedTypes !== 'undefined';
    report.location = location.href;
    parent.postMessage({ shgProbe: JSON.parse(JSON.stringify(report)) }, location.origin);
  }

  var started = Date.now();
  function poll() {
    var form = document.getElementById('host-form');
    if (form && !form.__counted) {
      form.__counted = true;
      form.addEventListener('submit', function (e) {
        report.submitted++;
        e.preventDefault();
      });
    }
    var finder = document.querySelector('shg-group-finder');
    var root = finder && finder.shadowRoot;
    var cards = root ? root.querySelectorAll('.card-title') : [];
    if (cards.length) {
      report.rendered = true;
      report.cards = cards.length;
      report.defined = ['shg-group-finder', 'shg-topic-list', 'shg-office-card', 'shg-contact-form'].filter(function (tag) {
        return !!customElements.get(tag);
      });
      report.adoptedSheets = root.adoptedStyleSheets ? root.adoptedStyleSheets.length : 0;
      report.styleElements = root.querySelectorAll('style').length;
      cards[0].click();
      setTimeout(function () {
        report.detail = !!root.querySelector('.detail');
        // Give lazy chunks (locales) and late violations a moment to show up.
        setTimeout(function () {
          send(true);
        }, 300);
      }, 200);
      return;
    }
    if (root && root.querySelector('.error')) report.errorView = root.querySelector('.error').textContent.replace(/\s+/g, ' ').trim();
    if (Date.now() - started > 8000) return send(false);
    setTimeout(poll, 50);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', poll);
  else poll();
})();
