/**
 * The background's handler table: one function per message name in MessageMap, composed of the
 * extension pages' handlers, the Exact panel's, the options page's data handlers and the Overzicht's. Requests
 * arrive from other contexts, so each handler checks its input at run time; the router has
 * already decided whether the sender may ask at all.
 */
import type { WorkerDependencies } from '../dependencies';
import { createWriteBack, type WriteBack } from '../write-back/runner';
import { createDataHandlers } from './data-handlers';
import type { HandlerTable } from './handler-types';

export type { Handler, HandlerTable } from './handler-types';

import { createOverviewHandlers } from './overview-handlers';
import { createPageHandlers } from './page-handlers';
import { createPanelHandlers } from './panel-handlers';

/**
 * The whole table. Pass the worker's one WriteBack so the router path can resume the same queue
 * runner the handlers kick; tests may leave it out.
 */
export function createHandlers(
  services: WorkerDependencies,
  writeBack: WriteBack = createWriteBack(services),
): HandlerTable {
  return {
    ...createPageHandlers(services),
    ...createPanelHandlers(services, writeBack),
    ...createDataHandlers(services, writeBack),
    ...createOverviewHandlers(services),
  };
}
