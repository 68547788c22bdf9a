/**
 * The lines as text to copy when the panel cannot type into Exact (screen changed): one
 * tab-separated row per line, so it pastes into a spreadsheet as columns and reads well as is.
 */

import type { Locale } from '../../core/locale';
import { formatMoney } from '../../core/money';
import type { PlannedLine } from './plan';

export interface LinesAsTextLabels {
  item: string;
  description: string;
  quantity: string;
  price: string;
  amount: string;
  total: string;
}

// Tabs and line breaks inside a value would shift the columns.
function cell(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ').trim();
}

export function linesAsText(
  lines: readonly PlannedLine[],
  locale: Locale,
  labels: LinesAsTextLabels,
): string {
  const rows = [[labels.item, labels.description, labels.quantity, labels.price, labels.amount]];
  let total = 0;
  for (const line of lines) {
    total += line.amountCents;
    rows.push([
      line.write.itemCode,
      line.write.description,
      line.write.quantityText,
      line.write.unitPriceText,
      formatMoney(line.amountCents, locale),
    ]);
  }
  rows.push(['', labels.total, '', '', formatMoney(total, locale)]);
  return rows.map((row) => row.map(cell).join('\t')).join('\n');
}
