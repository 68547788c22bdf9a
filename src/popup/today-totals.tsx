import { formatHoursMinutes } from '../core/hours';
import { t } from '../shared/i18n';

interface Props {
  totalMinutes: number;
  directMinutes: number;
  indirectMinutes: number;
}

export function TodayTotals({ totalMinutes, directMinutes, indirectMinutes }: Props) {
  return (
    <section class="totals">
      <div class="total">
        <span class="label">{t('today_total_label')}</span>
        {/* elementtiming: the browser notes when the total was painted (tests/bench/popup-open.ts) */}
        <span class="total-value" data-testid="today-total" elementtiming="today-total">
          {formatHoursMinutes(totalMinutes)}
        </span>
      </div>
      <div class="split">
        <div>
          <span class="label">{t('today_direct_label')}</span>
          <span class="split-value" data-testid="today-direct">
            {formatHoursMinutes(directMinutes)}
          </span>
        </div>
        <div>
          <span class="label">{t('today_indirect_label')}</span>
          <span class="split-value" data-testid="today-indirect">
            {formatHoursMinutes(indirectMinutes)}
          </span>
        </div>
      </div>
    </section>
  );
}
