// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { planInvoiceLines } from '../../core/invoice-lines';
import { formatMoney } from '../../core/money';
import { NO_ROUNDING } from '../../core/rounding';
import { DEFAULT_DESCRIPTION_TEMPLATE } from '../../core/template';
import { UrenbrugError } from '../../shared/errors';
import type { InvoiceSelection } from '../../shared/invoice-types';
import type { InvoiceWriteBack } from '../../shared/messages';
import type { AnchorCheck } from '../exact/types';
import { rowFingerprint } from '../fill/fingerprint';
import { FakeInvoicePage } from '../testing/fake-invoice-page';
import { DIVISION, startPanelBackground } from '../testing/panel-background';
import { entries, PROJECTS, TASKS, USERS } from '../testing/panel-fixtures';
import { NOW, setUpPanelTests } from '../testing/panel-harness';

/** Exact's InvoiceIDs are GUIDs; the background refuses anything else. */
const SAVED_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const LINKED_ID = 'cafe0001-0000-4000-8000-000000000001';
const NEW_ID = '12340000-abcd-4000-8000-00000000abcd';
const OTHER_TAB_ID = 'cafe0002-0000-4000-8000-000000000002';

const panel = setUpPanelTests();
const { flush, all, get, text, click, change, setChecked, mount, mountMapped } = panel;

beforeEach(async () => {
  panel.background = await startPanelBackground();
});

function entryIds(): number[] {
  return all('entry-row').map((row) => Number(row.dataset.entryId));
}

describe('step 1: the customer', () => {
  it('suggests the Keeping client by name and loads hours only after confirmation, then remembers it', async () => {
    await mount(new FakeInvoicePage());

    // Starting without a customer chosen is a path of its own (the Overzicht's reads start at once).
    expect(all('background-error')).toHaveLength(0);
    expect(text('exact-customer')).toContain('Bakkerij De Vries B.V. (1001)');
    expect(get<HTMLSelectElement>('client-select').value).toBe('1000');
    expect(text('client-suggestion')).toContain('Voorgesteld op basis van de naam');
    expect(panel.background.callsOf('entries.range')).toHaveLength(0);

    await click(get('client-confirm'));

    expect(panel.background.callsOf('mapping.saveClient')).toEqual([
      {
        division: 123456,
        exactCustomerCode: '1001',
        exactCustomerName: 'Bakkerij De Vries B.V.',
        keepingClientId: 1000,
      },
    ]);
    expect(all('client-suggestion')).toHaveLength(0);
    expect(text('client-remembered')).toContain('Onthouden');
    const ranges = panel.background.callsOf('entries.range') as { fresh: boolean }[];
    expect(ranges.map((request) => request.fresh)).toEqual([false, true]);
  });

  it('follows a customer chosen in Exact after the panel opened', async () => {
    const page = new FakeInvoicePage({ customer: null });
    await mount(page);
    expect(all('client-suggestion')).toHaveLength(0);

    page.personSetsCustomer({ id: 'c-1', code: '   1001', name: 'Bakkerij De Vries B.V.' });
    await flush();

    expect(text('exact-customer')).toContain('Bakkerij De Vries B.V. (1001)');
    expect(text('client-suggestion')).toContain('Voorgesteld op basis van de naam');
  });

  it('keeps a client picked in the panel when the customer is filled in Exact afterwards', async () => {
    const page = new FakeInvoicePage({ customer: null });
    await mount(page);
    await change('client-select', '1001');

    page.personSetsCustomer({ id: 'c-1', code: '   1001', name: 'Bakkerij De Vries B.V.' });
    await flush();

    expect(get<HTMLSelectElement>('client-select').value).toBe('1001');
    expect((await panel.background.mappings()).map((mapping) => mapping.keepingClientId)).toEqual([1001]);
    expect(entryIds()).toEqual([7]);
  });

  it('preselects a remembered mapping without asking', async () => {
    await mountMapped();
    expect(get<HTMLSelectElement>('client-select').value).toBe('1000');
    expect(all('client-suggestion')).toHaveLength(0);
    expect(all('entry-row').length).toBeGreaterThan(0);
  });

  it('lets the bookkeeper pick another client, which is remembered instead', async () => {
    await mount(new FakeInvoicePage());
    await change('client-select', '1001');
    expect(await panel.background.mappings()).toEqual([
      {
        division: 123456,
        exactCustomerCode: '1001',
        exactCustomerName: 'Bakkerij De Vries B.V.',
        keepingClientId: 1001,
      },
    ]);
    expect(entryIds()).toEqual([7]);
  });
});

