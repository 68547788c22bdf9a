// @vitest-environment node
/**
 * The panel's REST hooks against the Exact sandbox: unknown item codes stop a fill before any
 * line is typed, the read-back after a save names every difference, and the path being off
 * changes nothing for the fill.
 */
import { signal } from '@preact/signals';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_DIVISION } from '../../../../sandbox/exact/model/seed';
import { addSavedInvoice } from '../../../../sandbox/exact/testing/fixtures';
import type { FilledLine } from '../../../shared/invoice-types';
import type { PlannedLine } from '../../fill/plan';
import { FakeInvoicePage } from '../../testing/fake-invoice-page';
import { MemoryStorage, type RestSandbox, startRestSandbox } from '../../testing/rest-sandbox';
import { createFillModel } from './fill-model';
import { createPageGuard } from './page-guard';
import { createRestModel, expectedLines } from './rest-model';

const sent = vi.hoisted(() => ({ calls: [] as { name: string; data: unknown }[], wanted: [] as number[] }));
vi.mock('../../../shared/messages', async (original) => ({
  ...(await original<typeof import('../../../shared/messages')>()),
  send: async (name: string, data: unknown) => {
    sent.calls.push({ name, data });
    return name === 'revenue.wanted' ? { numbers: sent.wanted } : { stored: 0, refused: 0 };
  },
}));

let sandbox: RestSandbox;

