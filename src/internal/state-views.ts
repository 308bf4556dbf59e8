import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Directory, Office } from '../feed/types.js';
import type { DirectoryState } from './directory-controller.js';
import { officeLinks, officeWays, type OfficeWays } from './office-contact.js';

interface StateViewOptions {
  /** The element's own sentence for a feed that cannot be read ("The list of groups cannot be shown right now."). */
  unavailable: string;
  retry: () => void;
  officePhone?: string;
  office?: Office;
}

/**
 * The loading, error and "no feed" views every element shares. The visitor
 * reads one calm sentence and a next step (retry, or call the office); the page
 * author gets the details in the console and the `shg-error` event.
 */
export function stateViews(state: DirectoryState, options: StateViewOptions): TemplateResult | typeof nothing {
  switch (state) {
    case 'loading':
      return html`<div class="skeleton" part="status" aria-busy="true">
        <p class="visually-hidden" role="status">${msg('Loading the directory…', { id: 'state.loading' })}</p>
        <div class="skeleton-bar"></div><div class="skeleton-bar short"></div><div class="skeleton-bar"></div>
      </div>`;
    case 'error':
      return errorView(options);
    case 'idle':
      return html`<p part="status" class="status">${msg('No directory is configured for this element.', { id: 'state.no-source' })}</p>`;
    default:
      return nothing;
  }
}

function errorView({ unavailable, retry, officePhone, office }: StateViewOptions): TemplateResult {
  return html`<div part="error" class="error" role="alert">
    <p>${unavailable}</p>
    ${contactLine(officeWays(office, officePhone))}
    <button type="button" part="button" class="button" @click=${retry}>${msg('Try again', { id: 'state.retry' })}</button>
  </div>`;
}

/** "You can reach the contact office directly: +49 30 … · kiss@…", when the office has a phone or e-mail. */
export function contactLine(ways: OfficeWays): TemplateResult | typeof nothing {
  return ways.phone || ways.email
    ? html`<p>${msg('You can reach the contact office directly:', { id: 'state.error-contact' })} ${officeLinks(ways)}</p>`
    : nothing;
}

/**
 * "This list is from 3 March 2026, 10:00 …" above a directory that is the last good copy
 * because the feed could not be fetched (`directory.stale`); nothing for a fresh one.
 * `retry`, when given, adds a "Try again" button.
 */
export function staleNotice(directory: Directory | undefined, locale: string, retry?: () => void): TemplateResult | typeof nothing {
  const stale = directory?.stale;
  if (!stale) return nothing;
  const when = formatFetchedAt(stale.fetchedAt, locale);
  return html`<p part="status stale-notice" class="status muted stale-notice">
    ${msg(str`This list is from ${when}. It could not be updated just now.`, { id: 'state.stale' })}
    ${retry ? html`<button type="button" part="button" class="link-button" @click=${retry}>${msg('Try again', { id: 'state.retry' })}</button>` : nothing}
  </p>`;
}

const fetchedAtFormats = new Map<string, Intl.DateTimeFormat>();
function formatFetchedAt(iso: string, locale: string): string {
  let format = fetchedAtFormats.get(locale);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', calendar: 'gregory' });
    } catch {
      format = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' });
    }
    fetchedAtFormats.set(locale, format);
  }
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : format.format(ms);
}
