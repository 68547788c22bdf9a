import { describe, expect, it } from 'vitest';
import { type HandlerGroup, MESSAGE_ROUTES, type MessageName } from '../../shared/messages';
import type { WorkerDependencies } from '../dependencies';
import { createWriteBack } from '../write-back/runner';
import { createDataHandlers } from './data-handlers';
import { createOverviewHandlers } from './overview-handlers';
import { createPageHandlers } from './page-handlers';
import { createPanelHandlers } from './panel-handlers';

// Building the handlers touches neither the database nor Keeping; a call that did would fail loudly.
const services: WorkerDependencies = {
  db: () => Promise.reject(new Error('no database in this test')),
  createClient: () => {
    throw new Error('no Keeping in this test');
  },
  now: () => 0,
};

function namesIn(group: HandlerGroup): MessageName[] {
  return (Object.keys(MESSAGE_ROUTES) as MessageName[])
    .filter((name) => MESSAGE_ROUTES[name].group === group)
    .sort();
}

describe('MESSAGE_ROUTES', () => {
  // The types already force each group's handler object to have its names; this catches a group file
  // that answers a name of another group at run time (a spread would silently shadow it in the table).
  it.each([
    ['page', () => createPageHandlers(services)],
    ['panel', () => createPanelHandlers(services, createWriteBack(services))],
    ['data', () => createDataHandlers(services, createWriteBack(services))],
    ['overview', () => createOverviewHandlers(services)],
  ] as const)('the %s handler file answers exactly the names routed to it', (group, create) => {
    expect(Object.keys(create()).sort()).toEqual(namesIn(group));
  });
});
