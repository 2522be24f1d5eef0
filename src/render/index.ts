/**
 * The renderers: each one reads a BulletinDocument and writes one format. None formats a figure or a
 * date, and none hard-wires a word: every word comes from the document.
 *
 * HTML and Markdown load at once; the PDF and DOCX renderers (puppeteer, pdf-lib, docx) are imported on
 * first use, so `--help`, validation and HTML-only runs do not pay for them.
 */
import type { BulletinDocument } from '../model/bulletin-document.ts';
import type { DocxOptions } from './docx/render-docx.ts';
import type { PdfOptions } from './pdf/render-pdf.ts';

export { renderHtml, type HtmlOptions } from './html/render-html.ts';
export { renderMarkdown } from './markdown/render-markdown.ts';
export { withBrowser, launchBrowser, type BrowserOptions, type BrowserSession } from './pdf/browser-session.ts';
export { findBrowser, type DiscoveryEnvironment } from './pdf/find-browser.ts';
export { loadLayoutAssets, DEFAULT_TEMPLATES_DIR, type LayoutAssets } from './assets/layout-assets.ts';
export type { DocxOptions, PdfOptions };

/** The bulletin as a PDF printed by the session's Chromium (see render-pdf.ts). */
export async function renderPdf(doc: BulletinDocument, options: PdfOptions): Promise<Uint8Array> {
  const { renderPdf: render } = await import('./pdf/render-pdf.ts');
  return render(doc, options);
}

/** The bulletin as a Word document, byte for byte the same for the same document (see render-docx.ts). */
export async function renderDocx(doc: BulletinDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const { renderDocx: render } = await import('./docx/render-docx.ts');
  return render(doc, options);
}
