import { RenderError } from '../../errors.ts';

/**
 * The issue date as an instant, used as the fixed creation date of the files. A date without an
 * explicit offset would depend on the machine's zone, so it is refused.
 */
export function issueDate(issuedAt: string): Date {
  const isIsoWithOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/.test(
    issuedAt,
  );
  const date = new Date(issuedAt);
  if (!isIsoWithOffset || Number.isNaN(date.getTime())) {
    throw new RenderError(`Fecha de emisión inválida en el documento: «${issuedAt}» (se espera ISO 8601 con zona).`);
  }
  return date;
}
