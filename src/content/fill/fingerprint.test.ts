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
  it('compares item codes case-insensitively and everything else exactly', () => {
    expect(rowShows({ ...row, itemCode: 'uren' }, row)).toBe(true);
    expect(rowShows({ ...row, quantityText: '3,50' }, row)).toBe(false);
  });
});
