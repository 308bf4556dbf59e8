// The page side of the benchmark: loads the production build, puts one finder on the page
// and exposes `window.bench`, which bench/run.mjs drives through puppeteer.
//
// Every measurement ends at "the frame after the DOM updated": the DOM change is seen
// (a MutationObserver for the first cards, `shg-search`/`shg-group-open` and then
// `updateComplete` for interactions), then requestAnimationFrame, then setTimeout(0)
// inside it. rAF runs at the start of the next frame's main-thread work, and a task posted
// from it runs once that frame's style, layout and paint are done. Paint Timing only knows
// the first (loading) paint, and Element Timing neither sees into shadow roots nor is
// there an `elementtiming` attribute on the cards, so neither can time the results.
//
// Each figure comes in two forms:
//   frame    start → end of the next frame's main-thread work (what the visitor waits for;
//            includes waiting for the display's next frame, 0–16.7 ms at 60 Hz)
//   busy     the same minus that wait: (start → DOM updated) + (frame start → frame end)
const params = new URLSearchParams(location.search);
// The production bundle; ?build=dist the unbundled tsc output (bare imports via page.html's import map).
await import(params.get('build') === 'dist' ? '../dist/embed.js' : '../cdn/selbsthilfe-widgets.js');

const feedPath = params.get('feed');
if (!feedPath) throw new Error('page.html needs ?feed=/bench/feeds/N.json');
const feedUrl = new URL(feedPath, location.href).href;

const now = () => performance.now();

/** Resolves after the main-thread work of the next frame (see the top of this file). */
function nextFrame() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const frameStart = now();
      setTimeout(() => resolve({ frameStart, frameEnd: now() }), 0);
    });
  });
}

/** Until the element has no render pending (a render may request another). */
async function settled(el) {
  while (!(await el.updateComplete));
}

function timing(start, dom, frame) {
  return {
    start,
    dom,
    frameStart: frame.frameStart,
    frameEnd: frame.frameEnd,
    frame: frame.frameEnd - start,
    busy: dom - start + (frame.frameEnd - frame.frameStart),
    domMs: dom - start,
  };
}

const longTasks = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch {
  // No Long Tasks API: longest task stays unknown.
}

const finder = document.createElement('shg-group-finder');

/** First results: the first `.card` in the shadow DOM, then the frame after it. */
const loaded = new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('no result card within 120 s')), 120000);
  let observer;
  const check = async () => {
    const card = finder.shadowRoot?.querySelector('.card');
    if (!card) return;
    observer.disconnect();
    const dom = now();
    performance.mark('bench:first-card-in-dom', { startTime: dom });
    const frame = await nextFrame();
    clearTimeout(timer);
    performance.mark('bench:first-results-painted', { startTime: frame.frameEnd });
    const feed = performance.getEntriesByName(feedUrl).find((e) => e.entryType === 'resource');
    if (!feed) return reject(new Error(`no Resource Timing entry for ${feedUrl}`));
    performance.mark('bench:feed-response-end', { startTime: feed.responseEnd });
    performance.measure('bench:feed-to-first-results', { start: feed.responseEnd, end: frame.frameEnd });
    resolve({
      feedFetchStart: feed.fetchStart,
      feedResponseStart: feed.responseStart,
      feedResponseEnd: feed.responseEnd,
      feedTransferSize: feed.transferSize,
      feedBodySize: feed.decodedBodySize,
      ...timing(feed.responseEnd, dom, frame),
      cards: finder.shadowRoot.querySelectorAll('.card').length,
      countText: finder.shadowRoot.querySelector('#shg-count')?.textContent.trim(),
    });
  };
  observer = new MutationObserver(check);
  // Lit creates the shadow root when the element connects.
  document.getElementById('main').append(finder);
  observer.observe(finder.shadowRoot, { childList: true, subtree: true });
  finder.src = feedUrl;
});

let pending;

