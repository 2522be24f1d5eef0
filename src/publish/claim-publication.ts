import type { DatabaseSync } from 'node:sqlite';
import type { Registry } from './registry.ts';
import type { BulletinVersionRecord, RecordedFile } from './registry-records.ts';
import { BulletinState, bulletinLabel, selectVersion, selectVersions } from './registry-records.ts';
import { forgetReleased, giveBackNumber, takeNextNumber } from './numbering.ts';
import { currentOwner, currentUserName, isOwnerAlive, type ProcessOwner } from './process-owner.ts';
import { PublishConflictError, RegistryError } from './publish-errors.ts';

/** What identifies one publication request in the registry. */
export interface PublicationIdentity {
  readonly year: number;
  readonly slug: string;
  readonly title: string;
  readonly issueDate: string;
  readonly datasetHash: string;
  readonly edition: string;
  readonly style: string;
  readonly templateVersion: string;
  /** Absolute output folder. */
  readonly outputDir: string;
  readonly explicitNumber?: number | undefined;
  readonly correction: boolean;
  /** The person publishing (an approval names who approved); otherwise the OS user running it. */
  readonly user?: string | undefined;
}

/** What the registry lets this run do. */
export type Claim =
  /** This exact bulletin is published: check its files, and repair them if needed. */
  | { readonly kind: 'published'; readonly version: BulletinVersionRecord }
  /** A live process is publishing it: wait and ask again. */
  | { readonly kind: 'wait'; readonly version: BulletinVersionRecord }
  /**
   * This run holds the version and must render, write and finish it. `recovered`: it took over the
   * entry of a process that died; the files that process planned are still in `version.files`.
   */
  | { readonly kind: 'work'; readonly version: BulletinVersionRecord; readonly recovered: boolean };

/** Versions this process is working on, so an entry owned by this very process is known to be live. */
const activeWork = new Set<string>();

function workKey(registry: Registry, versionId: number): string {
  return `${registry.path}#${versionId}`;
}

/** Whether someone other than a dead process holds the version. */
export function isLeaseLive(registry: Registry, version: BulletinVersionRecord): boolean {
  if (version.owner === null) return false;
  const self = currentOwner();
  if (version.owner.pid === self.pid && version.owner.host === self.host && version.owner.start === self.start) {
    return activeWork.has(workKey(registry, version.id));
  }
  return isOwnerAlive(version.owner);
}

function holdsLease(version: BulletinVersionRecord, owner: ProcessOwner): boolean {
  return (
    version.owner !== null &&
    version.owner.pid === owner.pid &&
    version.owner.host === owner.host &&
    version.owner.start === owner.start
  );
}

/**
 * Decides, in one `BEGIN IMMEDIATE` transaction, what this run does: reuse, wait, or work on a version
 * it now owns (a new number, a correction, or the entry of a dead process). `beforeCommit` runs inside
 * the transaction, just before it commits (a seam for crash tests).
 */
export function claimPublication(registry: Registry, identity: PublicationIdentity, beforeCommit?: () => void): Claim {
  const claim = registry.immediate((db) => {
    const decided = decide(registry, db, identity);
    beforeCommit?.();
    return decided;
  });
  if (claim.kind === 'work') activeWork.add(workKey(registry, claim.version.id));
  return claim;
}

function decide(registry: Registry, db: DatabaseSync, identity: PublicationIdentity): Claim {
  const now = new Date().toISOString();
  const sameData = selectVersions(db, 'v.hash_datos = ? AND v.edicion = ?', identity.datasetHash, identity.edition);
  const live = sameData.filter((v) => v.state !== BulletinState.replaced);
  const exact = live.find((v) => sameKey(v, identity));
  const target = exact ?? live.find((v) => v.state === BulletinState.inProgress) ?? live[0] ?? sameData.at(-1);

  if (target !== undefined && identity.explicitNumber !== undefined && identity.explicitNumber !== target.number) {
    const label = bulletinLabel(target.number, target.year);
    const release =
      target.state === BulletinState.inProgress
        ? ` Si esa publicación quedó interrumpida, libérela con «boletin archivo liberar ${target.number}/${target.year}».`
        : '';
    throw new PublishConflictError(
      `Estos datos ya son el ${label}: no pueden publicarse también como ${bulletinLabel(identity.explicitNumber, identity.year)}.${release}`,
    );
  }
  if (exact?.state === BulletinState.published) return { kind: 'published', version: exact };

  // An unfinished entry of these data: wait for its live owner, or finish it. A version above 1 replaces
  // a published one, so finishing it needs the correction flag like starting it did.
  const inProgress = live.find((v) => v.state === BulletinState.inProgress);
  if (inProgress !== undefined && inProgress.version > 1 && !identity.correction) {
    throw new PublishConflictError(
      `El ${bulletinLabel(inProgress.number, inProgress.year)} tiene una corrección (versión ${inProgress.version}) con estos datos que no terminó. Para terminarla use la corrección (--correccion).`,
    );
  }
  if (inProgress !== undefined) {
    if (isLeaseLive(registry, inProgress)) return { kind: 'wait', version: inProgress };
    return takeOver(db, inProgress, identity, now);
  }
  if (target !== undefined) {
    if (!identity.correction) throw alreadyPublished(target);
    return correct(registry, db, target.bulletinId, identity, now);
  }
  if (identity.explicitNumber !== undefined) {
    const taken = bulletinIdOf(db, identity.year, identity.explicitNumber);
    if (taken !== undefined) {
      if (!identity.correction) throw numberTaken(db, taken, identity);
      return correct(registry, db, taken, identity, now);
    }
    forgetReleased(db, identity.year, identity.explicitNumber);
    return newBulletin(db, identity.explicitNumber, identity, now);
  }
  if (identity.correction) return correct(registry, db, bulletinToCorrect(db, identity), identity, now);
  return newBulletin(db, takeNextNumber(db, identity.year), identity, now);
}

