/**
 * The panel's strings and stylesheet come from the worker, not from this bundle, which keeps the
 * content script small (docs/architecture.md, Surface). Asked once per frame that shows the panel.
 */
import { installCatalogues } from '../../shared/i18n';
import { send } from '../../shared/messages';

/**
 * Installs the strings for t() and answers the panel's CSS; null when the worker cannot answer,
 * which only happens when this copy's extension was reloaded or removed (then nothing mounts).
 */
export async function loadPanelAssets(): Promise<string | null> {
  try {
    const assets = await send('panel.assets', {});
    installCatalogues(assets.catalogues);
    return assets.css;
  } catch (error) {
    console.warn('Urenbrug could not load the panel', error);
    return null;
  }
}
