/**
 * The Overzicht's state: the period, the filters and sort, the cached and fresh answers of the
 * background, and the figures computed from them in core/report. Stale-while-revalidate as the
 * panel: the cached period first (drawn at once), then a fresh read when it is older than the
 * freshness window; the previous period from Keeping's grouped totals (one call) and, when its
 * entries happen to be cached, its billed figures too.
 */
import { computed, signal } from '@preact/signals';
import { format } from 'date-fns';
import type { DateRange } from '../core/period';
import type { LeafLevel, ReportFilter, SortKey } from '../core/report/breakdown';
import { buildReportFromCells, sortRows } from '../core/report/breakdown';
import { cellDivisions } from '../core/report/cells';
import {
  calendarPeriod,
  customRangeProblem,
  dayNumber,
  dayYmd,
  previousPeriod,
  type ReportPeriodKind,
} from '../core/report/report-period';
import { UrenbrugError } from '../shared/errors';
import { type OverviewTotals, type OverviewView, send as sendMessage } from '../shared/messages';

export interface OverviewModelDeps {
  send: typeof sendMessage;
  /** The local day to start from until the background says Keeping's today. */
  today: () => string;
}

const DEFAULT_DEPS: OverviewModelDeps = { send: sendMessage, today: () => format(new Date(), 'yyyy-MM-dd') };

/** `?period=quarter` (or month, year) opens the Overzicht on that kind of period. */
export function initialKind(search: string): ReportPeriodKind {
  const wanted = new URLSearchParams(search).get('period');
  return wanted === 'quarter' || wanted === 'year' ? wanted : 'month';
}

