/**
 * The words of the mailto: fallback, in the visitor's language: the same fields as the
 * POST payload, as labelled lines the office can read in any mail program.
 */
import { msg, str } from '@lit/localize';
import { languageName } from '../../internal/format.js';
import { mailtoHref, type ContactPayload, type MailWords } from './payload.js';

/** The mailto: URL for a payload, worded in the UI language. */
export function mailHref(address: string, payload: ContactPayload, locale: string): string {
  const language = payload.language ? languageName(payload.language, locale) : '';
  return mailtoHref(address, mailWords(payload, payload.group?.name, language));
}

export function mailWords(payload: ContactPayload, groupName: string | undefined, languageLabel: string): MailWords {
  const forWhom =
    payload.forWhom === 'myself'
      ? msg('For myself', { id: 'contact.for.myself' })
      : payload.forWhom === 'relative'
        ? msg('For a relative or someone close to me', { id: 'contact.for.relative' })
        : '';
  return {
    subject: groupName ? msg(str`Contact request: ${groupName}`, { id: 'contact.mail.subject-group' }) : msg('Contact request', { id: 'contact.mail.subject' }),
    lines: [
      [msg('Name', { id: 'contact.mail.name' }), payload.name],
      [msg('Email', { id: 'contact.mail.email' }), payload.email],
      [msg('Phone', { id: 'contact.mail.phone' }), payload.phone],
      [msg('Preferred language', { id: 'contact.mail.language' }), languageLabel],
      [msg('Group', { id: 'contact.mail.group' }), groupName ?? msg('I am not sure yet, please advise me', { id: 'contact.group.unsure' })],
      [msg('For whom', { id: 'contact.mail.for' }), forWhom],
    ],
    message: payload.message,
    consentLine: `${msg('Consent given', { id: 'contact.mail.consent' })} (${payload.consent.givenAt}): ${payload.consent.text}`,
  };
}
