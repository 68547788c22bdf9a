/**
 * The extension was rolled back: the database on disk is newer than this code's migrations
 * (docs/architecture.md, Rolling back the extension). It is opened at the version it has, without
 * an upgrade, and every write is refused with `read_only`, so the bookkeeper can still read and
 * export their work while nothing this older code writes can damage what the newer one stored.
 */
import { type IDBPDatabase, openDB } from 'idb';
import { UrenbrugError } from '../../shared/errors';

/** The database handles opened this way; their reads work, their writes throw. */
const readOnlyHandles = new WeakSet<object>();

/** True for a handle opened read-only because the data is newer than the code. */
export function isReadOnly(db: object): boolean {
  return readOnlyHandles.has(db);
}

export function readOnlyError(storedVersion: number, codeVersion: number): UrenbrugError {
  return new UrenbrugError(
    'read_only',
    `The data was written by a newer Urenbrug (database v${storedVersion}; this version knows v${codeVersion}): read-only`,
  );
}

/** The shortcut methods of idb's database that write. */
const WRITES = new Set(['put', 'add', 'delete', 'clear']);

/** A VersionError: the stored database is at a higher version than the one asked for. */
export function isVersionError(error: unknown): boolean {
  return error instanceof DOMException
    ? error.name === 'VersionError'
    : (error as Error)?.name === 'VersionError';
}

/** Opens `name` at whatever version it has, refusing every write on the returned handle. */
export async function openReadOnly<T>(
  name: string,
  codeVersion: number,
  onGone: () => void,
): Promise<IDBPDatabase<T>> {
  // No version: open as it is, no upgrade runs.
  const db = (await openDB(name, undefined, { terminated: onGone })) as unknown as IDBPDatabase<T>;
  db.addEventListener('versionchange', () => {
    db.close();
    onGone();
  });
  const refuse = () => {
    throw readOnlyError(db.version, codeVersion);
  };
  const handle = new Proxy(db, {
    get(target, property, receiver) {
      // The shortcuts answer a promise: refused the same way, as a rejection.
      if (typeof property === 'string' && WRITES.has(property)) {
        return () => Promise.reject(readOnlyError(db.version, codeVersion));
      }
      if (property === 'transaction') {
        return (stores: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) => {
          if (mode === 'readwrite') refuse();
          return target.transaction(stores as never, mode, options);
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' && receiver === handle ? value.bind(target) : value;
    },
  });
  readOnlyHandles.add(handle);
  return handle;
}