beforeAll(async () => {
  sandbox = await startRestSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

function restModel(division: number | null = DEFAULT_DIVISION) {
  return createRestModel({
    access: { origin: sandbox.exact.url, fetch: sandbox.sessionFetch },
    division: () => division,
    storage: new MemoryStorage(),
    locale: () => 'nl',
    now: () => sandbox.clock.now,
  });
}

function planned(itemCode: string, description: string): PlannedLine {
  return {
    lineKey: description,
    position: 1,
    quantityTenThousandths: 20_000,
    write: { itemCode, description, quantityText: '2', unitPriceText: '95,00', notes: '' },
    entryIds: [1],
    minutes: 120,
    unitPriceCents: 9500,
    amountCents: 19000,
  };
}

function filled(
  description: string,
  quantityText: string,
  amountCents: number,
  itemCode = 'UREN',
): FilledLine {
  return {
    lineKey: description,
    rowId: 'grd_r1',
    entryIds: [1],
    itemCode,
    description,
    quantityText,
    unitPriceCents: 9500,
    amountCents,
    minutes: 515,
    hash: 'h',
    writtenAt: 0,
  };
}

function fillWith(
  page: FakeInvoicePage,
  lines: PlannedLine[],
  beforeFill: (lines: readonly PlannedLine[]) => Promise<boolean>,
) {
  return createFillModel({
    guard: createPageGuard(page, null),
    lines: signal(lines),
    storedLines: () => [],
    ref: () => null,
    revision: () => 0,
    keepingClientId: () => null,
    onRecorded: () => {},
    onStale: async () => {},
    beforeFill,
    now: () => sandbox.clock.now,
    numberLocale: () => 'nl',
  });
}

describe('before filling', () => {
  it('names the codes Exact does not know and types nothing', async () => {
    const rest = restModel();
    await rest.start();
    expect(rest.state.value).toEqual({ kind: 'on', division: DEFAULT_DIVISION });
    const page = new FakeInvoicePage();
    const lines = [
      planned('UREN', 'Website'),
      planned('UREN-XL', 'Advies'),
      planned('uren-xl', 'Meer advies'),
    ];
    const fill = fillWith(page, lines, (all) => rest.checkItems(all.map((line) => line.write.itemCode)));
    await fill.start();
    expect(rest.unknownCodes.value).toEqual(['UREN-XL']);
    expect(page.writes).toEqual([]);
    expect(fill.phase.value).toBe('idle');
  });

  it('fills when every code is known, and when the API is off', async () => {
    const lines = [planned('UREN', 'Website'), planned('UREN-SR', 'Advies')];
    const on = restModel();
    const page = new FakeInvoicePage();
    await fillWith(page, lines, (all) => on.checkItems(all.map((line) => line.write.itemCode))).start();
    expect(on.unknownCodes.value).toEqual([]);
    expect(page.writes).toHaveLength(2);

    await sandbox.control('rest-api', { enabled: false });
    const off = restModel();
    const offPage = new FakeInvoicePage();
    await fillWith(offPage, [planned('UREN-XL', 'Advies')], (all) =>
      off.checkItems(all.map((line) => line.write.itemCode)),
    ).start();
    expect(off.state.value).toMatchObject({ kind: 'off', reason: 'refused' });
    // Exact's own lookup refuses the code as it is typed; the REST path never stops the DOM's fill.
    expect(offPage.writes).toHaveLength(1);
  });
});

describe('after saving', () => {
  function saved() {
    return addSavedInvoice(sandbox.exact.state, {
      entryId: '00000000-0000-4000-8000-000000000042',
      customerName: 'Gemeente Utrecht',
      invoiceNumber: 20260042,
      lines: [
        { itemCode: 'UREN', description: 'Website', quantity: 8.58, unitPriceCents: 9500 },
        { itemCode: 'UREN', description: 'Advies', quantity: 2, unitPriceCents: 9500 },
      ],
    });
  }
  const ours = [filled('Website', '8,58', 81510), filled('Advies', '2', 19000)];

  it('reconciles to the cent when Exact kept what was written', async () => {
    saved();
    const rest = restModel();
    await rest.checkSaved('20260042', ours);
    expect(rest.readBack.value).toEqual({
      outcome: 'checked',
      invoiceNumber: '20260042',
      result: { differences: [], matched: 2, otherLines: 0, otherCents: 0, totalCents: 100510 },
    });
  });

  it('names a line Exact stored a cent off, and the total', async () => {
    saved();
    await sandbox.control('rest-api', { lineSkew: { lineNumber: 2, cents: 1 } });
    const rest = restModel();
    await rest.checkSaved('20260042', ours);
    const readBack = rest.readBack.value;
    expect(readBack?.outcome === 'checked' && readBack.result.differences).toEqual([
      { kind: 'amount', line: 2, description: 'Advies', expected: 19000, actual: 19001 },
      { kind: 'total', expected: 100510, actual: 100511 },
    ]);
  });

  it('says when Exact has no such invoice, and stays silent when the API is off', async () => {
    const rest = restModel();
    await rest.checkSaved('20260099', ours);
    expect(rest.readBack.value).toEqual({ outcome: 'not-found', invoiceNumber: '20260099' });
    saved();
    await sandbox.control('session', { signedIn: false, answer: 'login-page' });
    const off = restModel();
    await off.checkSaved('20260042', ours);
    expect(off.readBack.value).toBeNull();
    expect(off.state.value).toMatchObject({ kind: 'off', reason: 'signed-out' });
  });
});

describe('the amounts of invoices made elsewhere', () => {
  beforeEach(() => {
    sent.calls = [];
  });

  it("reads the numbers the worker wants in the page division and hands Exact's answer back", async () => {
    addSavedInvoice(sandbox.exact.state, {
      entryId: '00000000-0000-4000-8000-000000000007',
      customerName: 'Gemeente Utrecht',
      invoiceNumber: 20260007,
      lines: [{ itemCode: 'UREN', description: 'Advies', quantity: 2, unitPriceCents: 9500 }],
    });
    sent.wanted = [20260007, 20269999];
    await restModel().shareRevenue();
    expect(sent.calls).toEqual([
      { name: 'revenue.wanted', data: { division: DEFAULT_DIVISION } },
      {
        name: 'revenue.report',
        data: {
          division: DEFAULT_DIVISION,
          found: [
            {
              invoiceNumber: 20260007,
              invoiceId: '00000000-0000-4000-8000-000000000007',
              revenueCents: 19000,
              status: 20,
            },
          ],
          missing: [20269999],
        },
      },
    ]);
  });

  it('asks nothing when the API is off or the division unknown, and reads nothing when nothing is wanted', async () => {
    sent.wanted = [];
    await restModel().shareRevenue();
    expect(sent.calls.map((call) => call.name)).toEqual(['revenue.wanted']);
    sent.calls = [];
    await restModel(null).shareRevenue();
    await sandbox.control('session', { signedIn: false, answer: 'login-page' });
    await restModel().shareRevenue();
    expect(sent.calls).toEqual([]);
  });
});

describe('expectedLines', () => {
  it('reads the quantity as typed, in the page’s format', () => {
    const lines = [filled('a', '8,58', 1), filled('b', '1.5', 1), filled('c', 'x', 1)];
    expect(expectedLines(lines, 'nl').map((line) => line.quantity)).toEqual([85800, 150000, null]);
    expect(expectedLines(lines, 'en').map((line) => line.quantity)).toEqual([8580000, 15000, null]);
  });
});