describe('steps 2 and 3: period, filters and entries', () => {
  it('defaults to last month and direct hours only', async () => {
    await mountMapped();

    expect(get<HTMLSelectElement>('period-select').value).toBe('last_month');
    expect(get<HTMLInputElement>('direct-only').checked).toBe(true);
    const [first] = panel.background.callsOf('entries.range') as {
      from: string;
      to: string;
      keepingClientId: number;
    }[];
    expect(first).toMatchObject({ from: '2026-05-01', to: '2026-05-31', keepingClientId: 1000 });
    // Boekhouding first (name order), indirect #4, billed #5, June #6 and the other client's #7 left out.
    expect(entryIds()).toEqual([3, 1, 2]);
    expect(text('billed-hidden')).toContain('1 al gefactureerde');

    await setChecked(get<HTMLInputElement>('direct-only'), false);
    expect(entryIds()).toEqual([3, 1, 2, 4]);

    await change('period-select', 'this_month');
    expect(entryIds()).toEqual([6]);
  });

  it('shows a custom range and says when it is not valid', async () => {
    await mountMapped();
    await change('period-select', 'custom');
    expect(get<HTMLInputElement>('period-from').value).toBe('2026-05-01');
    await change('period-from', '2026-05-05');
    await change('period-to', '2026-05-12');
    expect(entryIds()).toEqual([3, 2]);
    await change('period-to', '2026-05-01');
    expect(text('period-invalid')).toContain('geldige');
    expect(all('preview-line')).toHaveLength(0);
  });

  it('shows the data age of the cache, then of the fresh answer', async () => {
    await mountMapped();
    expect(text('data-age')).toBe('zojuist bijgewerkt');
    expect(
      (panel.background.callsOf('entries.range') as { fresh: boolean }[]).map((call) => call.fresh),
    ).toEqual([false, true]);
  });

  it('keeps the cached entries and says offline when Keeping cannot be reached', async () => {
    // Ten minutes ago the background fetched May while Keeping held only entry 1.
    for (const entry of entries()) if (entry.id !== 1) panel.background.keeping.remove(entry.id);
    vi.setSystemTime(NOW - 600_000);
    await panel.background.handlers['panel.context']({ division: DIVISION });
    await panel.background.handlers['entries.range']({
      from: '2026-05-01',
      to: '2026-05-31',
      keepingClientId: 1000,
      fresh: true,
    });
    vi.setSystemTime(NOW);
    for (const entry of entries()) panel.background.keeping.set(entry);
    panel.background.client.reportTimeEntries.mockRejectedValue(
      new UrenbrugError('network', 'Failed to fetch'),
    );
    await mountMapped();
    expect(entryIds()).toEqual([1]);
    expect(text('panel-offline')).toContain('Offline');
    expect(text('data-age')).toContain('10 minuten geleden');
  });

  it('unticks an entry, and select none / all per project group', async () => {
    await mountMapped();
    const website = all('entry-group').find((group) => group.textContent?.includes('Website'))!;
    await click(website.querySelector<HTMLElement>('[data-testid="group-none"]')!);
    expect(text('selected-count')).toContain('1 van 3');
    expect(all('preview-line')).toHaveLength(1);
    await click(website.querySelector<HTMLElement>('[data-testid="group-all"]')!);
    expect(text('selected-count')).toContain('3 van 3');

    const row = all('entry-row')[0]!;
    await setChecked(row.querySelector('input')!, false);
    expect(text('selected-count')).toContain('2 van 3');
  });

  it('shows billed hours with their invoice and takes them in only after confirmation', async () => {
    await mountMapped();
    await setChecked(get<HTMLInputElement>('include-billed'), true);
    const billed = all('entry-row').find((row) => row.dataset.entryId === '5')!;
    expect(billed.textContent).toContain('gefactureerd: Factuur 20260017');
    const box = billed.querySelector('input')!;
    expect(box.checked).toBe(false);

    await setChecked(box, true);
    expect(text('billed-confirm')).toContain('Factuur 20260017');
    expect(
      all('entry-row')
        .find((row) => row.dataset.entryId === '5')!
        .querySelector('input')!.checked,
    ).toBe(false);
    expect(text('selected-count')).toContain('3 van 4');

    await click(get('billed-confirm-yes'));
    expect(text('selected-count')).toContain('4 van 4');
  });

  it('renders a note with markup as text', async () => {
    const note = '<img src=x onerror="window.hacked=1"><b>vet</b>';
    for (const entry of entries()) panel.background.keeping.remove(entry.id);
    panel.background.keeping.set({ ...entries()[0]!, note });
    await mountMapped();
    expect(panel.container.querySelector('img')).toBeNull();
    expect(panel.container.querySelector('b')).toBeNull();
    expect(all('entry-row')[0]!.textContent).toContain(note);
  });
});

