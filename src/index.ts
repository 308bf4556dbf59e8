/**
 * selbsthilfe-widgets: the side-effect-free entry. Import classes and types
 * from here; import `selbsthilfe-widgets/define.js` to register the elements.
 */
export { ShgGroupFinder } from './elements/group-finder/group-finder.js';
export type { FinderSearchDetail, FinderGroupDetail, FinderContactDetail } from './elements/group-finder/group-finder.js';
export { ShgTopicList } from './elements/topic-list/topic-list.js';
export type { TopicSelectDetail, TopicListLayout } from './elements/topic-list/topic-list.js';
export { ShgOfficeCard } from './elements/office-card/office-card.js';
export type { OfficeCardVariant } from './elements/office-card/office-card.js';
export { openingState, type OpeningState, type OpeningMoment } from './elements/office-card/opening-hours.js';
export { ShgContactForm } from './elements/contact-form/contact-form.js';
export type {
  ContactPayload,
  ContactValues,
  ContactSentDetail,
  ContactSendErrorDetail,
  ContactFormStatus,
  SendFailureReason,
  SendResponse,
} from './elements/contact-form/contact-form.js';
export { ShgElement } from './internal/shg-element.js';
export type { FeedErrorDetail } from './internal/directory-controller.js';
export { setLocale, SUPPORTED_LOCALES, type LocaleCode } from './internal/localization.js';
export { VERSION } from './internal/version.js';
export { loadDirectory, normaliseFeed, FeedError } from './feed/index.js';
export type * from './feed/types.js';
export type { FinderQuery, TimeOfDay } from './search/index.js';
