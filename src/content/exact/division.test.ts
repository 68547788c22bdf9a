import { describe, expect, it } from 'vitest';
import { divisionFromUrl } from './division';

describe('divisionFromUrl', () => {
  it('reads _Division_ and rejects anything else', () => {
    expect(
      divisionFromUrl('https://start.exactonline.nl/docs/LogEntrySales.aspx?_Division_=123456&x=1'),
    ).toBe(123456);
    expect(divisionFromUrl('https://start.exactonline.nl/docs/X.aspx?a=1&_division_=42')).toBe(42);
    expect(divisionFromUrl('https://start.exactonline.nl/docs/X.aspx?_Division_=abc')).toBeNull();
    expect(divisionFromUrl('about:blank')).toBeNull();
  });
});
