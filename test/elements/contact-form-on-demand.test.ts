// The code that runs only after "send" (checks, payload, POST, the views that follow) is not
// part of the first paint: it loads on demand. These tests swap its loader to count, slow down
// or break that load, as a slow or dead connection would.
import { expect } from '@open-wc/testing';
import { sendingCode } from '../../src/elements/contact-form/on-demand.js';
import {
  button,
  control,
  DRAFT_KEY,
  englishForm,
  errorSummary,
  fill,
  fillValid,
  focusedId,
  marker,
  spyOnPosts,
  storedMessages,
  submit,
  submitButton,
  textOf,
  waitForStatus,
} from './contact-form-harness.js';

const realLoad = sendingCode.source;

describe('<shg-contact-form> with its sending code loaded on demand', () => {
  beforeEach(() => {
    sessionStorage.clear();
    sendingCode.forget();
  });
  afterEach(() => {
    sendingCode.source = realLoad;
    sendingCode.forget();
  });

  it('does not load it for the first paint, starts when the visitor turns to the form, and sends with it', async () => {
    let loads = 0;
    sendingCode.source = () => (loads++, realLoad());
    const el = await englishForm();
    expect(loads, 'loaded before the visitor did anything').to.equal(0);
    await fill(el, '#shg-name', 'Mara');
    expect(loads, 'one load as soon as the visitor turns to a field').to.equal(1);

    const token = marker();
    await fillValid(el, token);
    await submit(el);
    await waitForStatus(el, 'sent');
    expect(await storedMessages(token)).to.have.length(1);
    expect(loads, 'loaded more than once').to.equal(1);
  });

  it('lets a press on “send” wait for it: the errors show, and a double press sends one message', async () => {
    /** A load that waits until the test lets it through, like a slow connection. */
    const slowLoad = () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      sendingCode.forget();
      sendingCode.source = async () => (await gate, realLoad());
      return release;
    };
    let release = slowLoad();
    let el = await englishForm();
    // Without touching a field first: the press itself waits for the code, and the form says it is busy.
    submitButton(el).click();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(el.shadowRoot!.querySelector('form')!.getAttribute('aria-busy')).to.equal('true');
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('true');
    setTimeout(release, 80);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('form')!.getAttribute('aria-busy')).to.equal('false');
    expect(errorSummary(el)?.focused).to.be.true;
    el.remove();

    release = slowLoad();
    el = await englishForm();
    const token = marker();
    await fillValid(el, token);
    const spy = spyOnPosts();
    try {
      submitButton(el).click();
      submitButton(el).click();
      release();
      await waitForStatus(el, 'sent');
    } finally {
      spy.restore();
    }
    expect(spy.keys).to.have.length(1);
    expect(await storedMessages(token)).to.have.length(1);
  });

  it('when it cannot be loaded (connection gone), says so calmly, keeps the text and the draft, and sends on retry', async () => {
    let loads = 0;
    sendingCode.source = () => (loads++, Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    const el = await englishForm();
    const events: string[] = [];
    for (const type of ['shg-submit', 'shg-sent', 'shg-send-error']) el.addEventListener(type, () => events.push(type));
    const token = marker();
    await fillValid(el, token);
    expect(loads, 'tried once while typing, not at every keystroke').to.equal(1);
    await submit(el);
    await waitForStatus(el, 'failed');
    expect(loads, 'the press on “send” tried again').to.equal(2);

    expect(focusedId(el)).to.equal('shg-failure');
    expect(textOf(el, '#shg-failure')).to.contain('has not been sent yet');
    expect(textOf(el, '#shg-failure')).to.contain('the connection failed');
    expect(textOf(el, '#shg-failure')).to.contain('What you wrote is still here');
    expect(textOf(el, '#shg-failure')).to.contain('call the contact office');
    expect(control<HTMLTextAreaElement>(el, 'Your message').value).to.equal(token);
    expect(sessionStorage.getItem(DRAFT_KEY)).to.contain(token);
    expect(events, 'nothing was sent, so no event claims otherwise').to.deep.equal([]);

    // Typing still saves the draft without the code.
    await fill(el, '#shg-message', `${token} (edited)`);
    expect(sessionStorage.getItem(DRAFT_KEY)).to.contain(`${token} (edited)`);

    sendingCode.source = realLoad;
    button(el, 'Try again').click();
    await waitForStatus(el, 'sent');
    expect(await storedMessages(token)).to.have.length(1);
    expect(events).to.deep.equal(['shg-submit', 'shg-sent']);
  });
});
