import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import nl from '../../public/_locales/nl/messages.json';
import { UrenbrugError } from './errors';
import { detectLanguage, errorText, language, setLanguagePreference, substitute, t } from './i18n';

type Catalogue = Record<string, { message: string; description?: string; placeholders?: unknown }>;
const catalogues: Record<string, Catalogue> = { nl, en };

function placeholders(message: string): string[] {
  return [...message.matchAll(/\$([1-9])/g)].map((match) => match[1] ?? '').sort();
}

describe('_locales', () => {
  it('nl and en have exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it('every message uses the same placeholders in nl and en', () => {
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      expect(placeholders(en[key].message), key).toEqual(placeholders(nl[key].message));
    }
  });

  it('is valid for Chrome: key names, non-empty messages, only $1–$9 or $$ after a dollar sign', () => {
    for (const [language, catalogue] of Object.entries(catalogues)) {
      for (const [key, entry] of Object.entries(catalogue)) {
        expect(key, `${language}.${key}`).toMatch(/^[A-Za-z0-9_@]+$/);
        expect(entry.message.trim().length, `${language}.${key}`).toBeGreaterThan(0);
        // Chrome refuses to load the extension on an undefined $name$ placeholder.
        expect(entry.message.replace(/\$(\$|[1-9])/g, ''), `${language}.${key}`).not.toContain('$');
        expect(entry.placeholders, `${language}.${key}`).toBeUndefined();
      }
      // Chrome Web Store limits: name 75, description 132 characters.
      expect(catalogue.extName?.message.length).toBeLessThanOrEqual(75);
      expect(catalogue.extDescription?.message.length).toBeLessThanOrEqual(132);
    }
  });

  it('has the manifest keys and an error message for every ErrorCode in errors.ts', () => {
    const source = readFileSync(new URL('./errors.ts', import.meta.url), 'utf8');
    const union = source.slice(
      source.indexOf('export type ErrorCode'),
      source.indexOf(';', source.indexOf('export type ErrorCode')),
    );
    const codes = [...union.matchAll(/'([a-z_]+)'/g)].map((match) => match[1]);
    expect(codes.length).toBeGreaterThan(5);
    for (const code of codes) expect(Object.keys(nl)).toContain(`error_${code}`);
    for (const key of ['extName', 'extDescription', 'actionTitle']) expect(Object.keys(nl)).toContain(key);
  });
});

describe('t', () => {
  afterEach(() => setLanguagePreference('nl'));

  it('follows the language signal', () => {
    setLanguagePreference('nl');
    expect(t('today_title')).toBe('Vandaag');
    setLanguagePreference('en');
    expect(t('today_title')).toBe('Today');
    expect(language.value).toBe('en');
  });

  it('fills $1-style substitutions, in any order, and $$ as a dollar sign', () => {
    setLanguagePreference('nl');
    expect(t('status_connected', 'Anna van Doorn', 'Kantoor Jansen')).toBe(
      'Verbonden als Anna van Doorn bij Kantoor Jansen',
    );
    expect(substitute('$2 before $1, $$5', ['a', 'b'])).toBe('b before a, $5');
    expect(substitute('missing: [$1]', [])).toBe('missing: []');
  });

  it('does not expand substitutions inside substituted text', () => {
    expect(substitute('note: $1', ['costs $2', 'x'])).toBe('note: costs $2');
  });
});

describe('detectLanguage and the user preference', () => {
  afterEach(() => setLanguagePreference('nl'));

  it('maps any nl variant to nl and everything else to en', () => {
    expect(detectLanguage('nl')).toBe('nl');
    expect(detectLanguage('nl-BE')).toBe('nl');
    expect(detectLanguage('NL-nl')).toBe('nl');
    expect(detectLanguage('en-GB')).toBe('en');
    expect(detectLanguage('de')).toBe('en');
    expect(detectLanguage(undefined)).toBe('en');
  });

  it('null follows the browser again', () => {
    setLanguagePreference('en');
    setLanguagePreference(null);
    expect(language.value).toBe(detectLanguage(globalThis.navigator?.language));
  });
});

describe('errorText', () => {
  afterEach(() => setLanguagePreference('nl'));

  it('gives the actionable message for the code', () => {
    setLanguagePreference('nl');
    expect(errorText(new UrenbrugError('auth', 'HTTP 401'))).toBe(
      'Je Keeping-token is ongeldig of verlopen. Maak een nieuw token aan en verbind opnieuw.',
    );
    setLanguagePreference('en');
    expect(errorText(new UrenbrugError('network', 'fetch failed'))).toBe(
      'No connection to Keeping. You are seeing the last fetched data.',
    );
  });

  it("adds Keeping's own detail when present, and only then", () => {
    setLanguagePreference('nl');
    const text = errorText(
      new UrenbrugError('forbidden', 'HTTP 403', 'Je hebt geen toegang tot deze organisatie.'),
    );
    expect(text).toMatch(/^Keeping staat dit niet toe\./);
    expect(text).toMatch(/Keeping meldt: „Je hebt geen toegang tot deze organisatie\.”$/);
    expect(errorText(new UrenbrugError('forbidden', 'HTTP 403', '   '))).not.toContain('Keeping meldt');
  });

  it('never shows the internal English message in place of the localised one', () => {
    setLanguagePreference('nl');
    expect(errorText(new UrenbrugError('server', 'HTTP 503 from https://api.keeping.nl'))).not.toContain(
      'HTTP',
    );
  });
});
