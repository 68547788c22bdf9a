/**
 * Associating a saved invoice that Urenbrug did not fill (made by hand, or before Urenbrug was
 * installed): read its lines, propose the client's unbilled hours that best fit each line's
 * quantity (core/invoice-match.ts), let the bookkeeper tick and untick, then link them through
 * `invoice.link` — which tells Keeping like any other link.
 */
import { computed, effect, type ReadonlySignal, signal, untracked } from '@preact/signals';
import { addMonths, startOfMonth } from '../../../core/calendar';
import {
  hintsFromDescription,
  type InvoiceMatch,
  type MatchLine,
  matchInvoiceLines,
} from '../../../core/invoice-match';
import { periodFromText } from '../../../core/invoice-period';
import type { Entry, Project, Task } from '../../../core/keeping-types';
import type { Locale } from '../../../core/locale';
import { type DateRange, formatYmd, parseYmd } from '../../../core/period';
import type { InvoiceRecord, InvoiceRef } from '../../../shared/invoice-types';
import { parseScaled } from '../../exact/page-numbers';
import type { GridRow, InvoiceHeader } from '../../exact/types';
import type { EntriesModel } from './entries-model';
import type { LinkModel } from './link-model';
import type { PageGuard } from './page-guard';
import { scopeEntries } from './scope';

/** Without a period in the text, hours this many months before the invoice month are proposed. */
export const LOOKBACK_MONTHS = 6;

export interface AssociateLine {
  rowId: string;
  description: string;
  quantityText: string;
  unitPriceText: string;
  amountCents: number | null;
  /** The quantity read as hours, in minutes; 0 when it is not a number of hours. */
  minutes: number;
}

export interface AssociateRange extends DateRange {
  /** Where the range came from: a period named on the invoice, or up to the invoice date. */
  source: 'text' | 'date';
}

export interface LineSummary {
  line: AssociateLine;
  invoiceMinutes: number;
  selectedMinutes: number;
  /** Proposed for this line (ticked or not), in date order. */
  entries: Entry[];
}

export interface MatchSummary {
  lines: LineSummary[];
  /** Ticked entries that no line was proposed: counted in the total only. */
  extraMinutes: number;
  invoiceMinutes: number;
  selectedMinutes: number;
}

interface Deps {
  guard: PageGuard;
  ref: ReadonlySignal<InvoiceRef | null>;
  record: ReadonlySignal<InvoiceRecord | null>;
  clientId: ReadonlySignal<number | null>;
  clientProjects: ReadonlySignal<readonly Project[]>;
  tasks: ReadonlySignal<readonly Task[]>;
  hours: ReadonlySignal<'direct' | 'all'>;
  locale: ReadonlySignal<Locale>;
  today: () => string;
  entries: EntriesModel;
  link: LinkModel;
  signal: AbortSignal;
}

export type AssociateModel = ReturnType<typeof createAssociateModel>;

/**
 * A line's quantity to whole minutes; negative or unreadable: 0. At Exact's 2 decimals a quantity
 * is at most 0,3 min off its minutes, so rounding to the minute recovers them.
 */
export function quantityMinutes(text: string, locale: Locale): number {
  const value = parseScaled(text, locale, 4);
  return value === null || value <= 0 ? 0 : Math.round((value * 60) / 10_000);
}

/**
 * The period to propose hours from: one the header or a line names ("oktober 2026"), else
 * LOOKBACK_MONTHS months back from the invoice date (or today) up to it.
 */
export function associateRange(
  header: InvoiceHeader,
  lines: readonly Pick<AssociateLine, 'description'>[],
  today: string,
): AssociateRange | null {
  for (const text of [header.description, ...lines.map((line) => line.description)]) {
    const named = periodFromText(text);
    if (named) return { ...named, source: 'text' };
  }
  const end = parseYmd(header.invoiceDate ?? today);
  if (!end) return null;
  const from = startOfMonth(addMonths(end, -LOOKBACK_MONTHS));
  return { from: formatYmd(from), to: formatYmd(end), source: 'date' };
}

export function toAssociateLine(row: GridRow, locale: Locale): AssociateLine {
  return {
    rowId: row.rowId,
    description: row.description,
    quantityText: row.quantityText,
    unitPriceText: row.unitPriceText,
    amountCents: row.amountCents,
    minutes: quantityMinutes(row.quantityText, locale),
  };
}

