import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { debuglog } from 'node:util';

const debug = debuglog('boletin:pdf');

/** Every temporary Chromium profile of this program starts so; the owner's process id follows. */
export const PROFILE_PREFIX = 'boletin-chromium-';

/** Profiles of the old naming (no process id) are removed once this old: no live run lasts a day. */
const LEGACY_PROFILE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** A new temporary profile folder, named after this process so a later run can tell whether it is stale. */
export function createProfile(folder: string = tmpdir()): Promise<string> {
  return mkdtemp(join(folder, `${PROFILE_PREFIX}${process.pid}-`));
}

export async function removeProfile(profileDir: string): Promise<void> {
  await rm(profileDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 }).catch((error: unknown) =>
    debug('no se pudo borrar el perfil temporal %s: %s', profileDir, String(error)),
  );
}

/**
 * Removes the profiles that runs killed outright (SIGKILL, a power cut) left behind: their `finally`
 * never ran. A profile belongs to a dead run when the process id in its name no longer exists. Returns
 * the folders removed.
 */
export async function removeStaleProfiles(
  folder: string = tmpdir(),
  isAlive: (pid: number) => boolean = processExists,
  now: number = Date.now(),
): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(PROFILE_PREFIX)) continue;
    const path = join(folder, name);
    if (!(await isStale(name, path, isAlive, now))) continue;
    await removeProfile(path);
    removed.push(path);
  }
  if (removed.length > 0) debug('perfiles de ejecuciones muertas borrados: %s', removed.join(', '));
  return removed;
}

async function isStale(name: string, path: string, isAlive: (pid: number) => boolean, now: number): Promise<boolean> {
  const owner = /^(\d+)-/.exec(name.slice(PROFILE_PREFIX.length))?.[1];
  if (owner !== undefined) return Number(owner) !== process.pid && !isAlive(Number(owner));
  try {
    return now - (await stat(path)).mtimeMs > LEGACY_PROFILE_MAX_AGE_MS;
  } catch {
    return false;
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
