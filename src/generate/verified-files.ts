import type { BulletinDocument } from '../model/bulletin-document.ts';
import type { RenderedFile } from '../publish/publish-bulletin.ts';
import { VerificationError, type VerificationReport, verificationJson } from '../verify/verification-report.ts';
import { verificationHtml } from '../verify/verification-html.ts';
import { type VerifyContext, verifyEdition } from '../verify/verify-edition.ts';

/**
 * Verifies an edition and gives its report as two files published beside it (`*.verificacion.json`,
 * `*.verificacion.html`); a rejected edition throws a VerificationError, so nothing of it is published.
 */
export function verifiedFiles(
  doc: BulletinDocument,
  context: VerifyContext,
): { report: VerificationReport; files: RenderedFile[] } {
  const report = verifyEdition(doc, context);
  if (report.veredicto !== 'aprobada') throw new VerificationError([report]);
  const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
  const files: RenderedFile[] = [
    { format: 'verificacion', extension: 'verificacion.json', bytes: encode(verificationJson(report)) },
    {
      format: 'verificacion-html',
      extension: 'verificacion.html',
      bytes: encode(verificationHtml(report, doc.headline)),
    },
  ];
  return { report, files };
}
