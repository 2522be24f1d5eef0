/**
 * States of an approval request (solicitud), as the office names them:
 * borrador -> por-aprobar -> aprobado -> publicado, or rechazado (until corrected, back to borrador).
 * "aprobado" is the short step between a person's approval and the number being taken; a request left
 * there by a crash is finished by approving it again.
 */
export const RequestState = {
  draft: 'borrador',
  awaitingApproval: 'por-aprobar',
  approved: 'aprobado',
  published: 'publicado',
  rejected: 'rechazado',
} as const;
export type RequestState = (typeof RequestState)[keyof typeof RequestState];

export const ALL_REQUEST_STATES: readonly RequestState[] = Object.values(RequestState);

export function isRequestState(value: string): value is RequestState {
  return (ALL_REQUEST_STATES as readonly string[]).includes(value);
}
