import type { BulletinDocument } from '../../src/model/bulletin-document.ts';

/**
 * The document with plain spaces where the phrasing wrote no-break ones ("3 mil 729"), for tests about
 * wording that compare with text typed in plain spaces. The no-break spaces themselves are tested apart
 * (test/unit/compose/compose-ties.test.ts, test/unit/lang/no-break-space.test.ts).
 */
export function typedDocument(doc: BulletinDocument): BulletinDocument {
  return JSON.parse(JSON.stringify(doc).replaceAll('\u00A0', ' ')) as BulletinDocument;
}
