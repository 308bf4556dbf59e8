/**
 * Registers every element of the library (a side effect). Safe to load twice:
 * the same version returns quietly, another version warns once.
 */
import { ShgGroupFinder } from './elements/group-finder/group-finder.js';

ShgGroupFinder.define('shg-group-finder');

export * from './index.js';
