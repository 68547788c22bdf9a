/**
 * The search popup behind a lookup's browse button (`#cntPopupSearch`, docs/exact-online.md, Lookup fields):
 * a list of codes and descriptions; picking one puts the code in the `_alt` field, which then validates as if
 * typed. Any click outside, including on the input, closes it.
 */

import type { LookupChoice } from './config';
import { byId } from './grid-dom';

export function openBrowsePopup(
  doc: Document,
  anchor: HTMLElement,
  choices: readonly LookupChoice[],
  onPick: (code: string) => void,
): void {
  const popup = byId<HTMLDivElement>(doc, 'cntPopupSearch');
  const table = doc.createElement('table');
  for (const choice of choices) {
    const row = table.insertRow();
    row.insertCell().textContent = choice.code;
    row.insertCell().textContent = choice.description;
    row.addEventListener('mousedown', (event) => {
      event.preventDefault();
      hide();
      onPick(choice.code);
    });
  }
  popup.replaceChildren(table);
  const rect = anchor.getBoundingClientRect();
  const view = doc.defaultView;
  popup.style.left = `${rect.left + (view?.scrollX ?? 0)}px`;
  popup.style.top = `${rect.bottom + (view?.scrollY ?? 0)}px`;
  popup.style.display = 'block';

  function hide(): void {
    popup.style.display = 'none';
    doc.removeEventListener('mousedown', outside, true);
  }
  function outside(event: Event): void {
    // No instanceof Node: the page script also runs against test windows with their own globals.
    const target = event.target as Node | null;
    if (!target || !popup.contains(target)) hide();
  }
  doc.addEventListener('mousedown', outside, true);
}
