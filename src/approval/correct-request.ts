import { type ApprovalContext, checkPerson, nowOf } from './approval-context.ts';
import { AuditAction, appendAudit } from './audit-log.ts';
import { wrongState } from './change-state.ts';
import { safeDatasetName } from './dataset-file.ts';
import { renderDraft } from './render-draft.ts';
import { type ApprovalRequest, type RequestOptions, mustFindRequest, recordDraftFiles } from './request-records.ts';
import { RequestState } from './request-state.ts';

export interface CorrectRequest {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly person: string;
  /** New options; the request's own when absent. */
  readonly options?: RequestOptions | undefined;
}

const correctable: readonly RequestState[] = [RequestState.draft, RequestState.awaitingApproval, RequestState.rejected];

/**
 * New data for a request not yet published (corrected figures, a fixed file): validated and drafted
 * again, the request goes back to 'borrador', and the log records it as a correction, old and new hash.
 * A published bulletin is corrected by a new request with the correction option instead.
 */
export async function correctRequest(
  context: ApprovalContext,
  id: number,
  correction: CorrectRequest,
): Promise<ApprovalRequest> {
  const person = checkPerson(correction.person);
  const before = mustFindRequest(context.registry.db, id);
  if (!correctable.includes(before.state))
    throw wrongState(before, 'corregir', 'una solicitud publicada se corrige con una nueva solicitud de corrección');
  const options = correction.options ?? before.options;
  const draft = await renderDraft({
    bytes: correction.bytes,
    fileName: correction.fileName,
    options,
    outputDir: before.outputDir,
    registryPath: context.registry.path,
    browser: context.browser,
    signal: context.signal,
  });
  return context.registry.immediate((db) => {
    // Read again under the lock: someone may have approved it while the draft rendered.
    const current = mustFindRequest(db, id);
    if (!correctable.includes(current.state))
      throw wrongState(current, 'corregir', 'cambió mientras se generaba el borrador');
    const now = nowOf(context);
    db.prepare(
      `UPDATE solicitudes SET estado = ?, nombre_archivo = ?, datos = ?, sha256_datos = ?, hash_datos = ?, jornada = ?,
         titulo = ?, fecha = ?, opciones = ?, motivo_rechazo = NULL, actualizado_en = ? WHERE id = ?`,
    ).run(
      RequestState.draft,
      safeDatasetName(correction.fileName),
      correction.bytes,
      draft.bytesSha256,
      draft.datasetHash,
      draft.slug,
      draft.title,
      draft.issueDate,
      JSON.stringify(options),
      now,
      id,
    );
    recordDraftFiles(db, id, draft.files);
    appendAudit(db, {
      at: now,
      person,
      action: AuditAction.correct,
      requestId: id,
      detail: `${safeDatasetName(correction.fileName)}: datos ${current.bytesSha256.slice(0, 12)} -> ${draft.bytesSha256.slice(0, 12)}`,
    });
    return mustFindRequest(db, id);
  });
}
