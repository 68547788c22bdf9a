/** "CSV" on the Overzicht: the breakdown as on screen (every level, in the screen's order) and the total. */
import { reportCsv } from '../core/report/report-csv';
import { t } from '../shared/i18n';
import { downloadText, overviewFileName } from '../ui/download';
import type { OverviewModel } from './overview-model';

export function overviewCsv(model: OverviewModel): string | null {
  const report = model.report.value;
  if (!report) return null;
  const range = model.range.value;
  return reportCsv(range, model.sortedRows.value, report.totals, (row) => model.rowName(row), {
    period: t('overview_period'),
    headers: {
      level: t('overview_col_level'),
      clientId: t('overview_col_client_id'),
      projectId: t('overview_col_project_id'),
      leafId: t(model.leaf.value === 'task' ? 'overview_col_task_id' : 'overview_col_user_id'),
      name: t('overview_col_name'),
      worked: t('overview_worked'),
      direct: t('overview_direct'),
      indirect: t('overview_indirect'),
      billed: t('overview_billed'),
      unbilled: t('overview_unbilled'),
      billedShare: t('overview_ratio'),
      revenue: t('overview_revenue'),
      unbilledValue: t('overview_unbilled_value'),
      noRate: t('overview_col_no_rate'),
      unknownRevenue: t('overview_col_unknown_revenue'),
    },
    total: t('overview_total'),
    levels: {
      client: t('overview_level_client'),
      project: t('overview_level_project'),
      task: t('overview_level_task'),
      user: t('overview_level_user'),
    },
  });
}

export function exportCsv(model: OverviewModel, download = downloadText): void {
  const csv = overviewCsv(model);
  if (csv === null) return;
  download(csv, overviewFileName(model.range.value.from, model.range.value.to), 'text/csv;charset=utf-8');
}
