import { describe, expect, it } from 'vitest';
import { associateRange, LOOKBACK_MONTHS, quantityMinutes, toAssociateLine } from './associate-model';

describe('quantityMinutes', () => {
  it('reads the invoice quantity as minutes in the page’s format', () => {
    expect(quantityMinutes('38,25', 'nl')).toBe(2295);
    expect(quantityMinutes('1.234,5', 'nl')).toBe(74_070);
    expect(quantityMinutes('0.3333', 'en')).toBe(20);
    expect(quantityMinutes('10', 'nl')).toBe(600);
  });

  it('counts what is not a positive number of hours as none', () => {
    expect(quantityMinutes('', 'nl')).toBe(0);
    expect(quantityMinutes('-2', 'nl')).toBe(0);
    expect(quantityMinutes('abc', 'nl')).toBe(0);
  });
});

describe('associateRange', () => {
  const line = (description: string) => ({ description });

  it('takes a period named in the header first, then one named on a line', () => {
    expect(
      associateRange({ invoiceDate: '2026-11-02', description: 'Uren oktober 2026' }, [], '2026-12-01'),
    ).toEqual({ from: '2026-10-01', to: '2026-10-31', source: 'text' });
    expect(
      associateRange(
        { invoiceDate: '2026-11-02', description: 'Factuur' },
        [line('Werkzaamheden'), line('Advies 1-9-2026 t/m 30-9-2026')],
        '2026-12-01',
      ),
    ).toEqual({ from: '2026-09-01', to: '2026-09-30', source: 'text' });
  });

  it('otherwise looks back from the invoice date (or today) up to it', () => {
    expect(
      associateRange({ invoiceDate: '2026-11-02', description: '' }, [line('Uren')], '2026-12-01'),
    ).toEqual({
      from: `2026-0${11 - LOOKBACK_MONTHS}-01`,
      to: '2026-11-02',
      source: 'date',
    });
    expect(associateRange({ invoiceDate: null, description: '' }, [], '2026-12-01')?.to).toBe('2026-12-01');
  });
});

describe('toAssociateLine', () => {
  it('keeps the row’s text and its hours', () => {
    expect(
      toAssociateLine(
        {
          rowId: 'grd_r1',
          itemCode: 'UREN',
          description: 'Begroting',
          quantityText: '12,5',
          unitPriceText: '95,00',
          notes: '',
          amountCents: 118_750,
        },
        'nl',
      ),
    ).toMatchObject({ rowId: 'grd_r1', minutes: 750, amountCents: 118_750 });
  });
});
