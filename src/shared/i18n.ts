/**
 * The UI's strings. The two `_locales` files are the single source (Chrome reads them for the
 * manifest); pages render from them instead of calling chrome.i18n.getMessage, because
 * chrome.i18n follows the browser's language only and the user may choose another one.
 * Extension pages install them from their bundle (i18n-catalogues.ts); the content script gets
 * them from the worker (`panel.assets`), so Exact's page loads no strings it does not show
 * (docs/architecture.md, Surface).
 */
import { signal } from '@preact/signals';
import type nl from '../../public/_locales/nl/messages.json';
import type { UrenbrugError } from './errors';
import { languageFor, substitute } from './i18n-text';
import type { Catalogues, Language } from './messages';

export type MessageKey = keyof typeof nl;

const EMPTY: Catalogues = { nl: {}, en: {} };

/** The installed texts; a signal so a panel drawn before they arrived draws again. */
const catalogues = signal<Catalogues>(EMPTY);

/** Makes `texts` the strings t() answers from. */
export function installCatalogues(texts: Catalogues): void {
  catalogues.value = texts;
}

export { detectLanguage, substitute } from './i18n-text';

/** The language the UI renders in; components that call t() re-render when it changes. */
export const language = signal<Language>(languageFor(null));

/** Applies the user's setting: a fixed language, or null to follow the browser again. */
export function setLanguagePreference(preference: Language | null): void {
  language.value = languageFor(preference);
}

/**
 * The localised text for `key` in the current language, with `$1`-style substitutions.
 * Falls back to Dutch, then to the key itself, so a missing string shows up rather than crashes.
 */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const texts = catalogues.value;
  const message = texts[language.value][key] ?? texts.nl[key];
  return message === undefined ? key : substitute(message, substitutions);
}

/** The localised message for an error's code, followed by Keeping's own detail when it sent one. */
export function errorText(error: Pick<UrenbrugError, 'code' | 'detail'>): string {
  const key: MessageKey = `error_${error.code}`;
  const message = t(key);
  const detail = error.detail?.trim();
  return detail ? `${message} ${t('error_detail', detail)}` : message;
}