describe('steps 4 and 5: line options and preview', () => {
  it('previews the lines and totals exactly as core plans them', async () => {
    await mountMapped();
    const expected = planInvoiceLines(
      entries().filter((entry) => [1, 2, 3].includes(entry.id)),
      {
        grouping: 'project',
        rounding: NO_ROUNDING,
        rates: { rules: new Map(), defaultRateCents: 9500, defaultItemCode: 'UREN' },
        template: DEFAULT_DESCRIPTION_TEMPLATE,
        locale: 'nl',
        period: { from: '2026-05-01', to: '2026-05-31' },
        names: {
          projects: new Map(PROJECTS.map((project) => [project.id, project.name])),
          tasks: new Map(TASKS.map((task) => [task.id, task.name])),
          users: new Map(USERS.map((user) => [user.id, `${user.firstName} ${user.surname}`])),
        },
      },
    );
    const lines = all('preview-line');
    expect(lines).toHaveLength(expected.lines.length);
    expected.lines.forEach((line, index) => {
      expect(lines[index]!.querySelector('[data-testid="line-description"]')!.textContent).toBe(
        line.description,
      );
      expect(lines[index]!.querySelector('[data-testid="line-amount"]')!.textContent).toBe(
        formatMoney(line.amountCents, 'nl'),
      );
    });
    expect(expected.totals.amountCents).toBe(72010);
    // 215 minutes are stored as 3,58 hours (Exact keeps 2 decimals), 32 cents below the exact
    // amount: shown as what it is, and not as a rounding the bookkeeper chose.
    expect(text('preview-total')).toBe('2 regels, 7,58 uur, € 720,10 · waarvan uren op 2 decimalen € -0,32');
    expect(lines[1]!.querySelector('[data-testid="precision-note"]')!.textContent).toBe(
      '3:35 gewerkt = 3,58 uur gefactureerd, -0,2 min, € -0,32',
    );
    expect(lines[1]!.querySelector('[data-testid="line-difference"]')).toBeNull();
    expect(lines[0]!.querySelector('[data-testid="precision-note"]')).toBeNull();
    expect(lines[1]!.textContent).toContain('Website - Ontwerp - mei 2026');
  });

  it('regroups and rounds, showing raw against rounded hours and the difference', async () => {
    await mountMapped();
    await change('grouping-select', 'person');
    expect(all('preview-line')).toHaveLength(2);
    await change('rounding-select', '60');
    // Anna 330 min → 6:00, Bram 125 min → 3:00 (up, per line).
    const lines = all('preview-line');
    expect(lines[0]!.querySelector('[data-testid="line-hours"]')!.textContent).toBe(
      '5:30 gewerkt, 6:00 gefactureerd',
    );
    expect(lines[0]!.querySelector('[data-testid="line-difference"]')!.textContent).toBe('afronding € 47,50');
    expect(text('preview-total')).toContain('2 regels, 9,00 uur, € 855,00');

    await change('rounding-scope', 'entry');
    await change('rounding-mode', 'nearest');
    // Per entry to the nearest hour: Anna 1:30→2, 4:00→4; Bram 2:05→2.
    expect(text('preview-total')).toContain('8,00 uur, € 760,00');
  });

  it('remembers a rate per project, and refuses a bad amount without saving it', async () => {
    await mountMapped();
    const website = () => all('preview-line').find((line) => line.textContent?.includes('Website'))!;
    const rate = website().querySelector<HTMLInputElement>('[data-testid="line-rate"]')!;
    await act(() => {
      rate.value = 'twaalf';
      rate.dispatchEvent(new Event('input', { bubbles: true }));
      rate.dispatchEvent(new Event('blur'));
    });
    await flush();
    expect(rate.getAttribute('aria-invalid')).toBe('true');
    expect(panel.background.callsOf('lineDefaults.save')).toHaveLength(0);

    await act(() => {
      rate.value = '120,00';
      rate.dispatchEvent(new Event('input', { bubbles: true }));
      rate.dispatchEvent(new Event('blur'));
    });
    await flush();
    expect((await panel.background.lineDefaults()).rules).toEqual({ 'p:10': { rateCents: 12000 } });
    expect(website().querySelector('[data-testid="line-amount"]')!.textContent).toBe('€ 429,60');
  });

  it('uses the description template with Dutch tokens', async () => {
    await mountMapped();
    await change('template-input', '{project}: {medewerker} ({periode})');
    const descriptions = all('line-description').map((element) => element.textContent);
    expect(descriptions).toEqual([
      'Boekhouding: Anna van Doorn (mei 2026)',
      'Website: Anna van Doorn, Bram de Boer (mei 2026)',
    ]);
  });
});

