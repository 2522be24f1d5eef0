import type { Registry } from '../publish/registry.ts';

/**
 * Failed sign-ins slow the next attempt down, per account and per address: after a few free tries each
 * failure doubles the wait, up to a ceiling. Kept in the registry so a restart does not reset it.
 */
const FREE_FAILURES = 3;
const FIRST_WAIT_MS = 1_000;
const MAX_WAIT_MS = 5 * 60 * 1000;

export function throttleKeys(username: string, address: string): string[] {
  return [`usuario:${username.toLowerCase()}`, `ip:${address}`];
}

/** Milliseconds to wait before another attempt is heard for any of these keys (0: go ahead). */
export function signInWait(registry: Registry, keys: readonly string[], now: Date = new Date()): number {
  let wait = 0;
  const statement = registry.db.prepare('SELECT fallos, ultimo_en FROM intentos_fallidos WHERE clave = ?');
  for (const key of keys) {
    const row = statement.get(key) as { fallos: number; ultimo_en: string } | undefined;
    if (row === undefined || row.fallos < FREE_FAILURES) continue;
    const until = Date.parse(row.ultimo_en) + waitAfter(row.fallos);
    wait = Math.max(wait, until - now.getTime());
  }
  return Math.max(0, wait);
}

export function recordFailedSignIn(registry: Registry, keys: readonly string[], now: Date = new Date()): void {
  registry.immediate((db) => {
    const statement = db.prepare(
      `INSERT INTO intentos_fallidos (clave, fallos, ultimo_en) VALUES (?, 1, ?)
       ON CONFLICT (clave) DO UPDATE SET fallos = fallos + 1, ultimo_en = excluded.ultimo_en`,
    );
    for (const key of keys) statement.run(key, now.toISOString());
  });
}

export function clearFailedSignIns(registry: Registry, keys: readonly string[]): void {
  registry.immediate((db) => {
    const statement = db.prepare('DELETE FROM intentos_fallidos WHERE clave = ?');
    for (const key of keys) statement.run(key);
  });
}

function waitAfter(failures: number): number {
  return Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - FREE_FAILURES));
}
