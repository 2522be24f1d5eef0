import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { ArchiveStamp } from '../model/bulletin-document.ts';
import { InputError } from '../errors.ts';
import {
  adoptArchiveIdentity,
  archiveIdentity,
  publishedFilesIn,
  readArchiveMarker,
  writeArchiveMarker,
} from './archive-identity.ts';
import { readArchiveFile } from './read-archive-file.ts';
import { PUBLISHED_PATH_PATTERN, resolveArchivePath } from './archive-path.ts';
import { currentUserName } from './process-owner.ts';
import { openRegistry } from './registry.ts';
import { BulletinState } from './registry-records.ts';
import { sha256Hex } from './write-file-atomic.ts';

export interface RebuildRequest {
  /** Where the new registry goes; nothing may be there (the damaged one is moved aside first). */
  readonly registryPath: string;
  readonly outputDir: string;
  /** Reads the registry's record a published file carries in its properties (src/render/archive-stamp.ts). */
  readonly readStamp: (extension: string, bytes: Uint8Array) => Promise<ArchiveStamp | undefined>;
}

export interface RebuildReport {
  readonly registryPath: string;
  readonly archiveId: string;
  readonly bulletins: number;
  readonly versions: number;
  readonly files: number;
  /** Versions whose files carry no record (published before the files carried one): kept by number only. */
  readonly unstamped: readonly string[];
}

interface FileFound {
  readonly path: string;
  readonly extension: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly stamp: ArchiveStamp | undefined;
}

interface VersionFound {
  readonly year: number;
  readonly number: number;
  readonly version: number;
  readonly slug: string;
  readonly files: FileFound[];
}

/**
 * Rebuilds a lost registry from the published files themselves: each numbered file's name gives its
 * year, number, version and jornada, and its properties the rest (data hash, edition, style, template,
 * date, title). The highest version of a number is the published one, earlier ones are replaced. The
 * registry is built under a temporary name and renamed into place, and takes the identity of the
 * folder's marker, so the folder and the new registry match again.
 */
export async function rebuildRegistry(request: RebuildRequest): Promise<RebuildReport> {
  const registryPath = resolve(request.registryPath);
  const outputDir = resolve(request.outputDir);
  refuseExisting(registryPath);
  const marker = readArchiveMarker(outputDir);
  const found = await collect(outputDir, request.readStamp);
  if (found.length === 0) {
    throw new InputError(
      `La carpeta ${outputDir} no tiene boletines publicados (<año>/<número>-<jornada>.<extensión>): no hay nada de qué reconstruir el registro.`,
    );
  }
  const temp = join(dirname(registryPath), `.${basename(registryPath)}.reconstruccion-${process.pid}`);
  removeDatabase(temp);
  let report: RebuildReport;
  try {
    const registry = openRegistry(temp);
    try {
      if (marker !== undefined) adoptArchiveIdentity(registry, { id: marker.archivo, createdAt: marker.creado_en });
      const unstamped = registry.immediate((db) => insertAll(db, found, outputDir));
      if (marker === undefined) await writeArchiveMarker(outputDir, registry);
      registry.db
        .prepare('INSERT OR IGNORE INTO carpetas_salida (ruta, registrada_en) VALUES (?, ?)')
        .run(outputDir, new Date().toISOString());
      report = {
        registryPath,
        archiveId: archiveIdentity(registry).id,
        bulletins: new Set(found.map((v) => `${v.year}/${v.number}`)).size,
        versions: found.length,
        files: found.reduce((n, v) => n + v.files.length, 0),
        unstamped,
      };
    } finally {
      registry.close();
    }
    renameSync(temp, registryPath);
  } catch (error) {
    removeDatabase(temp);
    throw error;
  }
  return report;
}

function refuseExisting(registryPath: string): void {
  for (const path of [registryPath, `${registryPath}-wal`]) {
    if (existsSync(path) && (path === registryPath || statSync(path).size > 0)) {
      throw new InputError(
        `Ya existe ${path}: apártelo antes de reconstruir (renómbrelo, por ejemplo a ${basename(path)}.danado; no lo borre). La reconstrucción nunca reemplaza un registro.`,
      );
    }
  }
}

function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

