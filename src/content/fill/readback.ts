/**
 * What Exact kept of a line after validating it, compared with the preview as numbers in the
 * page's number format ("1,5" is "1,50"): quantity, unit price and, where the row shows one, the
 * line amount. Each difference is named per line (docs/architecture.md, Write only what Exact keeps).
 */
import { formatQuantity } from '../../core/hours';
import type { Locale } from '../../core/locale';
import { formatPrice } from '../../core/money';
import type { KeptQuantity } from '../../core/quantity-precision';
import { parseScaled } from '../exact/page-numbers';
import type { GridRow } from '../exact/types';
import type { PlannedLine } from './plan';

export type ReadBackField = 'quantity' | 'price' | 'amount';

export interface ReadBackDifference {
  lineKey: string;
  /** The line's number in the preview (1 = first). */
  position: number;
  field: ReadBackField;
  /** What Exact shows, as it shows it (or formatted in the page's style for the amount). */
  kept: string;
  /** What the preview has, in the page's style. */
  expected: string;
}

export interface ReadBack {
  differences: ReadBackDifference[];
  quantity: KeptQuantity;
}

/** Compares one written row with its planned line. */
export function readBackLine(row: GridRow, line: PlannedLine, locale: Locale): ReadBack {
  const differences: ReadBackDifference[] = [];
  const differ = (field: ReadBackField, kept: string, expected: string) =>
    differences.push({ lineKey: line.lineKey, position: line.position, field, kept, expected });
  const quantity = parseScaled(row.quantityText, locale, 4);
  if (quantity !== line.quantityTenThousandths) {
    differ(
      'quantity',
      row.quantityText,
      formatQuantity({ tenThousandths: line.quantityTenThousandths }, locale),
    );
  }
  if (parseScaled(row.unitPriceText, locale, 2) !== line.unitPriceCents) {
    differ('price', row.unitPriceText, formatPrice(line.unitPriceCents, locale));
  }
  // A row without an amount field has nothing to compare; the totals still are.
  if (row.amountCents !== null && row.amountCents !== line.amountCents) {
    differ('amount', formatPrice(row.amountCents, locale), formatPrice(line.amountCents, locale));
  }
  return { differences, quantity: { written: line.quantityTenThousandths, kept: quantity } };
}
