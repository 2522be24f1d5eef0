import type { DatabaseSync } from 'node:sqlite';
import type { OutputFormat } from '../generate/output-format.ts';
import type { RecordedFile } from '../publish/registry-records.ts';
import type { Registry } from '../publish/registry.ts';
import { ApprovalError } from './approval-errors.ts';
import type { RequestState } from './request-state.ts';

/** How the request is to be rendered and published; stored with it so approval does exactly this. */
export interface RequestOptions {
  /** Phrasing style of the figures; the default one when absent. */
  readonly style?: string | undefined;
  /** Issue date ("2023-03-01"); otherwise the dataset's, or the day after the jornada. */
  readonly issueDate?: string | undefined;
  /** The number to publish as; otherwise the dataset's, or the next free one of the year. */
  readonly number?: number | undefined;
  /** Publish as a new version (correction) of a number already issued. */
  readonly correction?: boolean | undefined;
  /** Formats of the draft and of the bulletin. */
  readonly formats?: readonly OutputFormat[] | undefined;
  /** Warnings of the data stop too. */
  readonly strict?: boolean | undefined;
}

/** One approval request: a dataset, its draft, and where it stands. */
export interface ApprovalRequest {
  readonly id: number;
  readonly state: RequestState;
  /** The name the dataset was uploaded with ("cuarta-jornada.xlsx"). */
  readonly fileName: string;
  /** sha256 of the stored bytes: what was reviewed is what is published. */
  readonly bytesSha256: string;
  /** sha256 of the canonical dataset, as the registry's bulletins hold it. */
  readonly datasetHash: string;
  /** The jornada's slug ("extraordinaria-continuidad-2023-02-24"). */
  readonly slug: string;
  readonly title: string;
  /** The issue date the bulletin will carry. */
  readonly issueDate: string;
  readonly options: RequestOptions;
  /** "manual" for an upload; "programa:<jornada>" for the scheduler's. */
  readonly origin: string;
  /** Absolute output folder: draft file paths are relative to it, and the bulletin is published into it. */
  readonly outputDir: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly rejectionReason: string | null;
  readonly approvedBy: string | null;
  readonly approvedAt: string | null;
  /** Set once published. */
  readonly year: number | null;
  readonly number: number | null;
  readonly version: number | null;
  /** The draft's files (with the "BORRADOR" mark, no number), relative to `outputDir`. */
  readonly draftFiles: readonly RecordedFile[];
}

interface RequestRow {
  id: number;
  estado: RequestState;
  nombre_archivo: string;
  sha256_datos: string;
  hash_datos: string;
  jornada: string;
  titulo: string;
  fecha: string;
  opciones: string;
  origen: string;
  carpeta_salida: string;
  creado_por: string;
  creado_en: string;
  actualizado_en: string;
  motivo_rechazo: string | null;
  aprobado_por: string | null;
  aprobado_en: string | null;
  anio: number | null;
  numero: number | null;
  version: number | null;
}

const columns = `id, estado, nombre_archivo, sha256_datos, hash_datos, jornada, titulo, fecha, opciones, origen,
  carpeta_salida, creado_por, creado_en, actualizado_en, motivo_rechazo, aprobado_por, aprobado_en, anio, numero, version`;

export interface RequestFilter {
  readonly state?: RequestState | undefined;
  readonly origin?: string | undefined;
}

/** Requests, newest first. */
export function listRequests(registry: Registry, filter: RequestFilter = {}): ApprovalRequest[] {
  const where: string[] = [];
  const params: string[] = [];
  if (filter.state !== undefined) {
    where.push('estado = ?');
    params.push(filter.state);
  }
  if (filter.origin !== undefined) {
    where.push('origen = ?');
    params.push(filter.origin);
  }
  return selectRequests(registry.db, where.length === 0 ? '1 = 1' : where.join(' AND '), ...params);
}

