/** The Overzicht's headline figures, each with the previous period beside it and its sources. */
import type { ComponentChildren } from 'preact';
import { formatAgo } from '../core/date-text';
import { formatHoursMinutes } from '../core/hours';
import { formatMoney } from '../core/money';
import { billedPermille, type Figures, revenuePerHourCents } from '../core/report/figures';
import { language, t } from '../shared/i18n';
import { RatioBar } from '../ui/ratio-bar';
import type { OverviewModel } from './overview-model';

function Figure(props: {
  testId: string;
  label: string;
  value: string;
  previous: string | null;
  sources: string;
  children?: ComponentChildren;
}) {
  return (
    <div class="figure" title={props.sources}>
      <span class="figure-label">{props.label}</span>
      <strong class="figure-value" data-testid={props.testId}>
        {props.value}
      </strong>
      {props.previous !== null && (
        <span class="figure-previous">{t('overview_previous', props.previous)}</span>
      )}
      {props.children}
    </div>
  );
}

const percent = (permille: number | null) =>
  permille === null
    ? '–'
    : `${Math.floor(permille / 10)}${language.value === 'nl' ? ',' : '.'}${permille % 10} %`;

export function FigureGrid({ model }: { model: OverviewModel }) {
  const report = model.report.value;
  if (!report) return null;
  const f = report.totals;
  const p: Figures | null = model.previousReport.value?.totals ?? null;
  const totals = model.previousTotals.value;
  // Without the previous period's entries in the cache, Keeping's grouped totals give its hours.
  const previousWorked =
    p?.workedMinutes ?? (totals?.fetchedAt ? totals.months.reduce((s, m) => s + m.minutes, 0) : null);
  const previousDirect =
    p?.directMinutes ??
    (totals?.fetchedAt && totals.months.every((m) => m.directMinutes !== null)
      ? totals.months.reduce((s, m) => s + (m.directMinutes ?? 0), 0)
      : null);
  const hours = (minutes: number | null | undefined) =>
    minutes === null || minutes === undefined ? null : formatHoursMinutes(minutes);
  const money = (cents: number | null | undefined) =>
    cents === null || cents === undefined ? null : formatMoney(cents, language.value);
  const perHour = revenuePerHourCents(f);
  const chosenDivisions = model.filter.value.divisions ?? [];
  // Counted over the whole period: the filters narrow the figures, not which invoices were read.
  const elsewhere = model.view.value?.elsewhere;
  const hoursSources = t('overview_source_hours');
  const billedSources = t(
    'overview_source_billed',
    formatHoursMinutes(f.billedBySource.keeping_invoice),
    formatHoursMinutes(f.billedBySource.urenbrug_reference),
    formatHoursMinutes(f.billedBySource.local_link),
  );
  return (
    <section class="figures" aria-label={t('overview_figures')}>
      <Figure
        testId="report-worked"
        label={t('overview_worked')}
        value={formatHoursMinutes(f.workedMinutes)}
        previous={hours(previousWorked)}
        sources={hoursSources}
      />
      <Figure
        testId="report-direct"
        label={t('overview_direct')}
        value={formatHoursMinutes(f.directMinutes)}
        previous={hours(previousDirect)}
        sources={hoursSources}
      />
      <Figure
        testId="report-indirect"
        label={t('overview_indirect')}
        value={formatHoursMinutes(f.indirectMinutes)}
        previous={
          previousWorked !== null && previousDirect !== null ? hours(previousWorked - previousDirect) : null
        }
        sources={hoursSources}
      />
      <Figure
        testId="report-billed"
        label={t('overview_billed')}
        value={formatHoursMinutes(f.billedMinutes)}
        previous={hours(p?.billedMinutes)}
        sources={billedSources}
      />
      <Figure
        testId="report-unbilled"
        label={t('overview_unbilled')}
        value={formatHoursMinutes(f.unbilledMinutes)}
        previous={hours(p?.unbilledMinutes)}
        sources={billedSources}
      >
        <span class="figure-note">
          {t(
            'overview_unbilled_age',
            formatHoursMinutes(f.unbilledByAge.thisMonth),
            formatHoursMinutes(f.unbilledByAge.oneToThreeMonths),
            formatHoursMinutes(f.unbilledByAge.older),
          )}
        </span>
      </Figure>
      <Figure
        testId="report-ratio"
        label={t('overview_ratio')}
        value={percent(billedPermille(f))}
        previous={p ? percent(billedPermille(p)) : null}
        sources={billedSources}
      >
        <RatioBar
          billedMinutes={f.billedMinutes}
          unbilledMinutes={f.unbilledMinutes}
          testId="report-ratio-bar"
        />
      </Figure>
      <Figure
        testId="report-revenue"
        label={t('overview_revenue')}
        value={formatMoney(f.revenueCents, language.value)}
        previous={money(p?.revenueCents)}
        sources={t('overview_source_revenue')}
      >
        {chosenDivisions.length > 0 && (
          <span class="figure-note" data-testid="report-revenue-divisions">
            {t('overview_revenue_divisions', chosenDivisions.join(', '))}
          </span>
        )}
        <span class="figure-note">
          {perHour === null
            ? t('overview_per_hour_none')
            : t('overview_per_hour', formatMoney(perHour, language.value))}
        </span>
        {elsewhere && elsewhere.known > 0 && (
          <span class="figure-note" data-testid="report-elsewhere-revenue">
            {t(
              'overview_elsewhere_known',
              String(elsewhere.known),
              elsewhere.readAt === null ? '' : formatAgo(elsewhere.readAt, Date.now(), language.value),
            )}
          </span>
        )}
        {f.unknownRevenueMinutes > 0 && (
          <span class="figure-note warn" data-testid="report-unknown-revenue">
            {t(
              'overview_unknown_revenue',
              String(f.unknownRevenueInvoices),
              formatHoursMinutes(f.unknownRevenueMinutes),
            )}
          </span>
        )}
        {f.unknownRevenueMinutes > 0 && elsewhere?.unknown['not-final'] && (
          <span class="figure-note">
            {t('overview_unknown_not_final', String(elsewhere.unknown['not-final']))}
          </span>
        )}
        {f.unknownRevenueMinutes > 0 && elsewhere?.unknown['not-read'] && (
          <span class="figure-note" data-testid="report-unknown-hint">
            {t('overview_unknown_hint')}
          </span>
        )}
      </Figure>
      <Figure
        testId="report-unbilled-value"
        label={t('overview_unbilled_value')}
        value={formatMoney(f.unbilledValueCents, language.value)}
        previous={money(p?.unbilledValueCents)}
        sources={t('overview_source_rates')}
      >
        {f.noRateMinutes > 0 && (
          <span class="figure-note warn">{t('overview_no_rate', formatHoursMinutes(f.noRateMinutes))}</span>
        )}
      </Figure>
      <Figure
        testId="report-rounding"
        label={t('overview_rounding')}
        value={`${f.roundingMinutes < 0 ? '-' : '+'}${formatHoursMinutes(Math.abs(f.roundingMinutes))} · ${formatMoney(f.roundingCents, language.value)}`}
        previous={null}
        sources={t('overview_source_rounding')}
      />
    </section>
  );
}
