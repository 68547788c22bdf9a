/**
 * The monthly chart as plain SVG: per month a stacked bar of billed (hatched) and unbilled
 * (solid) direct hours, and the indirect hours beside it (dotted), with a table of the same
 * numbers under it for screen readers, print and anyone who wants the exact figure.
 */
import { formatHoursMinutes } from '../core/hours';
import type { MonthFigures } from '../core/report/breakdown';
import { t } from '../shared/i18n';
import { formatMonthLabel } from './month-label';

const HEIGHT = 180;
const BAR = 22;
const GAP = 6;
const GROUP = BAR * 2 + GAP + 18;

export function MonthChart({ months }: { months: readonly MonthFigures[] }) {
  const max = Math.max(
    60,
    ...months.map((m) => Math.max(m.figures.directMinutes, m.figures.indirectMinutes)),
  );
  const scale = (minutes: number) => (minutes * (HEIGHT - 20)) / max;
  const width = Math.max(240, months.length * GROUP + 20);
  return (
    <figure class="chart">
      <figcaption>{t('overview_chart_title')}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${HEIGHT + 24}`}
        width={width}
        height={HEIGHT + 24}
        role="img"
        aria-label={t('overview_chart_label')}
      >
        <defs>
          <pattern
            id="hatch"
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill="var(--billed)" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2" />
          </pattern>
          <pattern id="dots" width="5" height="5" patternUnits="userSpaceOnUse">
            <rect width="5" height="5" fill="var(--indirect)" />
            <circle cx="2.5" cy="2.5" r="1" fill="#fff" />
          </pattern>
        </defs>
        <line x1="0" x2={width} y1={HEIGHT} y2={HEIGHT} class="axis" />
        {months.map((month, index) => {
          const x = 10 + index * GROUP;
          const billed = scale(month.figures.billedMinutes);
          const unbilled = scale(month.figures.unbilledMinutes);
          const indirect = scale(month.figures.indirectMinutes);
          return (
            <g key={month.month}>
              <rect x={x} y={HEIGHT - billed} width={BAR} height={billed} fill="url(#hatch)">
                <title>{`${t('overview_billed')}: ${formatHoursMinutes(month.figures.billedMinutes)}`}</title>
              </rect>
              <rect x={x} y={HEIGHT - billed - unbilled} width={BAR} height={unbilled} class="bar-unbilled">
                <title>{`${t('overview_unbilled')}: ${formatHoursMinutes(month.figures.unbilledMinutes)}`}</title>
              </rect>
              <rect x={x + BAR + GAP} y={HEIGHT - indirect} width={BAR} height={indirect} fill="url(#dots)">
                <title>{`${t('overview_indirect')}: ${formatHoursMinutes(month.figures.indirectMinutes)}`}</title>
              </rect>
              <text x={x + BAR + GAP / 2} y={HEIGHT + 16} text-anchor="middle" class="tick">
                {formatMonthLabel(month.month, true)}
              </text>
            </g>
          );
        })}
      </svg>
      <ul class="legend">
        <li>
          <span class="swatch swatch-billed" /> {t('overview_billed')}
        </li>
        <li>
          <span class="swatch swatch-unbilled" /> {t('overview_unbilled')}
        </li>
        <li>
          <span class="swatch swatch-indirect" /> {t('overview_indirect')}
        </li>
      </ul>
      <table class="chart-table" data-testid="report-month-table">
        <thead>
          <tr>
            <th scope="col">{t('overview_month')}</th>
            <th scope="col">{t('overview_billed')}</th>
            <th scope="col">{t('overview_unbilled')}</th>
            <th scope="col">{t('overview_indirect')}</th>
            <th scope="col">{t('overview_worked')}</th>
          </tr>
        </thead>
        <tbody>
          {months.map((month) => (
            <tr key={month.month}>
              <th scope="row">{formatMonthLabel(month.month, false)}</th>
              <td>{formatHoursMinutes(month.figures.billedMinutes)}</td>
              <td>{formatHoursMinutes(month.figures.unbilledMinutes)}</td>
              <td>{formatHoursMinutes(month.figures.indirectMinutes)}</td>
              <td>{formatHoursMinutes(month.figures.workedMinutes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
