import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT_MESSAGES } from '../../shared/messages';
import { panelAssets } from './panel-assets';

function localeTexts(language: string): Record<string, string> {
  const file = JSON.parse(readFileSync(`public/_locales/${language}/messages.json`, 'utf8')) as Record<
    string,
    { message: string }
  >;
  return Object.fromEntries(Object.entries(file).map(([key, entry]) => [key, entry.message]));
}

describe('panel.assets', () => {
  it('is a message the content script may send', () => {
    expect(CONTENT_SCRIPT_MESSAGES.has('panel.assets')).toBe(true);
  });

  it("answers every _locales text in both languages, without the translators' descriptions", () => {
    const { catalogues } = panelAssets();
    expect(catalogues.nl).toEqual(localeTexts('nl'));
    expect(catalogues.en).toEqual(localeTexts('en'));
  });

  it("answers the panel's stylesheet, which keeps Exact's styles out of the shadow root", () => {
    expect(panelAssets().css).toMatch(/:host\s*\{[^}]*all:\s*initial/);
  });
});
