/**
 * What the server tells the second screen's script (JSON in `#SandboxConfig`), and the numbers
 * it keeps: quantities with 2 decimals, as Exact stores them by default (docs/exact-online.md, Quantity precision).
 */

import type { LookupChoice } from './config';
import type { NumberLanguage } from './number-format';

export interface ReferenceConfig {
  language: NumberLanguage;
  division: number;
  lookupUrl: string;
  /** How long the page's own recalculation after a number change takes (spinner shown). */
  recalcDelayMs: number;
  vatCodes: { code: string; percentage: number }[];
  items: LookupChoice[];
  accounts: LookupChoice[];
  nextRow: number;
}

export const REFERENCE_GRID = 'grd';
export const REFERENCE_QUANTITY_DECIMALS = 2;
export const REFERENCE_CUSTOMER = 'Debtor';
export const REFERENCE_PRICE = 'NetPrice';
export const REFERENCE_AMOUNT = 'AmountFCDisplay';

export function readReferenceConfig(doc: Document): ReferenceConfig {
  const element = doc.getElementById('SandboxConfig');
  if (!element?.textContent) throw new Error('#SandboxConfig is missing');
  return JSON.parse(element.textContent) as ReferenceConfig;
}
