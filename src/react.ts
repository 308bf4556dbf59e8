/**
 * React wrappers for the elements (`selbsthilfe-widgets/react.js`), made with @lit/react.
 * Importing this module registers the elements. React is the app's own (a peer dependency).
 *
 * Events arrive as typed props: `<GroupFinder onSearch={(e) => e.detail.count} />`.
 * `shg-error` is `onFeedError` (React's `onError` means the native `error` event), and the
 * contact form's `shg-submit` is `onShgSubmit` (React's `onSubmit` means a native form submit).
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import './define.js';
import { ShgGroupFinder, type FinderContactDetail, type FinderGroupDetail, type FinderSearchDetail } from './elements/group-finder/group-finder.js';
import { ShgTopicList, type TopicSelectDetail } from './elements/topic-list/topic-list.js';
import { ShgOfficeCard } from './elements/office-card/office-card.js';
import { ShgContactForm, type ContactPayload, type ContactSendErrorDetail, type ContactSentDetail } from './elements/contact-form/contact-form.js';
import type { FeedErrorDetail } from './internal/directory-controller.js';

const feedError = 'shg-error' as EventName<CustomEvent<FeedErrorDetail>>;

/** `<shg-group-finder>`: `onSearch`, `onGroupOpen`, `onContact` (cancelable), `onFeedError`. */
export const GroupFinder = createComponent({
  react: React,
  tagName: 'shg-group-finder',
  elementClass: ShgGroupFinder,
  displayName: 'GroupFinder',
  events: {
    onSearch: 'shg-search' as EventName<CustomEvent<FinderSearchDetail>>,
    onGroupOpen: 'shg-group-open' as EventName<CustomEvent<FinderGroupDetail>>,
    onContact: 'shg-contact' as EventName<CustomEvent<FinderContactDetail>>,
    onFeedError: feedError,
  },
});

/** `<shg-topic-list>`: `onTopicSelect` (cancelable), `onFeedError`. */
export const TopicList = createComponent({
  react: React,
  tagName: 'shg-topic-list',
  elementClass: ShgTopicList,
  displayName: 'TopicList',
  events: {
    onTopicSelect: 'shg-topic-select' as EventName<CustomEvent<TopicSelectDetail>>,
    onFeedError: feedError,
  },
});

/** `<shg-office-card>`: `onFeedError`. */
export const OfficeCard = createComponent({
  react: React,
  tagName: 'shg-office-card',
  elementClass: ShgOfficeCard,
  displayName: 'OfficeCard',
  events: {
    onFeedError: feedError,
  },
});

/** `<shg-contact-form>`: `onShgSubmit` (cancelable: send `detail` yourself), `onSent`, `onSendError`, `onFeedError`. */
export const ContactForm = createComponent({
  react: React,
  tagName: 'shg-contact-form',
  elementClass: ShgContactForm,
  displayName: 'ContactForm',
  events: {
    onShgSubmit: 'shg-submit' as EventName<CustomEvent<ContactPayload>>,
    onSent: 'shg-sent' as EventName<CustomEvent<ContactSentDetail>>,
    onSendError: 'shg-send-error' as EventName<CustomEvent<ContactSendErrorDetail>>,
    onFeedError: feedError,
  },
});
