/**
 * The page module against the sandbox's invoice screen and its page scripts (not a fake of our
 * own): writing and clearing lines is where Urenbrug touches Exact, so it is tested here as well
 * as end to end.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { exactLineAmountCents } from '../../core/hours';
import { openSandboxScreen, type SandboxScreen, type ScreenOptions } from '../testing/sandbox-screen';
import { createExactInvoicePage } from './page';
import { type ExactInvoicePage, type LineToWrite, ScreenChangedError } from './types';

let screen: SandboxScreen | undefined;
afterEach(async () => {
  await screen?.close();
  screen = undefined;
});

function open(options: ScreenOptions = {}): { screen: SandboxScreen; page: ExactInvoicePage } {
  screen = openSandboxScreen(options);
  return { screen, page: createExactInvoicePage(screen.doc) };
}

const signal = () => new AbortController().signal;

const WEBSITE: LineToWrite = {
  itemCode: 'uren',
  description: 'Website - mei 2026',
  quantityText: '3,5833',
  unitPriceText: '1.095,50',
  notes: '04-05-2026  Anna van Doorn  1:30  Homepage\n05-05-2026  Bram de Boer  2:05  Menu',
};
const BOEKHOUDING: LineToWrite = {
  itemCode: 'UREN',
  description: 'Boekhouding - mei 2026',
  quantityText: '4',
  unitPriceText: '95,00',
  notes: '',
};

describe('writeLine', () => {
  it('types the item first, waits for its lookup, then puts the line over the item’s defaults', async () => {
    const { screen, page } = open({ lookupLatencyMs: 60 });
    const notesEvents: string[] = [];
    const listen = (event: Event) => {
      if ((event.target as HTMLElement).id === 'grd_r1_Notes') notesEvents.push(event.type);
    };
    screen.doc.addEventListener('input', listen, true);
    screen.doc.addEventListener('change', listen, true);
    const started = Date.now();
    const row = await page.writeLine(null, WEBSITE, signal());

    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(screen.lookups).toEqual(['uren']);
    const item = screen.state.items.find(
      (candidate) => candidate.division === 123456 && candidate.code === 'UREN',
    );
    expect(screen.field('grd_r1_Item').value).toBe(item!.id);
    // The lookup wrote "Uren" and € 95,00 into the row; what Urenbrug typed afterwards stayed.
    expect(row).toEqual({
      rowId: 'grd_r1',
      itemCode: 'UREN',
      description: 'Website - mei 2026',
      quantityText: '3,5833',
      unitPriceText: '1.095,50',
      notes: WEBSITE.notes,
      amountCents: exactLineAmountCents({ tenThousandths: 35_833 }, 109_550),
    });
    expect(screen.doc.getElementById('i1grd_r1_Notes')!.style.display).toBe('');
    expect(screen.doc.getElementById('i1grd_r1_Notes')!.title).toBe(WEBSITE.notes);
    expect(screen.doc.getElementById('i2grd_r1_Notes')!.style.display).toBe('none');
    // Notes as Exact's own scripts write them: value and attribute, then input and change.
    expect(screen.field('grd_r1_Notes').getAttribute('value')).toBe(WEBSITE.notes);
    expect(notesEvents).toEqual(['input', 'change']);
    // Exact appended a new empty row once the last one got an item; it is not a line.
    expect(screen.doc.querySelectorAll('#grd tr.GridRow')).toHaveLength(2);
    expect(page.readRows()).toEqual([row]);
    expect(page.readTotals()).toEqual({ amountExclVatCents: row.amountCents, lineCount: 1 });
  });

  it('writes and reads numbers the English way on an English screen', async () => {
    const { page } = open({ language: 'en' });
    const row = await page.writeLine(
      null,
      { ...WEBSITE, quantityText: '3.5833', unitPriceText: '1,095.50' },
      signal(),
    );
    expect([row.quantityText, row.unitPriceText]).toEqual(['3.5833', '1,095.50']);
    expect(row.amountCents).toBe(exactLineAmountCents({ tenThousandths: 35_833 }, 109_550));
    expect(page.readTotals()?.amountExclVatCents).toBe(row.amountCents);
  });

  it('fills the new empty row next, and rewrites a row in place without looking up the same item again', async () => {
    const { screen, page } = open();
    const first = await page.writeLine(null, BOEKHOUDING, signal());
    const second = await page.writeLine(null, WEBSITE, signal());
    expect([first.rowId, second.rowId]).toEqual(['grd_r1', 'grd_r2']);
    expect(screen.lookups).toEqual(['UREN', 'uren']);

    const rewritten = await page.writeLine(first.rowId, { ...BOEKHOUDING, quantityText: '2,5' }, signal());
    expect(screen.lookups).toHaveLength(2);
    // Exact shows "2,5" as "2,50": the read-back compares numbers, not text, so that is no refusal.
    expect([rewritten.rowId, rewritten.quantityText, rewritten.amountCents]).toEqual([
      'grd_r1',
      '2,50',
      23_750,
    ]);

    // Another item is looked up, and the line's own price still wins over the item's € 125,00.
    const senior = await page.writeLine(first.rowId, { ...BOEKHOUDING, itemCode: 'UREN-SR' }, signal());
    expect(screen.lookups.at(-1)).toBe('UREN-SR');
    expect([senior.itemCode, senior.unitPriceText, senior.description]).toEqual([
      'UREN-SR',
      '95,00',
      'Boekhouding - mei 2026',
    ]);
    expect(page.readRows().map((row) => row.rowId)).toEqual(['grd_r1', 'grd_r2']);
  });

  it('reads every line back and says what Exact did not keep', async () => {
    const { screen, page } = open();
    // A screen that cuts descriptions short, as a field with a length limit would.
    const description = screen.field('grd_r1_Description');
    description.addEventListener('change', () => {
      description.value = description.value.slice(0, 7);
    });
    await expect(page.writeLine(null, WEBSITE, signal())).rejects.toThrow(
      'Exact Online did not keep the description of line grd_r1',
    );
  });

  it('rejects an item Exact does not know, and the row keeps no item', async () => {
    const { screen, page } = open();
    await expect(page.writeLine(null, { ...WEBSITE, itemCode: 'BESTAATNIET' }, signal())).rejects.toThrow(
      'Exact Online does not know item "BESTAATNIET"',
    );
    expect(screen.field('grd_r1_Item').value).toBe('');
    expect(screen.doc.getElementById('grd_r1_Item_ref')!.style.color).toBe('red');
    expect(screen.field('grd_r1_Description').value).toBe('');
  });

  it('rejects when Exact cannot reach its lookup', async () => {
    const { screen, page } = open();
    screen.breakLookups();
    await expect(page.writeLine(null, WEBSITE, signal())).rejects.toThrow(
      'Exact Online does not know item "uren"',
    );
    expect(screen.field('grd_r1_Item').value).toBe('');
  });

  it('stops waiting for the lookup when cancelled', async () => {
    const { page } = open({ lookupLatencyMs: 5_000 });
    const controller = new AbortController();
    const writing = page.writeLine(null, WEBSITE, controller.signal);
    setTimeout(() => controller.abort(), 20);
    await expect(writing).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('clearLine', () => {
  it('removes the row with its own delete button, and the totals follow', async () => {
    const { screen, page } = open();
    const first = await page.writeLine(null, BOEKHOUDING, signal());
    const second = await page.writeLine(null, WEBSITE, signal());

    await page.clearLine(first.rowId, signal());

    expect(screen.field('grd_r1_Deleted').value).toBe('1');
    expect(page.readRows().map((row) => row.rowId)).toEqual([second.rowId]);
    expect(page.readTotals()).toEqual({ amountExclVatCents: second.amountCents, lineCount: 1 });
  });

  it('empties the fields when the row has no delete button', async () => {
    const { screen, page } = open();
    const first = await page.writeLine(null, BOEKHOUDING, signal());
    screen.doc.getElementById('grd_r1_delete')!.remove();

    await page.clearLine(first.rowId, signal());

    expect(page.readRows()).toEqual([]);
    expect(screen.field('grd_r1_Item').value).toBe('');
    expect(screen.field('grd_r1_Notes').value).toBe('');
    expect(page.readTotals()?.amountExclVatCents).toBe(0);
  });

  it('refuses a row that is not on the invoice', async () => {
    const { page } = open();
    await expect(page.clearLine('grd_r99', signal())).rejects.toThrow(
      'Row grd_r99 is no longer on the invoice',
    );
  });
});

describe('a screen with a missing anchor', () => {
  it('fills a grid whose ids were renamed, found by its column headers', async () => {
    const { screen, page } = open({ variant: 'changed' });
    const row = await page.writeLine(null, BOEKHOUDING, signal());
    expect(row).toMatchObject({
      rowId: 'grdLines_r1',
      itemCode: 'UREN',
      description: BOEKHOUDING.description,
    });
    expect(screen.field('grdLines_r1_ItemCode').value).not.toBe('');
  });

  it('reports the grid when neither its id nor its headers are known', async () => {
    const { page } = open({ variant: 'unknown' });
    await expect(page.writeLine(null, WEBSITE, signal())).rejects.toEqual(new ScreenChangedError('grid'));
    expect(() => page.readRows()).toThrow(ScreenChangedError);
  });

  it('reports a row field that is gone, before typing anything', async () => {
    const { screen, page } = open();
    const cell = screen.doc.getElementById('grd_r1_Quantity')!.parentElement!;
    for (const input of cell.querySelectorAll('input')) input.remove();
    await expect(page.writeLine(null, WEBSITE, signal())).rejects.toEqual(
      new ScreenChangedError('grd_r1_Quantity'),
    );
    expect(screen.lookups).toEqual([]);
  });

  it('without Exact’s spinner, waits until the row is still before reading it back', async () => {
    const { screen, page } = open({ lookupLatencyMs: 30 });
    screen.doc.getElementById('WaitMessageImg')!.remove();
    const row = await page.writeLine(null, BOEKHOUDING, signal());
    expect(row).toMatchObject({
      itemCode: 'UREN',
      description: BOEKHOUDING.description,
      amountCents: 38_000,
    });
  });

  it('answers no totals when the totals block is gone, and still reads the lines', () => {
    const { screen, page } = open();
    screen.doc.getElementById('TotalAmountExclVAT')!.parentElement!.remove();
    expect(page.readTotals()).toBeNull();
    expect(page.readRows()).toEqual([]);
  });
});
