/**
 * Which part of an invoice line's amount and quantity each of its entries carries: the line's
 * cents and billed minutes spread over its entries by their minutes, largest remainder first, so
 * the shares sum to the line exactly and the Overzicht's breakdown sums to its total to the cent.
 */

export interface InvoiceLineFacts {
  /** Urenbrug's reference id of the invoice the line is on (core/billing.ts `urenbrugReferenceId`). */
  referenceId: string;
  /** The Exact division (administration) the invoice was made in. */
  division: number;
  entryIds: readonly number[];
  amountCents: number;
  /** The minutes of all the line's entries (FilledLine.minutes). */
  minutes: number;
  /** The line's quantity as Exact kept it, in minutes; null when it could not be read. */
  billedMinutes: number | null;
}

export interface RevenueShare {
  referenceId: string;
  division: number;
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

/**
 * Each entry's weight on its line: its own minutes where known; entries whose minutes are not at
 * hand (outside the period read) share what is left of the line's minutes, so an entry in the
 * period never takes the part of the line that belongs to entries outside it.
 */
function lineWeights(
  ids: readonly number[],
  lineMinutes: number,
  minutesOf: (id: number) => number | undefined,
) {
  const known = ids.map((id) => minutesOf(id));
  const knownSum = known.reduce<number>((sum, minutes) => sum + Math.max(0, minutes ?? 0), 0);
  const unknownCount = known.filter((minutes) => minutes === undefined).length;
  const rest = spreadByWeight(
    Math.max(0, lineMinutes - knownSum),
    known.filter((minutes) => minutes === undefined).map(() => 1),
  );
  let next = 0;
  return known.map((minutes) => {
    if (minutes !== undefined) return Math.max(0, minutes);
    return unknownCount === 0 ? 0 : (rest[next++] ?? 0);
  });
}

/** Entry id → its share of the line it was billed on (an entry on two lines gets both). */
export function revenueShares(
  lines: Iterable<InvoiceLineFacts>,
  minutesOf: (entryId: number) => number | undefined,
): Map<number, RevenueShare> {
  const shares = new Map<number, RevenueShare>();
  for (const line of lines) {
    const ids = [...new Set(line.entryIds)];
    const weights = lineWeights(ids, line.minutes, minutesOf);
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
      shares.set(id, { referenceId: line.referenceId, division: line.division, revenueCents, billedMinutes });
    });
  }
  return shares;
}
