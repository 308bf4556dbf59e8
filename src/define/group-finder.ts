/**
 * Registers only `<shg-group-finder>` (a side effect), for pages that use no other element:
 * `cdn/elements/group-finder.js`, or `import 'selbsthilfe-widgets/define/group-finder.js'`.
 */
import { ShgGroupFinder } from '../elements/group-finder/group-finder.js';

ShgGroupFinder.define('shg-group-finder');

export { ShgGroupFinder };
export { setLocale } from '../internal/localization.js';