const bench = {
  feedUrl,
  finder,
  loaded,

  /** When the word index built in idle time is complete (ms since time origin). */
  async indexReady() {
    await loaded;
    const index = finder.searchIndex;
    if (index?.ready) await index.ready;
    return now();
  },

  /** Long tasks (≥ 50 ms) seen so far: how long the main thread was blocked at most. */
  longTasks(since = 0) {
    return longTasks.filter((t) => t.start + t.duration >= since);
  },

  /**
   * Arms one measurement; run.mjs then performs the real input and calls result().
   * kind: 'key' (from keydown), 'filter' (from click, ends after shg-search),
   * 'open' (from click, ends when #shg-detail-title is in the DOM).
   */
  arm(kind, timeoutMs = 60000) {
    const startType = kind === 'key' ? 'keydown' : 'click';
    const doneType = kind === 'open' ? 'shg-group-open' : 'shg-search';
    let start;
    const onStart = (e) => {
      start = e.timeStamp;
    };
    addEventListener(startType, onStart, { capture: true, once: true });
    pending = new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        finder.removeEventListener(doneType, onDone);
        reject(new Error(`${kind}: no ${doneType} within ${timeoutMs} ms`));
      }, timeoutMs);
      const onDone = async (e) => {
        const handled = now();
        await settled(finder);
        const dom = now();
        if (kind === 'open' && !finder.shadowRoot.querySelector('#shg-detail-title')) {
          clearTimeout(timer);
          return reject(new Error('open: #shg-detail-title is not in the DOM after shg-group-open'));
        }
        const frame = await nextFrame();
        clearTimeout(timer);
        if (start === undefined) return reject(new Error(`${kind}: saw ${doneType} but no ${startType}`));
        performance.measure(`bench:${kind}`, { start, end: frame.frameEnd });
        resolve({ ...timing(start, dom, frame), handledMs: handled - start, count: e.detail?.count });
      };
      finder.addEventListener(doneType, onDone, { once: true });
    });
    pending.catch(() => {});
  },

  result() {
    return pending;
  },

  focusSearch() {
    finder.shadowRoot.querySelector('#shg-q').focus();
  },

  /** Selects the search text, so the next Backspace clears it (one keystroke). */
  selectSearchText() {
    const input = finder.shadowRoot.querySelector('#shg-q');
    input.focus();
    input.select();
    return input.value;
  },

  searchValue() {
    return finder.shadowRoot.querySelector('#shg-q').value;
  },

  filterButton() {
    return finder.shadowRoot.querySelector('button[aria-controls="shg-filters"]');
  },

  async filtersOpen() {
    await settled(finder);
    return !finder.shadowRoot.querySelector('#shg-filters').hidden;
  },

  /** The weekday checkboxes: the fieldset of #shg-filters with seven checkboxes. */
  weekdayCheckbox(day) {
    const sets = [...finder.shadowRoot.querySelectorAll('#shg-filters fieldset')];
    const days = sets.find((fs) => fs.querySelectorAll('input[type="checkbox"]').length === 7);
    if (!days) throw new Error('no fieldset with seven weekday checkboxes in #shg-filters');
    return days.querySelectorAll('input[type="checkbox"]')[day];
  },

  checkboxLabel(input) {
    return input.closest('label')?.textContent.trim();
  },

  cardTitle(i) {
    return finder.shadowRoot.querySelectorAll('#shg-results a.card-title')[i];
  },

  count() {
    return finder.shadowRoot.querySelector('#shg-count')?.textContent.trim();
  },

  async closeGroup() {
    finder.closeGroup();
    await settled(finder);
    await nextFrame();
    if (finder.shadowRoot.querySelector('#shg-detail-title')) throw new Error('the group did not close');
  },

  async settle() {
    await settled(finder);
    await nextFrame();
  },

  /** The floor: JSON.parse alone on the same bytes, `reps` times. */
  async parseFloor(reps = 1) {
    const text = await (await fetch(feedUrl, { cache: 'no-store' })).text();
    const times = [];
    for (let i = 0; i < reps; i++) {
      const t0 = now();
      const value = JSON.parse(text);
      times.push(now() - t0);
      if (!value || !Array.isArray(value.groups)) throw new Error('the feed has no groups list');
    }
    return { times, chars: text.length };
  },
};

window.bench = bench;
