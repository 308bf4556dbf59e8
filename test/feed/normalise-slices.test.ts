import { expect } from '@open-wc/testing';
import { normaliseFeed } from '../../src/feed/normalise.js';
import { normaliseFeedInSlices, readInFull, whenReadInFull } from '../../src/feed/normalise-slices.js';
import { generateFeed } from '../../src/feed/generate.js';
import { FeedError } from '../../src/feed/errors.js';
import type { Directory } from '../../src/feed/types.js';
import { createSearchIndex, searchGroups, type SearchIndex } from '../../src/search/index.js';

/** A generated feed with the mistakes that decide whether a group is kept, and some that do not. */
function hostileFeed(): Record<string, unknown> & { groups: unknown[] } {
  const feed = generateFeed({ groups: 400, seed: 5 }) as unknown as Record<string, unknown> & { groups: Record<string, unknown>[] };
  const g = feed.groups as unknown[];
  const at = (i: number) => g[i] as Record<string, unknown>;
  at(3).id = at(2).id; // a duplicate: the later one is left out
  delete at(5).name;
  at(7).name = ' \u200b\t ';
  at(9).id = 'not an id!';
  g[11] = 'a string';
  g[13] = null;
  at(15).status = 'sleeping'; // read as "open", with a warning
  at(17).name = { de: '  Zweisprachig  ', en: 'Bilingual', 'xx-not a tag': 'x' };
  at(19).meetings = 'every Monday';
  at(21).name = 'x'.repeat(400); // cut, with a warning
  at(23).id = at(30).id; // an earlier duplicate: the group at 30 is the one left out
  return feed as unknown as Record<string, unknown> & { groups: unknown[] };
}

