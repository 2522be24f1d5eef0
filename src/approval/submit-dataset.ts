import { resolve } from 'node:path';
import { type ApprovalContext, checkPerson, nowOf } from './approval-context.ts';
import { AuditAction, appendAudit } from './audit-log.ts';
import { safeDatasetName } from './dataset-file.ts';
import { renderDraft } from './render-draft.ts';
import { type ApprovalRequest, type RequestOptions, mustFindRequest, recordDraftFiles } from './request-records.ts';
import { RequestState } from './request-state.ts';

export interface SubmitDataset {
  readonly bytes: Uint8Array;
  /** The name it was uploaded with; only its last segment is kept. */
  readonly fileName: string;
  readonly person: string;
  /** Where drafts go and the bulletin will be published. */
  readonly outputDir: string;
  readonly options?: RequestOptions | undefined;
  /** "manual" (the default) or "programa:<jornada>". */
  readonly origin?: string | undefined;
}

/**
 * Takes a dataset into the workflow: validates it, renders its draft and records the request as
 * 'borrador', with the bytes and their hash. Invalid data throws InputError with every problem, and
 * nothing is recorded.
 */
export async function submitDataset(context: ApprovalContext, submission: SubmitDataset): Promise<ApprovalRequest> {
  const person = checkPerson(submission.person);
  const outputDir = resolve(submission.outputDir);
  const options = submission.options ?? {};
  const draft = await renderDraft({
    bytes: submission.bytes,
    fileName: submission.fileName,
    options,
    outputDir,
    registryPath: context.registry.path,
    browser: context.browser,
    signal: context.signal,
  });
  return context.registry.immediate((db) => {
    const now = nowOf(context);
    const inserted = db
      .prepare(
        `INSERT INTO solicitudes (estado, nombre_archivo, datos, sha256_datos, hash_datos, jornada, titulo, fecha, opciones,
           origen, carpeta_salida, creado_por, creado_en, actualizado_en)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        RequestState.draft,
        safeDatasetName(submission.fileName),
        submission.bytes,
        draft.bytesSha256,
        draft.datasetHash,
        draft.slug,
        draft.title,
        draft.issueDate,
        JSON.stringify(options),
        submission.origin ?? 'manual',
        outputDir,
        person,
        now,
        now,
      );
    const id = Number(inserted.lastInsertRowid);
    recordDraftFiles(db, id, draft.files);
    appendAudit(db, {
      at: now,
      person,
      action: AuditAction.submit,
      requestId: id,
      detail: `${safeDatasetName(submission.fileName)} (datos ${draft.bytesSha256.slice(0, 12)})`,
    });
    return mustFindRequest(db, id);
  });
}
