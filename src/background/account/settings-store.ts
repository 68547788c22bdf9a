/** User settings in `storage.local`. Unknown or malformed stored values fall back to defaults. */
import { browser } from '../../shared/browser';
import { UrenbrugError } from '../../shared/errors';
import type { Language, Settings } from '../../shared/messages';

const KEY = 'settings';

export const DEFAULT_SETTINGS: Settings = { language: null };

function isLanguage(value: unknown): value is Language | null {
  return value === null || value === 'nl' || value === 'en';
}

function parse(value: unknown): Settings {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  if (typeof value !== 'object' || value === null) return settings;
  const language = (value as Record<string, unknown>).language;
  if (isLanguage(language)) settings.language = language;
  return settings;
}

export async function getSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return parse(stored[KEY]);
}

/**
 * Merges a partial update into the stored settings and answers the result. The update comes from
 * a message, so each field is checked; a bad value is refused and nothing is written.
 */
export async function updateSettings(update: unknown): Promise<Settings> {
  if (typeof update !== 'object' || update === null) {
    throw new UrenbrugError('invalid_request', 'Settings update must be an object');
  }
  const next = await getSettings();
  for (const [field, value] of Object.entries(update)) {
    if (field === 'language' && isLanguage(value)) next.language = value;
    else throw new UrenbrugError('invalid_request', `Invalid setting: ${field}`);
  }
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

/** The language for Keeping's messages: the user's choice, else the browser's (Dutch or English). */
export async function resolveLanguage(): Promise<Language> {
  const { language } = await getSettings();
  if (language) return language;
  return browser.i18n.getUILanguage().toLowerCase().startsWith('nl') ? 'nl' : 'en';
}