export function createOverviewModel(
  deps: OverviewModelDeps = DEFAULT_DEPS,
  startKind: ReportPeriodKind = 'month',
) {
  const kind = signal<ReportPeriodKind>(startKind);
  const anchor = signal(deps.today());
  const custom = signal<DateRange>(calendarPeriod('month', deps.today()));
  const view = signal<OverviewView | null>(null);
  const previousView = signal<OverviewView | null>(null);
  const previousTotals = signal<OverviewTotals | null>(null);
  const loading = signal(false);
  const error = signal<UrenbrugError | null>(null);
  const rangeProblem = signal<ReturnType<typeof customRangeProblem>>(null);
  const filter = signal<ReportFilter>({});
  const leaf = signal<LeafLevel>('task');
  const sort = signal<{ key: SortKey; descending: boolean }>({ key: 'worked', descending: true });
  const expanded = signal<ReadonlySet<string>>(new Set());

  const range = computed<DateRange>(() =>
    kind.value === 'custom' ? custom.value : calendarPeriod(kind.value, anchor.value),
  );
  const previousRange = computed(() => previousPeriod(kind.value, range.value));

  // The worker sends the figures per cell, not 50,000 entries: the report is a few thousand sums.
  const report = computed(() => {
    const cells = view.value?.cells;
    return cells ? buildReportFromCells(cells, { filter: filter.value, leaf: leaf.value }) : null;
  });
  const previousReport = computed(() => {
    const previous = previousView.value;
    if (!previous?.cells || previous.fetchedAt === null) return null;
    return buildReportFromCells(previous.cells, { filter: filter.value, leaf: leaf.value });
  });

  /** The divisions whose revenue this period holds: the division filter's choices. */
  const divisions = computed(() => (view.value?.cells ? cellDivisions(view.value.cells) : []));

  const names = computed(() => {
    const n = view.value?.names;
    return {
      client: new Map((n?.clients ?? []).map((c) => [c.id, c.name])),
      project: new Map((n?.projects ?? []).map((p) => [p.id, p.name])),
      task: new Map((n?.tasks ?? []).map((task) => [task.id, task.name])),
      user: new Map((n?.users ?? []).map((u) => [u.id, u.name])),
    };
  });

  const sortedRows = computed(() => {
    const current = report.value;
    if (!current) return [];
    return sortRows(current.rows, sort.value.key, sort.value.descending, (row) => rowName(row));
  });

  function rowName(row: {
    level: string;
    clientId: number | null;
    projectId: number | null;
    leafId: number | null;
  }) {
    const n = names.value;
    const pick = (map: Map<number, string>, id: number | null) =>
      id === null ? '' : (map.get(id) ?? `#${id}`);
    if (row.level === 'client') return pick(n.client, row.clientId);
    if (row.level === 'project') return pick(n.project, row.projectId);
    return pick(row.level === 'task' ? n.task : n.user, row.leafId);
  }

  let loadSeq = 0;

  async function load(force = false): Promise<void> {
    const problem = kind.value === 'custom' ? customRangeProblem(custom.value) : null;
    rangeProblem.value = problem;
    if (problem !== null) return;
    const seq = ++loadSeq;
    const current = range.value;
    const previous = previousRange.value;
    const stillWanted = () => seq === loadSeq;
    error.value = null;
    loading.value = true;
    try {
      const cached = await deps.send('overview.period', { ...current, fresh: false, cells: true });
      if (!stillWanted()) return;
      if (cached.today !== anchorToday) adoptToday(cached.today);
      view.value = cached;
      void deps
        .send('overview.period', { ...previous, fresh: false, cells: true })
        .then((answer) => {
          if (stillWanted()) previousView.value = answer;
        })
        .catch(() => undefined);
      void deps
        .send('overview.totals', { ...previous, fresh: true })
        .then((answer) => {
          if (stillWanted()) previousTotals.value = answer;
        })
        .catch(() => undefined);
      if (force || !cached.fresh) {
        const fresh = await deps.send('overview.period', { ...current, fresh: true, force, cells: true });
        if (stillWanted()) view.value = fresh;
      }
    } catch (caught) {
      if (stillWanted())
        error.value =
          caught instanceof UrenbrugError ? caught : new UrenbrugError('internal', String(caught));
    } finally {
      if (stillWanted()) loading.value = false;
    }
  }

  let anchorToday = '';
  /** Keeping's today replaces the local one once, so "this month" is the organisation's. */
  function adoptToday(today: string) {
    const first = anchorToday === '';
    anchorToday = today;
    if (first && anchor.value === deps.today() && today !== anchor.value) {
      anchor.value = today;
      void load();
    }
  }

  function setKind(next: ReportPeriodKind) {
    if (next === 'custom') custom.value = range.value;
    kind.value = next;
    void load();
  }

  /** One period back (-1) or forward (+1). */
  function step(direction: -1 | 1) {
    if (kind.value === 'custom') {
      const days = (dayNumber(custom.value.to) ?? 0) - (dayNumber(custom.value.from) ?? 0) + 1;
      const shift = direction * days;
      custom.value = {
        from: dayYmd((dayNumber(custom.value.from) ?? 0) + shift),
        to: dayYmd((dayNumber(custom.value.to) ?? 0) + shift),
      };
    } else {
      const edge = direction < 0 ? range.value.from : range.value.to;
      anchor.value = dayYmd((dayNumber(edge) ?? 0) + direction);
    }
    void load();
  }

  function setCustom(part: 'from' | 'to', value: string) {
    custom.value = { ...(kind.value === 'custom' ? custom.value : range.value), [part]: value };
    kind.value = 'custom';
    void load();
  }

  function toggle(key: string) {
    const next = new Set(expanded.value);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    expanded.value = next;
  }

  function sortBy(key: SortKey) {
    sort.value =
      sort.value.key === key
        ? { key, descending: !sort.value.descending }
        : { key, descending: key !== 'name' };
  }

  return {
    kind,
    anchor,
    custom,
    range,
    previousRange,
    view,
    previousView,
    previousTotals,
    loading,
    error,
    rangeProblem,
    filter,
    leaf,
    sort,
    expanded,
    report,
    previousReport,
    divisions,
    sortedRows,
    rowName,
    load,
    setKind,
    step,
    setCustom,
    toggle,
    sortBy,
  };
}

export type OverviewModel = ReturnType<typeof createOverviewModel>;
