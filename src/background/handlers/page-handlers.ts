/**
 * The extension pages' own messages (popup, options): the connection, settings and today. The
 * connection is written only here; the router keeps content scripts out of this tier except for
 * the read-only status and settings.
 */
import { userDisplayName } from '../../core/keeping-types';
import { UrenbrugError } from '../../shared/errors';
import type { MessageNameIn } from '../../shared/messages';
import { clearBadge, showTodayOnBadge } from '../account/badge';
import { clientForToken } from '../account/client-for-token';
import {
  clearConnection,
  connectionStatus,
  getConnection,
  requireConnection,
  sameConnection,
  saveConnection,
  toStatus,
} from '../account/connection';
import { getSettings, updateSettings } from '../account/settings-store';
import { cachedToday, refreshToday } from '../cache/today';
import { keepOnlyOrganisation, otherOrganisationWork, replaceReference, wipeCache } from '../db/database';
import { DB_VERSION } from '../db/migrations';
import { isReadOnly } from '../db/read-only';
import type { WorkerDependencies } from '../dependencies';
import type { HandlerTable } from './handler-types';
import { panelAssets } from './panel-assets';

export type PageMessageName = MessageNameIn<'page'>;

// Generous for a bearer token; a longer string is a paste accident, not a token.
const MAX_TOKEN_LENGTH = 4096;

/** The pasted token, trimmed; refused when it could not be a header value. */
function cleanToken(value: unknown): string {
  if (typeof value !== 'string') throw new UrenbrugError('invalid_request', 'The token must be text');
  const token = value.trim();
  // Printable ASCII without spaces: anything else would break (or smuggle into) the header.
  if (token.length === 0 || token.length > MAX_TOKEN_LENGTH || !/^[\x21-\x7e]+$/.test(token)) {
    throw new UrenbrugError('invalid_request', 'This does not look like a Keeping token');
  }
  return token;
}

function cleanOrganisationId(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new UrenbrugError('invalid_request', 'Invalid organisation id');
  }
  return value;
}

export function createPageHandlers(services: WorkerDependencies): Pick<HandlerTable, PageMessageName> {
  const keepingClient = (token: string) => clientForToken(services, token);

  return {
    async 'connection.test'(data) {
      const client = await keepingClient(cleanToken(data.token));
      const organisations = await client.organisations();
      const first = organisations[0];
      if (!first) throw new UrenbrugError('forbidden', 'This token gives access to no organisation');
      const me = await client.me(first.id);
      return { user: { firstName: me.firstName, surname: me.surname }, organisations };
    },

    async 'connection.save'(data) {
      const token = cleanToken(data.token);
      const organisationId = cleanOrganisationId(data.organisationId);
      const client = await keepingClient(token);
      const [organisations, me] = await Promise.all([client.organisations(), client.me(organisationId)]);
      const organisation = organisations.find((candidate) => candidate.id === organisationId);
      if (!organisation) {
        throw new UrenbrugError('not_found', `This token has no access to organisation ${organisationId}`);
      }
      const db = await services.db();
      // Another organisation's work would be dropped below: ask first (docs/architecture.md,
      // Switching organisation), with what is at stake, so a back-up can be made.
      const other = data.dropOtherWork === true ? null : await otherOrganisationWork(db, organisationId);
      if (other) {
        throw new UrenbrugError(
          'conflict',
          `Organisation ${other.organisationId} still has ${other.invoices} invoice records and ${other.marks} marks here`,
          undefined,
          undefined,
          { kind: 'organisation_switch', ...other },
        );
      }
      const previous = await getConnection();
      if (previous && (previous.token !== token || previous.organisationId !== organisationId)) {
        // Another account or organisation: what was cached belongs to the old connection.
        await wipeCache(db);
        await clearBadge();
      }
      // The bookkeeper's work survives a disconnect, but not a move to another organisation.
      await keepOnlyOrganisation(db, organisationId);
      const connection = {
        token,
        organisationId,
        organisationName: organisation.name,
        userName: userDisplayName(me),
      };
      await saveConnection(connection);
      // So the popup can draw its header before the first refresh.
      await replaceReference(db, organisationId, { organisation: [organisation], me: [me] });
      return toStatus(connection);
    },

    async 'connection.disconnect'() {
      // The token first: if wiping fails, at least nothing can reach Keeping any more.
      await clearConnection();
      // Only the Keeping cache: mappings, invoice records and queued marks are the bookkeeper's
      // work and stay for a reconnection to the same organisation (db.ts wipeCache).
      await wipeCache(await services.db());
      await clearBadge();
      return toStatus(null);
    },

    'connection.status': () => connectionStatus(),

    'settings.get': () => getSettings(),

    'panel.assets': async () => panelAssets(),
    async 'database.status'() {
      const db = await services.db();
      return { readOnly: isReadOnly(db), version: db.version, codeVersion: DB_VERSION };
    },

    'settings.set': (data) => updateSettings(data),

    async 'today.cached'() {
      const connection = await getConnection();
      if (!connection) return null;
      return cachedToday({
        db: await services.db(),
        organisationId: connection.organisationId,
        now: services.now,
      });
    },

    async 'today.refresh'() {
      const connection = await requireConnection();
      const db = await services.db();
      const view = await refreshToday({
        db,
        client: await keepingClient(connection.token),
        organisationId: connection.organisationId,
        now: services.now,
      });
      const current = await getConnection();
      if (!current || !sameConnection(connection, current)) {
        // Disconnected or switched while the request ran: what this refresh just wrote belongs
        // to a connection that is gone, and must not stay behind (nor pass for the new one's).
        await wipeCache(db);
        await clearBadge();
        throw new UrenbrugError('not_connected', 'The connection changed during the refresh');
      }
      const userName = userDisplayName(view.me);
      if (current.organisationName !== view.organisation.name || current.userName !== userName) {
        await saveConnection({ ...current, organisationName: view.organisation.name, userName });
      }
      await showTodayOnBadge(view, services.now());
      return view;
    },
  };
}
