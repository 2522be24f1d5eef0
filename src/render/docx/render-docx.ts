import { ARCHIVE_STAMP_NAME, encodeArchiveStamp } from '../archive-stamp.ts';
import { Document, Paragraph } from 'docx';
import type { BulletinDocument } from '../../model/bulletin-document.ts';
import { loadLayoutAssets, type LayoutAssets } from '../assets/layout-assets.ts';
import { resolveLogo } from '../assets/logo.ts';
import { issueDate } from '../text/issue-date.ts';
import { blocksToParagraphs, bulletParagraph, plainTextRun, SPACE_AFTER_SUMMARY } from './docx-content.ts';
import { FONT, StyleId, bulletinNumbering, bulletinStyles } from './docx-styles.ts';
import { letterhead, PAGE, runningFooter, runningHeader } from './docx-letterhead.ts';
import { compilePackage } from './compile-package.ts';
import { zipReproducible } from './zip-reproducible.ts';
import { GENERATOR } from '../generator.ts';
import { escapeHtml } from '../text/escape-html.ts';

export interface DocxOptions {
  /** Placeholder logo (and the rest of the layout files); by default read from templates/. */
  readonly layout?: LayoutAssets;
}

/**
 * The bulletin as a Word document: Letter paper, the letterhead of the HTML, real styles (Title,
 * Heading 1 and 2, a bulleted list), running header and footer with the number and page numbers,
 * and the document properties. The same document always gives the same bytes.
 */
export async function renderDocx(doc: BulletinDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const parts = compilePackage(docxTree(doc, options), [{ path: 'docProps/app.xml', data: appProperties() }]);
  return zipReproducible(parts, doc.metadata.issuedAt, issueDate(doc.metadata.issuedAt));
}

/** The document tree docx packs (exported for the benchmark, which packs it bare as its floor). */
export function docxTree(doc: BulletinDocument, options: DocxOptions = {}): Document {
  const logo = resolveLogo(doc, options.layout ?? loadLayoutAssets());
  return new Document({
    title: doc.metadata.title,
    subject: doc.metadata.subject,
    creator: doc.metadata.author,
    lastModifiedBy: doc.metadata.author,
    keywords: doc.metadata.keywords.join(', '),
    description: doc.metadata.description ?? doc.metadata.subject,
    revision: 1,
    ...(doc.archiveStamp === undefined
      ? {}
      : { customProperties: [{ name: ARCHIVE_STAMP_NAME, value: encodeArchiveStamp(doc.archiveStamp) }] }),
    styles: bulletinStyles(doc.lang),
    numbering: bulletinNumbering(),
    theme: { fonts: { headings: FONT, body: FONT } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.marginTop,
              bottom: PAGE.marginBottom,
              left: PAGE.marginSide,
              right: PAGE.marginSide,
              header: PAGE.header,
              footer: PAGE.footer,
            },
          },
        },
        headers: { default: runningHeader(doc) },
        footers: { default: runningFooter(doc) },
        children: [
          ...letterhead(doc, logo),
          new Paragraph({ style: StyleId.title, children: [plainTextRun(doc.headline)] }),
          ...doc.bullets.map((bullet, index) =>
            bulletParagraph(
              bullet,
              StyleId.summary,
              index === doc.bullets.length - 1 ? SPACE_AFTER_SUMMARY : undefined,
            ),
          ),
          ...blocksToParagraphs(doc.body, doc.lang),
        ],
      },
    ],
  });
}

/** The extended properties: the application that wrote the file, as Word's Properties dialog shows it. */
function appProperties(): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `<Application>${escapeHtml(GENERATOR)}</Application></Properties>`
  );
}
