import { encodeArchiveStamp } from '../archive-stamp.ts';
import type { BulletinDocument } from '../../model/bulletin-document.ts';
import { RenderError } from '../../errors.ts';
import { loadLayoutAssets, type LayoutAssets } from '../assets/layout-assets.ts';
import { resolveLogo } from '../assets/logo.ts';
import { GENERATOR } from '../generator.ts';
import { blocksToHtml, listItemsToHtml } from './blocks-to-html.ts';
import { compilePageTemplate, trustedHtml } from './page-template.ts';

export interface HtmlOptions {
  /**
   * Leave the draft mark out of the page: the PDF renderer prints it in its running header instead,
   * on every page. The HTML file itself always carries it.
   */
  readonly omitDraftMark?: boolean;
  /** Page template, stylesheet and placeholder logo; by default read from templates/. */
  readonly layout?: LayoutAssets;
}

/** Height of the logo box in CSS pixels; the width follows the logo's own proportions. */
const LOGO_HEIGHT = 78;

/**
 * The bulletin as one self-contained HTML file: styles and logo inlined, a print stylesheet, the
 * document's language, real headings and lists. Every word comes from the document.
 */
export function renderHtml(doc: BulletinDocument, options: HtmlOptions = {}): string {
  const layout = options.layout ?? loadLayoutAssets();
  const logo = resolveLogo(doc, layout);
  if (/<\/style/i.test(layout.stylesheet)) {
    throw new RenderError('La hoja de estilo no puede contener «</style».');
  }
  const page = compilePageTemplate(layout.pageTemplate);
  return page({
    lang: doc.lang,
    title: doc.metadata.title,
    author: doc.metadata.author,
    subject: doc.metadata.subject,
    keywords: doc.metadata.keywords.join(', '),
    generator: GENERATOR,
    archiveStamp: doc.archiveStamp === undefined ? '' : encodeArchiveStamp(doc.archiveStamp),
    style: trustedHtml(layout.stylesheet),
    draft: doc.draft,
    draftMark: doc.draft && options.omitDraftMark !== true,
    draftLabel: doc.labels.draft,
    logo: {
      src: logo.dataUri,
      alt: doc.labels.logoAlt,
      width: Math.round((LOGO_HEIGHT * logo.width) / logo.height),
      height: LOGO_HEIGHT,
    },
    institution: doc.labels.institution,
    documentKind: doc.labels.documentKind,
    dateline: doc.dateline,
    number: doc.number,
    headline: doc.headline,
    hasBullets: doc.bullets.length > 0,
    bullets: trustedHtml(listItemsToHtml(doc.bullets)),
    body: trustedHtml(blocksToHtml(doc.body, doc.lang)),
  });
}
