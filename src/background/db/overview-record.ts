/**
 * The shapes the Overzicht keeps in the `fetches` store (cache/overview-snapshot.ts writes them): a
 * period's entries as columns, and Keeping's grouped month totals of a period.
 */
import type { ExternalReference } from '../../core/keeping-types';

export type { MonthTotal } from '../../core/report/report-entry';

export interface OverviewSnapshot {
  from: string;
  to: string;
  /** Set when Keeping was asked for one user's entries only (a team member). */
  userId: number | null;
  id: number[];
  date: string[];
  projectId: (number | null)[];
  taskId: (number | null)[];
  userIds: number[];
  minutes: number[];
  direct: boolean[];
  /** Per entry: indexes into `references`, or null (most entries). */
  refs: (number[] | null)[];
  references: ExternalReference[];
}
