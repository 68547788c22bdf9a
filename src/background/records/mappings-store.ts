/**
 * What the bookkeeper taught the panel once: which Keeping client an Exact customer is (per
 * division) and the rates and item codes of the lines (per organisation; Keeping's API has no
 * rates). Kept in the `mappings` store, which survives a disconnect (db.ts wipeCache).
 */

import { DEFAULT_QUANTITY_PRECISION } from '../../core/exact-rules';
import type { ClientMapping, LineDefaults, QuantityPrecisionSetting } from '../../shared/invoice-types';
import type { MappingRecord, UrenbrugDatabase } from '../db/database';

/** What the lines use until the bookkeeper changes it: € 95,00 an hour, Exact item "UREN". */
export const DEFAULT_LINE_DEFAULTS: LineDefaults = {
  defaultRateCents: 9500,
  defaultItemCode: 'UREN',
  rules: {},
};

/** Record keys of the `mappings` store; a backup restores under the same keys. */
export const clientKey = (
  organisationId: number,
  mapping: Pick<ClientMapping, 'division' | 'exactCustomerCode'>,
): string => `client:${organisationId}:${mapping.division}:${mapping.exactCustomerCode}`;
export const lineDefaultsKey = (organisationId: number): string => `lineDefaults:${organisationId}`;
export const precisionKey = (organisationId: number, division: number): string =>
  `precision:${organisationId}:${division}`;

/** This organisation's mappings of one division's customers, by customer code. */
export async function readClientMappings(
  db: UrenbrugDatabase,
  organisationId: number,
  division: number,
): Promise<ClientMapping[]> {
  const records = await db.getAllFromIndex('mappings', 'by-org-division', [organisationId, division]);
  const mappings: ClientMapping[] = [];
  for (const record of records) if (record.kind === 'client') mappings.push(record.value);
  return mappings.sort((a, b) => a.exactCustomerCode.localeCompare(b.exactCustomerCode, 'nl'));
}

/** Remembers (or replaces) one customer's mapping; answers the division's mappings. */
export async function saveClientMapping(
  db: UrenbrugDatabase,
  organisationId: number,
  mapping: ClientMapping,
): Promise<ClientMapping[]> {
  await db.put('mappings', {
    key: clientKey(organisationId, mapping),
    kind: 'client',
    organisationId,
    division: mapping.division,
    value: mapping,
  });
  return readClientMappings(db, organisationId, mapping.division);
}

export async function readLineDefaults(db: UrenbrugDatabase, organisationId: number): Promise<LineDefaults> {
  const record = await db.get('mappings', lineDefaultsKey(organisationId));
  return record?.kind === 'lineDefaults' ? record.value : structuredClone(DEFAULT_LINE_DEFAULTS);
}

export async function saveLineDefaults(
  db: UrenbrugDatabase,
  organisationId: number,
  defaults: LineDefaults,
): Promise<LineDefaults> {
  await db.put('mappings', {
    key: lineDefaultsKey(organisationId),
    kind: 'lineDefaults',
    organisationId,
    value: defaults,
  });
  return defaults;
}

/** The division's quantity precision as remembered, or Exact's default of 2 decimals. */
export async function readQuantityPrecision(
  db: UrenbrugDatabase,
  organisationId: number,
  division: number,
): Promise<QuantityPrecisionSetting> {
  const record = await db.get('mappings', precisionKey(organisationId, division));
  return record?.kind === 'quantityPrecision'
    ? record.value
    : { division, decimals: DEFAULT_QUANTITY_PRECISION, source: 'default' };
}

/** One division's precision as the `mappings` store keeps it; a backup restores the same record. */
export const precisionRecord = (
  organisationId: number,
  setting: QuantityPrecisionSetting,
): MappingRecord => ({
  key: precisionKey(organisationId, setting.division),
  kind: 'quantityPrecision',
  organisationId,
  division: setting.division,
  value: setting,
});

export async function saveQuantityPrecision(
  db: UrenbrugDatabase,
  organisationId: number,
  setting: QuantityPrecisionSetting,
): Promise<QuantityPrecisionSetting> {
  await db.put('mappings', precisionRecord(organisationId, setting));
  return setting;
}
