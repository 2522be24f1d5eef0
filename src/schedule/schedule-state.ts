import type { DatabaseSync } from 'node:sqlite';
import { currentOwner, isOwnerAlive } from '../publish/process-owner.ts';
import type { Registry } from '../publish/registry.ts';

/** What the scheduler records of a jornada in the registry (programa_jornadas). */
export const StoredState = {
  waiting: 'esperando-datos',
  invalid: 'datos-invalidos',
  /** A request was made; from then on the request's state is the jornada's. */
  rendered: 'generado',
  expired: 'vencido',
} as const;
export type StoredState = (typeof StoredState)[keyof typeof StoredState];

/** The file last seen in the drop folder. */
export interface SeenFile {
  readonly name: string;
  readonly size: number;
  /** mtime, ISO. */
  readonly modified: string;
  readonly sha256: string | null;
}

export interface JornadaRecord {
  readonly id: string;
  readonly state: StoredState;
  /** How many looks found nothing usable. */
  readonly attempts: number;
  readonly lastLook: string | null;
  readonly nextLook: string | null;
  readonly reason: string;
  /** The validation report (JSON problems) of invalid data. */
  readonly report: string | null;
  readonly seen: SeenFile | null;
  readonly requestId: number | null;
  /** The state of that request ("rechazado" reopens the jornada to corrected data). */
  readonly requestState: string | null;
  readonly ownerPid: number | null;
  readonly updatedAt: string;
}

interface Row {
  jornada: string;
  estado: StoredState;
  intentos: number;
  ultima_busqueda: string | null;
  siguiente_busqueda: string | null;
  motivo: string;
  informe: string | null;
  archivo: string | null;
  tamano: number | null;
  modificado: string | null;
  sha256: string | null;
  solicitud_id: number | null;
  dueno_pid: number | null;
  dueno_host: string | null;
  dueno_inicio: string | null;
  dueno_desde: string | null;
  actualizado_en: string;
  estado_solicitud: string | null;
}

const SELECT_ROWS = `SELECT p.*, s.estado AS estado_solicitud FROM programa_jornadas p LEFT JOIN solicitudes s ON s.id = p.solicitud_id`;

/** A jornada is done once its request exists, unless a person rejected it: then corrected data are awaited. */
export function isSettled(record: JornadaRecord): boolean {
  return (
    record.state === StoredState.expired ||
    (record.state === StoredState.rendered && record.requestState !== 'rechazado')
  );
}

export function readJornadaRecords(registry: Registry): Map<string, JornadaRecord> {
  const rows = registry.db.prepare(`${SELECT_ROWS}`).all() as unknown as Row[];
  return new Map(rows.map((row) => [row.jornada, toRecord(row)]));
}

export function readJornadaRecord(db: DatabaseSync, id: string): JornadaRecord | undefined {
  const row = selectRow(db, id);
  return row === undefined ? undefined : toRecord(row);
}

export type ClaimResult =
  | { readonly kind: 'look'; readonly record: JornadaRecord | undefined }
  | { readonly kind: 'busy'; readonly pid: number | null }
  | { readonly kind: 'not-due' }
  | { readonly kind: 'expired'; readonly record: JornadaRecord | undefined };

export interface ClaimRequest {
  readonly id: string;
  readonly now: Date;
  readonly lookFrom: Date;
  readonly lookUntil: Date;
  /** Look even if the next look is not due yet (an explicit "look now"). */
  readonly force: boolean;
}

/**
 * Decides, under the write lock, whether this process looks at the jornada now, and if so takes it:
 * nobody else may be looking (a live owner), it must be due, and not finished. An expired jornada is
 * marked so in the same transaction. A dead owner's claim is taken over.
 */
export function claimJornada(registry: Registry, request: ClaimRequest): ClaimResult {
  return registry.immediate((db) => {
    const row = selectRow(db, request.id);
    const record = row === undefined ? undefined : toRecord(row);
    if (record !== undefined && isSettled(record)) return { kind: 'not-due' };
    if (row !== undefined && row.dueno_pid !== null && isOwnerAlive(ownerOf(row)) && !isSelf(row))
      return { kind: 'busy', pid: row.dueno_pid };
    if (request.now < request.lookFrom) return { kind: 'not-due' };
    const now = request.now.toISOString();
    if (request.now >= request.lookUntil) {
      upsert(db, request.id, now);
      db.prepare(
        `UPDATE programa_jornadas SET estado = ?, motivo = CASE WHEN motivo = '' THEN 'no llegaron datos válidos a tiempo' ELSE motivo END,
           siguiente_busqueda = NULL, dueno_pid = NULL, dueno_host = NULL, dueno_inicio = NULL, dueno_desde = NULL, actualizado_en = ? WHERE jornada = ?`,
      ).run(StoredState.expired, now, request.id);
      return { kind: 'expired', record: readJornadaRecord(db, request.id) };
    }
    if (!request.force && record?.nextLook != null && Date.parse(record.nextLook) > request.now.getTime())
      return { kind: 'not-due' };
    upsert(db, request.id, now);
    const owner = currentOwner();
    db.prepare(
      'UPDATE programa_jornadas SET dueno_pid = ?, dueno_host = ?, dueno_inicio = ?, dueno_desde = ? WHERE jornada = ?',
    ).run(owner.pid, owner.host, owner.start, new Date().toISOString(), request.id);
    return { kind: 'look', record };
  });
}

