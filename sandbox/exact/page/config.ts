/**
 * What the server tells the page script, as JSON in `<script type="application/json"
 * id="SandboxConfig">`. The grid id and item field name come from here so the 'changed' variant
 * (renamed anchors) runs the same behaviour under other ids.
 */

import type { NumberLanguage } from './number-format';

export interface LookupChoice {
  code: string;
  description: string;
}

export interface PageConfig {
  language: NumberLanguage;
  division: number;
  /** Grid table id and row id prefix: 'grd' normally, 'grdLines' in the changed variant. */
  grid: string;
  /** Item lookup field suffix: 'Item' normally, 'ItemCode' in the changed variant. */
  itemField: string;
  /** Validation endpoint, already carrying the division and any sandbox query options. */
  lookupUrl: string;
  vatCodes: { code: string; percentage: number }[];
  items: LookupChoice[];
  accounts: LookupChoice[];
  /** Number for the next row id this page creates. */
  nextRow: number;
}

export const CONFIG_ELEMENT_ID = 'SandboxConfig';
/** Placeholder for the row id inside `<template id="RowTemplate">`. */
export const ROW_TOKEN = '__ROW__';

export function readPageConfig(doc: Document): PageConfig {
  const element = doc.getElementById(CONFIG_ELEMENT_ID);
  if (!element?.textContent) throw new Error(`#${CONFIG_ELEMENT_ID} is missing`);
  return JSON.parse(element.textContent) as PageConfig;
}

/** Answer of the lookup validation endpoint (`/docs/SandboxLookup.aspx`). */
export type LookupResult =
  | { found: false }
  | {
      found: true;
      id: string;
      /** The code as stored (accounts without their padding). */
      code: string;
      description: string;
      /** Items only. */
      unitPriceCents?: number;
      vatCode?: string;
      unit?: string;
    };
