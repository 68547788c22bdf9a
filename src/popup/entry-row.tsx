import { formatHoursMinutes } from '../core/hours';
import type { TodayEntry } from '../core/today';
import { t } from '../shared/i18n';
import { noteText } from '../ui/note-text';
import { clockTime } from './labels';

function timeRange(entry: TodayEntry): string | null {
  const start = clockTime(entry.start);
  if (start === null) return null;
  const end = entry.ongoing ? t('time_now') : clockTime(entry.end);
  return end === null ? start : `${start}–${end}`;
}

/** One entry: its times (on a "times" timesheet), its note as plain text, its duration. */
export function EntryRow({ entry, fallback }: { entry: TodayEntry; fallback?: string }) {
  const range = timeRange(entry);
  const note = noteText(entry.note.trim(), entry.noteFoldedChars);
  return (
    <li class={entry.ongoing ? 'entry ongoing' : 'entry'}>
      {range && <span class="entry-time">{range}</span>}
      <span class={note ? 'entry-note' : 'entry-note muted'}>{note || fallback || t('no_note')}</span>
      <span class="entry-minutes">{formatHoursMinutes(entry.minutes)}</span>
    </li>
  );
}
