/** Every Keeping route the sandbox serves, in matching order (fixed segments before ids). */
import type { Route } from '../http/context';
import { clientRoutes } from './clients';
import { organisationRoutes } from './organisations';
import { projectRoutes } from './projects';
import { reportRoutes } from './reports';
import { taskRoutes } from './tasks';
import { timeEntryReadRoutes } from './time-entries-read';
import { timeEntryTimerRoutes } from './time-entries-timer';
import { timeEntryWriteRoutes } from './time-entries-write';
import { userRoutes } from './users';

export const ROUTES: Route[] = [
  ...organisationRoutes,
  ...userRoutes,
  ...clientRoutes,
  ...projectRoutes,
  ...taskRoutes,
  ...timeEntryReadRoutes,
  ...timeEntryWriteRoutes,
  ...timeEntryTimerRoutes,
  ...reportRoutes,
];
