/**
 * What identifies a grid row Urenbrug wrote: a hash of the row as Exact shows it after the
 * write. A row that still hashes the same is ours to update; one that does not was changed by a
 * person and is never overwritten silently (docs/architecture.md, Filling Exact's grid).
 */
import { fnv1a64 } from '../../core/billing';
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

/**
 * True when the row already shows what Urenbrug would write, so the write can be skipped.
 * Item codes compare case-insensitively: Exact's lookup shows the code in its own spelling.
 */
export function rowShows(row: RowContent, line: LineToWrite): boolean {
  const have = fields(row);
  const want = fields(line);
  have[0] = have[0]!.toUpperCase();
  want[0] = want[0]!.toUpperCase();
  return have.every((value, index) => value === want[index]);
}
