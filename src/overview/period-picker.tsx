/** The period: month, quarter, year or custom (at most 366 days), with steps back and forward. */
import { REPORT_PERIOD_KINDS, type ReportPeriodKind } from '../core/report/report-period';
import { type MessageKey, t } from '../shared/i18n';
import type { OverviewModel } from './overview-model';

const KIND_LABEL: Record<ReportPeriodKind, MessageKey> = {
  month: 'overview_kind_month',
  quarter: 'overview_kind_quarter',
  year: 'overview_kind_year',
  custom: 'overview_kind_custom',
};

const PROBLEM_TEXT: Record<'invalid' | 'reversed' | 'too_long', MessageKey> = {
  invalid: 'overview_range_invalid',
  reversed: 'overview_range_reversed',
  too_long: 'overview_range_too_long',
};

export function PeriodPicker({ model }: { model: OverviewModel }) {
  const range = model.range.value;
  const problem = model.rangeProblem.value;
  return (
    <div class="period no-print">
      <label>
        <span>{t('overview_period')}</span>
        <select
          data-testid="report-period"
          value={model.kind.value}
          onChange={(event) => model.setKind(event.currentTarget.value as ReportPeriodKind)}
        >
          {REPORT_PERIOD_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(KIND_LABEL[kind])}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        class="button"
        aria-label={t('overview_step_back')}
        onClick={() => model.step(-1)}
      >
        ◀
      </button>
      <input
        type="date"
        data-testid="report-from"
        aria-label={t('overview_from')}
        value={model.kind.value === 'custom' ? model.custom.value.from : range.from}
        onChange={(event) => model.setCustom('from', event.currentTarget.value)}
      />
      <span>–</span>
      <input
        type="date"
        data-testid="report-to"
        aria-label={t('overview_to')}
        value={model.kind.value === 'custom' ? model.custom.value.to : range.to}
        onChange={(event) => model.setCustom('to', event.currentTarget.value)}
      />
      <button
        type="button"
        class="button"
        aria-label={t('overview_step_forward')}
        onClick={() => model.step(1)}
      >
        ▶
      </button>
      {problem !== null && (
        <span class="message error" role="alert">
          {t(PROBLEM_TEXT[problem])}
        </span>
      )}
    </div>
  );
}
