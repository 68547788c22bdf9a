/**
 * The toolbar badge: today's worked total (work only, the running part included) as "h:mm", the
 * same figure the popup shows. It is set when a refresh succeeds and from the cache on startup;
 * there is no timer behind it (Keeping asks for no polling), so a running timer's badge shows the
 * total as of the last refresh.
 */

import { formatHoursMinutes } from '../../core/hours';
import { summarizeToday } from '../../core/today';
import { browser } from '../../shared/browser';
import type { TodayView } from '../../shared/messages';

/** The badge text for a view: empty when there is nothing fetched for today. */
export function badgeText(view: TodayView | null, nowMs: number): string {
  if (!view || view.fetchedAt === null) return '';
  const summary = summarizeToday({
    entries: view.entries,
    projects: view.projects,
    tasks: view.tasks,
    clients: view.clients,
    date: view.date,
    nowServerMs: nowMs + view.serverOffsetMs,
  });
  return formatHoursMinutes(summary.totalMinutes);
}

// A calm colour: the default red reads as an error.
const BADGE_COLOUR = '#2f5d7c';

export async function showTodayOnBadge(view: TodayView | null, nowMs: number): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ color: BADGE_COLOUR });
  await browser.action.setBadgeText({ text: badgeText(view, nowMs) });
}

export async function clearBadge(): Promise<void> {
  await browser.action.setBadgeText({ text: '' });
}
