/**
 * Behaviour of the sales-invoice entry screen: the customer lookup, the grid rows, the date
 * field, blocked paste in the grid, the spinner, the page-owned `OnChangePriceEntry`, and saving
 * (ASP.NET-style postback after every pending validation has landed).
 */

import { openBrowsePopup } from './browse-popup';
import { type PageConfig, readPageConfig } from './config';
import { formatDisplayDate, parseDisplayDate } from './date-format';
import { byId, liveRows } from './grid-dom';
import { labelsFor } from './labels';
import { fetchLookup, setRef } from './lookups';
import { changePriceEntry, recalcRow, recalcTotals } from './recalc';
import { bindRow, type RowContext } from './row-behaviour';
import { ValidationQueue } from './validation-queue';

type PageWindow = Window & typeof globalThis & { OnChangePriceEntry?: (rowId: string) => void };

export interface InstalledPage {
  config: PageConfig;
  queue: ValidationQueue;
  /** Resolves after the postback has been sent (tests replace `form.submit`). */
  save(): Promise<void>;
}

export function installLogEntrySales(win: PageWindow): InstalledPage {
  const doc = win.document;
  const config = readPageConfig(doc);
  const spinner = byId<HTMLImageElement>(doc, 'WaitMessageImg');
  const queue = new ValidationQueue((busy) => {
    spinner.style.display = busy ? 'block' : 'none';
  });
  const ctx: RowContext = { win, config, queue };

  win.OnChangePriceEntry = (rowId: string) => changePriceEntry(doc, config, rowId);
  bindAccountLookup(ctx);
  bindInvoiceDate(doc, config);
  for (const row of liveRows(doc, config)) bindRow(ctx, row.id);
  blockPasteInGrid(doc, config);

  let saving = false;
  const save = async (): Promise<void> => {
    if (saving) return;
    saving = true;
    await queue.whenIdle();
    for (const row of liveRows(doc, config)) recalcRow(doc, config, row.id);
    recalcTotals(doc, config);
    byId(doc, '__EVENTTARGET').value = 'btnSave';
    byId<HTMLFormElement>(doc, 'MainForm').submit();
  };
  byId<HTMLButtonElement>(doc, 'btnSave').onclick = () => {
    void save();
  };
  recalcTotals(doc, config);
  return { config, queue, save };
}

function bindAccountLookup(ctx: RowContext): void {
  const { win, config, queue } = ctx;
  const doc = win.document;
  const labels = labelsFor(config.language);
  const alt = byId(doc, 'InvoiceTo_alt');
  const hidden = byId(doc, 'InvoiceTo');
  alt.onchange = () => {
    const code = alt.value.trim();
    void queue.run(async () => {
      if (code === '') {
        hidden.value = '';
        setRef(doc, 'InvoiceTo', '', false);
        return;
      }
      const result = await fetchLookup(win, config, 'Account', code).catch(() => null);
      if (!result?.found) {
        hidden.value = '';
        setRef(doc, 'InvoiceTo', result ? labels.unknownAccount : labels.lookupFailed, true);
        return;
      }
      hidden.value = result.id;
      alt.value = result.code;
      setRef(doc, 'InvoiceTo', result.description, false);
    });
  };
  byId<HTMLButtonElement>(doc, 'pInvoiceTo').onclick = () => {
    openBrowsePopup(doc, alt, config.accounts, (code) => {
      alt.value = code;
      alt.dispatchEvent(new win.Event('change', { bubbles: true }));
    });
  };
}

function bindInvoiceDate(doc: Document, config: PageConfig): void {
  const input = byId(doc, 'InvoiceDate');
  input.onchange = () => {
    const iso = parseDisplayDate(input.value);
    input.classList.toggle('Invalid', iso === null);
    input.title = iso === null ? labelsFor(config.language).invalidDate : '';
    if (iso) input.value = formatDisplayDate(iso, config.language);
  };
}

/**
 * Exact swallows Ctrl/Cmd+V in grid fields with a keydown handler (docs/exact-online.md, Keyboard and paste).
 */
function blockPasteInGrid(doc: Document, config: PageConfig): void {
  byId<HTMLTableElement>(doc, config.grid).addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'v') event.preventDefault();
  });
}
