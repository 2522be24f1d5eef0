import type { DatabaseSync } from 'node:sqlite';
import type { Registry } from '../publish/registry.ts';

/** What a person (or the scheduler) did, as the audit log names it. */
export const AuditAction = {
  submit: 'subir',
  send: 'enviar',
  approve: 'aprobar',
  publish: 'publicar',
  publishCorrection: 'publicar-correccion',
  reject: 'rechazar',
  correct: 'corregir',
  publishFailed: 'error-publicacion',
} as const;
export type AuditAction = (typeof AuditAction)[keyof typeof AuditAction];

export interface AuditEntry {
  readonly id: number;
  /** ISO instant. */
  readonly at: string;
  readonly person: string;
  readonly action: AuditAction;
  readonly requestId: number | null;
  readonly year: number | null;
  readonly number: number | null;
  readonly version: number | null;
  readonly detail: string;
}

export interface NewAuditEntry {
  readonly at: string;
  readonly person: string;
  readonly action: AuditAction;
  readonly requestId?: number | undefined;
  readonly year?: number | undefined;
  readonly number?: number | undefined;
  readonly version?: number | undefined;
  readonly detail?: string | undefined;
}

/** Appends one entry; called inside the transaction that makes the change it records. */
export function appendAudit(db: DatabaseSync, entry: NewAuditEntry): void {
  db.prepare(
    `INSERT INTO bitacora (momento, persona, accion, solicitud_id, anio, numero, version, detalle)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    entry.at,
    entry.person,
    entry.action,
    entry.requestId ?? null,
    entry.year ?? null,
    entry.number ?? null,
    entry.version ?? null,
    entry.detail ?? '',
  );
}

interface AuditRow {
  id: number;
  momento: string;
  persona: string;
  accion: AuditAction;
  solicitud_id: number | null;
  anio: number | null;
  numero: number | null;
  version: number | null;
  detalle: string;
}

const columns = 'id, momento, persona, accion, solicitud_id, anio, numero, version, detalle';

/** Everything done to one request, oldest first. */
export function auditLogOfRequest(registry: Registry, requestId: number): AuditEntry[] {
  return select(registry.db, 'solicitud_id = ?', requestId);
}

/**
 * Everything done to one bulletin number: its publications and corrections, and the whole history of the
 * requests that became it (who uploaded, sent, approved), oldest first.
 */
export function auditLogOfBulletin(registry: Registry, year: number, number: number): AuditEntry[] {
  return select(
    registry.db,
    `(anio = ? AND numero = ?) OR solicitud_id IN (SELECT id FROM solicitudes WHERE anio = ? AND numero = ?)`,
    year,
    number,
    year,
    number,
  );
}

/** The whole log, newest first, for a page or a command that shows recent activity. */
export function recentAudit(registry: Registry, limit = 100): AuditEntry[] {
  const rows = registry.db
    .prepare(`SELECT ${columns} FROM bitacora ORDER BY momento DESC, id DESC LIMIT ?`)
    .all(limit) as unknown as AuditRow[];
  return rows.map(toEntry);
}

function select(db: DatabaseSync, where: string, ...params: number[]): AuditEntry[] {
  const rows = db
    .prepare(`SELECT ${columns} FROM bitacora WHERE ${where} ORDER BY momento, id`)
    .all(...params) as unknown as AuditRow[];
  return rows.map(toEntry);
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.momento,
    person: row.persona,
    action: row.accion,
    requestId: row.solicitud_id,
    year: row.anio,
    number: row.numero,
    version: row.version,
    detail: row.detalle,
  };
}
