/**
 * `panel.context`: everything the Exact panel needs to start — the connection, reference data
 * (refreshed first when missing or stale), this division's customer mappings, the line defaults
 * and Keeping's "today" in the organisation's zone for the period presets.
 */

import { DEFAULT_QUANTITY_PRECISION } from '../../core/exact-rules';
import type { PanelContext } from '../../shared/messages';
import { type Connection, toStatus } from '../account/connection';
import { readReference, type UrenbrugDatabase } from '../db/database';
import type { BackgroundClient } from '../dependencies';
import {
  DEFAULT_LINE_DEFAULTS,
  readClientMappings,
  readLineDefaults,
  readQuantityPrecision,
} from '../records/mappings-store';
import { ensureReferenceData } from './reference-data';
import { dateInZone } from './zone-date';

/** Keeping is a Dutch service; before a connection there is no organisation zone to ask. */
const FALLBACK_TIME_ZONE = 'Europe/Amsterdam';

export type PanelContextDeps =
  | { db: UrenbrugDatabase; connection: null; now: () => number }
  | {
      db: UrenbrugDatabase;
      connection: Connection;
      now: () => number;
      client: () => Promise<BackgroundClient>;
      stillConnected: () => Promise<boolean>;
    };

export async function panelContext(deps: PanelContextDeps, division: number): Promise<PanelContext> {
  const { db, connection } = deps;
  if (connection === null) {
    return {
      connection: toStatus(null),
      organisation: null,
      clients: [],
      projects: [],
      tasks: [],
      users: [],
      clientMappings: [],
      lineDefaults: structuredClone(DEFAULT_LINE_DEFAULTS),
      quantityPrecision: { division, decimals: DEFAULT_QUANTITY_PRECISION, source: 'default' },
      today: dateInZone(FALLBACK_TIME_ZONE, deps.now()),
    };
  }
  const organisationId = connection.organisationId;
  const { organisation, me } = await ensureReferenceData({
    db,
    organisationId,
    now: deps.now,
    client: deps.client,
    stillConnected: deps.stillConnected,
  });
  const [clients, projects, tasks, users, clientMappings, lineDefaults, quantityPrecision] =
    await Promise.all([
      readReference(db, organisationId, 'client'),
      readReference(db, organisationId, 'project'),
      readReference(db, organisationId, 'task'),
      readReference(db, organisationId, 'user'),
      readClientMappings(db, organisationId, division),
      readLineDefaults(db, organisationId),
      readQuantityPrecision(db, organisationId, division),
    ]);
  return {
    connection: toStatus(connection),
    organisation,
    clients,
    projects,
    tasks,
    // Without the team scope (or before the first fetch) the list is at least the user themself.
    users: users.length > 0 ? users : [me],
    clientMappings,
    lineDefaults,
    quantityPrecision,
    today: dateInZone(organisation.timeZone, deps.now()),
  };
}
