/**
 * The CDN entry for partner websites: registers every element and exposes one
 * namespace object, `window.SelbsthilfeWidgets` (the UMD build sets it; the ES
 * module build adds nothing else to the page). The locale is picked by the
 * elements from the page's `lang`; translations load only when needed.
 */
export * from './define.js';