describe('step 6: filling Exact', () => {
  it('fills nothing on a click or an Enter that a script dispatched', async () => {
    const page = await mountMapped();
    const fill = get('fill-button');
    await act(() => {
      fill.click();
      fill.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      const scripted = new MouseEvent('click', { bubbles: true });
      Object.defineProperty(scripted, 'isTrusted', { value: false });
      fill.dispatchEvent(scripted);
    });
    await flush();
    expect(page.snapshot()).toEqual([]);
    expect(all('fill-summary')).toHaveLength(0);
    expect(panel.background.callsOf('invoice.recordFill')).toHaveLength(0);

    await click(fill);
    expect(page.snapshot()).toHaveLength(2);
  });

  it('writes the previewed lines, and a second fill updates them in place without duplicates', async () => {
    const page = await mountMapped();
    await click(get('fill-button'));

    const first = page.snapshot();
    expect(first.map((row) => [row.itemCode, row.description, row.quantityText, row.unitPriceText])).toEqual([
      ['UREN', 'Boekhouding - mei 2026', '4', '95,00'],
      ['UREN', 'Website - Ontwerp - mei 2026', '3,58', '95,00'],
    ]);
    expect(first[1]!.notes).toBe(
      '04-05-2026  Anna van Doorn  1:30  Homepage\n05-05-2026  Bram de Boer  2:05  Menu',
    );
    expect(text('fill-summary')).toContain('2 regels, 7,58 uur, € 720,10');
    expect(text('fill-match')).toContain('€ 720,10');
    const [recorded] = panel.background.callsOf('invoice.recordFill') as {
      lines: { rowId: string; lineKey: string }[];
    }[];
    expect(recorded!.lines.map((line) => [line.lineKey, line.rowId])).toEqual([
      ['p:11', first[0]!.rowId],
      ['p:10', first[1]!.rowId],
    ]);

    const bramRow = () => all('entry-row').find((row) => row.dataset.entryId === '2')!;
    expect(bramRow().textContent).toContain('gekoppeld aan deze factuur');

    // Change the selection: Bram's entry out. Filling again updates the Website row in place.
    await setChecked(bramRow().querySelector('input')!, false);
    page.writes = [];
    await click(get('fill-button'));

    const second = page.snapshot();
    expect(second.map((row) => row.rowId)).toEqual(first.map((row) => row.rowId));
    expect(second[1]!.quantityText).toBe('1,5');
    // The unchanged Boekhouding line is not typed again.
    expect(page.writes.map((write) => write.rowId)).toEqual([first[1]!.rowId]);
    expect(text('fill-summary')).toContain('2 regels, 5,50 uur, € 522,50');
    expect(text('fill-match')).toContain('€ 522,50');
    // The refill replaced the lines, so Bram's entry, on none of them now, is no longer linked.
    expect(bramRow().textContent).not.toContain('gekoppeld aan deze factuur');
    const draftKey = sessionStorage.getItem(`urenbrug.draft.${DIVISION}`)!;
    const record = await panel.background.invoice({ division: DIVISION, invoiceId: null, draftKey });
    expect(record!.linkedEntryIds).toEqual([1, 3]);
  });

  it('reports a row a person changed, leaves it unless told, and never touches a row a person added', async () => {
    const page = await mountMapped();
    await click(get('fill-button'));
    const [boekhouding, website] = page.snapshot();
    page.personEdits(website!.rowId, { description: 'Website, met korting' });
    const added = page.personAdds({
      itemCode: 'REIS',
      description: 'Reiskosten',
      quantityText: '1',
      unitPriceText: '25,00',
    });

    await click(get('fill-button'));
    expect(text('fill-conflicts')).toContain('Website, met korting');
    expect(page.snapshot().find((row) => row.rowId === website!.rowId)!.description).toBe(
      'Website, met korting',
    );

    await click(get('conflicts-leave'));
    let rows = page.snapshot();
    expect(rows).toHaveLength(3);
    expect(rows.find((row) => row.rowId === website!.rowId)!.description).toBe('Website, met korting');
    expect(rows.find((row) => row.rowId === added)!.description).toBe('Reiskosten');
    expect(text('fill-summary')).toContain('1 door iemand aangepaste regels');
    // Page total: Boekhouding 380,00 + the person's Website 340,10 + Reiskosten 25,00.
    expect(text('fill-summary')).toContain('Inclusief 2 andere regels');
    expect(text('fill-match')).toContain('€ 745,10');

    await click(get('fill-button'));
    expect(all('fill-conflict')).toHaveLength(1);
    await click(get('conflicts-overwrite'));
    rows = page.snapshot();
    expect(rows.map((row) => row.rowId)).toEqual([boekhouding!.rowId, website!.rowId, added]);
    expect(rows[1]!.description).toBe('Website - Ontwerp - mei 2026');
    expect(rows[2]!.description).toBe('Reiskosten');
    const written = page.writes.map((write) => write.rowId);
    expect(written).toContain(website!.rowId);
    expect(written).not.toContain(added);
  });

  it('clears its own lines that are no longer in the selection', async () => {
    const page = await mountMapped();
    await change('grouping-select', 'entry');
    await click(get('fill-button'));
    expect(page.snapshot()).toHaveLength(3);
    await change('grouping-select', 'total');
    await click(get('fill-button'));
    expect(page.snapshot()).toHaveLength(1);
    expect(page.clears).toHaveLength(2);
    expect(text('fill-summary')).toContain('1 regel, 7,58 uur, € 720,10');
  });

  it('says clearly when Exact refuses a line, and keeps what was written', async () => {
    const page = await mountMapped();
    page.refuse = (line) => (line.description.startsWith('Website') ? 'Artikel UREN is geblokkeerd' : null);
    await click(get('fill-button'));
    expect(text('fill-failure')).toBe(
      'Exact weigerde de regel „Website - Ontwerp - mei 2026”: Artikel UREN is geblokkeerd',
    );
    const [recorded] = panel.background.callsOf('invoice.recordFill') as { lines: unknown[] }[];
    expect(recorded!.lines).toHaveLength(1);
    expect(text('fill-summary')).toContain('1 regel');
  });

  it('shows progress and can be cancelled between lines', async () => {
    const page = await mountMapped();
    let release!: () => void;
    page.gate = new Promise((resolve) => {
      release = resolve;
    });
    await click(get('fill-button'));
    expect(text('fill-progress')).toBe('');
    expect(panel.container.textContent).toContain('Bezig: 0 van 2');
    await click(get('fill-cancel'));
    release();
    await flush();
    expect(page.snapshot()).toHaveLength(0);
    expect(text('fill-summary')).toContain('Geannuleerd');
  });

  it('says so when the page total does not match the preview', async () => {
    const page = await mountMapped();
    page.readTotals = () => ({ amountExclVatCents: 72000, lineCount: 2 });
    await click(get('fill-button'));
    expect(text('fill-mismatch')).toBe(
      'Let op: Exact toont € 720,00, maar verwacht was € 720,10 (verschil € -0,10). Controleer de regels.',
    );
  });
});