export function findRequest(registry: Registry, id: number): ApprovalRequest | undefined {
  return selectRequests(registry.db, 'id = ?', id)[0];
}

/** The request, or an ApprovalError naming the id. */
export function mustFindRequest(db: DatabaseSync, id: number): ApprovalRequest {
  const request = selectRequests(db, 'id = ?', id)[0];
  if (request === undefined)
    throw new ApprovalError(
      `No hay una solicitud ${id} en el registro. Vea las que hay con «boletin aprobacion listar».`,
    );
  return request;
}

/** The dataset a request holds, as uploaded: for a page that offers it for download. */
export function requestDataset(
  registry: Registry,
  id: number,
): { readonly fileName: string; readonly bytes: Uint8Array } {
  const request = mustFindRequest(registry.db, id);
  return { fileName: request.fileName, bytes: requestBytes(registry.db, id) };
}

/** The stored dataset bytes of a request. */
export function requestBytes(db: DatabaseSync, id: number): Uint8Array {
  const row = db.prepare('SELECT datos FROM solicitudes WHERE id = ?').get(id) as { datos: Uint8Array } | undefined;
  if (row === undefined) throw new ApprovalError(`No hay una solicitud ${id} en el registro.`);
  return row.datos;
}

export function selectRequests(db: DatabaseSync, where: string, ...params: (string | number)[]): ApprovalRequest[] {
  const rows = db
    .prepare(`SELECT ${columns} FROM solicitudes WHERE ${where} ORDER BY id DESC`)
    .all(...params) as unknown as RequestRow[];
  if (rows.length === 0) return [];
  const files = draftFilesOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toRequest(row, files.get(row.id) ?? []));
}

/** Replaces the recorded draft files of a request (inside the caller's transaction). */
export function recordDraftFiles(db: DatabaseSync, requestId: number, files: readonly RecordedFile[]): void {
  db.prepare('DELETE FROM archivos_borrador WHERE solicitud_id = ?').run(requestId);
  const insert = db.prepare(
    'INSERT INTO archivos_borrador (solicitud_id, ruta, formato, sha256, bytes) VALUES (?, ?, ?, ?, ?)',
  );
  for (const file of files) insert.run(requestId, file.path, file.format, file.sha256, file.bytes);
}

function draftFilesOf(db: DatabaseSync, ids: readonly number[]): Map<number, RecordedFile[]> {
  const byRequest = new Map<number, RecordedFile[]>();
  const rows = db
    .prepare(
      `SELECT solicitud_id, ruta, formato, sha256, bytes FROM archivos_borrador
       WHERE solicitud_id IN (SELECT value FROM json_each(?)) ORDER BY solicitud_id, ruta`,
    )
    .all(JSON.stringify(ids)) as unknown as {
    solicitud_id: number;
    ruta: string;
    formato: string;
    sha256: string;
    bytes: number;
  }[];
  for (const row of rows) {
    const list = byRequest.get(row.solicitud_id) ?? [];
    list.push({ path: row.ruta, format: row.formato, sha256: row.sha256, bytes: row.bytes });
    byRequest.set(row.solicitud_id, list);
  }
  return byRequest;
}

function toRequest(row: RequestRow, draftFiles: readonly RecordedFile[]): ApprovalRequest {
  return {
    id: row.id,
    state: row.estado,
    fileName: row.nombre_archivo,
    bytesSha256: row.sha256_datos,
    datasetHash: row.hash_datos,
    slug: row.jornada,
    title: row.titulo,
    issueDate: row.fecha,
    options: JSON.parse(row.opciones) as RequestOptions,
    origin: row.origen,
    outputDir: row.carpeta_salida,
    createdBy: row.creado_por,
    createdAt: row.creado_en,
    updatedAt: row.actualizado_en,
    rejectionReason: row.motivo_rechazo,
    approvedBy: row.aprobado_por,
    approvedAt: row.aprobado_en,
    year: row.anio,
    number: row.numero,
    version: row.version,
    draftFiles,
  };
}
