/**
 * Registers only `<shg-contact-form>` (a side effect), for pages that use no other element:
 * `cdn/elements/contact-form.js`, or `import 'selbsthilfe-widgets/define/contact-form.js'`.
 */
import { ShgContactForm } from '../elements/contact-form/contact-form.js';

ShgContactForm.define('shg-contact-form');

export { ShgContactForm };
export { setLocale } from '../internal/localization.js';
