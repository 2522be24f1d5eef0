import { PDFDict, PDFDocument, PDFHexString, PDFName } from '@cantoo/pdf-lib';
import { ARCHIVE_STAMP_NAME, encodeArchiveStamp } from '../archive-stamp.ts';
import type { BulletinDocument } from '../../model/bulletin-document.ts';
import { issueDate } from '../text/issue-date.ts';
import { GENERATOR } from '../generator.ts';

/**
 * Chromium writes only the title (from <title>) and stamps the current time; this sets the document
 * properties a reader's "Properties" dialog shows — title, author, subject, keywords, language,
 * creator — and takes both dates from the issue date, so that a re-render carries the same ones.
 */
export async function setPdfProperties(pdf: Uint8Array, doc: BulletinDocument): Promise<Uint8Array> {
  const issued = issueDate(doc.metadata.issuedAt);
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  document.setTitle(doc.metadata.title, { showInWindowTitleBar: true });
  document.setAuthor(doc.metadata.author);
  document.setSubject(doc.metadata.subject);
  document.setKeywords([...doc.metadata.keywords]);
  document.setCreator(GENERATOR);
  document.setLanguage(doc.lang);
  document.setCreationDate(issued);
  document.setModificationDate(issued);
  if (doc.archiveStamp !== undefined) {
    pdfInfo(document)?.set(PDFName.of(ARCHIVE_STAMP_NAME), PDFHexString.fromText(encodeArchiveStamp(doc.archiveStamp)));
  }
  return document.save({ useObjectStreams: false });
}

/** The document information dictionary (pdf-lib keeps its own getter private). */
export function pdfInfo(document: PDFDocument): PDFDict | undefined {
  const info = document.context.trailerInfo.Info;
  if (info === undefined) return undefined;
  const dict = document.context.lookup(info);
  return dict instanceof PDFDict ? dict : undefined;
}
