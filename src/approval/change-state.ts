import { type ApprovalContext, checkPerson, nowOf } from './approval-context.ts';
import { ApprovalError } from './approval-errors.ts';
import { AuditAction, appendAudit } from './audit-log.ts';
import { type ApprovalRequest, mustFindRequest } from './request-records.ts';
import { RequestState } from './request-state.ts';

/** A draft goes to the person who approves: 'borrador' -> 'por-aprobar'. */
export function sendForApproval(context: ApprovalContext, id: number, person: string): ApprovalRequest {
  const who = checkPerson(person);
  return context.registry.immediate((db) => {
    const request = mustFindRequest(db, id);
    if (request.state === RequestState.awaitingApproval) return request;
    if (request.state !== RequestState.draft)
      throw wrongState(request, 'enviar a aprobación', 'sólo se envía un borrador');
    const now = nowOf(context);
    db.prepare('UPDATE solicitudes SET estado = ?, actualizado_en = ? WHERE id = ?').run(
      RequestState.awaitingApproval,
      now,
      id,
    );
    appendAudit(db, { at: now, person: who, action: AuditAction.send, requestId: id });
    return mustFindRequest(db, id);
  });
}

/** A draft or a request awaiting approval is turned down, with the reason the office reads. */
export function rejectRequest(context: ApprovalContext, id: number, person: string, reason: string): ApprovalRequest {
  const who = checkPerson(person);
  const why = reason.trim();
  if (why === '')
    throw new ApprovalError(
      'Diga por qué se rechaza la solicitud: el motivo queda en la bitácora para quien la corrija.',
    );
  return context.registry.immediate((db) => {
    const request = mustFindRequest(db, id);
    if (request.state !== RequestState.draft && request.state !== RequestState.awaitingApproval) {
      throw wrongState(request, 'rechazar', 'sólo se rechaza un borrador o una solicitud por aprobar');
    }
    const now = nowOf(context);
    db.prepare('UPDATE solicitudes SET estado = ?, motivo_rechazo = ?, actualizado_en = ? WHERE id = ?').run(
      RequestState.rejected,
      why,
      now,
      id,
    );
    appendAudit(db, { at: now, person: who, action: AuditAction.reject, requestId: id, detail: why });
    return mustFindRequest(db, id);
  });
}

export function wrongState(request: ApprovalRequest, action: string, rule: string): ApprovalError {
  return new ApprovalError(`No se puede ${action} la solicitud ${request.id}: está «${request.state}» y ${rule}.`);
}
