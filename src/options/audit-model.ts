/**
 * The audit log section's state: the filters, the pages shown so far, and the export, which
 * walks every matching page (the background answers bounded pages only).
 */
import { signal } from '@preact/signals';
import { toCsv } from '../core/csv';
import { toUrenbrugError, type UrenbrugError } from '../shared/errors';
import { AUDIT_PAGE_MAX, type AuditEntryView, type AuditQuery, send } from '../shared/messages';
import { auditFileName, downloadText } from '../ui/download';
import { auditCsvRows } from './audit-rows';

export type AuditModel = ReturnType<typeof createAuditModel>;

export interface AuditFilters {
  invoice: string;
  /** As typed; must be a positive whole number or empty. */
  entry: string;
}

/** The export stops here: past it the bookkeeper should filter (and a browser tab stays responsive). */
export const AUDIT_EXPORT_MAX = 50_000;

export function createAuditModel(
  deps: { download?: typeof downloadText; now?: () => Date; pageSize?: number } = {},
) {
  const download = deps.download ?? downloadText;
  const now = deps.now ?? (() => new Date());
  const pageSize = deps.pageSize ?? 50;
  const records = signal<AuditEntryView[]>([]);
  const nextBefore = signal<number | null>(null);
  const filters = signal<AuditFilters>({ invoice: '', entry: '' });
  const filtered = signal(false);
  const loading = signal(false);
  const exporting = signal(false);
  const error = signal<UrenbrugError | null>(null);
  const entryInvalid = signal(false);
  let generation = 0;

  function query(): AuditQuery | null {
    const { invoice, entry } = filters.value;
    const trimmed = entry.trim();
    if (trimmed !== '' && !/^[1-9]\d{0,15}$/.test(trimmed)) return null;
    return {
      ...(invoice.trim() === '' ? {} : { invoice: invoice.trim() }),
      ...(trimmed === '' ? {} : { entryId: Number(trimmed) }),
    };
  }

  async function load(more = false): Promise<void> {
    const base = query();
    entryInvalid.value = base === null;
    if (base === null) return;
    generation += 1;
    const mine = generation;
    loading.value = true;
    try {
      const before = more ? nextBefore.value : null;
      const page = await send('audit.list', {
        ...base,
        limit: pageSize,
        ...(before === null ? {} : { before }),
      });
      if (mine !== generation) return;
      records.value = more ? [...records.value, ...page.records] : page.records;
      nextBefore.value = page.nextBefore;
      filtered.value = Object.keys(base).length > 0;
      error.value = null;
    } catch (caught) {
      if (mine === generation) error.value = toUrenbrugError(caught);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  async function exportCsv(): Promise<void> {
    const base = query();
    entryInvalid.value = base === null;
    if (base === null) return;
    exporting.value = true;
    try {
      const all: AuditEntryView[] = [];
      let before: number | null = null;
      do {
        const page: Awaited<ReturnType<typeof send<'audit.list'>>> = await send('audit.list', {
          ...base,
          limit: AUDIT_PAGE_MAX,
          ...(before === null ? {} : { before }),
        });
        all.push(...page.records);
        before = page.nextBefore;
      } while (before !== null && all.length < AUDIT_EXPORT_MAX);
      download(toCsv(auditCsvRows(all)), auditFileName(now()), 'text/csv;charset=utf-8');
      error.value = null;
    } catch (caught) {
      error.value = toUrenbrugError(caught);
    } finally {
      exporting.value = false;
    }
  }

  function setFilters(next: Partial<AuditFilters>): void {
    filters.value = { ...filters.value, ...next };
  }

  async function clear(): Promise<void> {
    filters.value = { invoice: '', entry: '' };
    await load();
  }

  return {
    records,
    nextBefore,
    filters,
    filtered,
    loading,
    exporting,
    error,
    entryInvalid,
    setFilters,
    load,
    more: () => load(true),
    clear,
    exportCsv,
  };
}
