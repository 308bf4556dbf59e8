import { expect } from '@open-wc/testing';
import { adaptFeed, hsdsToFeed, isFeedFormat, meetingGuideToFeed } from '../../src/feed/adapters/index.js';
import { firstMatchingDate } from '../../src/feed/adapters/common.js';
import { FeedError } from '../../src/feed/errors.js';
import { normaliseFeed } from '../../src/feed/normalise.js';
import { parseRRule } from '../../src/schedule/rrule.js';
import type { Feed, FeedGroup } from '../../src/feed/types.js';

async function fixture(name: string): Promise<unknown> {
  const response = await fetch(`/test/fixtures/cli/${name}`);
  return response.json();
}

const errors = (feed: Feed) => normaliseFeed(feed).problems.filter((p) => p.severity === 'error');
const group = (feed: Feed, id: string): FeedGroup => {
  const found = feed.groups.find((g) => g.id === id);
  if (!found) throw new Error(`no group ${id}`);
  return found;
};

describe('meetingGuideToFeed', () => {
  let meetings: Record<string, unknown>[];
  before(async () => {
    meetings = (await fixture('meeting-guide.json')) as Record<string, unknown>[];
  });

  it('turns each weekday into a weekly rule that starts on the first such day after the anchor date', () => {
    const { feed } = meetingGuideToFeed(meetings, { anchorDate: '2026-01-01' });
    const online = group(feed, 'frauenmeeting-online').meetings?.[0];
    expect(online?.rrule).to.equal('FREQ=WEEKLY;BYDAY=TU,FR');
    expect(online?.start).to.equal('2026-01-02T20:00');
    expect(online?.end).to.equal('21:00');
    const later = meetingGuideToFeed(meetings, { anchorDate: '2026-03-10' }).feed;
    expect(group(later, 'frauenmeeting-online').meetings?.[0]?.start).to.equal('2026-03-10T20:00');
  });

  it('puts meetings that share a group name into one group with one place per address', () => {
    const { feed } = meetingGuideToFeed(meetings);
    const aa = group(feed, 'anonyme-alkoholiker-mitte');
    expect(aa.meetings?.map((m) => m.rrule)).to.deep.equal(['FREQ=WEEKLY;BYDAY=MO', 'FREQ=WEEKLY;BYDAY=TH']);
    expect(aa.meetings?.map((m) => m.place)).to.deep.equal(['nachbarschaftshaus-lindenhof', 'nachbarschaftshaus-lindenhof']);
    expect(aa.keywords).to.deep.equal(['Montagsgruppe Mitte', 'Donnerstag Literatur']);
    expect(aa.updated).to.equal('2026-03-01T19:00:00Z');
  });

  it('maps type codes to audience, languages, age group, access and keywords, and reports the others once each', () => {
    const { feed, problems } = meetingGuideToFeed(meetings, { language: 'de' });
    expect(group(feed, 'anonyme-alkoholiker-mitte').audience).to.deep.equal(['affected', 'relatives']);
    expect(group(feed, 'frauenmeeting-online').audience).to.deep.equal(['affected']);
    expect(group(feed, 'frauenmeeting-online').languages).to.deep.equal(['en', 'de']);
    expect(group(feed, 'frauenmeeting-online').keywords).to.deep.equal(['Frauen']);
    expect(group(feed, 'junge-leute-samstag').ageGroup).to.equal('young');
    expect(group(feed, 'sonntag-spaetgruppe').status).to.equal('paused');
    expect(feed.places?.[0]?.accessibility).to.deep.equal({ wheelchair: true });
    const lit = problems.filter((p) => p.message.includes('"LIT"'));
    expect(lit).to.have.length(1);
    expect(lit[0]?.path).to.equal('[1].types[1]');
    expect(lit[0]?.message).to.contain('(2 times)');
  });

  it('keeps an online meeting without a place and reports a day it cannot read', () => {
    const { feed, problems } = meetingGuideToFeed(meetings);
    const online = group(feed, 'frauenmeeting-online').meetings?.[0];
    expect(online?.place).to.equal(undefined);
    expect(online?.online).to.deep.equal({ url: 'https://meet.example.org/frauen', phone: '+49 30 23125 150', notes: 'Kennwort auf Anfrage' });
    expect(problems.find((p) => p.path === '[5].day')?.severity).to.equal('error');
  });

  it('gives a feed the widgets read without a single error', () => {
    expect(errors(meetingGuideToFeed(meetings).feed)).to.deep.equal([]);
  });

  it('throws a FeedError for data that is not a list of meetings', () => {
    expect(() => meetingGuideToFeed({ version: 1, groups: [] })).to.throw(FeedError, 'not a Meeting Guide feed');
  });
});