function sameKey(version: BulletinVersionRecord, identity: PublicationIdentity): boolean {
  return (
    version.year === identity.year &&
    version.style === identity.style &&
    version.templateVersion === identity.templateVersion &&
    version.issueDate === identity.issueDate
  );
}

function alreadyPublished(version: BulletinVersionRecord): PublishConflictError {
  const label = bulletinLabel(version.number, version.year);
  const state =
    version.state === BulletinState.replaced
      ? `se publicaron como ${label} (versión ${version.version}), que una corrección reemplazó`
      : `ya se publicaron como ${label} con estilo «${version.style}», plantilla «${version.templateVersion}» y fecha ${version.issueDate}`;
  return new PublishConflictError(
    `Estos datos ${state}. Para publicar una nueva versión de ese número use la corrección (--correccion).`,
  );
}

function numberTaken(db: DatabaseSync, bulletinId: number, identity: PublicationIdentity): PublishConflictError {
  const versions = selectVersions(db, 'v.boletin_id = ?', bulletinId);
  const current = versions.find((v) => v.state === BulletinState.published) ?? versions.at(-1);
  const what =
    current === undefined
      ? ''
      : ` (jornada «${current.slug}», fecha ${current.issueDate}, datos ${current.datasetHash.slice(0, 12)}…)`;
  return new PublishConflictError(
    `El ${bulletinLabel(identity.explicitNumber ?? 0, identity.year)} ya es otro boletín${what}. Para reemplazarlo con estos datos use la corrección (--correccion); para un boletín nuevo elija otro número.`,
  );
}

function bulletinIdOf(db: DatabaseSync, year: number, number: number): number | undefined {
  const row = db.prepare('SELECT id FROM boletines WHERE anio = ? AND numero = ?').get(year, number) as
    { id: number } | undefined;
  return row?.id;
}

/** A correction without a number: the one bulletin of that jornada, year and edition. */
function bulletinToCorrect(db: DatabaseSync, identity: PublicationIdentity): number {
  const candidates = selectVersions(
    db,
    `b.anio = ? AND v.jornada = ? AND v.edicion = ? AND v.estado <> 'reemplazado'`,
    identity.year,
    identity.slug,
    identity.edition,
  );
  const ids = [...new Set(candidates.map((v) => v.bulletinId))];
  if (ids.length === 1) return ids[0] as number;
  if (ids.length === 0) {
    throw new PublishConflictError(
      `No hay en ${identity.year} un boletín de la jornada «${identity.slug}» que corregir: indique el número del boletín (--numero).`,
    );
  }
  const labels = [...new Set(candidates.map((v) => bulletinLabel(v.number, v.year)))].join(', ');
  throw new PublishConflictError(
    `Hay varios boletines de la jornada «${identity.slug}» en ${identity.year} (${labels}): indique con --numero cuál corrige.`,
  );
}

function newBulletin(db: DatabaseSync, number: number, identity: PublicationIdentity, now: string): Claim {
  const inserted = db
    .prepare('INSERT INTO boletines (anio, numero, creado_en) VALUES (?, ?, ?)')
    .run(identity.year, number, now);
  return insertVersion(db, Number(inserted.lastInsertRowid), 1, identity, now);
}

