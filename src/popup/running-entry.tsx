import { format, isValid, parseISO } from 'date-fns';
import { dateLocale } from '../core/date-locale';
import type { TodayRunning } from '../core/today';
import { formatElapsed } from '../core/today-format';
import { language, t } from '../shared/i18n';
import { clockTime, projectLabel, purposeLabel, taskLabel } from './labels';

function title(running: TodayRunning): string {
  if (running.purpose !== 'work') return purposeLabel(running.purpose);
  const task = taskLabel(running);
  return task ? `${projectLabel(running)} — ${task}` : projectLabel(running);
}

function since(running: TodayRunning, start: string | null): string | null {
  if (!running.belongsToDay) {
    const day = parseISO(running.date);
    return t(
      'running_other_day',
      isValid(day) ? format(day, 'd MMMM', { locale: dateLocale(language.value) }) : running.date,
    );
  }
  const time = clockTime(start);
  return time ? t('running_since', time) : null;
}

interface Props {
  running: TodayRunning;
  /** The entry's (re)start instant, for "sinds 16:20". */
  start: string | null;
}

export function RunningEntry({ running, start }: Props) {
  const sinceText = since(running, start);
  return (
    <section class="running" data-testid="running-entry">
      <div class="running-head">
        <span class="pulse" aria-hidden="true" />
        <span class="label">{t('running_label')}</span>
        <span class="running-elapsed" data-testid="running-elapsed">
          {formatElapsed(running.elapsedMs)}
        </span>
      </div>
      <div class="running-title">{title(running)}</div>
      {running.clientName && <div class="muted small">{running.clientName}</div>}
      {running.note.trim() && <div class="note">{running.note}</div>}
      {sinceText && <div class="muted small">{sinceText}</div>}
    </section>
  );
}
