/**
 * Parts of the finder that load on demand, because most visits search and read cards
 * without them: the group view (finder-detail.ts) and the panel of further filters
 * (finder-panel.ts). Each starts loading when the visitor points at or focuses what opens
 * it, so it is usually there by the click.
 */
import { OnDemandModule } from '../../internal/on-demand-module.js';

export const detailView = new OnDemandModule(() => import('./finder-detail.js'));
export const filterPanel = new OnDemandModule(() => import('./finder-panel.js'));
