import { html, nothing, type TemplateResult } from 'lit';
import type { Office } from '../feed/types.js';
import { safeEmail, safePhone } from '../feed/url.js';

/** The office's phone and e-mail as safe values for tel:/mailto:, with the phone as written for display. */
export interface OfficeWays {
  phone?: string;
  phoneLabel?: string;
  email?: string;
}

/** The office's phone (an element's `office-phone` attribute wins) and e-mail: the next step when something fails. */
export function officeWays(office: Office | undefined, officePhone?: string): OfficeWays {
  const label = officePhone ?? office?.phone;
  const phone = safePhone(label);
  const ways: OfficeWays = {};
  if (phone) Object.assign(ways, { phone, phoneLabel: label });
  const email = safeEmail(office?.email);
  if (email) ways.email = email;
  return ways;
}

/** "+49 30 … · kiss@…": links to call or write to the office; the phone number stays left to right. */
export function officeLinks(ways: OfficeWays): TemplateResult {
  return html`${ways.phone ? html`<a href="tel:${ways.phone}" dir="ltr">${ways.phoneLabel ?? ways.phone}</a>` : nothing}${ways.phone && ways.email ? ' · ' : nothing}${ways.email ? html`<a href="mailto:${ways.email}">${ways.email}</a>` : nothing}`;
}
