import { describe, expect, it } from 'vitest';
import { type RateBook, rateKey, rememberRate, resolveRate } from './rates';

const book: RateBook = {
  rules: new Map([
    ['p:1', { rateCents: 9500, itemCode: 'ADVIES' }],
    ['p:1:t:7', { rateCents: 12_000 }],
    ['p:2:t:7', { itemCode: 'SPOED' }],
  ]),
  defaultRateCents: 8000,
  defaultItemCode: 'UREN',
};

describe('rateKey', () => {
  it('keys projects and tasks on projects', () => {
    expect(rateKey(1)).toBe('p:1');
    expect(rateKey(1, 7)).toBe('p:1:t:7');
    expect(rateKey(1, null)).toBe('p:1');
  });
});

describe('resolveRate', () => {
  it('prefers task-on-project, then project, then default, per field', () => {
    expect(resolveRate(book, 1, 7)).toEqual({
      rateCents: 12_000,
      itemCode: 'ADVIES',
      rateSource: 'task',
      itemSource: 'project',
    });
    expect(resolveRate(book, 1, 8)).toEqual({
      rateCents: 9500,
      itemCode: 'ADVIES',
      rateSource: 'project',
      itemSource: 'project',
    });
    expect(resolveRate(book, 1, null)).toEqual({
      rateCents: 9500,
      itemCode: 'ADVIES',
      rateSource: 'project',
      itemSource: 'project',
    });
    expect(resolveRate(book, 2, 7)).toEqual({
      rateCents: 8000,
      itemCode: 'SPOED',
      rateSource: 'default',
      itemSource: 'task',
    });
    expect(resolveRate(book, 3, 7)).toEqual({
      rateCents: 8000,
      itemCode: 'UREN',
      rateSource: 'default',
      itemSource: 'default',
    });
    expect(resolveRate(book, null, 7)).toEqual({
      rateCents: 8000,
      itemCode: 'UREN',
      rateSource: 'default',
      itemSource: 'default',
    });
  });

  it('treats a zero rate as a real rate and a blank item code as unset', () => {
    const rules = new Map([['p:4', { rateCents: 0, itemCode: '  ' }]]);
    expect(resolveRate({ ...book, rules }, 4, null)).toEqual({
      rateCents: 0,
      itemCode: 'UREN',
      rateSource: 'project',
      itemSource: 'default',
    });
  });

  it('refuses a bad default rate', () => {
    expect(() => resolveRate({ ...book, defaultRateCents: -1 }, 1, 1)).toThrow(RangeError);
    expect(() => resolveRate({ ...book, defaultRateCents: 12.5 }, 1, 1)).toThrow(RangeError);
  });
});

describe('rememberRate', () => {
  it('returns a new map and leaves the old one alone', () => {
    const next = rememberRate(book.rules, 'p:9', { rateCents: 100, itemCode: ' X ' });
    expect(next.get('p:9')).toEqual({ rateCents: 100, itemCode: 'X' });
    expect(book.rules.has('p:9')).toBe(false);
  });

  it('forgets a key when the rule is empty', () => {
    expect(rememberRate(book.rules, 'p:1', { rateCents: null, itemCode: '' }).has('p:1')).toBe(false);
  });

  it('rejects bad keys and bad rates', () => {
    expect(() => rememberRate(book.rules, 'project 1', { rateCents: 1 })).toThrow(RangeError);
    expect(() => rememberRate(book.rules, 'p:1:t:', { rateCents: 1 })).toThrow(RangeError);
    expect(() => rememberRate(book.rules, 'p:1', { rateCents: -5 })).toThrow(RangeError);
    expect(() => rememberRate(book.rules, 'p:1', { rateCents: 9.99 })).toThrow(RangeError);
  });
});
