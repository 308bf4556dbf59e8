// The bookkeeping behind parts that load on demand (the finder's group view and filter panel).
import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { OnDemandModule } from '../../src/internal/on-demand-module.js';
import { OnDemandParts } from '../../src/internal/on-demand-parts.js';

/** A host that counts the renders its parts ask for. */
function fakeHost(): ReactiveControllerHost & { renders: number } {
  const host = {
    renders: 0,
    addController: (_: ReactiveController) => undefined,
    removeController: (_: ReactiveController) => undefined,
    requestUpdate: () => void host.renders++,
    updateComplete: Promise.resolve(true),
  };
  return host;
}

describe('OnDemandParts', () => {
  it('starts loading when first asked, renders again once the part is there, and loads it once', async () => {
    let loads = 0;
    const part = new OnDemandModule(async () => (loads++, { answer: 42 }));
    const host = fakeHost();
    const parts = new OnDemandParts(host);
    expect(parts.state(part)).to.equal('loading');
    expect(parts.state(part)).to.equal('loading');
    expect(parts.loading).to.be.true;
    await parts.settled();
    expect(parts.loading).to.be.false;
    expect(host.renders).to.equal(1);
    expect(parts.state(part)).to.equal('ready');
    expect(part.loaded).to.deep.equal({ answer: 42 });
    expect(loads).to.equal(1);
  });

  it('reports a failed load, and tries again only when asked to', async () => {
    let fail = true;
    let loads = 0;
    const part = new OnDemandModule(async () => {
      loads++;
      if (fail) throw new TypeError('Failed to fetch dynamically imported module');
      return { ok: true };
    });
    const host = fakeHost();
    const parts = new OnDemandParts(host);
    parts.state(part);
    await parts.settled();
    expect(parts.state(part)).to.equal('failed');
    expect(parts.state(part), 'no new attempt on every render').to.equal('failed');
    expect(loads).to.equal(1);
    fail = false;
    parts.retry(part);
    expect(host.renders).to.equal(2);
    expect(parts.state(part)).to.equal('loading');
    await parts.settled();
    expect(parts.state(part)).to.equal('ready');
    expect(loads).to.equal(2);
  });

  it('settles only when every part has loaded or failed', async () => {
    let release!: () => void;
    const slow = new OnDemandModule(() => new Promise<string>((resolve) => (release = () => resolve('slow'))));
    const quick = new OnDemandModule(async () => 'quick');
    const parts = new OnDemandParts(fakeHost());
    parts.state(slow);
    parts.state(quick);
    let settled = false;
    void parts.settled().then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).to.be.false;
    release();
    await parts.settled();
    expect(settled).to.be.true;
    expect(parts.state(slow)).to.equal('ready');
  });
});
