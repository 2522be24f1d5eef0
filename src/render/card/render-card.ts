import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { Page } from 'puppeteer-core';
import type { BulletinDocument, Inline } from '../../model/bulletin-document.ts';
import { DEFAULT_TEMPLATES_DIR, loadLayoutAssets } from '../assets/layout-assets.ts';
import { resolveLogo } from '../assets/logo.ts';
import type { BrowserSession } from '../pdf/browser-session.ts';
import { plainText } from '../text/text-runs.ts';

/** The two sizes the office posts: landscape (X, Facebook) and square (Instagram). */
export const CARD_SIZES = [
  { name: '1200x675', width: 1200, height: 675, layout: 'apaisada' },
  { name: '1080x1080', width: 1080, height: 1080, layout: 'cuadrada' },
] as const;
export type CardSize = (typeof CARD_SIZES)[number];

export interface CardFigure {
  /** The figure, printed large: "3 mil 242". */
  readonly numero: string;
  /** What it counts: "cirugías". */
  readonly rotulo: string;
}

/**
 * The card's figures from the composed card (templates/tarjeta/tarjeta.hbs): each paragraph is one
 * figure, its sourced run the number and the rest the label, so the card prints the words compose
 * wrote and the verification proved.
 */
export function cardFigureTexts(doc: BulletinDocument): CardFigure[] {
  return doc.body.flatMap((block) => {
    if (block.kind !== 'paragraph') return [];
    const sourced = block.content.find(
      (inline): inline is Extract<Inline, { kind: 'text' }> => inline.kind === 'text' && inline.source !== undefined,
    );
    const whole = plainText(block.content);
    if (sourced === undefined) return [{ numero: whole, rotulo: '' }];
    return [{ numero: sourced.text, rotulo: whole.replace(sourced.text, '').trim() }];
  });
}

/** The card as a self-contained HTML page at one size, from the office's template and stylesheet. */
export function cardHtml(doc: BulletinDocument, size: CardSize, templatesDir: string = DEFAULT_TEMPLATES_DIR): string {
  const folder = join(templatesDir, 'tarjeta');
  const template = Handlebars.create().compile(readFileSync(join(folder, 'tarjeta.html.hbs'), 'utf8'), {
    strict: true,
    knownHelpersOnly: true,
  });
  return template({
    idioma: doc.lang,
    titulo: doc.headline,
    fechas: doc.dateline,
    institucion: doc.labels.institution,
    logo: resolveLogo(doc, loadLayoutAssets(templatesDir)).dataUri,
    estilo: readFileSync(join(folder, 'tarjeta.css'), 'utf8'),
    formato: size.layout,
    cifras: cardFigureTexts(doc),
  });
}

/** The text that goes beside the image for people who cannot see it. */
export function cardAltText(doc: BulletinDocument): string {
  const figures = cardFigureTexts(doc).map((figure) => `${figure.numero} ${figure.rotulo}`.trim());
  return `${doc.labels.institution}. ${doc.headline}. ${doc.dateline}. ${figures.join('; ')}.\n`;
}

/** The card as a PNG of exactly `size`, drawn by Chromium. */
export async function renderCardPng(
  doc: BulletinDocument,
  size: CardSize,
  browser: BrowserSession,
): Promise<Uint8Array> {
  const html = cardHtml(doc, size);
  return browser.withPage(async (page: Page) => {
    await page.setJavaScriptEnabled(false);
    await page.setViewport({ width: size.width, height: size.height, deviceScaleFactor: 1 });
    await page.setContent(html, { waitUntil: 'load' });
    return browser.screenshot(page, { x: 0, y: 0, width: size.width, height: size.height });
  });
}
