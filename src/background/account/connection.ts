/**
 * The Keeping connection, kept in `storage.local` (docs/architecture.md, The token: never `sync` for the
 * token). Only the background reads the token; everything the UI gets goes through connectionStatus().
 */

import { browser } from '../../shared/browser';
import { UrenbrugError } from '../../shared/errors';
import type { ConnectionStatus } from '../../shared/messages';

const KEY = 'connection';

export interface Connection {
  token: string;
  organisationId: number;
  organisationName: string;
  userName: string;
}

function isConnection(value: unknown): value is Connection {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.token === 'string' &&
    record.token.length > 0 &&
    typeof record.organisationId === 'number' &&
    Number.isSafeInteger(record.organisationId) &&
    typeof record.organisationName === 'string' &&
    typeof record.userName === 'string'
  );
}

/** The stored connection, or null when there is none or what is stored is not a connection. */
export async function getConnection(): Promise<Connection | null> {
  const stored = await browser.storage.local.get(KEY);
  const value = stored[KEY];
  return isConnection(value) ? value : null;
}

export async function saveConnection(connection: Connection): Promise<void> {
  if (!isConnection(connection)) throw new TypeError('Not a valid connection');
  // Only the known fields: nothing else that a caller passed along ends up next to the token.
  const { token, organisationId, organisationName, userName } = connection;
  await browser.storage.local.set({ [KEY]: { token, organisationId, organisationName, userName } });
}

export async function clearConnection(): Promise<void> {
  await browser.storage.local.remove(KEY);
}

/** What any context may know about a connection: everything but the token. */
export function toStatus(connection: Connection | null): ConnectionStatus {
  if (!connection) return { connected: false, organisationId: null, organisationName: null, userName: null };
  return {
    connected: true,
    organisationId: connection.organisationId,
    organisationName: connection.organisationName,
    userName: connection.userName,
  };
}

export async function connectionStatus(): Promise<ConnectionStatus> {
  return toStatus(await getConnection());
}

/** The stored connection, or a `not_connected` error for the caller to pass on. */
export async function requireConnection(): Promise<Connection> {
  const connection = await getConnection();
  if (!connection) throw new UrenbrugError('not_connected', 'Not connected to Keeping');
  return connection;
}

/** Same token and organisation: a request that started under `a` may still write under `b`. */
export function sameConnection(a: Connection, b: Connection | null): boolean {
  return b !== null && a.token === b.token && a.organisationId === b.organisationId;
}

/**
 * Throws `not_connected` when the connection changed while Keeping answered: what came back
 * belongs to a connection that is gone, so nothing of it may be written.
 */
export async function assertStillConnected(stillConnected: () => Promise<boolean>): Promise<void> {
  if (!(await stillConnected())) {
    throw new UrenbrugError('not_connected', 'The connection changed while Keeping answered');
  }
}

/** True while the stored connection is still the one a request started with. */
export function stillConnectedAs(connection: Connection): () => Promise<boolean> {
  return async () => sameConnection(connection, await getConnection());
}