async function collect(outputDir: string, readStamp: RebuildRequest['readStamp']): Promise<VersionFound[]> {
  const versions = new Map<string, VersionFound>();
  for (const relative of publishedFilesIn(outputDir)) {
    const match = PUBLISHED_PATH_PATTERN.exec(relative);
    if (match === null) continue;
    const [, year, number, slug, version, extension] = match as unknown as [
      string,
      string,
      string,
      string,
      string | undefined,
      string,
    ];
    // Only regular files: a link or a FIFO with a published file's name was not written by Boletín.
    const found = await readArchiveFile(resolveArchivePath(outputDir, relative));
    if (found.kind !== 'file') continue;
    const { bytes } = found;
    const stamp = await readStamp(extension, bytes);
    const parts = {
      year: Number(year),
      number: Number(number),
      version: version === undefined ? 1 : Number(version),
      slug,
    };
    // A record that contradicts the file's own name is not trusted (a file renamed by hand).
    const agrees =
      stamp !== undefined &&
      stamp.year === parts.year &&
      stamp.number === parts.number &&
      stamp.version === parts.version &&
      stamp.slug === slug;
    const key = `${parts.year}/${parts.number}/${parts.version}`;
    const entry = versions.get(key) ?? { ...parts, files: [] };
    if (entry.slug !== slug) {
      throw new InputError(
        `En ${outputDir} hay dos jornadas con el número ${number}/${year} versión ${parts.version} («${entry.slug}» y «${slug}»): aparte la que no es y vuelva a intentarlo.`,
      );
    }
    entry.files.push({
      path: relative,
      extension,
      sha256: sha256Hex(bytes),
      bytes: bytes.byteLength,
      stamp: agrees ? stamp : undefined,
    });
    versions.set(key, entry);
  }
  return [...versions.values()].sort((a, b) => a.year - b.year || a.number - b.number || a.version - b.version);
}

function insertAll(
  db: import('node:sqlite').DatabaseSync,
  found: readonly VersionFound[],
  outputDir: string,
): string[] {
  const now = new Date().toISOString();
  const user = currentUserName();
  const unstamped: string[] = [];
  const highest = new Map<string, number>();
  for (const v of found)
    highest.set(`${v.year}/${v.number}`, Math.max(highest.get(`${v.year}/${v.number}`) ?? 0, v.version));
  const bulletinIds = new Map<string, number>();
  for (const v of found) {
    const key = `${v.year}/${v.number}`;
    let bulletinId = bulletinIds.get(key);
    if (bulletinId === undefined) {
      bulletinId = Number(
        db.prepare('INSERT INTO boletines (anio, numero, creado_en) VALUES (?, ?, ?)').run(v.year, v.number, now)
          .lastInsertRowid,
      );
      bulletinIds.set(key, bulletinId);
    }
    const stamp = v.files.find((f) => f.stamp !== undefined)?.stamp;
    if (stamp === undefined) unstamped.push(`${String(v.number).padStart(3, '0')}/${v.year} v${v.version}`);
    const state = v.version === highest.get(key) ? BulletinState.published : BulletinState.replaced;
    const versionId = Number(
      db
        .prepare(
          `INSERT INTO versiones (boletin_id, version, jornada, titulo, fecha, hash_datos, edicion, estilo, version_plantilla,
                                  estado, carpeta_salida, creado_en, usuario, publicado_en)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          bulletinId,
          v.version,
          v.slug,
          stamp?.title ?? v.slug,
          stamp?.issueDate ?? `${v.year}-01-01`,
          // Without a record the data are unknown: the number is kept, never given again, but a new run
          // of the same data is not recognised as this bulletin.
          stamp?.datasetHash ?? `desconocido-${v.files[0]?.sha256 ?? ''}`,
          stamp?.edition ?? 'desconocida',
          stamp?.style ?? 'desconocido',
          stamp?.templateVersion ?? 'desconocida',
          state,
          outputDir,
          now,
          user,
          now,
        ).lastInsertRowid,
    );
    for (const file of v.files) {
      db.prepare('INSERT INTO archivos (version_id, ruta, formato, sha256, bytes) VALUES (?, ?, ?, ?, ?)').run(
        versionId,
        file.path,
        registryFormat(file.extension),
        file.sha256,
        file.bytes,
      );
    }
  }
  return unstamped;
}

/**
 * The registry's format of a file found by name: the extension, except where publishing names a file
 * otherwise than its format (src/generate/verified-files.ts, render-editions.ts): the verification
 * report (`verificacion.json` -> `verificacion`, `verificacion.html` -> `verificacion-html`), the
 * card images (`tarjeta.1200x675.png` -> `tarjeta.png-1200x675`) and the card's text
 * (`tarjeta.alt.txt` -> `tarjeta.alt`), each also after an edition's name (`en.verificacion.json`).
 */
export function registryFormat(extension: string): string {
  const renamed: readonly [RegExp, string][] = [
    [/^((?:.+\.)?verificacion)\.json$/, '$1'],
    [/^((?:.+\.)?verificacion)\.html$/, '$1-html'],
    [/^((?:.+\.)?)(\d+x\d+)\.png$/, '$1png-$2'],
    [/^((?:.+\.)?alt)\.txt$/, '$1'],
    [/^paquete\.zip$/, 'paquete'],
  ];
  for (const [pattern, format] of renamed) if (pattern.test(extension)) return extension.replace(pattern, format);
  return extension;
}
