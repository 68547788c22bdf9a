import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatQuantity, quantityForExact } from '../../core/hours';
import { formatPrice } from '../../core/money';
import type { FilledLine } from '../../shared/invoice-types';
import type { GridRow } from '../exact/types';
import type { PlannedLine } from './plan';
import { readBackLine } from './readback';
import type { FillOutcome } from './run';
import { summariseFill } from './summary';

function planned(position: number, minutes: number, priceCents = 9600): PlannedLine {
  const quantity = quantityForExact(minutes, 3);
  const amountCents = Math.round((quantity.tenThousandths * priceCents) / 10_000);
  return {
    lineKey: `k${position}`,
    position,
    entryIds: [position],
    minutes,
    unitPriceCents: priceCents,
    amountCents,
    quantityTenThousandths: quantity.tenThousandths,
    write: {
      itemCode: 'UREN',
      description: `Regel ${position}`,
      quantityText: formatQuantity(quantity, 'nl'),
      unitPriceText: formatPrice(priceCents, 'nl'),
      notes: '',
    },
  };
}

function shown(line: PlannedLine, patch: Partial<GridRow> = {}): GridRow {
  return {
    rowId: `grd_r${line.position}`,
    itemCode: 'UREN',
    description: line.write.description,
    quantityText: line.write.quantityText,
    unitPriceText: line.write.unitPriceText,
    notes: '',
    amountCents: line.amountCents,
    ...patch,
  };
}

describe('readBackLine', () => {
  it('compares numbers, not text: "1,5" is "1,50" and "95" is "95,00"', () => {
    const line = planned(1, 90);
    expect(line.write.quantityText).toBe('1,5');
    const result = readBackLine(shown(line, { quantityText: '1,50', unitPriceText: '96' }), line, 'nl');
    expect(result.differences).toEqual([]);
    expect(result.quantity).toEqual({ written: 15_000, kept: 15_000 });
  });

  it('names the line, what Exact kept and what the preview had', () => {
    const line = planned(3, 515);
    expect(line.write.quantityText).toBe('8,583');
    const result = readBackLine(shown(line, { quantityText: '8,58', amountCents: 82_368 }), line, 'nl');
    expect(result.differences).toEqual([
      { lineKey: 'k3', position: 3, field: 'quantity', kept: '8,58', expected: '8,583' },
      { lineKey: 'k3', position: 3, field: 'amount', kept: '823,68', expected: '823,97' },
    ]);
    expect(result.quantity).toEqual({ written: 85_830, kept: 85_800 });
  });

  it('reads the English number format and skips an amount the row does not show', () => {
    const line = planned(2, 515);
    const english = { ...line, write: { ...line.write, quantityText: '8.583', unitPriceText: '96.00' } };
    expect(readBackLine(shown(english, { amountCents: null }), english, 'en').differences).toEqual([]);
    expect(readBackLine(shown(english, { unitPriceText: '1,096.00' }), english, 'en').differences).toEqual([
      { lineKey: 'k2', position: 2, field: 'price', kept: '1,096.00', expected: '96.00' },
    ]);
  });

  it('finds no difference in any quantity and price Exact shows with extra zeros', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom('nl', 'en' as const),
        (minutes, price, zeros, locale) => {
          const line = planned(1, minutes, price);
          const padded = (text: string) =>
            text.includes(locale === 'nl' ? ',' : '.')
              ? text + '0'.repeat(zeros)
              : `${text}${locale === 'nl' ? ',' : '.'}${'0'.repeat(zeros + 1)}`;
          const row = shown(line, {
            quantityText: padded(formatQuantity({ tenThousandths: line.quantityTenThousandths }, locale)),
            unitPriceText: formatPrice(price, locale),
          });
          expect(readBackLine(row, line, locale).differences).toEqual([]);
        },
      ),
    );
  });
});

function outcome(lines: PlannedLine[], rows: GridRow[]): FillOutcome {
  const placed: FilledLine[] = lines.map((line, index) => ({
    lineKey: line.lineKey,
    rowId: rows[index]!.rowId,
    entryIds: line.entryIds,
    itemCode: line.write.itemCode,
    description: line.write.description,
    quantityText: line.write.quantityText,
    unitPriceCents: line.unitPriceCents,
    amountCents: line.amountCents,
    minutes: line.minutes,
    hash: 'h',
    writtenAt: 0,
  }));
  return {
    status: 'done',
    records: placed,
    placed,
    written: placed.length,
    kept: 0,
    cleared: 0,
    left: 0,
    readBack: lines.flatMap((line, index) => readBackLine(rows[index]!, line, 'nl').differences),
    keptQuantities: [],
    error: null,
    failedLine: null,
  };
}

describe('summariseFill without the page’s totals', () => {
  it('checks to the cent against the line amounts Exact shows, with one message', () => {
    const lines = [planned(1, 90), planned(2, 515)];
    const rows = lines.map((line) => shown(line));
    const summary = summariseFill(outcome(lines, rows), rows, null);
    expect(summary).toMatchObject({ checkedAgainst: 'lines', matches: true, readBack: [] });
    expect(summary.pageTotalCents).toBe(summary.expectedTotalCents);
  });

  it('says the lines disagree and names the line Exact kept differently', () => {
    const lines = [planned(1, 90), planned(2, 515)];
    const rows = [shown(lines[0]!), shown(lines[1]!, { quantityText: '8,58', amountCents: 82_368 })];
    const summary = summariseFill(outcome(lines, rows), rows, null);
    expect(summary).toMatchObject({ checkedAgainst: 'lines', matches: false, amountDiffers: ['k2'] });
    expect(summary.expectedTotalCents - (summary.pageTotalCents ?? 0)).toBe(29);
    expect(summary.readBack.map((difference) => [difference.position, difference.field])).toEqual([
      [2, 'quantity'],
      [2, 'amount'],
    ]);
  });

  it('cannot check when a line shows no amount, and uses the page total when there is one', () => {
    const lines = [planned(1, 90)];
    const rows = [shown(lines[0]!, { amountCents: null })];
    expect(summariseFill(outcome(lines, rows), rows, null)).toMatchObject({
      checkedAgainst: null,
      matches: null,
    });
    expect(
      summariseFill(outcome(lines, rows), rows, { amountExclVatCents: lines[0]!.amountCents, lineCount: 1 }),
    ).toMatchObject({ checkedAgainst: 'total', matches: true, amountDiffers: [] });
  });
});
