import { formatHoursMinutes } from '../core/hours';
import type { TodayEntry, TodayPurposeGroup } from '../core/today';
import { t } from '../shared/i18n';
import { EntryRow } from './entry-row';
import { purposeLabel } from './labels';

interface Props {
  breaks: TodayEntry[];
  breakMinutes: number;
  leave: TodayPurposeGroup[];
}

/** Breaks and leave: visible, with their own totals, and plainly marked as not counted as work. */
export function AsideList({ breaks, breakMinutes, leave }: Props) {
  if (breaks.length === 0 && leave.length === 0) return null;
  return (
    <section class="aside" data-testid="today-aside">
      <p class="muted small">{t('not_counted')}</p>
      {breaks.length > 0 && (
        <div class="aside-block" data-testid="today-breaks">
          <div class="aside-head">
            <span>{t('breaks_title')}</span>
            <span>{formatHoursMinutes(breakMinutes)}</span>
          </div>
          <ul class="entries">
            {breaks.map((entry) => (
              <EntryRow key={entry.id} entry={entry} fallback={purposeLabel('break')} />
            ))}
          </ul>
        </div>
      )}
      {leave.length > 0 && (
        <div class="aside-block" data-testid="today-leave">
          <div class="aside-head">
            <span>{t('leave_title')}</span>
          </div>
          <ul class="entries">
            {leave.map((group) => (
              <li key={group.purpose} class="entry">
                <span class="entry-note">{purposeLabel(group.purpose)}</span>
                <span class="entry-minutes">{formatHoursMinutes(group.minutes)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
