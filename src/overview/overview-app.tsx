/** The Overzicht page: period, figures, monthly chart with its table, breakdown, filters and export. */
import { useEffect, useState } from 'preact/hooks';
import { formatDateLabel } from '../core/date-label';
import { errorText, language, t } from '../shared/i18n';
import { DataAge } from '../ui/data-age';
import { BreakdownTable } from './breakdown-table';
import { exportCsv } from './export-csv';
import { FigureGrid } from './figure-grid';
import { FiltersBar } from './filters-bar';
import { MonthChart } from './month-chart';
import { createOverviewModel, initialKind, type OverviewModel } from './overview-model';
import { PeriodPicker } from './period-picker';

export function OverviewApp({ model: given }: { model?: OverviewModel }) {
  const [model] = useState(() => given ?? createOverviewModel(undefined, initialKind(location.search)));
  useEffect(() => {
    void model.load();
  }, [model]);
  const view = model.view.value;
  const report = model.report.value;
  const range = model.range.value;
  const previous = model.previousRange.value;
  return (
    <div class="overview">
      <header class="overview-header">
        <div>
          <h1>{t('overview_title')}</h1>
          <p class="muted">
            {view?.organisationName ?? ''} · {formatDateLabel(range.from, language.value)} –{' '}
            {formatDateLabel(range.to, language.value)}
            <span class="print-only">
              {' '}
              ·{' '}
              {t(
                'overview_previous_period',
                formatDateLabel(previous.from, language.value),
                formatDateLabel(previous.to, language.value),
              )}
            </span>
          </p>
        </div>
        <div class="actions no-print">
          <DataAge fetchedAt={view?.fetchedAt ?? null} />
          <button
            type="button"
            class="button"
            disabled={model.loading.value}
            onClick={() => void model.load(true)}
          >
            {model.loading.value ? t('refreshing') : t('refresh')}
          </button>
          <button
            type="button"
            class="button"
            data-testid="report-export"
            disabled={!report}
            onClick={() => exportCsv(model)}
          >
            {t('overview_export')}
          </button>
          <button type="button" class="button" onClick={() => window.print()}>
            {t('overview_print')}
          </button>
        </div>
      </header>
      <PeriodPicker model={model} />
      {model.error.value && (
        <p class="message error" role="alert" data-testid="error-message">
          {errorText(model.error.value)}
        </p>
      )}
      {view?.ownEntriesOnly && <p class="message">{t('overview_own_entries_only')}</p>}
      {view && view.fetchedAt === null && model.loading.value && (
        <p class="message">{t('overview_reading')}</p>
      )}
      <FigureGrid model={model} />
      <FiltersBar model={model} />
      {report && <MonthChart months={report.months} />}
      <BreakdownTable model={model} />
      <footer class="sources">
        <p>{t('overview_footnote_billed')}</p>
        <p>{t('overview_footnote_revenue')}</p>
        <p>{t('overview_footnote_divisions')}</p>
        <p>{t('overview_footnote_previous')}</p>
      </footer>
    </div>
  );
}
