import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { LATEST_SCHEMA_VERSION, migrations } from './registry-migrations.ts';
import { RegistryError } from './publish-errors.ts';

export interface OpenRegistryOptions {
  /** How long a statement waits for another process's lock before failing (SQLite busy_timeout). */
  readonly busyTimeoutMs?: number;
}

/** Default lock wait: generous, because a shared machine can stall a writer for seconds. */
export const DEFAULT_BUSY_TIMEOUT_MS = 30_000;

/**
 * The open registry database. One per process is enough; it is synchronous (node:sqlite), so every
 * transaction is short and never spans an await.
 */
export class Registry implements Disposable {
  readonly path: string;
  /** The connection, for the publish and archive modules; other code goes through their functions. */
  readonly db: DatabaseSync;

  constructor(path: string, db: DatabaseSync) {
    this.path = path;
    this.db = db;
  }

  get schemaVersion(): number {
    return readUserVersion(this.db);
  }

  /**
   * Runs `fn` in a `BEGIN IMMEDIATE` transaction: the write lock is taken at the start (waiting up to
   * the busy timeout), so two processes never decide on the same snapshot. Rolls back if `fn` throws.
   */
  immediate<T>(fn: (db: DatabaseSync) => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = fn(this.db);
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }

  [Symbol.dispose](): void {
    this.close();
  }
}

/**
 * Opens (creating if needed) the registry at `path`, in WAL mode, and brings its schema up to date.
 * The caller closes it (or uses `using`).
 * Refuses a database written by a newer Boletín.
 */
export function openRegistry(path: string, options: OpenRegistryOptions = {}): Registry {
  // ":memory:" gives a private, empty registry (read-only commands on a registry that does not exist yet).
  const absolute = path === ':memory:' ? path : resolve(path);
  if (absolute !== ':memory:') mkdirSync(dirname(absolute), { recursive: true });
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(absolute, {
      timeout: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS,
      // Off while migrating (tables are rebuilt), on for everything after.
      enableForeignKeyConstraints: false,
    });
  } catch (error) {
    throw new RegistryError(`No se pudo abrir el registro ${absolute}: ${messageOf(error)}`, { cause: error });
  }
  try {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    migrate(db, absolute);
    db.exec('PRAGMA foreign_keys = ON');
  } catch (error) {
    db.close();
    if (error instanceof RegistryError) throw error;
    throw new RegistryError(`No se pudo usar el registro ${absolute}: ${messageOf(error)}`, { cause: error });
  }
  return new Registry(absolute, db);
}

function migrate(db: DatabaseSync, path: string): void {
  if (readUserVersion(db) === LATEST_SCHEMA_VERSION) return;
  db.exec('BEGIN IMMEDIATE');
  try {
    // Read again under the lock: another process may have migrated meanwhile.
    const current = readUserVersion(db);
    if (current > LATEST_SCHEMA_VERSION) {
      throw new RegistryError(
        `El registro ${path} tiene la versión de esquema ${current}, más nueva que la que este Boletín conoce (${LATEST_SCHEMA_VERSION}): actualice Boletín.`,
      );
    }
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      migration.up(db);
      db.exec(`PRAGMA user_version = ${migration.version}`);
    }
    const broken = db.prepare('PRAGMA foreign_key_check').all();
    if (broken.length > 0) {
      throw new RegistryError(`La migración del registro ${path} dejó ${broken.length} referencias rotas; no se aplicó.`);
    }
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

function readUserVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number } | undefined;
  return row?.user_version ?? 0;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