describe('the invoice across reloads and saves', () => {
  it('restores a saved selection when the panel opens again', async () => {
    await mountMapped();
    await change('period-select', 'this_month');
    await change('grouping-select', 'person');
    await new Promise((resolve) => setTimeout(resolve, 700));
    await flush();
    const saved = panel.background.callsOf('invoice.saveSelection') as { selection: InvoiceSelection }[];
    expect(saved.at(-1)!.selection).toMatchObject({ period: { preset: 'this_month' }, grouping: 'person' });

    // Reload: a new panel on the same new-invoice screen finds the draft through sessionStorage.
    panel.reload();
    await panel.background.forgetMappings();
    await mount(new FakeInvoicePage());
    expect(get<HTMLSelectElement>('period-select').value).toBe('this_month');
    expect(get<HTMLSelectElement>('grouping-select').value).toBe('person');
    expect(get<HTMLSelectElement>('client-select').value).toBe('1000');
    expect(all('client-suggestion')).toHaveLength(0);
    expect(entryIds()).toEqual([6]);
  });

  it('restores unticked entries and the rounding of a saved invoice', async () => {
    const ref = { division: DIVISION, invoiceId: SAVED_ID, draftKey: null };
    await panel.background.handlers['invoice.saveSelection']({
      ref,
      selection: {
        keepingClientId: 1000,
        period: { preset: 'last_month' },
        hours: 'direct',
        projectIds: null,
        userIds: null,
        includeBilled: false,
        excludedEntryIds: [3],
        confirmedBilledEntryIds: [],
        grouping: 'project',
        rounding: { unit: 15, mode: 'up', scope: 'line' },
        template: '{project}',
      },
    });
    // Exact may spell the id in upper case: it is still the same invoice.
    await mount(new FakeInvoicePage({ invoiceId: SAVED_ID.toUpperCase(), invoiceNumber: '20260042' }));
    expect(get<HTMLSelectElement>('rounding-select').value).toBe('15');
    expect(text('selected-count')).toContain('2 van 3');
    expect(all('line-description').map((element) => element.textContent)).toEqual(['Website']);
    expect(text('preview-total')).toContain('1 regel, 3,75 uur');
  });

  it('moves the draft to the saved invoice when Exact saves it, and retires the draft key', async () => {
    const page = await mountMapped();
    await click(get('fill-button'));
    const draftKey = sessionStorage.getItem('urenbrug.draft.123456');
    expect(draftKey).toMatch(/^[0-9a-f]{32}$/);

    await act(() => page.save(NEW_ID, '20260042'));
    await flush();
    expect(panel.background.callsOf('invoice.saved')).toEqual([
      {
        draft: { division: 123456, invoiceId: null, draftKey },
        invoiceId: NEW_ID,
        invoiceNumber: '20260042',
        // The saved grid's row fingerprints: the background checks the draft's lines are on it.
        rowHashes: page.snapshot().map(rowFingerprint),
      },
    ]);
    expect(sessionStorage.getItem('urenbrug.draft.123456')).toBeNull();
    const saved = await panel.background.invoice({ division: DIVISION, invoiceId: NEW_ID, draftKey: null });
    expect(saved!.lines).toHaveLength(2);
    expect(
      await panel.background.invoice({ division: DIVISION, invoiceId: null, draftKey: draftKey! }),
    ).toBeNull();
    expect(all('link-button')).toHaveLength(1);
  });

  it('links the selected hours to a saved invoice in one click, and unlinks them', async () => {
    await mountMapped(new FakeInvoicePage({ invoiceId: LINKED_ID, invoiceNumber: '20260050' }));
    await click(get('link-button'));
    expect(panel.background.callsOf('invoice.link')).toEqual([
      {
        ref: { division: DIVISION, invoiceId: LINKED_ID, draftKey: null },
        invoiceNumber: '20260050',
        entryIds: [1, 2, 3],
        revision: 0,
        keepingClientId: 1000,
      },
    ]);
    expect(text('linked-count')).toContain('3 registraties');
    expect(all('entry-row')[0]!.textContent).toContain('gekoppeld aan deze factuur');

    await click(get('unlink-all'));
    expect(panel.background.callsOf('invoice.unlink')).toHaveLength(1);
    expect(all('linked-count')).toHaveLength(0);
  });

  it('refuses to link over another tab’s change, reloads the record and says so', async () => {
    await mountMapped(new FakeInvoicePage({ invoiceId: OTHER_TAB_ID, invoiceNumber: '20260051' }));
    // Another tab linked an entry after this panel read the invoice.
    const ref = { division: DIVISION, invoiceId: OTHER_TAB_ID, draftKey: null };
    await panel.background.handlers['invoice.link']({
      ref,
      invoiceNumber: '20260051',
      entryIds: [3],
      revision: 0,
      keepingClientId: 1000,
    });
    const loadsBefore = panel.background.callsOf('invoice.load').length;

    await click(get('link-button'));
    expect(text('revision-conflict')).toContain('in een ander tabblad gewijzigd');
    expect(panel.background.callsOf('invoice.load')).toHaveLength(loadsBefore + 1);
    expect((await panel.background.invoice(ref))!.linkedEntryIds).toEqual([3]);
    expect(all('linked-count')).toHaveLength(1);

    // Against the reloaded revision the link goes through, and the notice goes.
    await click(get('link-button'));
    expect((await panel.background.invoice(ref))!.linkedEntryIds).toEqual([1, 2, 3]);
    expect(all('revision-conflict')).toHaveLength(0);
  });

  it('shows an entry billed on another invoice, and marks it anyway only with a reason', async () => {
    // The status as the write-back would report it after a colleague's mark; how the write-back
    // gets there is the background's own tests' business (write-back/two-installs.sandbox.test.ts).
    const status: InvoiceWriteBack = {
      done: 2,
      verifying: 0,
      pending: 0,
      failed: 0,
      conflicts: [
        {
          entryId: 2,
          invoiceKey: `123456:${LINKED_ID}`,
          invoiceLabel: '20260050',
          otherInvoice: 'Factuur 20260077 (Exact Online)',
          otherKind: 'urenbrug_reference',
          foundAt: 1,
        },
      ],
      skipped: [
        {
          entryId: 3,
          invoiceKey: `123456:${LINKED_ID}`,
          invoiceLabel: '20260050',
          reason: 'not_found',
          detail: '',
          at: 1,
        },
      ],
    };
    // The panel's side only: once overridden, the mark is queued again and the conflict is gone.
    panel.background.handlers['invoice.writeBack'] = async () => status;
    panel.background.handlers['invoice.override'] = async () => ({ ...status, conflicts: [], pending: 1 });
    await mountMapped(new FakeInvoicePage({ invoiceId: LINKED_ID, invoiceNumber: '20260050' }));
    expect(text('billed-elsewhere-warning')).toContain(
      'Registratie 2: al op Factuur 20260077 (Exact Online)',
    );
    expect(text('writeback-skipped')).toContain('Registratie 3: niet meer in Keeping');
    expect(text('invoice-writeback-counts')).toContain('2 gemarkeerd in Keeping');
    expect(get<HTMLButtonElement>('override-confirm').disabled).toBe(true);
    await change('override-reason', 'Deelfactuur');
    await click(get('override-confirm'));
    expect(panel.background.callsOf('invoice.override')).toEqual([
      {
        ref: { division: 123456, invoiceId: LINKED_ID, draftKey: null },
        entryIds: [2],
        reason: 'Deelfactuur',
      },
    ]);
    expect(all('billed-elsewhere-warning')).toHaveLength(0);
  });

  it('shows how far a large invoice’s marks have come and how long the rest takes', async () => {
    panel.background.handlers['invoice.writeBack'] = async () => ({
      done: 1_200,
      verifying: 40,
      pending: 760,
      failed: 0,
      conflicts: [],
      skipped: [],
    });
    await mountMapped(new FakeInvoicePage({ invoiceId: LINKED_ID, invoiceNumber: '20260050' }));
    expect(text('writeback-progress')).toBe(
      '1.240 van 2.000 verwerkt in Keeping · nog ongeveer 7 min in het tempo van Keeping',
    );
    expect(get('writeback-progress').querySelector('progress')?.getAttribute('value')).toBe('1240');
  });

  it('releases a credited invoice only with a reason', async () => {
    await mountMapped(new FakeInvoicePage({ invoiceId: LINKED_ID, invoiceNumber: '20260050' }));
    await click(get('link-button'));
    await click(get('unlink-button'));
    expect(get<HTMLButtonElement>('release-confirm').disabled).toBe(true);
    await change('release-reason', 'Gecrediteerd met 20260051');
    await click(get('release-confirm'));
    expect(panel.background.callsOf('invoice.release')).toEqual([
      {
        ref: { division: 123456, invoiceId: LINKED_ID, draftKey: null },
        reason: 'Gecrediteerd met 20260051',
      },
    ]);
    expect(all('linked-count')).toHaveLength(0);
    expect(all('release-reason')).toHaveLength(0);
  });

  it('has no link button on a new invoice', async () => {
    await mountMapped();
    expect(all('link-button')).toHaveLength(0);
  });
});

