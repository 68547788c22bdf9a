// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { draftKeyFor, forgetDraft, refForScreen } from './invoice-ref';

beforeEach(() => {
  sessionStorage.clear();
  forgetDraft(1, null);
  forgetDraft(2, null);
});

describe('draft keys', () => {
  it('are made once per division and found again after a reload', () => {
    const key = draftKeyFor(1, sessionStorage, () => 'aaaaaaaa11');
    expect(draftKeyFor(1, sessionStorage, () => 'bbbbbbbb22')).toBe(key);
    expect(sessionStorage.getItem('urenbrug.draft.1')).toBe('aaaaaaaa11');
    expect(draftKeyFor(2, sessionStorage, () => 'cccccccc33')).toBe('cccccccc33');
  });

  it('replaces a tampered stored key and starts fresh after the invoice was saved', () => {
    sessionStorage.setItem('urenbrug.draft.1', '<script>');
    expect(draftKeyFor(1, sessionStorage, () => 'dddddddd44')).toBe('dddddddd44');
    forgetDraft(1, sessionStorage);
    expect(sessionStorage.getItem('urenbrug.draft.1')).toBeNull();
    expect(draftKeyFor(1, sessionStorage, () => 'eeeeeeee55')).toBe('eeeeeeee55');
  });

  it('still works when storage throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    } as unknown as Storage;
    const key = draftKeyFor(2, broken, () => 'ffffffff66');
    expect(draftKeyFor(2, broken, () => 'gggggggg77')).toBe(key);
  });
});

describe('refForScreen', () => {
  it('uses the saved invoice id in lower case, else a draft key, else nothing', () => {
    expect(refForScreen({ division: 5, invoiceId: 'ABC-1' }, null, null)).toEqual({
      division: 5,
      invoiceId: 'abc-1',
      draftKey: null,
    });
    expect(refForScreen({ division: 5, invoiceId: null }, null, sessionStorage)?.draftKey).toMatch(
      /^[0-9a-f]{32}$/,
    );
    expect(refForScreen(null, 7, sessionStorage)?.division).toBe(7);
    expect(refForScreen(null, null, sessionStorage)).toBeNull();
  });
});
