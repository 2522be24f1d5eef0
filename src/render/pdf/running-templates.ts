import type { BulletinDocument } from '../../model/bulletin-document.ts';
import { escapeHtml } from '../text/escape-html.ts';

/**
 * The running header and footer Chromium prints in the page margins: the draft mark on top for a
 * draft; at the foot, the bulletin number and "<page> X <pageOf> Y". Chromium fills the spans with
 * the classes pageNumber and totalPages; every other value is the document's, escaped.
 */
const BOX =
  "font-family:'Liberation Sans',Arial,sans-serif;font-size:8pt;color:#5a5a5a;width:100%;" +
  'margin:0 0.9in;display:flex;justify-content:space-between;align-items:center;' +
  '-webkit-print-color-adjust:exact;print-color-adjust:exact';

export function headerTemplate(doc: BulletinDocument): string {
  if (!doc.draft) return '<div></div>';
  const mark =
    'background:#a4262c;color:#ffffff;font-weight:bold;letter-spacing:0.3em;padding:2pt 8pt;margin-left:auto';
  return `<div style="${BOX}"><span style="${mark}">${escapeHtml(doc.labels.draft)}</span></div>`;
}

export function footerTemplate(doc: BulletinDocument): string {
  const rule = 'border-top:0.5pt solid #b38e5d;padding-top:4pt';
  const page =
    `${escapeHtml(doc.labels.page)} <span class="pageNumber"></span> ` +
    `${escapeHtml(doc.labels.pageOf)} <span class="totalPages"></span>`;
  return `<div style="${BOX};${rule}"><span>${escapeHtml(doc.number)}</span><span>${page}</span></div>`;
}
