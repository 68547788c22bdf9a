import { describe, expect, it } from 'vitest';
import { quantityTextMinutes } from './quantity-text';

describe('quantityTextMinutes', () => {
  it('reads the quantity Urenbrug typed, with a comma or a point', () => {
    expect(quantityTextMinutes('38,25')).toBe(2295);
    expect(quantityTextMinutes('1.5')).toBe(90);
    expect(quantityTextMinutes('2')).toBe(120);
    expect(quantityTextMinutes('0,3333')).toBe(20);
    expect(quantityTextMinutes('-1,00')).toBe(-60);
  });

  it('gives null for what it cannot read', () => {
    expect(quantityTextMinutes('1.234,50')).toBeNull();
    expect(quantityTextMinutes('')).toBeNull();
    expect(quantityTextMinutes('abc')).toBeNull();
  });
});
