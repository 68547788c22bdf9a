import { afterEach, describe, expect, it } from 'vitest';
import { setLanguagePreference } from '../../../shared/i18n';
import { differenceText, stateLine } from './rest-section';

afterEach(() => setLanguagePreference(null));

describe('the REST line', () => {
  it('says on, off with the reason, or paused until the reset, in one line', () => {
    setLanguagePreference('nl');
    expect(stateLine({ kind: 'on', division: 1 }, false)).toBe('Exact-API: gecontroleerd');
    expect(stateLine({ kind: 'on', division: 1 }, true)).toBe('Exact-API: controleren…');
    expect(stateLine({ kind: 'off', reason: 'signed-out', detail: 'HTTP 200' }, false)).toBe(
      'Exact-API: uit (niet aangemeld) — alles via het scherm',
    );
    expect(stateLine({ kind: 'off', reason: 'division-mismatch', detail: '999 ≠ 123456' }, false)).toBe(
      'Exact-API: uit (andere administratie: 999 ≠ 123456) — alles via het scherm',
    );
    const until = new Date(2026, 11, 2, 10, 31).getTime();
    expect(stateLine({ kind: 'limited', division: 1, stop: { until, scope: 'minute' } }, false)).toBe(
      'Exact-API: gepauzeerd tot 10:31 (limiet van Exact per minuut) — via het scherm',
    );
    setLanguagePreference('en');
    expect(stateLine({ kind: 'off', reason: 'refused', detail: null }, false)).toBe(
      'Exact API: off (not allowed for this session) — everything from the screen',
    );
  });

  it('names each difference with what Exact kept first', () => {
    setLanguagePreference('nl');
    const at = { line: 3, description: 'Advies' };
    expect(differenceText({ kind: 'quantity', ...at, expected: 85833, actual: 85800 }, 'nl')).toBe(
      'regel 3 „Advies”: Exact hield aantal 8,58 in plaats van 8,5833',
    );
    expect(differenceText({ kind: 'amount', ...at, expected: 81500, actual: 81501 }, 'nl')).toBe(
      'regel 3 „Advies”: Exact hield bedrag € 815,01 in plaats van € 815,00',
    );
    expect(differenceText({ kind: 'item', ...at, expected: 'UREN', actual: 'UREN-SR' }, 'nl')).toBe(
      'regel 3 „Advies”: artikel UREN-SR in plaats van UREN',
    );
    expect(differenceText({ kind: 'missing', description: 'Advies' }, 'nl')).toBe(
      '„Advies” staat niet op de factuur in Exact',
    );
    expect(differenceText({ kind: 'total', expected: 100, actual: 101 }, 'nl')).toBe(
      'totaal excl. btw: Exact hield € 1,01 in plaats van € 1,00',
    );
    setLanguagePreference('en');
    expect(differenceText({ kind: 'quantity', ...at, expected: 20000, actual: 15000 }, 'en')).toBe(
      'line 3 “Advies”: Exact kept quantity 1.50 instead of 2.00',
    );
  });
});
