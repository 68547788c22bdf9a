/**
 * The panel's strings and stylesheet, served to the content script so its bundle carries neither
 * (docs/architecture.md, Surface). Public texts only: the same for every sender.
 */
import panelCss from '../../content/panel/panel.css?inline';
import { BUNDLED_CATALOGUES } from '../../shared/i18n-catalogues';
import type { PanelAssets } from '../../shared/messages';

export function panelAssets(): PanelAssets {
  return { catalogues: BUNDLED_CATALOGUES, css: panelCss };
}
