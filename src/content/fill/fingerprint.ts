/**
 * What identifies a grid row Urenbrug wrote: a hash of the row as Exact shows it after the
 * write. A row that still hashes the same is ours to update; one that does not was changed by a
 * person and is never overwritten silently (docs/architecture.md, Filling Exact's grid).
 */
import { fnv1a64 } from '../../core/billing';
import type { Locale } from '../../core/locale';
import { parseScaled } from '../exact/page-numbers';
import type { GridRow, LineToWrite } from '../exact/types';

export type RowContent = Pick<
  GridRow,
  'itemCode' | 'description' | 'quantityText' | 'unitPriceText' | 'notes'
>;

/**
 * Whitespace Exact may add or drop on its own (trailing spaces, CRLF in the notes memo) is not
 * a person's change, so it is normalised away before hashing or comparing.
 */
function normalise(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .trim();
}

function fields(row: RowContent): string[] {
  return [row.itemCode, row.description, row.quantityText, row.unitPriceText, row.notes].map(normalise);
}

/** Stable 16-hex-digit hash of a row's item, description, quantity, price and notes. */
export function rowFingerprint(row: RowContent): string {
  // Unit separators keep "a|b" + "c" apart from "a" + "b|c".
  return fnv1a64(`urenbrug-row\u001f${fields(row).join('\u001f')}`);
}

/** Quantity (4 decimals) and price (2) as numbers in the page's format: "1,5" shows "1,50". */
const NUMBER_DECIMALS: ReadonlyMap<number, number> = new Map([
  [2, 4],
  [3, 2],
]);

/**
 * True when the row already shows what Urenbrug would write, so the write can be skipped.
 * Item codes compare case-insensitively: Exact's lookup shows the code in its own spelling.
 * Quantity and price compare as numbers, as Exact reformats what it keeps; text that is not a
 * number in the page's format compares as text.
 */
export function rowShows(row: RowContent, line: LineToWrite, locale: Locale): boolean {
  const have = fields(row);
  const want = fields(line);
  have[0] = have[0]!.toUpperCase();
  want[0] = want[0]!.toUpperCase();
  return have.every((value, index) => {
    const decimals = NUMBER_DECIMALS.get(index);
    const wanted = want[index] ?? '';
    if (decimals === undefined) return value === wanted;
    const [kept, written] = [parseScaled(value, locale, decimals), parseScaled(wanted, locale, decimals)];
    return kept !== null && written !== null ? kept === written : value === wanted;
  });
}
