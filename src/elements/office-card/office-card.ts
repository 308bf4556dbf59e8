import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { Directory, FeedAddress, Office } from '../../feed/types.js';
import { safeEmail, safePhone, safeUrl } from '../../feed/url.js';
import { DirectoryController } from '../../internal/directory-controller.js';
import { ShgElement } from '../../internal/shg-element.js';
import { staleNotice, stateViews } from '../../internal/state-views.js';
import { feedParagraph, feedText } from '../../internal/text.js';
import { languageName } from '../../internal/format.js';
import { utcToLocal, daysFromCivil, weekdayOfDays } from '../../schedule/timezone.js';
import { headingTag } from '../../internal/heading.js';
import { openingState, WEEKDAY_CODES, type OpeningState } from './opening-hours.js';
import { hoursTable, openingStateLine, zoneNote } from './office-hours-view.js';
import { officeCardStyles } from './office-card.styles.js';

export type OfficeCardVariant = 'full' | 'compact';

declare global {
  interface HTMLElementTagNameMap {
    'shg-office-card': ShgOfficeCard;
  }
}

/** Re-check "open now" at least this often, and exactly when the office opens or closes. */
const MAX_TICK_MS = 60 * 60_000;

/**
 * The contact office of a directory feed: who they are, where, when they are
 * open (with "open now" on the office's clock), and how to reach them.
 *
 * @summary The contact office: address, opening hours, phone, e-mail, languages.
 * @tagname shg-office-card
 *
 * @fires shg-error - The feed could not be read (`detail.error`) or records were dropped (`detail.problems`).
 *
 * @slot - An optional `<script type="application/json">` with the feed inline.
 *
 * @csspart base - The card around everything.
 * @csspart name - The office's name (a heading at `heading-level`).
 * @csspart description - The office's short description (full variant).
 * @csspart free - "Consultations are free and confidential".
 * @csspart open-state - "Open now, until 13:00" / "Closed now. Opens Tuesday at 9:00".
 * @csspart hours - The weekly opening-hours table (full variant).
 * @csspart hours-text - Opening hours the feed gives as free text.
 * @csspart details - The list of address, phone, e-mail, website and languages.
 * @csspart address - The postal address.
 * @csspart phone - The phone link.
 * @csspart email - The e-mail link.
 * @csspart website - The website link.
 * @csspart languages - The languages consultations are offered in (full variant).
 * @csspart status - Loading and "no office" messages.
 * @csspart error - The error message.
 * @csspart button - Every button.
 *
 * @cssprop [--shg-font-family=inherit] - Font of the element.
 * @cssprop [--shg-color-text=inherit] - Text colour.
 * @cssprop [--shg-color-muted=#4a4a4a] - Secondary text (closed days, notes).
 * @cssprop [--shg-color-surface=Canvas] - Background of the card.
 * @cssprop [--shg-color-on-surface=CanvasText] - Text on the card.
 * @cssprop [--shg-color-border=#767676] - Border of the card and table lines.
 * @cssprop [--shg-color-accent=#0b5cad] - Links and the focus ring.
 * @cssprop [--shg-color-open=#1e7a3a] - The "open now" dot.
 * @cssprop [--shg-color-closed=#8a8a8a] - The "closed" dot.
 * @cssprop [--shg-radius=0.5rem] - Corner radius of the card.
 * @cssprop [--shg-space=1rem] - The base spacing unit.
 */
@localized()
export class ShgOfficeCard extends ShgElement {
  static override styles = officeCardStyles;

  /** URL of the directory feed (JSON). Elements naming the same URL share one request. */
  @property() src?: string;

  /** The feed as an object, instead of `src`. */
  @property({ attribute: false }) feed?: unknown;
  /** The format of the feed at `src`: `feed` (this library's, the default), `meeting-guide` (12-Step Meeting List JSON) or `hsds` (Open Referral HSDS 3). */
  @property() format?: string;
  /** Time limit for loading the feed, in milliseconds (default 10000). */
  @property({ type: Number, attribute: 'feed-timeout' }) feedTimeout?: number;

