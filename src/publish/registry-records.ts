import type { DatabaseSync } from 'node:sqlite';
import type { Registry } from './registry.ts';
import { withPlainSpaces } from '../lang/no-break-space.ts';
import { writeBulletinNumber } from '../lang/write-bulletin-number.ts';

/** States of a bulletin version. Drafts take no number and are not recorded. */
export const BulletinState = {
  /** Number allocated, files not all written yet (or the process that was writing them died). */
  inProgress: 'en-proceso',
  published: 'publicado',
  /** An earlier version of a corrected bulletin; its files are kept. */
  replaced: 'reemplazado',
} as const;
export type BulletinState = (typeof BulletinState)[keyof typeof BulletinState];

export interface RecordedFile {
  /** Relative to the output folder, with "/": "2023/093-cuarta-jornada.pdf". */
  readonly path: string;
  readonly format: string;
  readonly sha256: string;
  readonly bytes: number;
}

export interface VersionOwner {
  readonly pid: number | null;
  readonly host: string | null;
  readonly start: string | null;
  readonly since: string | null;
}

/** One version of a numbered bulletin: the first publication is version 1, each correction adds one. */
export interface BulletinVersionRecord {
  readonly id: number;
  readonly bulletinId: number;
  readonly year: number;
  readonly number: number;
  readonly version: number;
  /** The jornada's id, used in file names. */
  readonly slug: string;
  readonly title: string;
  readonly issueDate: string;
  readonly datasetHash: string;
  readonly edition: string;
  readonly style: string;
  readonly templateVersion: string;
  readonly state: BulletinState;
  /** Absolute output folder the file paths are relative to; null for entries migrated from schema 1. */
  readonly outputDir: string | null;
  readonly createdAt: string;
  readonly user: string;
  readonly publishedAt: string | null;
  /** Who is publishing it right now; null when nobody is. */
  readonly owner: VersionOwner | null;
  readonly files: readonly RecordedFile[];
}

export interface BulletinRecord {
  readonly id: number;
  readonly year: number;
  readonly number: number;
  readonly createdAt: string;
  /** Oldest first. */
  readonly versions: readonly BulletinVersionRecord[];
}

/**
 * "No. 093/2023": how messages and listings name a bulletin. Plain spaces: these are read in a terminal,
 * a log or a CSV file, where the no-break space of the printed bulletin would only make searches fail.
 */
export function bulletinLabel(number: number, year: number): string {
  return withPlainSpaces(writeBulletinNumber(number, year));
}

/** The version that stands for the bulletin: the published one, else the newest. */
export function currentVersion(bulletin: BulletinRecord): BulletinVersionRecord | undefined {
  return bulletin.versions.find((v) => v.state === BulletinState.published) ?? bulletin.versions.at(-1);
}

interface VersionRow {
  id: number;
  boletin_id: number;
  anio: number;
  numero: number;
  version: number;
  jornada: string;
  titulo: string;
  fecha: string;
  hash_datos: string;
  edicion: string;
  estilo: string;
  version_plantilla: string;
  estado: BulletinState;
  carpeta_salida: string | null;
  creado_en: string;
  usuario: string;
  publicado_en: string | null;
  dueno_pid: number | null;
  dueno_host: string | null;
  dueno_inicio: string | null;
  dueno_desde: string | null;
}

interface FileRow {
  version_id: number;
  ruta: string;
  formato: string;
  sha256: string;
  bytes: number;
}

const versionColumns = `v.id, v.boletin_id, b.anio, b.numero, v.version, v.jornada, v.titulo, v.fecha, v.hash_datos,
  v.edicion, v.estilo, v.version_plantilla, v.estado, v.carpeta_salida, v.creado_en, v.usuario, v.publicado_en,
  v.dueno_pid, v.dueno_host, v.dueno_inicio, v.dueno_desde`;

