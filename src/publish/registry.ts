import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { LATEST_SCHEMA_VERSION, archiveIdentityMigration, migrations } from './registry-migrations.ts';
import { RegistryError } from './publish-errors.ts';
import { restoreAdvice } from './restore-advice.ts';
import { describeSystemError } from '../system-error.ts';
import { enterWalMode } from './enter-wal-mode.ts';

export interface OpenRegistryOptions {
  /** How long a statement waits for another process's lock before failing (SQLite busy_timeout). */
  readonly busyTimeoutMs?: number;
  /** The output folder the caller publishes into, named in the advice when the registry is damaged. */
  readonly outputDir?: string;
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
  if (absolute !== ':memory:') {
    try {
      mkdirSync(dirname(absolute), { recursive: true });
    } catch (error) {
      throw new RegistryError(
        `No se pudo crear la carpeta del registro: ${describeSystemError(error, dirname(absolute))}.`,
        { cause: error },
      );
    }
  }
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(absolute, {
      timeout: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS,
      // Off while migrating (tables are rebuilt), on for everything after.
      enableForeignKeyConstraints: false,
    });
  } catch (error) {
    throw new RegistryError(`No se pudo abrir el registro ${absolute}: ${describeSystemError(error, absolute)}.`, {
      cause: error,
    });
  }
  try {
    enterWalMode(db, options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS);
    db.exec('PRAGMA synchronous = FULL');
    refuseForeignDatabase(db, absolute);
    checkIntegrity(db, absolute, options.outputDir);
    migrate(db, absolute);
    addMissingIdentity(db);
    checkIdentityRow(db, absolute, options.outputDir);
    db.exec('PRAGMA foreign_keys = ON');
  } catch (error) {
    db.close();
    if (error instanceof RegistryError) throw error;
    const damage = damageOf(error);
    if (damage !== undefined) {
      throw new RegistryError(
        `El registro ${absolute} está dañado: no es una base de datos SQLite legible (${damage}). ${restoreAdvice(absolute, options.outputDir)}`,
        { cause: error },
      );
    }
    throw new RegistryError(`No se pudo usar el registro ${absolute}: ${describeSystemError(error, absolute)}.`, {
      cause: error,
    });
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
      throw new RegistryError(
        `La migración del registro ${path} dejó ${broken.length} referencias rotas; no se aplicó.`,
      );
    }
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/**
 * A database that holds tables but no schema version was not written by Boletín (a `--datos` that points
 * at another program's folder): adding our tables to it would hide the mistake.
 */
function refuseForeignDatabase(db: DatabaseSync, path: string): void {
  if (readUserVersion(db) !== 0) return;
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' LIMIT 3`).all() as { name: string }[];
  if (tables.length === 0) return;
  throw new RegistryError(
    `${path} es una base de datos SQLite, pero no un registro de Boletín (tiene las tablas ${tables.map((t) => `«${t.name}»`).join(', ')}). ¿Se equivocó de carpeta en --datos o BOLETIN_DATOS? No se modificó.`,
  );
}

/** `PRAGMA quick_check`: pages, records and indexes readable (O(N), a few ms for a registry). */
function checkIntegrity(db: DatabaseSync, path: string, outputDir: string | undefined): void {
  if (readUserVersion(db) === 0) return;
  const rows = db.prepare('PRAGMA quick_check(5)').all() as { quick_check: string }[];
  const findings = rows.map((row) => row.quick_check.replace(/\s*\n\s*/g, '; ')).filter((text) => text !== 'ok');
  if (findings.length === 0) return;
  throw new RegistryError(
    `El registro ${path} está dañado (la comprobación de SQLite encontró: ${findings.join('; ')}). No se usó. ${restoreAdvice(path, outputDir)}`,
  );
}

/**
 * A registry migrated past version 3 by a build that did not have it yet (reserved versions land in any
 * order) lacks the identity tables: they are added once, under the write lock.
 */
function addMissingIdentity(db: DatabaseSync): void {
  const exists = () =>
    db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'archivo'`).get() as {
      n: number;
    };
  if (exists().n === 1) return;
  db.exec('BEGIN IMMEDIATE');
  try {
    if (exists().n === 0) archiveIdentityMigration.up(db);
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/** From version 3 on, a registry without its identity row was altered by hand or damaged. */
function checkIdentityRow(db: DatabaseSync, path: string, outputDir: string | undefined): void {
  const row = db.prepare(`SELECT count(*) AS n FROM archivo WHERE id = 1 AND aplicacion = 'boletin'`).get() as {
    n: number;
  };
  if (row.n === 1) return;
  throw new RegistryError(
    `El registro ${path} no tiene la fila de identidad del archivo: fue alterado o está dañado. ${restoreAdvice(path, outputDir)}`,
  );
}

/**
 * SQLITE_NOTADB (26) and SQLITE_CORRUPT (11), garbage bytes where the registry should be, said in Spanish
 * (SQLite's own words are English, and this sentence is read by the office); undefined for any other error.
 */
function damageOf(error: unknown): string | undefined {
  const code = (error as { errcode?: unknown }).errcode;
  const primary = typeof code === 'number' ? code & 0xff : undefined;
  const message = messageOf(error);
  if (primary === 26 || /file is not a database/i.test(message)) return 'el archivo no es una base de datos';
  if (primary === 11 || /database disk image is malformed/i.test(message))
    return 'la estructura del archivo está dañada';
  return undefined;
}

function readUserVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number } | undefined;
  return row?.user_version ?? 0;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
