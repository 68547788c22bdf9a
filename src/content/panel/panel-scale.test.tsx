// @vitest-environment happy-dom
/**
 * The panel at a big customer's load (issue 10): folded groups with their totals, windowed rows,
 * a partial period that can be neither filled nor linked, superseded reads cancelled, and a
 * refresh inside the freshness window that asks Keeping nothing.
 */
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { BackgroundClient } from '../../background/dependencies';
import type { Entry } from '../../core/keeping-types';
import { makeEntry } from '../../core/testing/entry-fixture';
import { FakeInvoicePage } from '../testing/fake-invoice-page';
import { startPanelBackground } from '../testing/panel-background';
import { NOW, setUpPanelTests } from '../testing/panel-harness';
import { FOLD_ABOVE } from './sections/entries-section';
import { WINDOW_ABOVE } from './sections/entry-group';

const panel = setUpPanelTests();
const { flush, all, get, click, change, mountMapped } = panel;

/** `count` entries of Bakkerij de Vries in May 2026, spread over its two projects. */
function mayEntries(count: number): Entry[] {
  return Array.from({ length: count }, (_, index) =>
    makeEntry({
      id: 1_000 + index,
      date: `2026-05-${String(1 + (index % 28)).padStart(2, '0')}`,
      userId: index % 2 === 0 ? 7 : 8,
      projectId: index % 3 === 0 ? 11 : 10,
      taskId: 100,
      minutes: 30,
      note: `Werk ${index}`,
    }),
  );
}

async function start(entries: Entry[]): Promise<void> {
  panel.background = await startPanelBackground({ entries });
}

describe('a month of many entries', () => {
  it('starts with every group folded, showing its totals and no rows', async () => {
    await start(mayEntries(FOLD_ABOVE + 400));
    await mountMapped();
    const groups = all('entry-group');
    expect(groups).toHaveLength(2);
    expect(groups.map((group) => group.dataset.open)).toEqual(['false', 'false']);
    expect(all('entry-row')).toHaveLength(0);
    // Boekhouding (every third entry) and Website, ticked/all and h:mm.
    expect(all('group-totals').map((totals) => totals.textContent)).toEqual([
      '200/200 · 100:00',
      '400/400 · 200:00',
    ]);
    expect(get('selected-count').textContent).toContain('600 van 600');
  });

  it('draws only the rows in view of an unfolded large group, and all of a small one', async () => {
    await start(mayEntries(FOLD_ABOVE + 400));
    await mountMapped();
    const [boekhouding, website] = all('entry-group');
    await click(get('group-toggle', website!));
    const window = get('entry-window', website!);
    expect(Number(window.dataset.rows)).toBe(400);
    expect(400).toBeGreaterThan(WINDOW_ABOVE);
    const drawn = all('entry-row', website!).length;
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(40);

    // Scrolling moves the window: other rows are drawn, still only a few.
    const firstBefore = all('entry-row', website!)[0]?.dataset.entryId;
    await act(() => {
      window.scrollTop = 44 * 200;
      window.dispatchEvent(new Event('scroll'));
    });
    expect(all('entry-row', website!)[0]?.dataset.entryId).not.toBe(firstBefore);
    expect(all('entry-row', website!).length).toBeLessThan(40);

    await click(get('group-toggle', boekhouding!));
    expect(all('entry-window', boekhouding!)).toHaveLength(1);
  });

  it('ticks none and all of a folded group and counts it in the totals', async () => {
    await start(mayEntries(FOLD_ABOVE + 400));
    await mountMapped();
    const website = all('entry-group')[1]!;
    await click(get('group-none', website));
    expect(get('group-totals', website).textContent).toBe('0/400 · 200:00');
    expect(get('selected-count').textContent).toContain('200 van 600');
    await click(get('group-all', website));
    expect(get('group-totals', website).textContent).toBe('400/400 · 200:00');
  });

  it('asks Keeping nothing when the panel opens again inside the freshness window', async () => {
    // The customer's line above the entries reads that client's year once, apart from the period.
    const reads = (year: boolean) =>
      panel.background.client.reportTimeEntries.mock.calls.filter(
        ([, query]) => (query.from === '2026-01-01' && query.to === '2026-12-31') === year,
      ).length;
    await start(mayEntries(50));
    await mountMapped();
    expect(reads(false)).toBe(1);
    await vi.waitFor(() => expect(reads(true)).toBe(1));
    panel.reload();
    vi.setSystemTime(NOW + 5 * 60_000);
    await mountMapped();
    expect(reads(false)).toBe(1);
    expect(all('preview-line').length).toBeGreaterThan(0);
    expect(all('preview-partial')).toHaveLength(0);
    expect(reads(true)).toBe(1);

    // The refresh button still reads.
    await click(get('entries-refresh'));
    expect(reads(false)).toBe(2);
  });
});

