/**
 * Registers every element of the library (a side effect; one element alone: define/*.ts). Safe to load twice:
 * the same version returns quietly, another version warns once.
 */
import './define/group-finder.js';
import './define/topic-list.js';
import './define/office-card.js';
import './define/contact-form.js';

export * from './index.js';
