/**
 * Saves a document (JSON, CSV; the options page and the Overzicht) as a file through a temporary object URL and an <a download>: no
 * `downloads` permission needed, and nothing leaves the browser.
 */
import { format } from 'date-fns';

/** `urenbrug-backup-YYYY-MM-DD.json`, in the bookkeeper's local date. */
export function backupFileName(date: Date): string {
  return `urenbrug-backup-${format(date, 'yyyy-MM-dd')}.json`;
}

/** Compact: a large back-up stays well inside what a restore reads (backup-problem.ts). */
export function downloadJson(value: unknown, fileName: string): void {
  downloadText(JSON.stringify(value), fileName, 'application/json');
}

/** `urenbrug-overzicht-<from>-<to>.csv`: the period the figures are of. */
export function overviewFileName(from: string, to: string): string {
  return `urenbrug-overzicht-${from}-${to}.csv`;
}

/** `urenbrug-logboek-YYYY-MM-DD.csv`, in the bookkeeper's local date. */
export function auditFileName(date: Date): string {
  return `urenbrug-logboek-${format(date, 'yyyy-MM-dd')}.csv`;
}

export function downloadText(text: string, fileName: string, type: string): void {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: the click has handed the URL to the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
