/**
 * Behaviour of the second sales-invoice screen ('reference2'), written from the reference
 * (docs/exact-online.md) rather than from the standard screen: the customer lookup `Debtor`
 * (hidden id / `_alt` / `_ref` / `_refHidden`), validation on `change` behind `#WaitMessageImg`,
 * `window.OnChangePriceEntry(rowId)`, and saving as an ASP.NET postback whose answer is the
 * reloaded screen.
 */

import { openBrowsePopup } from './browse-popup';
import { formatDisplayDate, parseDisplayDate } from './date-format';
import { byId } from './grid-dom';
import { fetchLookup, setRef } from './lookups';
import {
  REFERENCE_CUSTOMER,
  REFERENCE_GRID,
  type ReferenceConfig,
  readReferenceConfig,
} from './reference-config';
import { referenceLabelsFor } from './reference-labels';
import { gridRows, onChangePriceEntry, setFieldValue, showTotals } from './reference-recalc';
import { bindReferenceRow, type ReferenceContext } from './reference-rows';
import { ValidationQueue } from './validation-queue';

type PageWindow = Window & typeof globalThis & { OnChangePriceEntry?: (rowId: string) => void };

export interface InstalledReferencePage {
  config: ReferenceConfig;
  queue: ValidationQueue;
  save(): Promise<void>;
}

export function installReferenceScreen(win: PageWindow): InstalledReferencePage {
  const doc = win.document;
  const config = readReferenceConfig(doc);
  const spinner = byId<HTMLImageElement>(doc, 'WaitMessageImg');
  const queue = new ValidationQueue((busy) => {
    spinner.style.display = busy ? 'block' : 'none';
  });
  const ctx: ReferenceContext = { win, config, queue };
  win.OnChangePriceEntry = (rowId: string) => onChangePriceEntry(doc, config, rowId);
  bindCustomer(ctx);
  bindDate(doc, config);
  for (const row of gridRows(doc)) bindReferenceRow(ctx, row.id);
  byId<HTMLTableElement>(doc, REFERENCE_GRID).addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'v') event.preventDefault();
  });

  let saving = false;
  const save = async (): Promise<void> => {
    if (saving) return;
    saving = true;
    await queue.whenIdle();
    for (const row of gridRows(doc)) onChangePriceEntry(doc, config, row.id);
    byId(doc, '__EVENTTARGET').value = 'tbr$Save';
    byId<HTMLFormElement>(doc, 'aspnetForm').submit();
  };
  byId<HTMLButtonElement>(doc, 'tbr_Save').onclick = () => {
    void save();
  };
  showTotals(doc, config);
  return { config, queue, save };
}

function bindCustomer(ctx: ReferenceContext): void {
  const { win, config, queue } = ctx;
  const doc = win.document;
  const labels = referenceLabelsFor(config.language);
  const id = REFERENCE_CUSTOMER;
  const alt = byId(doc, `${id}_alt`);
  const hidden = byId(doc, id);
  const refHidden = byId(doc, `${id}_refHidden`);
  alt.onchange = () => {
    const code = alt.value.trim();
    void queue.run(async () => {
      if (code === '') {
        setFieldValue(hidden, '');
        setFieldValue(refHidden, '');
        setRef(doc, id, '', false);
        return;
      }
      const result = await fetchLookup(win, config, 'Account', code).catch(() => null);
      if (!result?.found) {
        setFieldValue(hidden, '');
        setFieldValue(refHidden, '');
        setRef(doc, id, result ? labels.unknownAccount : labels.lookupFailed, true);
        return;
      }
      setFieldValue(hidden, result.id);
      setFieldValue(alt, result.code);
      setFieldValue(refHidden, result.description);
      setRef(doc, id, result.description, false);
    });
  };
  byId<HTMLButtonElement>(doc, `p${id}`).onclick = () => {
    openBrowsePopup(doc, alt, config.accounts, (code) => {
      alt.value = code;
      alt.dispatchEvent(new win.Event('change', { bubbles: true }));
    });
  };
}

function bindDate(doc: Document, config: ReferenceConfig): void {
  const input = byId(doc, 'EntryDate');
  input.onchange = () => {
    const iso = parseDisplayDate(input.value);
    input.classList.toggle('Invalid', iso === null);
    input.title = iso === null ? referenceLabelsFor(config.language).invalidDate : '';
    if (iso) setFieldValue(input, formatDisplayDate(iso, config.language));
  };
}
