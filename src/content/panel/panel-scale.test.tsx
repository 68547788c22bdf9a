// @vitest-environment happy-dom
/**
 * The panel at a big customer's load (issue 10): folded groups with their totals, windowed rows,
 * a partial period that can be neither filled nor linked, superseded reads cancelled, and a
 * refresh inside the freshness window that asks Keeping nothing.
 */
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackgroundClient } from '../../background/dependencies';
import type { Entry } from '../../core/keeping-types';
import { makeEntry } from '../../core/testing/entry-fixture';
import { setLanguagePreference } from '../../shared/i18n';
import { FakeInvoicePage } from '../testing/fake-invoice-page';
import { DIVISION, type PanelBackground, startPanelBackground } from '../testing/panel-background';
import { renderPanel } from './index';
import { FOLD_ABOVE } from './sections/entries-section';
import { WINDOW_ABOVE } from './sections/entry-group';

/** 10:00 in Amsterdam on the fixtures' today: "last month" is May 2026. */
const NOW = Date.parse('2026-06-11T10:00:00+02:00');

let container: HTMLElement;
let controller: AbortController;
let background: PanelBackground;

async function flush(quietRounds = 4): Promise<void> {
  let quiet = 0;
  for (let round = 0; round < 200 && quiet < quietRounds; round++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    quiet = background.inFlight() === 0 ? quiet + 1 : 0;
  }
}

function all(testId: string, within: ParentNode = container): HTMLElement[] {
  return [...within.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)];
}

function get<T extends HTMLElement = HTMLElement>(testId: string, within: ParentNode = container): T {
  const element = within.querySelector<T>(`[data-testid="${testId}"]`);
  if (!element) throw new Error(`no [data-testid="${testId}"]`);
  return element;
}

async function click(element: HTMLElement): Promise<void> {
  await act(() => {
    if ((element as HTMLButtonElement).disabled) return;
    const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    Object.defineProperty(event, 'isTrusted', { value: true });
    element.dispatchEvent(event);
  });
  await flush();
}

async function change(testId: string, value: string): Promise<void> {
  const element = get<HTMLSelectElement | HTMLInputElement>(testId);
  await act(() => {
    element.value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
    element.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await flush();
}

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

async function mountMapped(page = new FakeInvoicePage(), settle = true): Promise<void> {
  await background.remember({
    division: DIVISION,
    exactCustomerCode: '1001',
    exactCustomerName: 'Bakkerij De Vries B.V.',
    keepingClientId: 1000,
  });
  await act(() => {
    renderPanel(container, { page, screenProblem: null, signal: controller.signal });
  });
  if (settle) await flush();
}

async function start(entries: Entry[]): Promise<void> {
  background = await startPanelBackground({ entries });
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  setLanguagePreference('nl');
  sessionStorage.clear();
  controller = new AbortController();
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  controller.abort();
  container.remove();
  vi.useRealTimers();
});

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
      background.client.reportTimeEntries.mock.calls.filter(
        ([, query]) => (query.from === '2026-01-01' && query.to === '2026-12-31') === year,
      ).length;
    await start(mayEntries(50));
    await mountMapped();
    expect(reads(false)).toBe(1);
    await vi.waitFor(() => expect(reads(true)).toBe(1));
    controller.abort();
    controller = new AbortController();
    container.replaceChildren();
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
    const normal = background.client.reportTimeEntries.getMockImplementation()!;
    background.client.reportTimeEntries.mockImplementationOnce(async (...args) => {
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
    const normal = background.client.reportTimeEntries.getMockImplementation()!;
    const signals: (AbortSignal | undefined)[] = [];
    background.client.reportTimeEntries.mockImplementationOnce(async (org, query, onPage, signal) => {
      signals.push(signal);
      await new Promise((resolve) => signal?.addEventListener('abort', resolve));
      return normal(org, query, onPage, signal);
    });
    await mountMapped(new FakeInvoicePage(), false);
    await vi.waitFor(() => expect(signals).toHaveLength(1));
    await change('period-select', 'this_month');
    await vi.waitFor(() => expect(signals[0]?.aborted).toBe(true));
    expect(background.callsOf('entries.cancel')).toHaveLength(1);
  });
});

describe('a long range', () => {
  it('shows Keeping’s totals and the reading time first, and reads the entries only on the go', async () => {
    await start(mayEntries(30));
    await mountMapped();
    const client = background.client as typeof background.client & Partial<BackgroundClient>;
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
    const reads = background.client.reportTimeEntries.mock.calls.length;
    await change('period-select', 'custom');
    await change('period-from', '2025-06-01');
    await change('period-to', '2026-05-31');

    expect(get('range-estimate').textContent).toContain('48000 registraties (480 pagina');
    expect(get('range-estimate').textContent).toContain('minuten');
    expect(get('range-totals').textContent).toContain('1500,50');
    expect(background.client.reportTimeEntries.mock.calls.length).toBe(reads);
    expect(get<HTMLButtonElement>('fill-button').disabled).toBe(true);
    expect(get('entries-partial').textContent).toContain('nog niet volledig');

    await click(get('range-start'));
    expect(background.client.reportTimeEntries.mock.calls.length).toBe(reads + 1);
    expect(all('range-start')).toHaveLength(0);
    expect(all('entries-partial')).toHaveLength(0);
  });
});