  /** `full` (description, weekly hours, languages) or `compact` (a sidebar card: name, open now, address, contact). */
  @property({ reflect: true }) variant: OfficeCardVariant = 'full';

  /** The level of the office's name heading (2 = like `<h2>`), so the card fits the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** A phone number to show when the feed cannot be loaded at all. */
  @property({ attribute: 'office-phone' }) officePhone?: string;

  /** The instant "open now" is worked out for (epoch ms or Date), for previews; by default the current time, kept up to date. */
  @property({ attribute: false }) now?: number | Date;

  @state() private tick = 0;

  private readonly data = new DirectoryController(this);
  private timer?: ReturnType<typeof setTimeout>;
  private rendered?: { opening: OpeningState | undefined; now: number };

  /** The loaded directory, once the feed is ready. */
  get directory(): Directory | undefined {
    return this.data.directory;
  }

  /** The office as the feed describes it, once the feed is ready. */
  get office(): Office | undefined {
    return this.data.directory?.office;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page after a while: "open now" may have changed meanwhile.
    if (this.hasUpdated) this.tick++;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('src') || changed.has('feed') || changed.has('format')) this.data.sync();
  }

  private get instant(): number {
    if (this.now === undefined) return Date.now();
    return typeof this.now === 'number' ? this.now : this.now.getTime();
  }

  private stateAt(office: Office, directory: Directory, now: number): OpeningState | undefined {
    if (!office.openingHours?.length) return undefined;
    try {
      return openingState(office.openingHours, directory.timezone, now);
    } catch (e) {
      console.warn(`selbsthilfe-widgets: cannot work out the office's opening state: ${(e as Error).message} (feed field "timezone")`);
      return undefined;
    }
  }

  protected override updated(): void {
    this.schedule(this.rendered?.opening, this.rendered?.now ?? Date.now());
  }

  /** Re-renders when the office opens or closes, so "open now" never goes stale on a page left open. */
  private schedule(state: OpeningState | undefined, now: number): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!state || this.now !== undefined || !this.isConnected) return;
    const change = state.closesAt?.at ?? state.opensAt?.at;
    const delay = change === undefined ? MAX_TICK_MS : Math.min(Math.max(change - now, 0) + 1000, MAX_TICK_MS);
    this.timer = setTimeout(() => this.tick++, delay);
  }

  /** Fetches the feed again after an error. */
  retry(): void {
    void this.data.retry();
  }

  protected override render() {
    this.rendered = undefined;
    const directory = this.data.directory;
    const ready = directory && this.data.state === 'ready';
    return html`<div class="root" dir=${this.textDirection} lang=${this.locale}>
      ${ready
        ? html`${staleNotice(directory, this.locale, () => this.retry())}${this.renderReady(directory)}`
        : stateViews(this.data.state, { unavailable: msg("The contact office's details cannot be shown right now.", { id: 'state.error.office' }), retry: () => this.retry(), officePhone: this.officePhone })}
    </div>`;
  }

  private renderReady(directory: Directory): TemplateResult {
    const office = directory.office;
    if (!office) {
      return html`<p part="status" class="status">${msg('This directory does not list a contact office.', { id: 'office.none' })}</p>`;
    }
    const locale = this.locale;
    const lang = directory.language;
    const full = this.variant !== 'compact';
    const now = this.instant;
    const opening = this.stateAt(office, directory, now);
    this.rendered = { opening, now };
    const level = clampLevel(this.headingLevel);
    return html`<article part="base" class="base card ${full ? 'full' : 'compact'}" aria-labelledby="shg-office-name">
      ${headingTag(level, html`<span part="name">${feedText(office.name, locale, lang)}</span>`, 'shg-office-name')}
      ${full && office.description ? feedParagraph(office.description, locale, lang, 'description', 'description') : nothing}
      ${office.freeAndConfidential
        ? html`<p part="free" class="free">${msg('Consultations are free and confidential.', { id: 'office.free-confidential' })}</p>`
        : nothing}
      ${this.renderHours(office, directory, opening, now, full, level)}
      ${this.renderDetails(office, full)}
    </article>`;
  }

  private renderHours(office: Office, directory: Directory, opening: OpeningState | undefined, now: number, full: boolean, level: number) {
    const locale = this.locale;
    const rows = office.openingHours;
    if (!rows?.length && !office.openingHoursText) return nothing;
    const title = msg('Opening hours', { id: 'office.hours' });
    const freeText = office.openingHoursText ? feedParagraph(office.openingHoursText, locale, directory.language, 'hours-text', 'hours-text') : nothing;
    if (!full) {
      return html`<div class="hours-block">
        ${opening ? openingStateLine(opening, locale) : nothing}
        ${!rows?.length ? html`<p class="label">${title}</p>${freeText}` : nothing}
      </div>`;
    }
    return html`<section class="hours-block" aria-labelledby="shg-office-hours">
      ${headingTag(clampLevel(level + 1), title, 'shg-office-hours')}
      ${opening ? openingStateLine(opening, locale) : nothing}
      ${rows?.length ? hoursTable(rows, locale, todayIn(directory.timezone, now), 'shg-office-hours') : nothing}
      ${freeText}
      ${rows?.length ? zoneNote(directory.timezone, locale, now) : nothing}
    </section>`;
  }

  private renderDetails(office: Office, full: boolean) {
    const locale = this.locale;
    const phone = safePhone(office.phone);
    const email = safeEmail(office.email);
    const website = webUrl(office.website);
    const address = addressLines(office.address);
    const languages = full ? office.languages : [];
    if (!address.length && !office.phone && !email && !website && !languages.length) return nothing;
    return html`<dl part="details" class="details">
      ${address.length
        ? html`<div class="row">
            <dt>${msg('Address', { id: 'office.address' })}</dt>
            <dd><address part="address">${address.map((line, i) => html`${i ? html`<br />` : nothing}<bdi>${line}</bdi>`)}</address></dd>
          </div>`
        : nothing}
      ${office.phone
        ? html`<div class="row">
            <dt>${msg('Phone', { id: 'office.phone' })}</dt>
            <dd>${phone ? html`<a part="phone" href="tel:${phone}" dir="ltr">${office.phone}</a>` : html`<span dir="ltr">${office.phone}</span>`}</dd>
          </div>`
        : nothing}
      ${email
        ? html`<div class="row">
            <dt>${msg('E-mail', { id: 'office.email' })}</dt>
            <dd><a part="email" href="mailto:${email}" dir="ltr">${email}</a></dd>
          </div>`
        : nothing}
      ${website
        ? html`<div class="row">
            <dt>${msg('Website', { id: 'office.website' })}</dt>
            <dd><a part="website" href=${website} dir="ltr">${displayUrl(website)}</a></dd>
          </div>`
        : nothing}
      ${languages.length
        ? html`<div class="row">
            <dt>${msg('Consultations in', { id: 'office.languages' })}</dt>
            <dd part="languages">${new Intl.ListFormat(locale, { type: 'conjunction' }).format(languages.map((l) => languageName(l, locale)))}</dd>
          </div>`
        : nothing}
    </dl>`;
  }
}

function clampLevel(level: number): number {
  return Number.isFinite(level) ? Math.max(1, Math.min(6, Math.round(level))) : 2;
}

function todayIn(timezone: string, now: number) {
  try {
    const local = utcToLocal(timezone, now);
    return WEEKDAY_CODES[weekdayOfDays(daysFromCivil(local.year, local.month, local.day))];
  } catch {
    return undefined;
  }
}

function addressLines(address: FeedAddress | undefined): string[] {
  if (!address) return [];
  const town = [address.postalCode, address.city].filter(Boolean).join(' ');
  const lines = [address.street, address.district && town ? `${town} (${address.district})` : town || address.district];
  return lines.filter((l): l is string => !!l);
}

/** Only web pages: a feed's `website` must not become a mailto: or tel: link. */
function webUrl(value: string | undefined): string | undefined {
  const url = safeUrl(value);
  return url && /^https?:/.test(url) ? url : undefined;
}

/** "kiss.musterstadt.example/beratung" for a link's visible text. */
function displayUrl(href: string): string {
  const url = new URL(href);
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '');
  return url.host.replace(/^www\./, '') + path;
}
