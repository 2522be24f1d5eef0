/**
 * The approval workflow: a dataset becomes a draft awaiting a person's approval, and approving it
 * publishes it through the same pipeline as the CLI. The CLI (`boletin aprobacion`), the download page
 * and the scheduler are faces over these functions; the registry holds every request and the audit log.
 */
export { type ApprovalContext, checkPerson } from './approval-context.ts';
export { ApprovalError } from './approval-errors.ts';
export { approveRequest, type ApprovalOutcome } from './approve-request.ts';
export { AuditAction, auditLogOfBulletin, auditLogOfRequest, recentAudit, type AuditEntry } from './audit-log.ts';
export { rejectRequest, sendForApproval } from './change-state.ts';
export { correctRequest, type CorrectRequest } from './correct-request.ts';
export { safeDatasetName } from './dataset-file.ts';
export { REQUEST_DRAFTS_FOLDER } from './render-draft.ts';
export {
  findRequest,
  listRequests,
  requestDataset,
  type ApprovalRequest,
  type RequestFilter,
  type RequestOptions,
} from './request-records.ts';
export { ALL_REQUEST_STATES, RequestState, isRequestState } from './request-state.ts';
export { submitDataset, type SubmitDataset } from './submit-dataset.ts';
