import type { Page } from 'puppeteer-core';
import type { BulletinDocument } from '../../model/bulletin-document.ts';
import type { LayoutAssets } from '../assets/layout-assets.ts';
import { renderHtml } from '../html/render-html.ts';
import type { BrowserSession } from './browser-session.ts';
import { setPdfProperties } from './pdf-properties.ts';
import { footerTemplate, headerTemplate } from './running-templates.ts';

export interface PdfOptions {
  /** The browser that serves the batch (see withBrowser); renderPdf prints on one of its pages. */
  readonly browser: BrowserSession;
  /** Page template, stylesheet and placeholder logo; by default read from templates/. */
  readonly layout?: LayoutAssets;
}

/**
 * The bulletin as a PDF printed by Chromium from the HTML rendering: Letter paper, running header
 * and footer, embedded fonts, tagged, with the document properties set.
 */
export async function renderPdf(doc: BulletinDocument, options: PdfOptions): Promise<Uint8Array> {
  // The draft mark goes into the running header, so the page itself leaves it out.
  const html = renderHtml(doc, { omitDraftMark: true, ...(options.layout ? { layout: options.layout } : {}) });
  const printed = await options.browser.withPage((page) => printPage(page, html, doc));
  return setPdfProperties(printed, doc);
}

async function printPage(page: Page, html: string, doc: BulletinDocument): Promise<Uint8Array> {
  await preparePage(page);
  await page.setContent(html, { waitUntil: 'load' });
  return page.pdf({
    format: 'letter',
    preferCSSPageSize: true,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: headerTemplate(doc),
    footerTemplate: footerTemplate(doc),
    tagged: true,
    outline: true,
    // Fonts are system fonts (Liberation Sans); Chromium embeds the subsets it used once they are ready.
    waitForFonts: true,
  });
}

/** Pages the session gave before: they are already offline and without scripts. */
const prepared = new WeakSet<Page>();

/**
 * Scripts off, and any request other than an inline data: URI refused: the page is self-contained.
 * Once per page: the session reuses a page for the next document, and a second listener would answer
 * each request twice.
 */
async function preparePage(page: Page): Promise<void> {
  if (prepared.has(page)) return;
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    if (url.startsWith('data:') || url === 'about:blank') void request.continue();
    else void request.abort('blockedbyclient');
  });
  prepared.add(page);
}
