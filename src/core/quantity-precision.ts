/**
 * Which quantity precision an administration has, judged from what Exact kept of the quantities
 * Urenbrug wrote (docs/exact-online.md, Quantity precision). Quantities are in ten-thousandths of
 * an hour, as in hours.ts.
 */
import { QUANTITY_PRECISIONS, type QuantityPrecision } from './exact-rules';
import { mulDivRounded } from './integer-math';

/** One written quantity and what Exact showed after validating it (null: nothing readable). */
export interface KeptQuantity {
  written: number;
  kept: number | null;
}

/** Decimals `tenThousandths` needs: 82_500 (8,25) → 2, 85_830 (8,583) → 3. */
export function decimalsUsed(tenThousandths: number): number {
  if (tenThousandths % 10_000 === 0) return 0;
  if (tenThousandths % 1000 === 0) return 1;
  if (tenThousandths % 100 === 0) return 2;
  return tenThousandths % 10 === 0 ? 3 : 4;
}

/** `tenThousandths` rounded half away from zero to `decimals` places, still in ten-thousandths. */
export function roundQuantity(tenThousandths: number, decimals: number): number {
  const step = 10 ** (4 - decimals);
  return mulDivRounded(tenThousandths, 1, step) * step;
}

/**
 * The precision the kept quantities prove, or null when they prove nothing. A quantity Exact
 * cut to fewer decimals proves that many (the lowest such wins); one kept with all 3 of its
 * decimals proves 3. Writing at 2 decimals therefore never reveals a precision of 3: that stays
 * the bookkeeper's setting.
 */
export function detectPrecision(kept: readonly KeptQuantity[]): QuantityPrecision | null {
  let cut: QuantityPrecision | null = null;
  let keptThree = false;
  for (const { written, kept: shown } of kept) {
    if (shown === null) continue;
    if (shown === written) {
      if (decimalsUsed(written) === 3) keptThree = true;
      continue;
    }
    for (const decimals of QUANTITY_PRECISIONS) {
      if (decimals < decimalsUsed(written) && roundQuantity(written, decimals) === shown) {
        cut = cut === null ? decimals : (Math.min(cut, decimals) as QuantityPrecision);
        break;
      }
    }
  }
  if (cut !== null) return cut;
  return keptThree ? 3 : null;
}
