import { readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Registry } from './registry.ts';
import { PUBLISHED_PATH_PATTERN } from './archive-path.ts';
import { RegistryError } from './publish-errors.ts';
import { restoreAdvice } from './restore-advice.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

/**
 * The archive is one registry plus the output folders it published into. The registry holds a random
 * identity (schema version 3); each output folder holds the same identity in this marker file. A registry
 * and a folder that do not match (a deleted, emptied or mistyped registry) are refused, so that no number
 * is ever given twice.
 */
export const ARCHIVE_MARKER_FILE = '.boletin-archivo.json';

export interface ArchiveIdentity {
  /** A UUID, written once when the registry was created. */
  readonly id: string;
  readonly createdAt: string;
}

/** What the marker file of an output folder says. */
export interface ArchiveMarker {
  readonly aplicacion: 'boletin';
  readonly archivo: string;
  /** Where the registry was when the folder was marked: told to the user, never trusted. */
  readonly registro: string;
  readonly creado_en: string;
}

export function archiveIdentity(registry: Registry): ArchiveIdentity {
  const row = registry.db.prepare('SELECT identidad, creado_en FROM archivo WHERE id = 1').get() as
    { identidad: string; creado_en: string } | undefined;
  if (row === undefined)
    throw new RegistryError(
      `El registro ${registry.path} no tiene identidad de archivo. ${restoreAdvice(registry.path)}`,
    );
  return { id: row.identidad, createdAt: row.creado_en };
}

/** Gives the registry the identity of the archive it is rebuilt for (only `archivo reconstruir` does). */
export function adoptArchiveIdentity(registry: Registry, identity: ArchiveIdentity): void {
  registry.immediate((db) => {
    db.prepare('UPDATE archivo SET identidad = ?, creado_en = ? WHERE id = 1').run(identity.id, identity.createdAt);
  });
}

/** The marker of an output folder; undefined when it has none. A marker that is not ours is refused. */
export function readArchiveMarker(outputDir: string): ArchiveMarker | undefined {
  const path = join(outputDir, ARCHIVE_MARKER_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
  let marker: unknown;
  try {
    marker = JSON.parse(text);
  } catch {
    marker = undefined;
  }
  if (!isMarker(marker)) {
    throw new RegistryError(
      `La marca del archivo ${path} está dañada. No se publicó nada. Restáurela desde un respaldo de la carpeta, o bórrela sólo si está seguro de que la carpeta es de este registro: la siguiente publicación la escribe de nuevo tras comprobar que el registro conoce todos los boletines de la carpeta.`,
    );
  }
  return marker;
}

function isMarker(value: unknown): value is ArchiveMarker {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    record['aplicacion'] === 'boletin' &&
    typeof record['archivo'] === 'string' &&
    typeof record['registro'] === 'string'
  );
}

export async function writeArchiveMarker(outputDir: string, registry: Registry): Promise<void> {
  const identity = archiveIdentity(registry);
  const marker: ArchiveMarker = {
    aplicacion: 'boletin',
    archivo: identity.id,
    registro: registry.path,
    creado_en: identity.createdAt,
  };
  await writeFileAtomic(
    join(outputDir, ARCHIVE_MARKER_FILE),
    new TextEncoder().encode(`${JSON.stringify(marker, null, 2)}\n`),
  );
}

/** Every file with the name of a numbered bulletin under `<outputDir>/<año>/` (drafts and temporary files aside). */
export function publishedFilesIn(outputDir: string): string[] {
  const found: string[] = [];
  for (const year of entries(outputDir)) {
    if (!/^\d{4}$/.test(year)) continue;
    for (const name of entries(join(outputDir, year))) {
      const relative = `${year}/${name}`;
      if (PUBLISHED_PATH_PATTERN.test(relative)) found.push(relative);
    }
  }
  return found.sort();
}

function entries(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
}

export interface ArchiveFolderCheck {
  /** Write the marker (and list the folder) when the folder has none yet: only before publishing. */
  readonly mark: boolean;
}

/**
 * Refuses an output folder that belongs to another archive (its marker says another identity), or that
 * holds published bulletins this registry does not know (a registry deleted, emptied or mistyped while
 * the folder has no marker yet). With `mark`, a folder that passes gets the marker.
 */
export async function checkArchiveFolder(
  registry: Registry,
  outputDir: string,
  check: ArchiveFolderCheck,
): Promise<void> {
  const folder = resolve(outputDir);
  const identity = archiveIdentity(registry);
  const marker = readArchiveMarker(folder);
  if (marker !== undefined) {
    if (marker.archivo !== identity.id) throw foreignFolder(registry, folder, marker);
    if (check.mark) rememberFolder(registry, folder);
    return;
  }
  const unknown = unknownPublishedFiles(registry, folder);
  if (unknown.length > 0) throw unknownFiles(registry, folder, unknown);
  if (check.mark) {
    await mkdir(folder, { recursive: true });
    await writeArchiveMarker(folder, registry);
    rememberFolder(registry, folder);
  }
}

/** When no registry file exists at all: does the folder show that an archive was published there? */
export function archiveEvidence(outputDir: string): string | undefined {
  const folder = resolve(outputDir);
  const marker = readArchiveMarker(folder);
  if (marker !== undefined)
    return `tiene la marca ${join(folder, ARCHIVE_MARKER_FILE)} de un archivo con boletines publicados (registro en ${marker.registro})`;
  const files = publishedFilesIn(folder);
  if (files.length > 0) return `tiene ${files.length} archivos de boletines publicados, por ejemplo «${files[0]}»`;
  return undefined;
}

function unknownPublishedFiles(registry: Registry, folder: string): string[] {
  const published = publishedFilesIn(folder);
  if (published.length === 0) return [];
  const rows = registry.db
    .prepare(
      `SELECT a.ruta FROM archivos a JOIN versiones v ON v.id = a.version_id
       WHERE v.carpeta_salida = ? OR v.carpeta_salida IS NULL`,
    )
    .all(folder) as { ruta: string }[];
  const known = new Set(rows.map((row) => row.ruta));
  return published.filter((path) => !known.has(path));
}

function rememberFolder(registry: Registry, folder: string): void {
  registry.db
    .prepare('INSERT OR IGNORE INTO carpetas_salida (ruta, registrada_en) VALUES (?, ?)')
    .run(folder, new Date().toISOString());
}

function foreignFolder(registry: Registry, folder: string, marker: ArchiveMarker): RegistryError {
  return new RegistryError(
    `El registro ${registry.path} no es el de la carpeta de salida ${folder}: la marca de la carpeta dice archivo ${marker.archivo} (registro en ${marker.registro}) y el registro es del archivo ${archiveIdentity(registry).id} (¿un registro vacío, borrado y creado de nuevo, o --datos / BOLETIN_DATOS equivocado?). No se publicó nada, para no dar otra vez números ya publicados. ${restoreAdvice(marker.registro, folder)}`,
  );
}

function unknownFiles(registry: Registry, folder: string, unknown: readonly string[]): RegistryError {
  return new RegistryError(
    `La carpeta de salida ${folder} tiene ${unknown.length} archivos de boletines publicados que el registro ${registry.path} no conoce (por ejemplo «${unknown[0]}»). No se publicó nada, para no dar otra vez sus números. ${restoreAdvice(registry.path, folder)}`,
  );
}
