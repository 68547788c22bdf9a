/**
 * The breakdown client → project → task or person, sortable on every column (sorting applies at
 * each level), clients folded until opened. Names from Keeping are inserted as text.
 */
import { formatHoursMinutes } from '../core/hours';
import { formatMoney } from '../core/money';
import type { BreakdownRow, SortKey } from '../core/report/breakdown';
import { language, type MessageKey, t } from '../shared/i18n';
import type { OverviewModel } from './overview-model';

const COLUMNS: Array<{ key: SortKey; label: MessageKey }> = [
  { key: 'name', label: 'overview_col_name' },
  { key: 'worked', label: 'overview_worked' },
  { key: 'direct', label: 'overview_direct' },
  { key: 'billed', label: 'overview_billed' },
  { key: 'unbilled', label: 'overview_unbilled' },
  { key: 'revenue', label: 'overview_revenue' },
  { key: 'unbilledValue', label: 'overview_unbilled_value' },
];

function Row({ model, row, depth }: { model: OverviewModel; row: BreakdownRow; depth: number }) {
  const f = row.figures;
  const open = model.expanded.value.has(row.key);
  const foldable = row.children.length > 0;
  return (
    <>
      <tr
        class={`level-${row.level}`}
        data-testid={row.level === 'client' ? 'report-row' : undefined}
        data-client={row.level === 'client' ? String(row.clientId ?? '') : undefined}
      >
        <th scope="row" style={{ paddingLeft: `${8 + depth * 18}px` }}>
          {foldable ? (
            <button type="button" class="fold" aria-expanded={open} onClick={() => model.toggle(row.key)}>
              {open ? '▾' : '▸'} {model.rowName(row) || t('overview_none')}
            </button>
          ) : (
            model.rowName(row) || t('overview_none')
          )}
        </th>
        <td>{formatHoursMinutes(f.workedMinutes)}</td>
        <td>{formatHoursMinutes(f.directMinutes)}</td>
        <td>{formatHoursMinutes(f.billedMinutes)}</td>
        <td>{formatHoursMinutes(f.unbilledMinutes)}</td>
        <td>
          {formatMoney(f.revenueCents, language.value)}
          {f.unknownRevenueMinutes > 0 && (
            <span
              class="unknown"
              title={t(
                'overview_unknown_revenue',
                String(f.unknownRevenueInvoices),
                formatHoursMinutes(f.unknownRevenueMinutes),
              )}
            >
              {' '}
              *
            </span>
          )}
        </td>
        <td>{formatMoney(f.unbilledValueCents, language.value)}</td>
      </tr>
      {open &&
        row.children.map((childRow) => (
          <Row key={childRow.key} model={model} row={childRow} depth={depth + 1} />
        ))}
    </>
  );
}

export function BreakdownTable({ model }: { model: OverviewModel }) {
  const report = model.report.value;
  if (!report) return null;
  const sort = model.sort.value;
  const total = report.totals;
  return (
    <table class="breakdown" data-testid="report-breakdown">
      <thead>
        <tr>
          {COLUMNS.map((column) => (
            <th
              key={column.key}
              scope="col"
              aria-sort={sort.key === column.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
            >
              <button type="button" class="sort" onClick={() => model.sortBy(column.key)}>
                {t(column.label)}
                {sort.key === column.key ? (sort.descending ? ' ↓' : ' ↑') : ''}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {model.sortedRows.value.map((row) => (
          <Row key={row.key} model={model} row={row} depth={0} />
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('overview_total')}</th>
          <td>{formatHoursMinutes(total.workedMinutes)}</td>
          <td>{formatHoursMinutes(total.directMinutes)}</td>
          <td>{formatHoursMinutes(total.billedMinutes)}</td>
          <td>{formatHoursMinutes(total.unbilledMinutes)}</td>
          <td>{formatMoney(total.revenueCents, language.value)}</td>
          <td>{formatMoney(total.unbilledValueCents, language.value)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