export interface LookOutcome {
  readonly state: StoredState;
  readonly reason: string;
  readonly report?: string | null | undefined;
  readonly seen?: SeenFile | null | undefined;
  readonly nextLook: Date | null;
  readonly requestId?: number | undefined;
  /** Counts as a retry (nothing usable found). */
  readonly attempt: boolean;
}

/** Records what a look decided and lets the jornada go (only if this process still holds it). */
export function recordLook(registry: Registry, id: string, now: Date, outcome: LookOutcome): JornadaRecord | undefined {
  return registry.immediate((db) => {
    const row = selectRow(db, id);
    if (row === undefined || !isSelf(row)) return undefined;
    const seen =
      outcome.seen === undefined
        ? { archivo: row.archivo, tamano: row.tamano, modificado: row.modificado, sha256: row.sha256 }
        : seenColumns(outcome.seen);
    db.prepare(
      `UPDATE programa_jornadas SET estado = ?, motivo = ?, informe = ?, intentos = intentos + ?, ultima_busqueda = ?, siguiente_busqueda = ?,
         archivo = ?, tamano = ?, modificado = ?, sha256 = ?, solicitud_id = COALESCE(?, solicitud_id),
         dueno_pid = NULL, dueno_host = NULL, dueno_inicio = NULL, dueno_desde = NULL, actualizado_en = ? WHERE jornada = ?`,
    ).run(
      outcome.state,
      outcome.reason,
      outcome.report === undefined ? row.informe : outcome.report,
      outcome.attempt ? 1 : 0,
      now.toISOString(),
      outcome.nextLook?.toISOString() ?? null,
      seen.archivo,
      seen.tamano,
      seen.modificado,
      seen.sha256,
      outcome.requestId ?? null,
      now.toISOString(),
      id,
    );
    return readJornadaRecord(db, id);
  });
}

/** Lets a jornada go without a decision (the look failed unexpectedly): the next pass looks again. */
export function releaseJornada(registry: Registry, id: string): void {
  registry.immediate((db) => {
    const row = selectRow(db, id);
    if (row === undefined || !isSelf(row)) return;
    db.prepare(
      'UPDATE programa_jornadas SET dueno_pid = NULL, dueno_host = NULL, dueno_inicio = NULL, dueno_desde = NULL WHERE jornada = ?',
    ).run(id);
  });
}

function upsert(db: DatabaseSync, id: string, now: string): void {
  db.prepare(
    `INSERT INTO programa_jornadas (jornada, estado, actualizado_en) VALUES (?, ?, ?) ON CONFLICT (jornada) DO NOTHING`,
  ).run(id, StoredState.waiting, now);
}

function seenColumns(seen: SeenFile | null): {
  archivo: string | null;
  tamano: number | null;
  modificado: string | null;
  sha256: string | null;
} {
  return {
    archivo: seen?.name ?? null,
    tamano: seen?.size ?? null,
    modificado: seen?.modified ?? null,
    sha256: seen?.sha256 ?? null,
  };
}

function selectRow(db: DatabaseSync, id: string): Row | undefined {
  return db.prepare(`${SELECT_ROWS} WHERE p.jornada = ?`).get(id) as Row | undefined;
}

function ownerOf(row: Row): { pid: number | null; host: string | null; start: string | null; since: string | null } {
  return { pid: row.dueno_pid, host: row.dueno_host, start: row.dueno_inicio, since: row.dueno_desde };
}

function isSelf(row: Row): boolean {
  const self = currentOwner();
  return row.dueno_pid === self.pid && row.dueno_host === self.host && row.dueno_inicio === self.start;
}

function toRecord(row: Row): JornadaRecord {
  return {
    id: row.jornada,
    state: row.estado,
    attempts: row.intentos,
    lastLook: row.ultima_busqueda,
    nextLook: row.siguiente_busqueda,
    reason: row.motivo,
    report: row.informe,
    seen:
      row.archivo === null
        ? null
        : { name: row.archivo, size: row.tamano ?? 0, modified: row.modificado ?? '', sha256: row.sha256 },
    requestId: row.solicitud_id,
    requestState: row.estado_solicitud,
    ownerPid: row.dueno_pid,
    updatedAt: row.actualizado_en,
  };
}
