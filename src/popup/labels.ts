/** Display labels for Keeping data, all through t(). */
import type { Purpose } from '../core/keeping-types';
import { t } from '../shared/i18n';

interface Named {
  projectId: number | null;
  projectName: string | null;
  taskId: number | null;
  taskName: string | null;
}

/** Project label: its name, "Zonder project", or "Onbekend project (id)" when the cache lacks it. */
export function projectLabel(item: Named): string {
  if (item.projectName !== null) return item.projectName;
  return item.projectId === null ? t('no_project') : t('unknown_project', item.projectId);
}

/** Task label, or null when the entry has no task. */
export function taskLabel(item: Named): string | null {
  if (item.taskName !== null) return item.taskName;
  return item.taskId === null ? null : t('unknown_task', item.taskId);
}

export function purposeLabel(purpose: Purpose): string {
  return t(`purpose_${purpose}`);
}

/**
 * The wall-clock "HH:mm" exactly as Keeping wrote it: Keeping renders instants in the
 * organisation's zone, which is the zone the user thinks in, not necessarily this browser's.
 */
export function clockTime(iso: string | null): string | null {
  const match = iso === null ? null : /T(\d{2}:\d{2})/.exec(iso);
  return match?.[1] ?? null;
}