export function createAssociateModel(deps: Deps) {
  const lines = signal<AssociateLine[] | null>(null);
  const header = signal<InvoiceHeader>({ invoiceDate: null, description: '' });
  /** Entry ids the bookkeeper has ticked; reset to the proposal whenever the proposal changes. */
  const ticked = signal<ReadonlySet<number>>(new Set());
  const linkedCount = signal<number | null>(null);

  /** Only on a saved invoice Urenbrug holds no lines or links for (a selection alone does not count). */
  const active = computed(() => {
    if (!deps.ref.value?.invoiceId) return false;
    const record = deps.record.value;
    return record === null || (record.lines.length === 0 && record.linkedEntryIds.length === 0);
  });

  const range = computed(() =>
    lines.value === null ? null : associateRange(header.value, lines.value, deps.today()),
  );

  const candidates = computed((): Entry[] => {
    const view = deps.entries.view.value;
    const period = range.value;
    if (!view || !period) return [];
    const scope = scopeEntries({
      entries: view.entries,
      clientProjectIds: new Set(deps.clientProjects.value.map((project) => project.id)),
      period,
      projectIds: null,
      userIds: null,
      hours: deps.hours.value,
      localLinks: view.localLinks,
      ownEntryIds: new Set(),
      ownInvoiceKey: null,
    });
    // Billed elsewhere (here, by a colleague, by Keeping's own integration) or locked: never proposed.
    return scope.entries.filter((scoped) => !scoped.billed && !scoped.entry.locked).map((s) => s.entry);
  });

  const byId = computed(() => new Map(candidates.value.map((entry) => [entry.id, entry])));

  const proposal = computed((): InvoiceMatch | null => {
    const read = lines.value;
    if (read === null || deps.entries.view.value === null) return null;
    const projects = deps.clientProjects.value;
    const tasks = deps.tasks.value;
    const matchLines = read.map((line): MatchLine => {
      const hints = hintsFromDescription(line.description, projects, tasks);
      return { minutes: line.minutes, description: line.description, ...hints };
    });
    return matchInvoiceLines(
      matchLines,
      candidates.value.map((entry) => ({
        id: entry.id,
        minutes: entry.minutes,
        projectId: entry.projectId,
        taskId: entry.taskId,
        userId: entry.userId,
        date: entry.date,
      })),
    );
  });

  const summary = computed((): MatchSummary | null => {
    const match = proposal.value;
    const read = lines.value;
    if (!match || !read) return null;
    const entries = byId.value;
    const on = ticked.value;
    const minutesOf = (ids: readonly number[]) =>
      ids.reduce((sum, id) => sum + (on.has(id) ? (entries.get(id)?.minutes ?? 0) : 0), 0);
    const summaries = match.lines.map(
      (line, index): LineSummary => ({
        line: read[index]!,
        invoiceMinutes: line.invoiceMinutes,
        selectedMinutes: minutesOf(line.entryIds),
        entries: line.entryIds.map((id) => entries.get(id)!).filter(Boolean),
      }),
    );
    const extraMinutes = minutesOf(match.unusedEntryIds);
    return {
      lines: summaries,
      extraMinutes,
      invoiceMinutes: match.invoiceMinutes,
      selectedMinutes: summaries.reduce((sum, line) => sum + line.selectedMinutes, 0) + extraMinutes,
    };
  });

  const unused = computed((): Entry[] =>
    (proposal.value?.unusedEntryIds ?? []).map((id) => byId.value.get(id)!).filter(Boolean),
  );

  function readInvoice(): void {
    const rows = deps.guard.read((page) => page.readRows());
    const read = deps.guard.read((page) => page.readHeader());
    if (read) header.value = read;
    lines.value = (rows ?? []).map((row) => toAssociateLine(row, deps.locale.value));
  }

  function toggle(entryId: number, on: boolean): void {
    const next = new Set(ticked.value);
    if (on) next.add(entryId);
    else next.delete(entryId);
    ticked.value = next;
  }

  async function associate(): Promise<void> {
    const ids = [...ticked.value].filter((id) => byId.value.has(id)).sort((a, b) => a - b);
    if (ids.length === 0) return;
    await deps.link.link(ids);
    if (deps.link.error.value === null) linkedCount.value = ids.length;
  }

  function watch(): void {
    let lastKey = '';
    const disposeLoad = effect(() => {
      if (!active.value) return;
      untracked(() => {
        if (lines.value === null) readInvoice();
      });
      const clientId = deps.clientId.value;
      const period = range.value;
      const key = clientId === null || !period ? '' : `${clientId}|${period.from}|${period.to}`;
      if (key === lastKey) return;
      lastKey = key;
      untracked(() => {
        if (clientId === null || !period) deps.entries.reset();
        else void deps.entries.load({ from: period.from, to: period.to, keepingClientId: clientId });
      });
    });
    // A new proposal (entries arrived or refreshed) replaces the ticks: they belonged to the old one.
    const disposeTicks = effect(() => {
      const match = proposal.value;
      untracked(() => {
        ticked.value = new Set(match ? match.lines.flatMap((line) => line.entryIds) : []);
      });
    });
    deps.signal.addEventListener(
      'abort',
      () => {
        disposeLoad();
        disposeTicks();
      },
      { once: true },
    );
  }

  return {
    active,
    lines,
    header,
    range,
    candidates,
    proposal,
    summary,
    unused,
    ticked,
    linkedCount,
    /** The cache answered first; true until Keeping's fresh answer is in (or failed). */
    loading: computed(() => deps.entries.loading.value || deps.entries.refreshing.value),
    error: deps.entries.error,
    busy: deps.link.busy,
    linkError: deps.link.error,
    readInvoice,
    toggle,
    associate,
    watch,
  };
}
