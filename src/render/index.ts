/**
 * The renderers: each one reads a BulletinDocument and writes one format. None formats a figure or a
 * date, and none hard-wires a word: every word comes from the document. The PDF renderer needs a
 * browser session (withBrowser); puppeteer itself is only loaded when a session is launched.
 */
export { renderHtml, type HtmlOptions } from './html/render-html.ts';
export { renderPdf, type PdfOptions } from './pdf/render-pdf.ts';
export { renderDocx, type DocxOptions } from './docx/render-docx.ts';
export { renderMarkdown } from './markdown/render-markdown.ts';
export { withBrowser, launchBrowser, type BrowserOptions, type BrowserSession } from './pdf/browser-session.ts';
export { findBrowser, type DiscoveryEnvironment } from './pdf/find-browser.ts';
export { loadLayoutAssets, DEFAULT_TEMPLATES_DIR, type LayoutAssets } from './assets/layout-assets.ts';
