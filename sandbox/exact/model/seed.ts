/**
 * The deterministic starting administration: two divisions of a small Dutch firm, the customers
 * of the Keeping sandbox as Exact accounts, hour and expense items, and the usual Dutch VAT codes.
 * GUIDs are derived from the record's division and code, so they are the same on every start.
 */

import { createHash } from 'node:crypto';
import type { ExactCustomer, ExactItem, ExactState, ExactVatCode } from './state';

export const DEFAULT_DIVISION = 123456;
export const SECOND_DIVISION = 654321;

/** A stable GUID (version-5 shaped) for a kind of record, its division and code. */
export function stableGuid(...parts: (string | number)[]): string {
  const hex = createHash('sha1').update(parts.join('|')).digest('hex');
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Exact pads account codes on the left to 18 characters. */
export function padAccountCode(code: string): string {
  return code.padStart(18, ' ');
}

const CUSTOMERS: Record<number, [code: string, name: string, city: string][]> = {
  // The firm's Keeping clients as Exact accounts, written the way bookkeepers write them (with
  // and without "B.V.", accents, hyphens), plus one customer that has no hours in Keeping.
  [DEFAULT_DIVISION]: [
    ['1001', 'Gemeente Utrecht', 'Utrecht'],
    ['1002', 'Bouwbedrijf Jansen B.V.', 'Amersfoort'],
    ['1003', 'Stichting Zorggroep Eemland', 'Amersfoort'],
    ['1004', 'Van Leeuwen Transport', 'Nieuwegein'],
    ['1005', 'Cafe-Restaurant De Gouden Leeuw', 'Amsterdam'],
    ['1006', "Bakkerij 't Stoepje", 'Houten'],
    ['1007', 'Huisartsenpraktijk De Linde', 'Zeist'],
    ['1008', 'Advocatenkantoor Mertens', 'Utrecht'],
  ],
  // The same client can exist in two divisions under another code: mappings are per division.
  [SECOND_DIVISION]: [
    ['2001', 'Gemeente Utrecht', 'Utrecht'],
    ['2002', 'Horeca Groep Amstel', 'Amsterdam'],
    ['2003', 'Zorggroep Rivierenland', 'Tiel'],
  ],
};

const ITEMS: [
  code: string,
  description: string,
  unit: string,
  cents: number,
  vat: string,
  isTime: boolean,
][] = [
  ['UREN', 'Uren', 'uur', 9500, '1', true],
  ['UREN-SR', 'Uren senior', 'uur', 12500, '1', true],
  ['UREN-JR', 'Uren junior', 'uur', 7500, '1', true],
  ['REIS', 'Reiskosten', 'km', 23, '1', false],
  ['VAST', 'Vaste prijs', 'stuk', 125000, '1', false],
  ['BOEK', 'Vakliteratuur', 'stuk', 4950, '2', false],
];

const VAT_CODES: ExactVatCode[] = [
  { code: '0', description: 'Geen btw', percentage: 0 },
  { code: '1', description: 'Btw hoog 21%', percentage: 21 },
  { code: '2', description: 'Btw laag 9%', percentage: 9 },
  { code: '5', description: 'Btw verlegd', percentage: 0 },
];

export function createSeedState(): ExactState {
  const divisions = [
    { code: DEFAULT_DIVISION, name: 'Adviesbureau De Brug B.V.', nextInvoiceSequence: 1 },
    { code: SECOND_DIVISION, name: 'De Brug Detachering B.V.', nextInvoiceSequence: 1 },
  ];
  const customers: ExactCustomer[] = [];
  const items: ExactItem[] = [];
  for (const { code: division } of divisions) {
    for (const [code, name, city] of CUSTOMERS[division] ?? []) {
      customers.push({
        id: stableGuid('account', division, code),
        division,
        code: padAccountCode(code),
        name,
        city,
      });
    }
    for (const [code, description, unit, unitPriceCents, vatCode, isTime] of ITEMS) {
      items.push({
        id: stableGuid('item', division, code),
        division,
        code,
        description,
        unit,
        unitPriceCents,
        vatCode,
        isTime,
      });
    }
  }
  return { divisions, customers, items, vatCodes: VAT_CODES.map((vat) => ({ ...vat })), invoices: [] };
}