describe('normaliseFeedInSlices', () => {
  it('reads a large feed to the same directory as normaliseFeed, giving the page turns in between', async () => {
    const feed = generateFeed({ groups: 3000, seed: 11 });
    const expected = normaliseFeed(structuredClone(feed));
    // Count the turns it gives the page: scheduler.yield() where the browser has it, else timers.
    const host = globalThis as { scheduler?: { yield?: () => Promise<void> } };
    const realYield = host.scheduler?.yield;
    let turns = 0;
    if (host.scheduler && realYield) host.scheduler.yield = () => (turns++, realYield.call(host.scheduler));
    const ticking = realYield ? undefined : setInterval(() => turns++, 0);
    let got;
    try {
      got = await normaliseFeedInSlices(structuredClone(feed), { sliceMs: 1 });
    } finally {
      if (host.scheduler && realYield) host.scheduler.yield = realYield;
      clearInterval(ticking);
    }
    expect(turns, 'the page got turns while the feed was read').to.be.greaterThan(0);
    expect(got.groups.length).to.equal(expected.groups.length);
    expect(JSON.stringify(got.groups)).to.equal(JSON.stringify(expected.groups));
    expect(got.problems).to.deep.equal(expected.problems);
  });

  it('rejects what normaliseFeed rejects, with the same FeedError', async () => {
    const error = await normaliseFeedInSlices({ version: 1 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(FeedError);
    expect((error as FeedError).code).to.equal('no-groups');
  });
});

describe('the first stage of a large feed', () => {
  async function readInStages(feed: unknown) {
    let early: Directory | undefined;
    let groupsAtFirstStage: unknown[] = [];
    const directory = await normaliseFeedInSlices(feed, {
      earlyFrom: 1,
      sliceMs: 1,
      onEarly: (d) => {
        early = d;
        groupsAtFirstStage = d.groups.map((g) => ({ ...g }));
      },
    });
    return { early: early!, groupsAtFirstStage, directory };
  }

  it('lists exactly the groups that will be kept, with their id, name and status, before reading them in full', async () => {
    const feed = hostileFeed();
    const expected = normaliseFeed(structuredClone(feed));
    const { early, groupsAtFirstStage } = await readInStages(structuredClone(feed));
    expect(groupsAtFirstStage.map((g) => (g as { id: string }).id)).to.deep.equal(expected.groups.map((g) => g.id));
    for (const [i, head] of (groupsAtFirstStage as Directory['groups']).entries()) {
      const full = expected.groups[i]!;
      expect([head.name, head.status]).to.deep.equal([full.name, full.status]);
      expect(head.meetings, 'the rest waits for the full read').to.deep.equal([]);
    }
    expect(early.topics).to.deep.equal(expected.topics);
    expect(early.office).to.deep.equal(expected.office);
  });

  it('becomes, in place, the same directory normaliseFeed reads, with every problem in feed order', async () => {
    const feed = hostileFeed();
    const expected = normaliseFeed(structuredClone(feed));
    const first: unknown[] = [];
    const { early, directory } = await readInStages(structuredClone(feed));
    first.push(...early.groups);
    expect(directory, 'the very object handed out early').to.equal(early);
    expect(JSON.stringify(directory.groups)).to.equal(JSON.stringify(expected.groups));
    expect(directory.problems).to.deep.equal(expected.problems);
    expect(directory.problems.some((p) => p.path === 'groups[30].id'), 'the later duplicate is reported').to.equal(true);
    expect([...directory.groupsById.keys()]).to.deep.equal([...expected.groupsById.keys()]);
    directory.groups.forEach((g, i) => expect(g, 'a group object handed out early is the group').to.equal(first[i]));
  });

  it('reads single groups in full on request (the first page), the same as the full read does', async () => {
    const feed = hostileFeed();
    const expected = normaliseFeed(structuredClone(feed));
    let early!: Directory;
    let readEarly: unknown;
    let pending: Promise<void> | undefined;
    let firstStage!: () => void;
    const seen = new Promise<void>((resolve) => (firstStage = resolve));
    const done = normaliseFeedInSlices(structuredClone(feed), {
      earlyFrom: 1,
      onEarly: (d) => {
        early = d;
        pending = whenReadInFull(d);
        const last = d.groups[d.groups.length - 1]!;
        readInFull(d, [last]);
        readEarly = JSON.parse(JSON.stringify(last));
        firstStage();
      },
    });
    await seen;
    expect(readEarly).to.deep.equal(JSON.parse(JSON.stringify(expected.groups[expected.groups.length - 1])));
    expect(pending, 'a first stage tells when it is complete').to.be.instanceOf(Promise);
    await done;
    await pending;
    expect(whenReadInFull(early), 'a complete directory is no longer a first stage').to.equal(undefined);
    expect(early.problems).to.deep.equal(expected.problems);
  });

  it('reads many groups at a time in full too (a large page size), each the same as the full read', async () => {
    const feed = generateFeed({ groups: 300, seed: 12 });
    const expected = normaliseFeed(structuredClone(feed));
    let inFull: unknown;
    let firstStage!: () => void;
    const seen = new Promise<void>((resolve) => (firstStage = resolve));
    const done = normaliseFeedInSlices(structuredClone(feed), {
      earlyFrom: 1,
      onEarly: (d) => {
        const some = d.groups.filter((_, i) => i % 3 === 0);
        readInFull(d, some.slice(0, 10));
        readInFull(d, some);
        inFull = JSON.parse(JSON.stringify(some));
        firstStage();
      },
    });
    await seen;
    expect(inFull).to.deep.equal(JSON.parse(JSON.stringify(expected.groups.filter((_, i) => i % 3 === 0))));
    await done;
  });

  it('is skipped for small feeds and when nobody asks for it', async () => {
    let called = false;
    const feed = generateFeed({ groups: 50, seed: 1 });
    const directory = await normaliseFeedInSlices(feed, { onEarly: () => (called = true) });
    expect(called, 'below 2,000 groups by default').to.equal(false);
    expect(whenReadInFull(directory)).to.equal(undefined);
  });

  it('keeps reading when the callback throws', async () => {
    const errors: unknown[] = [];
    const realError = console.error;
    console.error = (e: unknown) => errors.push(e);
    try {
      const directory = await normaliseFeedInSlices(generateFeed({ groups: 20, seed: 2 }), {
        earlyFrom: 1,
        onEarly: () => {
          throw new Error('a bug in the caller');
        },
      });
      expect(directory.groups).to.have.length(20);
    } finally {
      console.error = realError;
    }
    expect(errors).to.have.length(1);
  });

  it('is skipped when the caller no longer wants it by the time the groups are reached', async () => {
    let called = false;
    await normaliseFeedInSlices(generateFeed({ groups: 30, seed: 3 }), { earlyFrom: 1, onEarly: () => (called = true), wantsEarly: () => false });
    expect(called).to.equal(false);
  });

  it('gives a new directory when the feed object changed between the passes, read from the changed feed', async () => {
    const feed = generateFeed({ groups: 40, seed: 6 }) as unknown as { groups: unknown[] };
    let early: Directory | undefined;
    const directory = await normaliseFeedInSlices(feed, {
      earlyFrom: 1,
      onEarly: (d) => {
        early = d;
        feed.groups.pop();
      },
    });
    expect(directory).not.to.equal(early);
    expect(whenReadInFull(early!), 'the first stage is over').to.equal(undefined);
    const expected = normaliseFeed(feed);
    expect(JSON.stringify(directory.groups)).to.equal(JSON.stringify(expected.groups));
  });

  it('keeps nothing a search builds from a first stage: filters built meanwhile are built again from the whole directory', async () => {
    const feed = generateFeed({ groups: 60, seed: 9 });
    let index: SearchIndex | undefined;
    let meanwhile: number | undefined;
    const topic = (feed.groups[0] as { topics: string[] }).topics[0]!;
    const directory = await normaliseFeedInSlices(feed, {
      earlyFrom: 1,
      onEarly: (early) => {
        index = createSearchIndex(early, { locale: 'de', background: false });
        meanwhile = searchGroups(index, { topics: [topic] }).length;
      },
    });
    expect(meanwhile, 'heads have no topics yet').to.equal(0);
    expect(directory.groups.length).to.equal(60);
    expect(searchGroups(index!, { topics: [topic] }).length, 'the same index, now from every group').to.be.greaterThan(0);
  });
});
