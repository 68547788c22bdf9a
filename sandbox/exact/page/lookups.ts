/**
 * Lookup validation as Exact does it on `change` of a `_alt` field: ask the server what the code
 * means, then fill the hidden id and the `_ref` description, or turn `_ref` red and leave the
 * id empty. The answer arrives after the server's latency, never synchronously.
 */

import type { LookupResult, PageConfig } from './config';
import { byId } from './grid-dom';

export type LookupType = 'Item' | 'Account';

export async function fetchLookup(
  win: Window,
  config: Pick<PageConfig, 'lookupUrl'>,
  type: LookupType,
  code: string,
): Promise<LookupResult> {
  const url = new URL(config.lookupUrl, win.location.href);
  url.searchParams.set('Type', type);
  url.searchParams.set('Code', code);
  const response = await win.fetch(url.href, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`lookup answered ${response.status}`);
  return (await response.json()) as LookupResult;
}

/** Shows the `_ref` text; red when the code is not valid, as Exact marks it. */
export function setRef(doc: Document, fieldId: string, text: string, invalid: boolean): void {
  const ref = byId<HTMLSpanElement>(doc, `${fieldId}_ref`);
  ref.textContent = text;
  ref.classList.toggle('Invalid', invalid);
  ref.style.color = invalid ? 'red' : '';
}
