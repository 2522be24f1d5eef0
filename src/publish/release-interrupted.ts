import { unlink } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ARCHIVE_MARKER_FILE, archiveIdentity, readArchiveMarker } from './archive-identity.ts';
import { resolveArchivePath } from './archive-path.ts';
import type { Registry } from './registry.ts';
import { BulletinState, bulletinLabel, selectVersions } from './registry-records.ts';
import { dropUnfinished, isLeaseLive } from './claim-publication.ts';
import { PublishConflictError, RegistryError } from './publish-errors.ts';

export interface ReleasedEntry {
  readonly year: number;
  readonly number: number;
  readonly version: number;
  /** True when the number itself left the registry (it had no other version) and will be given again. */
  readonly numberFreed: boolean;
  /** Files of the unfinished attempt that were removed. */
  readonly removedFiles: readonly string[];
}

/**
 * Frees the unfinished ('en-proceso') version of a bulletin whose process died and whose data will not
 * be run again: its planned files are removed, the entry deleted, and a number left without versions is
 * given back to the sequence. Refuses when a live process holds it.
 */
export async function releaseInterrupted(
  registry: Registry,
  year: number,
  number: number,
  options: { readonly fallbackOutputDir?: string } = {},
): Promise<ReleasedEntry> {
  const label = bulletinLabel(number, year);
  const find = () =>
    selectVersions(registry.db, 'b.anio = ? AND b.numero = ?', year, number).find(
      (v) => v.state === BulletinState.inProgress,
    );
  const unfinished = find();
  if (unfinished === undefined) {
    throw new PublishConflictError(`El ${label} no tiene ninguna publicación en proceso que liberar.`);
  }
  if (isLeaseLive(registry, unfinished)) {
    throw new PublishConflictError(
      `El ${label} lo está publicando el proceso ${unfinished.owner?.pid ?? '?'} en ${unfinished.owner?.host ?? '?'} desde ${unfinished.owner?.since ?? '?'}: no se liberó.`,
    );
  }
  const outputDir = resolve(unfinished.outputDir ?? options.fallbackOutputDir ?? 'output');
  // Deleting is the one thing a crafted row could abuse: the folder must carry this archive's marker,
  // and every path must have Boletín's shape and stay inside it. All are checked before any is removed.
  if (unfinished.files.length > 0) assertOwnFolder(registry, outputDir, label);
  const paths = unfinished.files.map((file) => resolveArchivePath(outputDir, file.path));
  // Files first: if this is interrupted, the entry still lists them.
  for (const path of paths) {
    await unlink(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  return registry.immediate((db) => {
    const again = selectVersions(db, 'v.id = ?', unfinished.id)[0];
    if (again === undefined || again.state !== BulletinState.inProgress || isLeaseLive(registry, again)) {
      throw new PublishConflictError(
        `El ${label} cambió mientras se liberaba; vuelva a consultarlo con «archivo mostrar».`,
      );
    }
    dropUnfinished(db, again);
    const left = db.prepare('SELECT COUNT(*) AS n FROM boletines WHERE anio = ? AND numero = ?').get(year, number) as {
      n: number;
    };
    return {
      year,
      number,
      version: again.version,
      numberFreed: left.n === 0,
      removedFiles: unfinished.files.map((f) => f.path),
    };
  });
}

function assertOwnFolder(registry: Registry, outputDir: string, label: string): void {
  const marker = readArchiveMarker(outputDir);
  if (marker?.archivo === archiveIdentity(registry).id) return;
  throw new RegistryError(
    `La carpeta de salida registrada para el ${label}, ${outputDir}, no lleva la marca de este archivo (${ARCHIVE_MARKER_FILE}): no se borró ningún archivo ni se liberó el número. Si el registro fue alterado, restáurelo desde un respaldo; si los archivos se movieron, verifique con «boletin archivo verificar --salida <carpeta>».`,
  );
}