describe('a partial period', () => {
  it('says so while entries arrive and neither fills nor links until they are all here', async () => {
    await start(mayEntries(30));
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const normal = panel.background.client.reportTimeEntries.getMockImplementation()!;
    panel.background.client.reportTimeEntries.mockImplementationOnce(async (...args) => {
      await gate;
      return normal(...args);
    });
    const page = new FakeInvoicePage({
      invoiceId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
      invoiceNumber: '20260042',
    });
    await mountMapped(page, false);
    await flush(2);
    await vi.waitFor(() => expect(all('preview-partial')).toHaveLength(1));
    expect(get('entries-partial').textContent).toContain('Nog niet alle uren');
    expect(get<HTMLButtonElement>('fill-button').disabled).toBe(true);

    release();
    await flush();
    expect(all('preview-partial')).toHaveLength(0);
    expect(all('entries-partial')).toHaveLength(0);
    expect(get<HTMLButtonElement>('fill-button').disabled).toBe(false);
    expect(get<HTMLButtonElement>('link-button').disabled).toBe(false);
  });

  it('cancels the running read when the period changes', async () => {
    await start(mayEntries(30));
    const normal = panel.background.client.reportTimeEntries.getMockImplementation()!;
    const signals: (AbortSignal | undefined)[] = [];
    panel.background.client.reportTimeEntries.mockImplementationOnce(async (org, query, onPage, signal) => {
      signals.push(signal);
      await new Promise((resolve) => signal?.addEventListener('abort', resolve));
      return normal(org, query, onPage, signal);
    });
    await mountMapped(new FakeInvoicePage(), false);
    await vi.waitFor(() => expect(signals).toHaveLength(1));
    await change('period-select', 'this_month');
    await vi.waitFor(() => expect(signals[0]?.aborted).toBe(true));
    expect(panel.background.callsOf('entries.cancel')).toHaveLength(1);
  });
});

describe('a long range', () => {
  it('shows Keeping’s totals and the reading time first, and reads the entries only on the go', async () => {
    await start(mayEntries(30));
    await mountMapped();
    const client = panel.background.client as typeof panel.background.client & Partial<BackgroundClient>;
    client.countTimeEntries = vi.fn(async () => 48_000);
    client.report = vi.fn(async () => ({
      from: '2025-06-01',
      to: '2026-05-31',
      row_type: 'project',
      rows: [
        { id: '10', description: 'Website', url: null, hours: 1200.5, direct_hours: 1200.5 },
        { id: '11', description: 'Boekhouding', url: null, hours: 300, direct_hours: 250 },
      ],
      total_hours: 1500.5,
      total_direct_hours: 1450.5,
    }));
    const reads = panel.background.client.reportTimeEntries.mock.calls.length;
    await change('period-select', 'custom');
    await change('period-from', '2025-06-01');
    await change('period-to', '2026-05-31');

    expect(get('range-estimate').textContent).toContain('48000 registraties (480 pagina');
    expect(get('range-estimate').textContent).toContain('minuten');
    expect(get('range-totals').textContent).toContain('1500,50');
    expect(panel.background.client.reportTimeEntries.mock.calls.length).toBe(reads);
    expect(get<HTMLButtonElement>('fill-button').disabled).toBe(true);
    expect(get('entries-partial').textContent).toContain('nog niet volledig');

    await click(get('range-start'));
    expect(panel.background.client.reportTimeEntries.mock.calls.length).toBe(reads + 1);
    expect(all('range-start')).toHaveLength(0);
    expect(all('entries-partial')).toHaveLength(0);
  });
});
