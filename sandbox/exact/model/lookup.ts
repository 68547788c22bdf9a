/**
 * The server side of Exact's lookup fields: what a typed code resolves to. The page calls it on
 * `change` of a `_alt` field and fills the hidden id and `_ref` from the answer.
 */

import type { LookupResult } from '../page/config';
import { type ExactState, findCustomerByCode, findItemByCode } from './state';

export function lookup(
  state: ExactState,
  division: number,
  type: 'Item' | 'Account',
  code: string,
): LookupResult {
  if (type === 'Item') {
    const item = findItemByCode(state, division, code);
    if (!item) return { found: false };
    return {
      found: true,
      id: item.id,
      code: item.code,
      description: item.description,
      unitPriceCents: item.unitPriceCents,
      vatCode: item.vatCode,
      unit: item.unit,
    };
  }
  const account = findCustomerByCode(state, division, code);
  if (!account) return { found: false };
  return { found: true, id: account.id, code: account.code.trim(), description: account.name };
}
