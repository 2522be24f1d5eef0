import { createHash } from 'node:crypto';
import { generateBulletins } from '../generate/generate-bulletins.ts';
import { RegistryError } from '../publish/publish-errors.ts';
import { ApprovalError } from './approval-errors.ts';
import { bulletinLabel } from '../publish/registry-records.ts';
import type { PublishResult } from '../publish/publish-bulletin.ts';
import { type ApprovalContext, checkPerson, nowOf } from './approval-context.ts';
import { AuditAction, appendAudit } from './audit-log.ts';
import { wrongState } from './change-state.ts';
import { withDatasetFile } from './dataset-file.ts';
import { type ApprovalRequest, mustFindRequest, requestBytes } from './request-records.ts';
import { RequestState } from './request-state.ts';

export interface ApprovalOutcome {
  readonly request: ApprovalRequest;
  readonly publication: PublishResult;
}

/**
 * A person approves a request awaiting approval: it is published through the same path as
 * `boletin generar`, from the stored bytes (checked against their hash), taking its number, with the
 * person's name as who published it. A request left 'aprobado' by a crash is finished by approving it
 * again (publishing is idempotent: the same data find their number). If publishing fails, the request
 * goes back to 'por-aprobar' and the log says why.
 */
export async function approveRequest(
  context: ApprovalContext,
  id: number,
  person: string,
  reviewed?: string,
): Promise<ApprovalOutcome> {
  const who = checkPerson(person);
  const approved = markApproved(context, id, who, reviewed);
  const bytes = requestBytes(context.registry.db, id);
  let publication: PublishResult;
  try {
    publication = await publish(context, approved, bytes, who);
  } catch (error) {
    recordFailure(context, id, who, error);
    throw error;
  }
  return { request: markPublished(context, id, who, publication), publication };
}

/**
 * `reviewed` is the hash of the data the person had in front of them (the download page sends the one of
 * the page it showed): if the request was corrected and sent again meanwhile, what would be published is
 * not what they approved, so nothing changes and they are told to look again. Checked in the transaction
 * that approves, so no correction can slip in between.
 */
function markApproved(context: ApprovalContext, id: number, person: string, reviewed?: string): ApprovalRequest {
  return context.registry.immediate((db) => {
    const request = mustFindRequest(db, id);
    if (reviewed !== undefined && reviewed !== request.bytesSha256) {
      throw new ApprovalError(
        `Los datos de la solicitud ${String(id)} cambiaron desde que abrió la página (se corrigieron o se volvieron a enviar): revise el borrador nuevo y apruebe otra vez.`,
      );
    }
    if (request.state === RequestState.approved) return request;
    if (request.state === RequestState.published) {
      throw wrongState(request, 'aprobar', 'ya se publicó: descárguelo de la lista de boletines');
    }
    if (request.state !== RequestState.awaitingApproval) {
      throw wrongState(request, 'aprobar', 'sólo se aprueba una solicitud por aprobar (envíe antes el borrador)');
    }
    const bytes = requestBytes(db, id);
    if (createHash('sha256').update(bytes).digest('hex') !== request.bytesSha256) {
      throw new RegistryError(
        `Los datos guardados de la solicitud ${id} no coinciden con su huella: no se publica lo que no se revisó.`,
      );
    }
    const now = nowOf(context);
    db.prepare(
      'UPDATE solicitudes SET estado = ?, aprobado_por = ?, aprobado_en = ?, actualizado_en = ? WHERE id = ?',
    ).run(RequestState.approved, person, now, now, id);
    appendAudit(db, { at: now, person, action: AuditAction.approve, requestId: id });
    return mustFindRequest(db, id);
  });
}

async function publish(
  context: ApprovalContext,
  request: ApprovalRequest,
  bytes: Uint8Array,
  person: string,
): Promise<PublishResult> {
  const { options } = request;
  return withDatasetFile(bytes, request.fileName, async (path) => {
    const [result] = await generateBulletins({
      files: [path],
      outputDir: request.outputDir,
      registryPath: context.registry.path,
      user: person,
      strict: options.strict ?? false,
      correction: options.correction ?? false,
      ...(options.formats !== undefined ? { formats: options.formats } : {}),
      ...(options.style !== undefined ? { style: options.style } : {}),
      ...(options.issueDate !== undefined ? { issueDate: options.issueDate } : {}),
      ...(options.number !== undefined ? { number: options.number } : {}),
      ...(context.signal !== undefined ? { signal: context.signal } : {}),
      ...(context.browser !== undefined ? { browser: context.browser } : {}),
    });
    if (result?.publication === undefined) throw result?.error ?? new Error('El boletín no se publicó.');
    return result.publication;
  });
}

function markPublished(
  context: ApprovalContext,
  id: number,
  person: string,
  publication: PublishResult,
): ApprovalRequest {
  return context.registry.immediate((db) => {
    const now = nowOf(context);
    const changed = db
      .prepare(
        `UPDATE solicitudes SET estado = ?, anio = ?, numero = ?, version = ?, actualizado_en = ? WHERE id = ? AND estado = ?`,
      )
      .run(
        RequestState.published,
        publication.year,
        publication.number,
        publication.version,
        now,
        id,
        RequestState.approved,
      );
    // Another approval of the same request may have finished first; it logged the publication.
    if (changed.changes > 0 && publication.number !== null) {
      const label = `${bulletinLabel(publication.number, publication.year)} v${publication.version}`;
      appendAudit(db, {
        at: now,
        person,
        action: publication.version > 1 ? AuditAction.publishCorrection : AuditAction.publish,
        requestId: id,
        year: publication.year,
        number: publication.number,
        version: publication.version,
        detail: publication.reused ? `${label} (ya estaba publicado con estos datos)` : label,
      });
    }
    return mustFindRequest(db, id);
  });
}

function recordFailure(context: ApprovalContext, id: number, person: string, error: unknown): void {
  try {
    context.registry.immediate((db) => {
      const now = nowOf(context);
      db.prepare('UPDATE solicitudes SET estado = ?, actualizado_en = ? WHERE id = ? AND estado = ?').run(
        RequestState.awaitingApproval,
        now,
        id,
        RequestState.approved,
      );
      appendAudit(db, {
        at: now,
        person,
        action: AuditAction.publishFailed,
        requestId: id,
        detail: error instanceof Error ? error.message : String(error),
      });
    });
  } catch {
    // The original error matters more; the request stays 'aprobado' and approving it again retries.
  }
}