describe('hsdsToFeed', () => {
  let service: Record<string, unknown>;
  before(async () => {
    service = (await fixture('hsds-service.json')) as Record<string, unknown>;
  });

  it('turns a monthly schedule into a FREQ=MONTHLY rule starting on its dtstart', () => {
    const [meeting] = hsdsToFeed(service).feed.groups[0]?.meetings ?? [];
    expect(meeting).to.deep.equal({ rrule: 'FREQ=MONTHLY;BYDAY=2TU', start: '2026-01-13T18:00', end: '20:00', text: 'jeden 2. Dienstag im Monat', place: 'loc-lindenhof' });
  });

  it('moves a dtstart that is not a day of the rule to the first day that is, and says so', () => {
    const { feed, problems } = hsdsToFeed(service);
    expect(feed.groups[0]?.meetings?.[1]?.start).to.equal('2026-01-30T17:00');
    expect(problems.find((p) => p.path === 'service_at_locations[0].schedules[1].dtstart')?.message).to.contain('2026-01-30');
  });

  it('maps locations, taxonomy terms and the organization, and reports schedules it cannot map by path', () => {
    const { feed, problems } = hsdsToFeed(service);
    const meetings = feed.groups[0]?.meetings ?? [];
    expect(meetings[2]).to.deep.equal({ rrule: 'FREQ=MONTHLY;BYMONTHDAY=15', start: '2026-01-15T19:00', end: '20:00', online: { url: 'https://meet.example.org/angehoerige' } });
    expect(feed.topics?.map((t) => [t.id, t.parent])).to.deep.equal([['psychische-gesundheit', undefined], ['angehoerige', 'psychische-gesundheit']]);
    expect(feed.office?.name).to.equal('KISS Musterstadt');
    expect(feed.groups[0]?.contact).to.deep.equal({ via: 'group', name: 'Ilse', email: 'angehoerige-psyche@example.org', phone: '+49 30 23125 120', website: 'https://angehoerige.example.org' });
    const yearly = problems.find((p) => p.path === 'service_at_locations[1].schedules[0]');
    expect(yearly?.severity).to.equal('error');
    expect(yearly?.message).to.contain('FREQ=YEARLY');
  });

  it('reads a list of services, an organization with services and a paged response alike', () => {
    const organization = { name: 'KISS', services: [service] };
    for (const data of [[service], organization, { total_items: 1, contents: [service] }, [organization]]) {
      const { feed } = hsdsToFeed(data);
      expect(feed.groups.map((g) => g.name)).to.deep.equal(['Selbsthilfegruppe Angehörige psychisch erkrankter Menschen']);
    }
    expect(() => hsdsToFeed('services')).to.throw(FeedError, 'not HSDS');
  });

  it('gives a feed the widgets read without a single error', () => {
    expect(errors(hsdsToFeed(service).feed)).to.deep.equal([]);
  });
});

describe('adaptFeed and firstMatchingDate', () => {
  it('passes a feed through, adapts the other formats and refuses unknown ones', async () => {
    const feed = { version: 1, groups: [] };
    expect(adaptFeed('feed', feed).feed).to.equal(feed);
    expect((adaptFeed('meeting-guide', await fixture('meeting-guide.json')).feed as Feed).groups).to.have.length(5);
    expect(isFeedFormat('hsds')).to.equal(true);
    expect(isFeedFormat('ical')).to.equal(false);
    expect(() => adaptFeed('ical', feed)).to.throw(FeedError, 'Unknown feed format "ical"');
  });

  it('finds the first day of a rule, fifth weekdays and month ends included', () => {
    expect(firstMatchingDate(parseRRule('FREQ=MONTHLY;BYDAY=5FR'), '2026-01-01')).to.equal('2026-01-30');
    expect(firstMatchingDate(parseRRule('FREQ=MONTHLY;BYDAY=5MO'), '2026-01-01')).to.equal('2026-03-30');
    expect(firstMatchingDate(parseRRule('FREQ=MONTHLY;BYMONTHDAY=31'), '2026-02-01')).to.equal('2026-03-31');
    expect(firstMatchingDate(parseRRule('FREQ=MONTHLY;BYDAY=-1SU'), '2026-01-01')).to.equal('2026-01-25');
    expect(firstMatchingDate(parseRRule('FREQ=WEEKLY;BYDAY=WE'), '2026-01-07')).to.equal('2026-01-07');
  });
});

describe('<shg-group-finder format="meeting-guide">', () => {
  it('reads a Meeting Guide feed through the same adapter and shows its meetings as groups', async () => {
    const { fixture, html, waitUntil } = await import('@open-wc/testing');
    await import('../../src/define.js');
    const el = await fixture<HTMLElement>(html`<shg-group-finder format="meeting-guide" src="/test/fixtures/cli/meeting-guide.json"></shg-group-finder>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.card, .error'), 'the finder never settled', { timeout: 5000 });
    expect(el.shadowRoot!.querySelector('.error')).to.equal(null);
    expect(el.shadowRoot!.querySelectorAll('.card').length).to.be.greaterThan(0);
  });
});
