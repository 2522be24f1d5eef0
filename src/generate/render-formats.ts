import type { BulletinDocument } from '../model/bulletin-document.ts';
import type { RenderedFile } from '../publish/publish-bulletin.ts';
import type { BrowserSession } from '../render/pdf/browser-session.ts';
import { renderHtml } from '../render/html/render-html.ts';
import { renderMarkdown } from '../render/markdown/render-markdown.ts';
import type { OutputFormat } from './output-format.ts';

/** Renders one document in each format asked for; the browser is only asked for when a PDF is. */
export async function renderFormats(
  doc: BulletinDocument,
  formats: readonly OutputFormat[],
  browser: () => Promise<BrowserSession>,
): Promise<RenderedFile[]> {
  // At once: the DOCX is packed here while Chromium, in its own process, prints the PDF.
  return Promise.all(
    formats.map(async (format) => ({ format, extension: format, bytes: await renderFormat(doc, format, browser) })),
  );
}

async function renderFormat(
  doc: BulletinDocument,
  format: OutputFormat,
  browser: () => Promise<BrowserSession>,
): Promise<Uint8Array> {
  switch (format) {
    case 'html':
      return new TextEncoder().encode(renderHtml(doc));
    case 'md':
      return new TextEncoder().encode(renderMarkdown(doc));
    // docx, puppeteer-core and pdf-lib are loaded by the first bulletin that asks for their format.
    case 'docx': {
      const { renderDocx } = await import('../render/docx/render-docx.ts');
      return renderDocx(doc);
    }
    case 'pdf': {
      const { renderPdf } = await import('../render/pdf/render-pdf.ts');
      return renderPdf(doc, { browser: await browser() });
    }
  }
}
