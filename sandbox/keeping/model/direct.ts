/**
 * Direct (billable) hours as Keeping derives them from project and task settings (docs/keeping-api.md, Direct
 * and indirect hours).
 */
import type { Organisation, Project, Purpose, Task } from './types';

const BELOW_PLUS = /^(free_|standard_)/;

/** Direct/indirect needs Plus or higher; `current_plan` is an open string, so match the low tiers. */
export function planHasDirectHours(organisation: Organisation): boolean {
  return !BELOW_PLUS.test(organisation.current_plan);
}

export function isDirectHours(
  organisation: Organisation,
  purpose: Purpose,
  project: Project | undefined,
  task: Task | undefined,
): boolean {
  // Breaks and leave are never billable.
  if (purpose !== 'work' || !planHasDirectHours(organisation)) return false;
  if (!organisation.features.projects) return task?.direct ?? false;
  if (!project) return false;
  switch (project.direct) {
    case 'entire_project_is_direct':
      return true;
    case 'is_direct_through_task_assignments': {
      const assignment = project.task_assignments?.find((item) => item.task_id === task?.id);
      return assignment?.direct ?? false;
    }
    default:
      return false;
  }
}
