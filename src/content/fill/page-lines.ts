/**
 * The preview's lines in the form the page module types them: numbers in the page's own
 * format, notes listing the entries. Amounts stay those of the preview (core/invoice-lines.ts).
 */

import type { InvoiceLinePlan } from '../../core/invoice-lines';
import type { Entry } from '../../core/keeping-types';
import type { Locale } from '../../core/locale';
import { formatPrice } from '../../core/money';
import { lineNotes } from './line-notes';
import type { PlannedLine } from './plan';

export function pageLines(
  plan: InvoiceLinePlan,
  entriesById: ReadonlyMap<number, Entry>,
  personName: (userId: number) => string,
  locale: Locale,
): PlannedLine[] {
  return plan.lines.map((line, index) => {
    const entries = line.entryIds.flatMap((id) => {
      const entry = entriesById.get(id);
      return entry ? [entry] : [];
    });
    return {
      lineKey: line.key,
      position: index + 1,
      quantityTenThousandths: line.quantity.tenThousandths,
      entryIds: line.entryIds,
      minutes: line.roundedMinutes,
      unitPriceCents: line.unitPriceCents,
      amountCents: line.amountCents,
      write: {
        itemCode: line.itemCode,
        description: line.description,
        quantityText: line.quantityText,
        unitPriceText: formatPrice(line.unitPriceCents, locale),
        notes: lineNotes(entries, personName, locale),
      },
    };
  });
}
