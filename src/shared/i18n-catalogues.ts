/**
 * The `_locales` files as t()'s catalogues, for the contexts that bundle them: the popup, the
 * options page, and the worker, which hands them to the content script (`panel.assets`).
 */
import en from '../../public/_locales/en/messages.json';
import nl from '../../public/_locales/nl/messages.json';
import { installCatalogues } from './i18n';
import type { Catalogues } from './messages';

function texts(locale: Record<string, { message: string }>): Record<string, string> {
  return Object.fromEntries(Object.entries(locale).map(([key, entry]) => [key, entry.message]));
}

/** Both languages' message texts, without the translators' descriptions. */
export const BUNDLED_CATALOGUES: Catalogues = { nl: texts(nl), en: texts(en) };

/** Lets this page's t() answer from the bundled files. */
export function installBundledCatalogues(): void {
  installCatalogues(BUNDLED_CATALOGUES);
}