describe('degraded and error states', () => {
  it('without a page: warns, keeps selection and preview working and offers the lines as text', async () => {
    // Exact's own address: without a readable screen the panel takes the division from it.
    const happyDom = (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM;
    happyDom.setURL(`https://start.exactonline.nl/docs/SlsEntry.aspx?_Division_=${DIVISION}`);
    await mount(null, 'table#grd');
    expect(text('panel-warning')).toContain('Exact heeft dit scherm gewijzigd');
    expect(text('panel-warning')).toContain('table#grd');
    expect(all('fill-button')).toHaveLength(0);

    await change('client-select', '1000');
    expect(entryIds()).toEqual([3, 1, 2]);
    expect(all('preview-line')).toHaveLength(2);
    const copy = get<HTMLTextAreaElement>('copy-text').value;
    expect(copy.split('\n')).toEqual([
      'Artikel\tOmschrijving\tAantal\tPrijs\tBedrag',
      'UREN\tBoekhouding - mei 2026\t4\t95,00\t€ 380,00',
      'UREN\tWebsite - Ontwerp - mei 2026\t3,58\t95,00\t€ 340,10',
      '\tTotaal\t\t\t€ 720,10',
    ]);
  });

  it('switches to the warning when the screen changes during use, keeping the preview', async () => {
    const page = await mountMapped();
    page.brokenAnchor = 'grd_r0_Item_alt';
    await click(get('fill-button'));
    expect(text('panel-warning')).toContain('grd_r0_Item_alt');
    expect(all('preview-line')).toHaveLength(2);
    expect(get<HTMLTextAreaElement>('copy-text').value).toContain('Website');
  });

  it('states each missing optional anchor in one line, and lists every anchor on request', async () => {
    const checks: AnchorCheck[] = [
      { anchor: 'grid', required: true, found: true, how: 'table#grd', costly: false },
      { anchor: 'totals', required: false, found: false, how: 'no #TotalAmountExclVAT', costly: true },
      { anchor: 'saveButton', required: false, found: false, how: 'no #btnSave', costly: true },
      { anchor: 'invoiceId', required: false, found: false, how: 'no #EntryID', costly: false },
    ];
    const skeleton = vi.fn(() => '{}');
    await mount(new FakeInvoicePage(), null, { check: () => checks, skeleton });
    expect(all('screen-missing').map((line) => line.textContent)).toEqual([
      'Totaal van Exact niet gevonden: elke regel is afzonderlijk gecontroleerd.',
      'Opslaan niet herkend: koppel de uren na het opslaan.',
    ]);
    expect(all('screen-check-row')).toHaveLength(0);
    await click(get('screen-check').querySelector('button')!);
    expect(all('screen-check-row').map((row) => [row.dataset.anchor, row.dataset.found])).toEqual([
      ['grid', 'true'],
      ['totals', 'false'],
      ['saveButton', 'false'],
      ['invoiceId', 'false'],
    ]);
    expect(all('screen-check-row')[0]?.textContent).toContain('table#grd');
    expect(all('screen-skeleton')).toHaveLength(1);
  });

  it('offers the screen check inside the warning when the screen changed', async () => {
    const checks: AnchorCheck[] = [
      { anchor: 'grid', required: true, found: false, how: 'no table#grd', costly: true },
    ];
    await mount(null, 'grid', { check: () => checks, skeleton: () => '{}' });
    const warning = get('panel-warning');
    await click(warning.querySelector<HTMLElement>('[data-testid="screen-check"] button')!);
    expect(warning.querySelectorAll('[data-testid="screen-check-row"]')).toHaveLength(1);
    // A required anchor is no "cost" line: the warning already says the lines cannot be written.
    expect(all('screen-missing')).toHaveLength(0);
  });

  it('tells how to connect when Urenbrug is not connected', async () => {
    await panel.background.disconnect();
    await mount(new FakeInvoicePage());
    expect(text('context-error')).toContain('nog niet verbonden');
    expect(text('context-error')).toContain('kies Instellingen');
  });

  it('asks to reconnect on an auth error', async () => {
    panel.background.client.reportTimeEntries.mockRejectedValue(
      new UrenbrugError('auth', 'Keeping answered 401'),
    );
    await mountMapped();
    expect(text('entries-error')).toContain('verbind opnieuw');
  });

  it('collapses to a tab and opens again', async () => {
    await mountMapped();
    await click(get('panel-collapse'));
    expect(all('client-select')).toHaveLength(0);
    await click(get('panel-expand'));
    expect(all('client-select')).toHaveLength(1);
  });

  it('unmounts when the signal aborts', async () => {
    await mountMapped();
    panel.abort();
    await flush();
    expect(panel.container.innerHTML).toBe('');
  });
});

describe('the stylesheet', () => {
  // vitest does not process CSS (its `css` option is off), so the source file is checked.
  it('resets inherited styles at the shadow host first', () => {
    const css = readFileSync(resolve(process.cwd(), 'src/content/panel/panel.css'), 'utf8');
    expect(css.trimStart()).toMatch(/^:host\s*\{\s*all:\s*initial;/);
  });
});

describe('the customer changing in Exact', () => {
  it('reads the header again when the bookkeeper comes back to the panel', async () => {
    const page = new FakeInvoicePage({ customer: null });
    await mount(page);
    expect(get<HTMLSelectElement>('client-select').value).toBe('');
    page.screen = { ...page.screen, customer: { id: 'c-2', code: '2002', name: 'Autobedrijf Jansen' } };
    await act(() => {
      panel.container.querySelector('aside')!.dispatchEvent(new Event('pointerenter'));
    });
    await flush();
    expect(text('exact-customer')).toContain('Autobedrijf Jansen (2002)');
    expect(get<HTMLSelectElement>('client-select').value).toBe('1001');
    expect(text('client-suggestion')).toContain('naam');
  });
});

describe('unexpected page failures', () => {
  it('reports a page read that fails for another reason than a changed screen', async () => {
    const page = await mountMapped();
    page.readRows = () => {
      throw new Error('grid busy');
    };
    await click(get('fill-button'));
    expect(text('fill-failure')).toBe('Invullen mislukt: grid busy');
    expect(all('panel-warning')).toHaveLength(0);
  });
});
