// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { markSaving, SAVE_FLAG_MAX_AGE_MS, takeSaving } from './save-flag';

const DIVISION = 123456;
const DRAFT = 'aaaabbbbccccdddd';
const INVOICE = '6a1f0c2e-5b7d-4e3f-9a8b-1c2d3e4f5a6b';
const OTHER = '0a1b2c3d-0000-4000-8000-00000000abcd';

beforeEach(() => sessionStorage.clear());

describe('the saving flag', () => {
  it('hands the draft key to the page that comes back with a new invoice id, once', () => {
    markSaving(sessionStorage, DIVISION, DRAFT, 1_000);
    expect(takeSaving(sessionStorage, DIVISION, INVOICE, 3_000)).toBe(DRAFT);
    expect(sessionStorage.getItem(`urenbrug:saving:${DIVISION}`)).toBeNull();
    expect(takeSaving(sessionStorage, DIVISION, INVOICE, 3_500)).toBeNull();
  });

  it('is removed by a refused save (no id), so opening another invoice afterwards moves nothing', () => {
    markSaving(sessionStorage, DIVISION, DRAFT, 1_000);
    expect(takeSaving(sessionStorage, DIVISION, null, 2_000)).toBeNull();
    expect(takeSaving(sessionStorage, DIVISION, INVOICE, 3_000)).toBeNull();
  });

  it('is not honoured when old, malformed, or for an invoice this tab had open before', () => {
    markSaving(sessionStorage, DIVISION, DRAFT, 1_000);
    expect(takeSaving(sessionStorage, DIVISION, INVOICE, 1_000 + SAVE_FLAG_MAX_AGE_MS + 1)).toBeNull();

    sessionStorage.setItem(`urenbrug:saving:${DIVISION}`, '1');
    expect(takeSaving(sessionStorage, DIVISION, OTHER, 2_000)).toBeNull();

    // OTHER was shown above: a flag that arrives on it later is not its save.
    markSaving(sessionStorage, DIVISION, DRAFT, 5_000);
    expect(takeSaving(sessionStorage, DIVISION, OTHER.toUpperCase(), 6_000)).toBeNull();
  });

  it('keeps divisions apart and refuses a draft key that is not one', () => {
    markSaving(sessionStorage, DIVISION, DRAFT, 1_000);
    expect(takeSaving(sessionStorage, 654321, INVOICE, 2_000)).toBeNull();
    expect(takeSaving(sessionStorage, DIVISION, INVOICE, 2_000)).toBe(DRAFT);
    markSaving(sessionStorage, DIVISION, '<img src=x>', 3_000);
    expect(sessionStorage.getItem(`urenbrug:saving:${DIVISION}`)).toBeNull();
  });
});
