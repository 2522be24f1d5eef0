import type { BulletinDocument } from '../model/bulletin-document.ts';
import type { RenderedFile } from '../publish/publish-bulletin.ts';
import type { BrowserSession } from '../render/pdf/browser-session.ts';
import { renderDocx } from '../render/docx/render-docx.ts';
import { renderHtml } from '../render/html/render-html.ts';
import { renderMarkdown } from '../render/markdown/render-markdown.ts';
import { renderPdf } from '../render/pdf/render-pdf.ts';
import type { OutputFormat } from './output-format.ts';

/** Renders one document in each format asked for; the browser is only asked for when a PDF is. */
export async function renderFormats(
  doc: BulletinDocument,
  formats: readonly OutputFormat[],
  browser: () => Promise<BrowserSession>,
): Promise<RenderedFile[]> {
  const files: RenderedFile[] = [];
  for (const format of formats) {
    files.push({ format, extension: format, bytes: await renderFormat(doc, format, browser) });
  }
  return files;
}

async function renderFormat(doc: BulletinDocument, format: OutputFormat, browser: () => Promise<BrowserSession>): Promise<Uint8Array> {
  switch (format) {
    case 'html':
      return new TextEncoder().encode(renderHtml(doc));
    case 'md':
      return new TextEncoder().encode(renderMarkdown(doc));
    case 'docx':
      return renderDocx(doc);
    case 'pdf':
      return renderPdf(doc, { browser: await browser() });
  }
}
