import { summarizeToday } from '../core/today';
import { t } from '../shared/i18n';
import type { TodayView } from '../shared/messages';
import { AsideList } from './aside-list';
import { GroupList } from './group-list';
import { RunningEntry } from './running-entry';
import { TodayTotals } from './today-totals';

interface Props {
  view: TodayView;
  /** Local epoch ms; the server offset is added here so running time follows Keeping's clock. */
  now: number;
}

export function TodayBody({ view, now }: Props) {
  const summary = summarizeToday({ ...view, nowServerMs: now + view.serverOffsetMs });
  const runningStart = summary.running
    ? (view.entries.find((entry) => entry.id === summary.running?.entryId)?.start ?? null)
    : null;
  return (
    <main class="body">
      <TodayTotals
        totalMinutes={summary.totalMinutes}
        directMinutes={summary.directMinutes}
        indirectMinutes={summary.indirectMinutes}
      />
      {summary.running && <RunningEntry running={summary.running} start={runningStart} />}
      {summary.entryCount === 0 && !summary.running ? (
        <p class="empty-line" data-testid="no-hours">
          {t('empty_no_hours')}
        </p>
      ) : (
        <>
          <GroupList groups={summary.groups} />
          <AsideList breaks={summary.breaks} breakMinutes={summary.breakMinutes} leave={summary.leave} />
        </>
      )}
    </main>
  );
}
