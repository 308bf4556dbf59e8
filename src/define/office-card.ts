/**
 * Registers only `<shg-office-card>` (a side effect), for pages that use no other element:
 * `cdn/elements/office-card.js`, or `import 'selbsthilfe-widgets/define/office-card.js'`.
 */
import { ShgOfficeCard } from '../elements/office-card/office-card.js';

ShgOfficeCard.define('shg-office-card');

export { ShgOfficeCard };
export { setLocale } from '../internal/localization.js';