/** A new version of an existing number; an abandoned unfinished version of it is dropped first. */
function correct(
  registry: Registry,
  db: DatabaseSync,
  bulletinId: number,
  identity: PublicationIdentity,
  now: string,
): Claim {
  const versions = selectVersions(db, 'v.boletin_id = ?', bulletinId);
  const first = versions[0];
  if (first !== undefined && first.year !== identity.year) {
    throw new PublishConflictError(
      `El ${bulletinLabel(first.number, first.year)} es de ${first.year} y la fecha de emisión ${identity.issueDate} es de ${identity.year}: una corrección conserva el año del boletín.`,
    );
  }
  const unfinished = versions.find((v) => v.state === BulletinState.inProgress);
  if (unfinished !== undefined) {
    if (isLeaseLive(registry, unfinished)) return { kind: 'wait', version: unfinished };
    // An interrupted version of other data: this correction takes its place (and its planned files).
    return takeOver(db, unfinished, identity, now);
  }
  const highest = Math.max(0, ...versions.map((v) => v.version));
  return insertVersion(db, bulletinId, highest + 1, identity, now);
}

function insertVersion(
  db: DatabaseSync,
  bulletinId: number,
  version: number,
  identity: PublicationIdentity,
  now: string,
): Claim {
  const owner = currentOwner();
  const inserted = db
    .prepare(
      `INSERT INTO versiones (boletin_id, version, jornada, titulo, fecha, hash_datos, edicion, estilo, version_plantilla,
         estado, carpeta_salida, creado_en, usuario, dueno_pid, dueno_host, dueno_inicio, dueno_desde)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'en-proceso', ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(bulletinId, version, ...ownedVersionValues(identity, owner, now));
  return { kind: 'work', version: mustSelect(db, Number(inserted.lastInsertRowid)), recovered: false };
}

/**
 * The columns a version gets from the request and its owner, in the order both the INSERT of a new
 * version and the UPDATE of a taken-over one list them: jornada .. carpeta_salida, creado_en, usuario,
 * dueno_pid, dueno_host, dueno_inicio, dueno_desde.
 */
function ownedVersionValues(
  identity: PublicationIdentity,
  owner: ReturnType<typeof currentOwner>,
  now: string,
): (string | number)[] {
  return [
    identity.slug,
    identity.title,
    identity.issueDate,
    identity.datasetHash,
    identity.edition,
    identity.style,
    identity.templateVersion,
    identity.outputDir,
    now,
    identity.user ?? currentUserName(),
    owner.pid,
    owner.host,
    owner.start,
    now,
  ];
}

/**
 * The unfinished entry of a dead process: this run becomes its owner and finishes it with its own request.
 * The files planned by the dead process stay recorded until this run records its own plan, so a crash in
 * between still leaves them known.
 */
function takeOver(db: DatabaseSync, version: BulletinVersionRecord, identity: PublicationIdentity, now: string): Claim {
  const owner = currentOwner();
  db.prepare(
    `UPDATE versiones SET jornada = ?, titulo = ?, fecha = ?, hash_datos = ?, edicion = ?, estilo = ?,
       version_plantilla = ?, carpeta_salida = ?, creado_en = ?, usuario = ?,
       dueno_pid = ?, dueno_host = ?, dueno_inicio = ?, dueno_desde = ? WHERE id = ?`,
  ).run(...ownedVersionValues(identity, owner, now), version.id);
  return {
    kind: 'work',
    version: mustSelect(db, version.id),
    recovered: true,
  };
}

/**
 * A published version whose files must be written again (missing, or altered and overwrite asked):
 * this run takes its lease, or learns that a live process holds it.
 */
export function claimRepair(registry: Registry, versionId: number): Exclude<Claim, { kind: 'published' }> | undefined {
  const claim = registry.immediate((db): Exclude<Claim, { kind: 'published' }> | undefined => {
    const version = selectVersion(db, versionId);
    if (version === undefined || version.state !== BulletinState.published) return undefined;
    if (isLeaseLive(registry, version)) return { kind: 'wait', version };
    const owner = currentOwner();
    db.prepare(
      'UPDATE versiones SET dueno_pid = ?, dueno_host = ?, dueno_inicio = ?, dueno_desde = ? WHERE id = ?',
    ).run(owner.pid, owner.host, owner.start, new Date().toISOString(), versionId);
    return { kind: 'work', version: mustSelect(db, versionId), recovered: version.owner !== null };
  });
  if (claim?.kind === 'work') activeWork.add(workKey(registry, versionId));
  return claim;
}

/**
 * Records the files this run is about to write, before writing them, so that a later run knows they
 * belong to this version. `replaceAll` drops the files recorded by an earlier attempt.
 */
export function recordPlannedFiles(
  registry: Registry,
  versionId: number,
  files: readonly RecordedFile[],
  options: {
    readonly outputDir: string;
    readonly replaceAll: boolean;
    readonly beforeCommit?: (() => void) | undefined;
  },
): void {
  registry.immediate((db) => {
    const version = ownedVersion(db, versionId);
    if (options.replaceAll) db.prepare('DELETE FROM archivos WHERE version_id = ?').run(versionId);
    const clash = db.prepare('SELECT version_id FROM archivos WHERE ruta = ? AND version_id <> ?');
    const drop = db.prepare('DELETE FROM archivos WHERE version_id = ? AND ruta = ?');
    const insert = db.prepare('INSERT INTO archivos (version_id, ruta, formato, sha256, bytes) VALUES (?, ?, ?, ?, ?)');
    for (const file of files) {
      if (clash.get(file.path, versionId) !== undefined) {
        throw new PublishConflictError(`El archivo «${file.path}» ya está registrado para otro boletín.`);
      }
      drop.run(versionId, file.path);
      insert.run(versionId, file.path, file.format, file.sha256, file.bytes);
    }
    db.prepare('UPDATE versiones SET carpeta_salida = ? WHERE id = ?').run(options.outputDir, version.id);
    options.beforeCommit?.();
  });
}

/** All files are in place: the version becomes 'publicado' (and the one it corrects 'reemplazado'). */
export function finishPublication(
  registry: Registry,
  versionId: number,
  beforeCommit?: () => void,
  alongside?: (db: DatabaseSync, versionId: number) => void,
): BulletinVersionRecord {
  try {
    return registry.immediate((db) => {
      const version = ownedVersion(db, versionId);
      alongside?.(db, versionId);
      const now = new Date().toISOString();
      if (version.state === BulletinState.inProgress) {
        db.prepare(
          `UPDATE versiones SET estado = 'reemplazado' WHERE boletin_id = ? AND estado = 'publicado' AND id <> ?`,
        ).run(version.bulletinId, versionId);
        db.prepare(`UPDATE versiones SET estado = 'publicado', publicado_en = ? WHERE id = ?`).run(now, versionId);
      }
      clearLease(db, versionId);
      beforeCommit?.();
      return mustSelect(db, versionId);
    });
  } finally {
    activeWork.delete(workKey(registry, versionId));
  }
}

/**
 * This run gives up (its render failed, it was aborted). The caller has already removed the files this
 * version planned (files first, so a crash in between leaves a recorded entry, never unknown files).
 * An unfinished version is deleted, and its number given back if it had no other version; a repair only
 * drops the lease. Nothing happens if another process took the version over.
 */
export function releasePublication(registry: Registry, versionId: number): boolean {
  try {
    return registry.immediate((db) => {
      const version = selectVersion(db, versionId);
      if (version === undefined || !holdsLease(version, currentOwner())) return false;
      if (version.state === BulletinState.inProgress) return dropUnfinished(db, version);
      clearLease(db, versionId);
      return false;
    });
  } finally {
    activeWork.delete(workKey(registry, versionId));
  }
}

/** Whether this process holds the version right now (read outside a transaction, to decide on cleanup). */
export function ownsVersion(registry: Registry, versionId: number): BulletinVersionRecord | undefined {
  const version = selectVersion(registry.db, versionId);
  return version !== undefined && holdsLease(version, currentOwner()) ? version : undefined;
}

function clearLease(db: DatabaseSync, versionId: number): void {
  db.prepare(
    'UPDATE versiones SET dueno_pid = NULL, dueno_host = NULL, dueno_inicio = NULL, dueno_desde = NULL WHERE id = ?',
  ).run(versionId);
}

/**
 * Deletes an unfinished version; a number left with no version leaves the registry and is given back.
 * Returns whether the number was given back.
 */
export function dropUnfinished(db: DatabaseSync, version: BulletinVersionRecord): boolean {
  db.prepare('DELETE FROM versiones WHERE id = ?').run(version.id);
  const left = db.prepare('SELECT COUNT(*) AS n FROM versiones WHERE boletin_id = ?').get(version.bulletinId) as {
    n: number;
  };
  if (left.n !== 0) return false;
  db.prepare('DELETE FROM boletines WHERE id = ?').run(version.bulletinId);
  giveBackNumber(db, version.year, version.number, new Date().toISOString());
  return true;
}

function ownedVersion(db: DatabaseSync, versionId: number): BulletinVersionRecord {
  const version = selectVersion(db, versionId);
  if (version === undefined || !holdsLease(version, currentOwner())) {
    throw new RegistryError(
      'Otro proceso tomó esta publicación mientras se escribía (¿se consideró muerto a este proceso?); no se marcó como publicada.',
    );
  }
  return version;
}

function mustSelect(db: DatabaseSync, versionId: number): BulletinVersionRecord {
  const version = selectVersion(db, versionId);
  if (version === undefined) throw new RegistryError(`La versión ${versionId} desapareció del registro.`);
  return version;
}
