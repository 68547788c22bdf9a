/**
 * The popup's one line about billing: this month's billed vs unbilled direct hours of the whole
 * organisation, from the Overzicht's cache. Keeping is asked only when the month was never read
 * (a firm's month is tens of pages; the Overzicht and its refresh keep it current), so opening
 * the popup stays free.
 */
import { useEffect, useState } from 'preact/hooks';
import { cellTotals } from '../core/report/cells';
import { calendarPeriod } from '../core/report/report-period';
import { t } from '../shared/i18n';
import { type OverviewView, send } from '../shared/messages';
import { openOverview } from '../ui/open-overview';
import { RatioBar } from '../ui/ratio-bar';

async function monthView(today: string): Promise<OverviewView> {
  const month = calendarPeriod('month', today);
  // Cells, not entries: a firm's month is thousands of entries but a few hundred sums.
  const cached = await send('overview.period', { ...month, fresh: false, cells: true });
  return cached.fetchedAt === null ? send('overview.period', { ...month, fresh: true, cells: true }) : cached;
}

export function MonthRatio({ today }: { today: string }) {
  const [figures, setFigures] = useState<{ billed: number; unbilled: number } | null>(null);
  useEffect(() => {
    let live = true;
    monthView(today)
      .then((view) => {
        if (!view.cells) return;
        const f = cellTotals(view.cells);
        if (live) setFigures({ billed: f.billedMinutes, unbilled: f.unbilledMinutes });
      })
      // The line is extra: without it the popup is still complete.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [today]);
  return (
    <div class="month-ratio">
      <button type="button" class="link" data-testid="open-overview" onClick={openOverview}>
        {t('popup_ratio_title')}
      </button>
      {figures && (
        <RatioBar billedMinutes={figures.billed} unbilledMinutes={figures.unbilled} testId="popup-ratio" />
      )}
    </div>
  );
}
