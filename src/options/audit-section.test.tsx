// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CSV_BOM } from '../core/csv';
import { setLanguagePreference } from '../shared/i18n';
import { type AuditEntryView, type AuditQuery, send } from '../shared/messages';
import { createAuditModel } from './audit-model';
import { auditCsvRows } from './audit-rows';
import { AuditSection } from './audit-section';

// The real module loads the browser polyfill; only its constants and send() are needed.
vi.mock('../shared/messages', () => ({ send: vi.fn(), AUDIT_PAGE_MAX: 500, AUDIT_PAGE_DEFAULT: 100 }));
const sendMock = vi.mocked(send);

const at = Date.UTC(2026, 10, 2, 9, 5);
const record = (seq: number, overrides: Partial<AuditEntryView> = {}): AuditEntryView => ({
  seq,
  at,
  action: 'link',
  invoiceKey: '123456:6a1f0c2e-5b7d-4e3f-9a8b-1c2d3e4f5a6b',
  invoiceNumber: '20260999',
  entryIds: [101, 102],
  minutes: 150,
  keepingUser: { userId: 55458, name: 'Jan de Boekhouder' },
  detail: null,
  ...overrides,
});

/** A fake background over `all`, newest first, applying the filters like the real one. */
function serve(all: AuditEntryView[]): AuditQuery[] {
  const asked: AuditQuery[] = [];
  sendMock.mockImplementation((async (name: string, query: AuditQuery) => {
    if (name !== 'audit.list') throw new Error(`unexpected ${name}`);
    asked.push(query);
    const matching = all.filter(
      (r) =>
        (query.before === undefined || r.seq < query.before) &&
        (query.entryId === undefined || r.entryIds.includes(query.entryId)) &&
        (query.invoice === undefined || (r.invoiceNumber ?? '').includes(query.invoice)),
    );
    const limit = query.limit ?? 100;
    const page = matching.slice(0, limit);
    return { records: page, nextBefore: matching.length > limit ? page.at(-1)!.seq : null };
  }) as typeof send);
  return asked;
}

let container: HTMLElement;
const download = vi.fn();

async function flush(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

const get = (id: string) => {
  const element = container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  if (!element) throw new Error(`no ${id} in ${container.innerHTML}`);
  return element;
};
const rows = () => [...container.querySelectorAll<HTMLElement>('[data-testid="audit-row"]')];

async function mount(pageSize = 50) {
  const model = createAuditModel({ download, now: () => new Date(2026, 10, 3), pageSize });
  await act(() => {
    render(<AuditSection model={model} />, container);
  });
  await flush();
  return model;
}

async function type(id: string, value: string) {
  await act(() => {
    const input = get(id) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(id: string) {
  await act(() => get(id).click());
  await flush();
}

beforeEach(() => {
  setLanguagePreference('nl');
  container = document.createElement('div');
  document.body.append(container);
  sendMock.mockReset();
  download.mockReset();
});
afterEach(() => {
  render(null, container);
  container.remove();
});

describe('the audit log section', () => {
  it('shows each record: when, what, invoice, entries, hours, Keeping user and reason', async () => {
    serve([
      record(3, { action: 'unlink', detail: 'creditnota <b>1</b>', keepingUser: null, minutes: null }),
      record(2, { action: 'conflict_override_v9' }),
      record(1, { invoiceNumber: null, invoiceKey: '123456:draft:abc', action: 'fill' }),
    ]);
    await mount();
    const part = (row: HTMLElement, name: string) => row.querySelector(`.audit-${name}`)?.textContent ?? null;
    const [unlink, unknown, fill] = rows();
    expect(part(unlink!, 'when')).toMatch(/^02-11-2026 \d\d:05$/);
    expect(part(unlink!, 'action')).toBe('Ontkoppeld');
    expect(part(unlink!, 'invoice')).toBe('20260999');
    expect(part(unlink!, 'entries')).toBe('Registraties: 101102');
    expect(part(unlink!, 'hours')).toBeNull();
    expect(part(unlink!, 'user')).toBeNull();
    expect(part(unlink!, 'detail')).toBe('creditnota <b>1</b>');
    // Text stays text.
    expect(container.querySelector('b')).toBeNull();
    // A kind this version does not know is shown by its name, not dropped.
    expect(part(unknown!, 'action')).toBe('conflict_override_v9');
    expect(part(unknown!, 'hours')).toBe('2,50 uur');
    expect(part(unknown!, 'user')).toBe('Jan de Boekhouder (#55458)');
    expect(part(fill!, 'invoice')).toBe('concept (nog niet opgeslagen)');
  });

  it('filters by invoice and by entry, and refuses an entry id that is not one', async () => {
    const asked = serve([record(2, { entryIds: [7] }), record(1, { invoiceNumber: '20260001' })]);
    await mount();
    await type('audit-filter-invoice', '0001');
    await click('audit-filter-apply');
    expect(asked.at(-1)).toMatchObject({ invoice: '0001' });
    expect(rows()).toHaveLength(1);

    await type('audit-filter-invoice', '');
    await type('audit-filter-entry', '7x');
    const before = asked.length;
    await click('audit-filter-apply');
    expect(asked.length).toBe(before);
    expect(get('audit-entry-invalid').textContent).toContain('geheel getal');

    await type('audit-filter-entry', '7');
    await click('audit-filter-apply');
    expect(asked.at(-1)).toEqual({ entryId: 7, limit: 50 });
    expect(rows()).toHaveLength(1);
  });

  it('pages back with "Oudere tonen"', async () => {
    serve([record(3), record(2), record(1)]);
    await mount(2);
    expect(rows()).toHaveLength(2);
    await click('audit-more');
    expect(rows()).toHaveLength(3);
    expect(container.querySelector('[data-testid="audit-more"]')).toBeNull();
  });

  it('exports every matching record as CSV for Dutch Excel', async () => {
    const many = Array.from({ length: 1203 }, (_, index) => record(1203 - index));
    many[0] = record(1203, { detail: '=HYPERLINK("http://x";"klik")', minutes: 90 });
    serve(many);
    await mount();
    await click('audit-export');
    expect(download).toHaveBeenCalledOnce();
    const [text, name, type] = download.mock.calls[0]!;
    expect(name).toBe('urenbrug-logboek-2026-11-03.csv');
    expect(type).toBe('text/csv;charset=utf-8');
    const lines = (text as string).split('\r\n');
    expect(lines[0]).toBe(
      `${CSV_BOM}Datum;Tijd;Handeling;Factuur;Aantal registraties;Registraties;Uren;Keeping-gebruiker;Reden / details`,
    );
    expect(lines[1]).toMatch(
      /^02-11-2026;\d\d:05;Gekoppeld;20260999;2;101 102;1,50;Jan de Boekhouder \(#55458\);"'=HYPERLINK\(""http:\/\/x"";""klik""\)"$/,
    );
    expect(lines).toHaveLength(1203 + 2);
  });
});

describe('auditCsvRows', () => {
  it('writes dates dd-mm-jjjj in the given zone and leaves unknown hours empty', () => {
    const [, row] = auditCsvRows(
      [record(1, { minutes: null, at: Date.UTC(2026, 0, 31, 23, 30) })],
      'Europe/Amsterdam',
    );
    expect(row?.slice(0, 2)).toEqual(['01-02-2026', '00:30']);
    expect(row?.[6]).toBe('');
  });
});
