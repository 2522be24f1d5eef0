import { readdir, stat } from 'node:fs/promises';
import { join, matchesGlob } from 'node:path';

/** The marker an office may write beside a dataset to say it is complete: "<archivo>.listo". */
export const READY_SUFFIX = '.listo';

export interface FoundDataset {
  readonly name: string;
  readonly path: string;
  readonly size: number;
  /** mtime, ISO. */
  readonly modified: string;
  /** A "<name>.listo" marker is beside it. */
  readonly markedReady: boolean;
}

export type FolderLook =
  | { readonly kind: 'none'; readonly reason: string }
  | { readonly kind: 'found'; readonly dataset: FoundDataset; readonly others: readonly string[] };

/**
 * What the drop folder holds for a pattern: the newest matching file (by modification time, then name).
 * Hidden files, Office lock files ("~$...") and markers are never datasets.
 */
export async function findDataset(folder: string, pattern: string): Promise<FolderLook> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'none', reason: `la carpeta ${folder} todavía no existe` };
    return { kind: 'none', reason: `no se pudo leer la carpeta ${folder} (${code ?? 'error'})` };
  }
  const candidates: FoundDataset[] = [];
  const present = new Set(names);
  for (const name of names) {
    if (name.startsWith('.') || name.startsWith('~$') || name.endsWith(READY_SUFFIX) || !matchesGlob(name, pattern))
      continue;
    const info = await stat(join(folder, name)).catch(() => undefined);
    if (info === undefined || !info.isFile()) continue;
    candidates.push({
      name,
      path: join(folder, name),
      size: info.size,
      modified: info.mtime.toISOString(),
      markedReady: present.has(`${name}${READY_SUFFIX}`),
    });
  }
  candidates.sort((a, b) => a.modified.localeCompare(b.modified) || a.name.localeCompare(b.name));
  const newest = candidates.at(-1);
  if (newest === undefined) return { kind: 'none', reason: `no hay ningún archivo «${pattern}» en ${folder}` };
  return { kind: 'found', dataset: newest, others: candidates.slice(0, -1).map((c) => c.name) };
}
