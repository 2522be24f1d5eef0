import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from '@cantoo/pdf-lib';
import type { BulletinDocument } from '../../model/bulletin-document.ts';
import { plainText } from '../text/text-runs.ts';

/**
 * Gives the PDF's bookmarks their words back. Chromium builds the outline from the headings as laid out
 * and drops the space where a heading wraps ("...Extraordinaria deContinuidad..."). Each bookmark whose
 * title, without spaces, is one of the document's headings (the headline, the body's headings) takes that
 * heading's text. Bookmarks are a list in a side panel, not set text: plain spaces.
 */
export function restoreOutlineTitles(pdf: PDFDocument, doc: BulletinDocument): void {
  const headings = [
    doc.headline,
    ...doc.body.flatMap((block) => (block.kind === 'heading' ? [plainText(block.content)] : [])),
  ];
  const byLetters = new Map(headings.map((heading) => [lettersOf(heading), heading.replace(/\u00A0/g, ' ')]));
  const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  if (outlines === undefined) return;
  for (const item of outlineItems(outlines)) {
    const title = item.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString);
    const heading = title === undefined ? undefined : byLetters.get(lettersOf(title.decodeText()));
    if (heading !== undefined) item.set(PDFName.of('Title'), PDFHexString.fromText(heading));
  }
}

/** Every item of the outline tree, depth first; a loop in a broken file is not followed twice. */
function outlineItems(parent: PDFDict): PDFDict[] {
  const items: PDFDict[] = [];
  const seen = new Set<PDFDict>();
  const visit = (node: PDFDict): void => {
    for (let item = node.lookupMaybe(PDFName.of('First'), PDFDict); item !== undefined && !seen.has(item);) {
      seen.add(item);
      items.push(item);
      visit(item);
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
    }
  };
  visit(parent);
  return items;
}

/** The text without any kind of space or soft hyphen: what a wrapped and an unwrapped heading share. */
function lettersOf(text: string): string {
  return text.normalize('NFC').replace(/[\s\u00AD\u200B]+/gu, '');
}
