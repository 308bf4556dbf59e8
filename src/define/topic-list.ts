/**
 * Registers only `<shg-topic-list>` (a side effect), for pages that use no other element:
 * `cdn/elements/topic-list.js`, or `import 'selbsthilfe-widgets/define/topic-list.js'`.
 */
import { ShgTopicList } from '../elements/topic-list/topic-list.js';

ShgTopicList.define('shg-topic-list');

export { ShgTopicList };
export { setLocale } from '../internal/localization.js';
