/**
 * The framework-free half of i18n.ts: which of our languages the browser asks for, and `$1`
 * substitution. Apart so the popup's first paint (popup/first-paint.ts) can use them without
 * loading signals or the string catalogues.
 */
import type { Language } from './messages';

/** The browser UI language mapped onto ours: Dutch for any "nl…", English otherwise. */
export function detectLanguage(uiLanguage: string | undefined): Language {
  return uiLanguage?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** The language a page shows for the user's setting (null: follow the browser). */
export function languageFor(preference: Language | null): Language {
  return preference ?? detectLanguage(globalThis.navigator?.language);
}

/** Fills `$1`…`$9` the way chrome.i18n does; `$$` is a literal dollar sign. */
export function substitute(message: string, substitutions: readonly (string | number)[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_match, token: string) =>
    token === '$' ? '$' : String(substitutions[Number(token) - 1] ?? ''),
  );
}
