import type { DatabaseSync } from 'node:sqlite';

/** SQLite's primary result code for a lock held by another connection; its extended codes keep it in the low byte. */
const SQLITE_BUSY = 5;
const RETRY_EVERY_MS = 20;

/**
 * Puts the database in WAL mode, waiting for another process as a busy timeout would. SQLite does not
 * call its busy handler for a journal-mode change: when two processes create a registry at the same
 * moment (two schedulers started together on a new machine), the second one's `PRAGMA journal_mode`
 * failed at once with "database is locked". A database already in WAL mode needs no lock and returns
 * at the first try. The wait is synchronous, as every registry call is (node:sqlite).
 */
export function enterWalMode(db: DatabaseSync, timeoutMs: number): void {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      db.exec('PRAGMA journal_mode = WAL');
      return;
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
      sleepSync(RETRY_EVERY_MS);
    }
  }
}

/** SQLITE_BUSY or one of its extended codes (SQLITE_BUSY_RECOVERY is 261, SQLITE_BUSY_SNAPSHOT 517...). */
export function isBusy(error: unknown): boolean {
  const code = (error as { errcode?: unknown } | null)?.errcode;
  return typeof code === 'number' && (code & 0xff) === SQLITE_BUSY;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
