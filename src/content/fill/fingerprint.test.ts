import { describe, expect, it } from 'vitest';
import { rowFingerprint, rowShows } from './fingerprint';

const row = {
  itemCode: 'UREN',
  description: 'Website',
  quantityText: '3,5',
  unitPriceText: '95,00',
  notes: 'a\nb',
};

describe('rowFingerprint', () => {
  it('is stable and 16 hex digits', () => {
    expect(rowFingerprint(row)).toMatch(/^[0-9a-f]{16}$/);
    expect(rowFingerprint({ ...row })).toBe(rowFingerprint(row));
  });

  it('changes with every field a person can edit', () => {
    const base = rowFingerprint(row);
    for (const field of ['itemCode', 'description', 'quantityText', 'unitPriceText', 'notes'] as const) {
      expect(rowFingerprint({ ...row, [field]: `${row[field]}x` }), field).not.toBe(base);
    }
  });

  it('keeps field boundaries apart', () => {
    expect(rowFingerprint({ ...row, description: 'ab', notes: '' })).not.toBe(
      rowFingerprint({ ...row, description: 'a', notes: 'b' }),
    );
  });

  it('ignores whitespace Exact adds on its own', () => {
    expect(rowFingerprint({ ...row, description: ' Website ', notes: 'a \r\nb\n' })).toBe(
      rowFingerprint(row),
    );
  });
});

describe('rowShows', () => {
  it('compares item codes case-insensitively, quantity and price as numbers, the rest exactly', () => {
    expect(rowShows({ ...row, itemCode: 'uren' }, row, 'nl')).toBe(true);
    expect(rowShows({ ...row, quantityText: '3,50', unitPriceText: '95' }, row, 'nl')).toBe(true);
    expect(rowShows({ ...row, quantityText: '3,51' }, row, 'nl')).toBe(false);
    expect(rowShows({ ...row, unitPriceText: '95,01' }, row, 'nl')).toBe(false);
    expect(rowShows({ ...row, description: 'Website ' }, row, 'nl')).toBe(true);
    expect(rowShows({ ...row, description: 'Websites' }, row, 'nl')).toBe(false);
  });

  it("reads the numbers in the page's format, and text that is not a number as text", () => {
    const english = { ...row, quantityText: '3.5', unitPriceText: '1,095.00' };
    expect(rowShows({ ...english, quantityText: '3.50', unitPriceText: '1095' }, english, 'en')).toBe(true);
    // In Dutch "3.5" is no number (a group separator inside the decimals): it compares as text.
    expect(rowShows({ ...row, quantityText: '3.5' }, row, 'nl')).toBe(false);
    expect(rowShows({ ...row, quantityText: 'n.v.t.' }, { ...row, quantityText: 'n.v.t.' }, 'nl')).toBe(true);
  });
});
