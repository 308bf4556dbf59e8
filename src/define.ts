/**
 * Registers every element of the library (a side effect). Safe to load twice:
 * the same version returns quietly, another version warns once.
 */
import { ShgGroupFinder } from './elements/group-finder/group-finder.js';
import { ShgTopicList } from './elements/topic-list/topic-list.js';
import { ShgOfficeCard } from './elements/office-card/office-card.js';
import { ShgContactForm } from './elements/contact-form/contact-form.js';

ShgGroupFinder.define('shg-group-finder');
ShgTopicList.define('shg-topic-list');
ShgOfficeCard.define('shg-office-card');
ShgContactForm.define('shg-contact-form');

export * from './index.js';