/** Versions matching a WHERE clause over `v` (versiones) and `b` (boletines), with their files. */
export function selectVersions(
  db: DatabaseSync,
  where: string,
  ...params: (string | number | null)[]
): BulletinVersionRecord[] {
  const rows = db
    .prepare(
      `SELECT ${versionColumns} FROM versiones v JOIN boletines b ON b.id = v.boletin_id
       WHERE ${where} ORDER BY b.anio, b.numero, v.version`,
    )
    .all(...params) as unknown as VersionRow[];
  if (rows.length === 0) return [];
  const files = filesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toVersion(row, files.get(row.id) ?? []));
}

export function selectVersion(db: DatabaseSync, id: number): BulletinVersionRecord | undefined {
  return selectVersions(db, 'v.id = ?', id)[0];
}

function filesOf(db: DatabaseSync, versionIds: readonly number[]): Map<number, RecordedFile[]> {
  const byVersion = new Map<number, RecordedFile[]>();
  const statement = db.prepare(
    `SELECT version_id, ruta, formato, sha256, bytes FROM archivos
     WHERE version_id IN (SELECT value FROM json_each(?)) ORDER BY version_id, ruta`,
  );
  for (const row of statement.all(JSON.stringify(versionIds)) as unknown as FileRow[]) {
    const list = byVersion.get(row.version_id) ?? [];
    list.push({ path: row.ruta, format: row.formato, sha256: row.sha256, bytes: row.bytes });
    byVersion.set(row.version_id, list);
  }
  return byVersion;
}

function toVersion(row: VersionRow, files: readonly RecordedFile[]): BulletinVersionRecord {
  const owner =
    row.dueno_pid === null && row.dueno_host === null
      ? null
      : { pid: row.dueno_pid, host: row.dueno_host, start: row.dueno_inicio, since: row.dueno_desde };
  return {
    id: row.id,
    bulletinId: row.boletin_id,
    year: row.anio,
    number: row.numero,
    version: row.version,
    slug: row.jornada,
    title: row.titulo,
    issueDate: row.fecha,
    datasetHash: row.hash_datos,
    edition: row.edicion,
    style: row.estilo,
    templateVersion: row.version_plantilla,
    state: row.estado,
    outputDir: row.carpeta_salida,
    createdAt: row.creado_en,
    user: row.usuario,
    publishedAt: row.publicado_en,
    owner,
    files,
  };
}

function groupByBulletin(db: DatabaseSync, versions: readonly BulletinVersionRecord[]): BulletinRecord[] {
  const created = new Map<number, string>();
  const ids = [...new Set(versions.map((v) => v.bulletinId))];
  const rows = db
    .prepare(`SELECT id, creado_en FROM boletines WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as unknown as { id: number; creado_en: string }[];
  for (const row of rows) created.set(row.id, row.creado_en);
  const bulletins = new Map<number, BulletinVersionRecord[]>();
  for (const version of versions) {
    const list = bulletins.get(version.bulletinId) ?? [];
    list.push(version);
    bulletins.set(version.bulletinId, list);
  }
  return [...bulletins.entries()].map(([id, list]) => {
    const first = list[0] as BulletinVersionRecord;
    return {
      id,
      year: first.year,
      number: first.number,
      createdAt: created.get(id) ?? first.createdAt,
      versions: list,
    };
  });
}

/** Every bulletin of the registry (or of one year), by year and number. */
export function listBulletins(registry: Registry, filter: { readonly year?: number } = {}): BulletinRecord[] {
  const versions =
    filter.year === undefined
      ? selectVersions(registry.db, '1 = 1')
      : selectVersions(registry.db, 'b.anio = ?', filter.year);
  return groupByBulletin(registry.db, versions);
}

export function findBulletin(registry: Registry, year: number, number: number): BulletinRecord | undefined {
  return groupByBulletin(registry.db, selectVersions(registry.db, 'b.anio = ? AND b.numero = ?', year, number))[0];
}

/** Whether these data were ever published as this edition (any version, replaced or not). */
export function wasPublished(registry: Registry, datasetHash: string, edition: string): boolean {
  const row = registry.db
    .prepare('SELECT 1 AS found FROM versiones WHERE hash_datos = ? AND edicion = ? AND estado <> ? LIMIT 1')
    .get(datasetHash, edition, BulletinState.inProgress);
  return row !== undefined;
}
