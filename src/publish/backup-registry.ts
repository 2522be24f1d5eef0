import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { DatabaseSync, backup } from 'node:sqlite';
import { InputError } from '../errors.ts';
import type { Registry } from './registry.ts';
import { RegistryError } from './publish-errors.ts';

export interface BackupResult {
  readonly path: string;
  readonly bytes: number;
}

/** Default place of a backup: `<data folder>/respaldos/registro-<date and time>.sqlite`. */
export function defaultBackupPath(registry: Registry, now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return join(dirname(registry.path), 'respaldos', `registro-${stamp}.sqlite`);
}

/**
 * A consistent copy of the registry through SQLite's online backup API (it copies a snapshot page by
 * page and starts over if another process writes meanwhile), written under a temporary name, checked
 * with `PRAGMA quick_check` and renamed into place. Copying the file by hand while a run writes could
 * catch it half-way, and would miss what still sits in the WAL.
 */
export async function backupRegistry(
  registry: Registry,
  destination: string,
  options: { readonly overwrite?: boolean } = {},
): Promise<BackupResult> {
  const path = resolve(destination);
  if (path === registry.path)
    throw new InputError(`El respaldo no puede escribirse sobre el propio registro (${path}).`);
  if (existsSync(path) && options.overwrite !== true) {
    throw new InputError(`Ya existe ${path}; no se reemplazó. Elija otro nombre o use --sobrescribir.`);
  }
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  rmSync(temp, { force: true });
  try {
    await backup(registry.db, temp);
    const copy = new DatabaseSync(temp, { readOnly: true });
    try {
      const rows = copy.prepare('PRAGMA quick_check').all() as { quick_check: string }[];
      if (rows.some((row) => row.quick_check !== 'ok')) {
        throw new RegistryError(`La copia del registro en ${temp} no pasó la comprobación de SQLite; no se guardó.`);
      }
    } finally {
      copy.close();
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  return { path, bytes: statSync(path).size };
}
