/**
 * Texts of the second ('reference2') screen: the standard texts with the reference's wording
 * where the two differ — "Unit price" for the price column, "Total" for the grand total, and the
 * status as the title shows it. Its own object so that the two screens can disagree.
 */

import { type Labels, labelsFor } from './labels';
import type { NumberLanguage } from './number-format';

export interface ReferenceLabels extends Labels {
  statusNew: string;
  deleteLine: string;
}

const NL: Partial<ReferenceLabels> = {
  colUnitPrice: 'Prijs',
  totalIncl: 'Totaal',
  statusNew: 'Nieuw',
  deleteLine: 'Regel verwijderen',
};

const EN: Partial<ReferenceLabels> = {
  colUnitPrice: 'Unit price',
  totalIncl: 'Total',
  statusOpen: 'Open',
  statusNew: 'New',
  deleteLine: 'Remove line',
};

export function referenceLabelsFor(language: NumberLanguage): ReferenceLabels {
  return { ...labelsFor(language), ...(language === 'en' ? EN : NL) } as ReferenceLabels;
}

/** "Sales invoice 20260042 - Open", "Sales invoice - New". */
export function referenceTitle(labels: ReferenceLabels, invoiceNumber: number | null): string {
  return invoiceNumber === null
    ? `${labels.title} - ${labels.statusNew}`
    : `${labels.title} ${invoiceNumber} - ${labels.statusOpen}`;
}
