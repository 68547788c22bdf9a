// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupError, MAX_BACKUP_BYTES } from '../shared/backup-problem';
import { UrenbrugError } from '../shared/errors';
import { setLanguagePreference } from '../shared/i18n';
import { type BackupDocument, type MessageName, send, type WriteBackStatus } from '../shared/messages';
import { backupFileName } from '../ui/download';
import { createDataModel } from './data-model';
import { DataSection } from './data-section';

vi.mock('../shared/messages', () => ({ send: vi.fn() }));
const sendMock = vi.mocked(send);

type Handler = (data: never) => Promise<unknown>;
const NO_SKIPS = { integration: 0, locked: 0, forbidden: 0, not_found: 0, full: 0 };
const ALL_DONE: WriteBackStatus = {
  pending: 0,
  verifying: 0,
  failed: 0,
  conflicts: 0,
  skipped: NO_SKIPS,
  recentFailures: [],
  invoices: [],
};

function answer(handlers: Partial<Record<MessageName, Handler>>): void {
  sendMock.mockImplementation(((name: MessageName, data: unknown) => {
    const handler = handlers[name] ?? (name === 'writeback.status' ? async () => ALL_DONE : undefined);
    if (!handler) return Promise.reject(new UrenbrugError('internal', `unexpected ${name}`));
    return handler(data as never);
  }) as typeof send);
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

async function mount(): Promise<void> {
  const model = createDataModel({ download, now: () => new Date(2026, 5, 12, 23, 30) });
  await act(() => {
    render(<DataSection model={model} />, container);
  });
  await flush();
}

function get(id: string): HTMLElement {
  const element = container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  if (!element) throw new Error(`no [data-testid="${id}"] in ${container.innerHTML}`);
  return element;
}

async function pick(file: File): Promise<void> {
  await act(() => {
    const input = get('backup-file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await flush();
}

beforeEach(() => {
  setLanguagePreference('nl');
  sendMock.mockReset();
  download.mockReset();
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

describe('Gegevens — backup', () => {
  it('downloads the backup under today’s local date', async () => {
    const backup = { format: 'urenbrug-backup', version: 1 } as BackupDocument;
    answer({ 'backup.export': async () => backup });
    await mount();
    await act(() => get('backup-export').click());
    await flush();
    expect(download).toHaveBeenCalledWith(backup, 'urenbrug-backup-2026-06-12.json');
    expect(backupFileName(new Date(2026, 0, 5))).toBe('urenbrug-backup-2026-01-05.json');
  });

  it('sends the file’s text and reports what was restored', async () => {
    const restore = vi.fn(async () => ({ mappings: 12, lineDefaults: true, invoices: 4 }));
    answer({ 'backup.import': restore });
    await mount();
    await pick(new File(['{"format":"urenbrug-backup"}'], 'b.json', { type: 'application/json' }));
    expect(restore).toHaveBeenCalledWith({ text: '{"format":"urenbrug-backup"}' });
    expect(get('backup-restored').textContent).toBe('12 koppelingen, 4 facturen teruggezet.');
  });

  it('shows why a backup was refused, in the bookkeeper’s language', async () => {
    answer({
      'backup.import': async () => {
        throw backupError('organisation', 'The backup is of organisation 1, not 2');
      },
    });
    await mount();
    await pick(new File(['{}'], 'b.json'));
    expect(get('backup-error').textContent).toBe(
      'Deze back-up hoort bij een andere Keeping-organisatie dan de verbonden organisatie. Er is niets gewijzigd.',
    );

    setLanguagePreference('en');
    answer({
      'backup.import': async () => {
        throw backupError('shape', 'bad', 'invoices.0.lines: Invalid type');
      },
    });
    await pick(new File(['{}'], 'b.json'));
    const text = get('backup-error').textContent ?? '';
    expect(text).toContain('This backup contains invalid data.');
    expect(text).toContain('invoices.0.lines: Invalid type');
    expect(text).toContain('Nothing was changed.');
  });

  it('refuses a file over 5 MB without sending it', async () => {
    answer({});
    await mount();
    const big = new File(['x'], 'big.json');
    Object.defineProperty(big, 'size', { value: MAX_BACKUP_BYTES + 1 });
    await pick(big);
    expect(sendMock.mock.calls.map(([name]) => name)).toEqual(['writeback.status']);
    expect(get('backup-error').textContent).toContain('groter dan 5 MB');
  });
});

describe('Gegevens — Keeping write-back', () => {
  it('says all hours are marked', async () => {
    answer({});
    await mount();
    expect(get('writeback-status').textContent).toBe('Alle uren zijn in Keeping gemarkeerd.');
  });

  it('says how long a large invoice takes at Keeping’s pace, and how long the waiting marks take', async () => {
    answer({ 'writeback.status': async () => ({ ...ALL_DONE, pending: 2_000 }) });
    await mount();
    expect(get('writeback-pace').textContent).toBe(
      'Keeping neemt 120 verzoeken per minuut aan, voor het hele account: een factuur van 300 uren is in ' +
        'ongeveer 3 min gemarkeerd, een van 2.000 uren in ongeveer 17 min. Het mag op de achtergrond doorlopen.',
    );
    expect(get('writeback-pending').textContent).toBe(
      '2000 wachten om in Keeping te worden gemarkeerd. · nog ongeveer 17 min in het tempo van Keeping',
    );
  });

  it('shows a large invoice’s progress, n of N, and asks again while it runs', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const invoice = {
        invoiceKey: '7:inv',
        division: 7,
        invoiceId: 'inv',
        invoiceLabel: '20260042',
        done: 1_200,
        verifying: 40,
        pending: 760,
        failed: 0,
        conflicts: [],
        skipped: [],
      };
      let calls = 0;
      answer({
        'writeback.status': async () => {
          calls += 1;
          return { ...ALL_DONE, pending: invoice.pending, verifying: 40, invoices: [invoice] };
        },
      });
      await mount();
      const progress = get('writeback-progress');
      expect(progress.textContent).toBe(
        '1.240 van 2.000 verwerkt in Keeping · nog ongeveer 7 min in het tempo van Keeping',
      );
      expect(progress.querySelector('progress')?.getAttribute('value')).toBe('1240');
      expect(progress.querySelector('progress')?.getAttribute('max')).toBe('2000');
      const before = calls;
      await act(async () => {
        vi.advanceTimersByTime(8_000);
      });
      await flush();
      expect(calls).toBe(before + 2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows what waits and what failed, and retries', async () => {
    const failing: WriteBackStatus = {
      ...ALL_DONE,
      pending: 3,
      failed: 2,
      recentFailures: [
        {
          entryId: 101,
          invoiceLabel: '20260042',
          error: { code: 'invalid_request', message: 'x', detail: 'Project gearchiveerd' },
          lastAttemptAt: 1,
        },
        { entryId: 102, invoiceLabel: '', error: null, lastAttemptAt: 0 },
      ],
    };
    const retry = vi.fn(async () => ({ ...ALL_DONE, pending: 5 }));
    answer({ 'writeback.status': async () => failing, 'writeback.retry': retry });
    await mount();
    const text = get('writeback-status').textContent ?? '';
    expect(text).toContain('3 wachten om in Keeping te worden gemarkeerd.');
    expect(text).toContain('2 mislukt:');
    const items = [...get('writeback-failures').querySelectorAll('li')].map((li) => li.textContent);
    expect(items[0]).toMatch(/^Registratie 101 \(factuur 20260042\): .+Project gearchiveerd/);
    expect(items[1]).toBe('Registratie 102');

    await act(() => get('writeback-retry').click());
    await flush();
    expect(retry).toHaveBeenCalledOnce();
    expect(get('writeback-status').textContent).toBe(
      '5 wachten om in Keeping te worden gemarkeerd. · nog ongeveer 1 min in het tempo van Keeping',
    );
    expect(container.querySelector('[data-testid="writeback-retry"]')).toBeNull();
  });

  it('counts conflicts and skipped marks by reason, and releases an invoice only with a reason', async () => {
    const invoice = {
      invoiceKey: '7:abc',
      division: 7,
      invoiceId: 'abc',
      invoiceLabel: '20260042',
      done: 3,
      verifying: 0,
      pending: 0,
      failed: 0,
      conflicts: [
        {
          entryId: 11,
          invoiceKey: '7:abc',
          invoiceLabel: '20260042',
          otherInvoice: 'Factuur 20260077 (Exact Online)',
          otherKind: 'urenbrug_reference' as const,
          foundAt: 1,
        },
      ],
      skipped: [
        {
          entryId: 12,
          invoiceKey: '7:abc',
          invoiceLabel: '20260042',
          reason: 'integration' as const,
          detail: '',
          at: 1,
        },
        {
          entryId: 13,
          invoiceKey: '7:abc',
          invoiceLabel: '20260042',
          reason: 'forbidden' as const,
          detail: '',
          at: 1,
        },
      ],
    };
    const status: WriteBackStatus = {
      ...ALL_DONE,
      conflicts: 1,
      skipped: { ...NO_SKIPS, integration: 1, forbidden: 1 },
      invoices: [invoice],
    };
    const release = vi.fn(async () => ({ ...ALL_DONE, pending: 3 }));
    answer({ 'writeback.status': async () => status, 'writeback.release': release });
    await mount();
    expect(get('writeback-conflicts').textContent).toContain(
      'Factuur 20260042 — Registratie 11: al op Factuur 20260077 (Exact Online)',
    );
    const skipped = get('writeback-skipped').textContent ?? '';
    expect(skipped).toContain('2 niet gemarkeerd (1 in orde, 1 vragen actie)');
    expect(skipped).toContain('1× geweigerd door Keeping');
    expect(get('writeback-status').textContent).not.toContain('Alle uren zijn in Keeping gemarkeerd.');
    expect(get('writeback-retry')).toBeTruthy();

    const button = get('unlink-button') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    await act(() => {
      const input = get('release-reason') as HTMLInputElement;
      input.value = 'Gecrediteerd';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await flush();
    await act(() => button.click());
    await flush();
    expect(release).toHaveBeenCalledWith({ invoiceKey: '7:abc', reason: 'Gecrediteerd' });
    expect(get('writeback-status').textContent).toContain('3 wachten');
  });

  it('shows a failed status request as an error', async () => {
    answer({
      'writeback.status': async () => {
        throw new UrenbrugError('internal', 'boom');
      },
    });
    await mount();
    expect(get('writeback-error').textContent).not.toBe('');
  });
});
