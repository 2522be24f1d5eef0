import type { DatabaseSync } from 'node:sqlite';

/** SQLite's result code for a lock held by another connection. */
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

function isBusy(error: unknown): boolean {
  return (error as { errcode?: unknown } | null)?.errcode === SQLITE_BUSY;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
