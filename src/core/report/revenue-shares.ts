/**
 * Which part of an invoice line's amount and quantity each of its entries carries: the line's
 * cents and billed minutes spread over its entries by their minutes, largest remainder first, so
 * the shares sum to the line exactly and the Overzicht's breakdown sums to its total to the cent.
 */

export interface InvoiceLineFacts {
  /** Urenbrug's reference id of the invoice the line is on (core/billing.ts `urenbrugReferenceId`). */
  referenceId: string;
  entryIds: readonly number[];
  amountCents: number;
  /** The line's quantity as Exact kept it, in minutes; null when it could not be read. */
  billedMinutes: number | null;
}

export interface RevenueShare {
  referenceId: string;
  revenueCents: number;
  billedMinutes: number | null;
}

/** Splits `total` over `weights` (non-negative integers) in integers that sum to `total`. */
export function spreadByWeight(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const weightSum = weights.reduce((a, b) => a + b, 0);
  // No minutes to weigh by: equal shares.
  const used = weightSum === 0 ? weights.map(() => 1) : weights;
  const usedSum = weightSum === 0 ? weights.length : weightSum;
  const sign = total < 0 ? -1 : 1;
  const magnitude = Math.abs(total);
  const shares = used.map((w) => Math.floor((magnitude * w) / usedSum));
  let left = magnitude - shares.reduce((a, b) => a + b, 0);
  const order = used
    .map((w, index) => ({ index, remainder: (magnitude * w) % usedSum }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left === 0) break;
    shares[index] = (shares[index] ?? 0) + 1;
    left -= 1;
  }
  return shares.map((share) => sign * share);
}

/** Entry id → its share of the line it was billed on (an entry on two lines gets both). */
export function revenueShares(
  lines: Iterable<InvoiceLineFacts>,
  minutesOf: (entryId: number) => number | undefined,
): Map<number, RevenueShare> {
  const shares = new Map<number, RevenueShare>();
  for (const line of lines) {
    const ids = [...new Set(line.entryIds)];
    const weights = ids.map((id) => Math.max(0, minutesOf(id) ?? 0));
    const cents = spreadByWeight(line.amountCents, weights);
    const minutes = line.billedMinutes === null ? null : spreadByWeight(line.billedMinutes, weights);
    ids.forEach((id, index) => {
      const previous = shares.get(id);
      const revenueCents = (cents[index] ?? 0) + (previous?.revenueCents ?? 0);
      const billed = minutes === null ? null : (minutes[index] ?? 0);
      const billedMinutes =
        previous === undefined
          ? billed
          : previous.billedMinutes === null || billed === null
            ? null
            : previous.billedMinutes + billed;
      shares.set(id, { referenceId: line.referenceId, revenueCents, billedMinutes });
    });
  }
  return shares;
}
