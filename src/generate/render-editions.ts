import { statesWithData } from '../compose/compose-state-bulletin.ts';
import type { TemplateSet } from '../compose/load-templates.ts';
import type { Jornada } from '../dataset/schema.ts';
import type { Phrasing } from '../lang/phrasing.ts';
import type { BulletinDocument } from '../model/bulletin-document.ts';
import type { RenderedFile } from '../publish/publish-bulletin.ts';
import type { BrowserSession } from '../render/pdf/browser-session.ts';
import { CARD_SIZES, cardAltText, renderCardPng } from '../render/card/render-card.ts';
import { renderWebPost } from '../render/web/render-web-post.ts';
import type { EditionName } from './editions.ts';
import type { OutputFormat } from './output-format.ts';
import { renderFormats } from './render-formats.ts';
import { inFlight } from './in-flight.ts';
import type { PackagedEdition } from '../publish/edition-package.ts';
import type { VerifyContext } from '../verify/verify-edition.ts';
import { verifiedFiles as verifyToFiles } from './verified-files.ts';

/** One language's tools: its templates and phrasing. */
export interface LanguageTools {
  readonly templates: TemplateSet;
  readonly phrasing: Phrasing;
}

export interface EditionsRequest {
  readonly jornada: Jornada;
  readonly editions: readonly EditionName[];
  readonly formats: readonly OutputFormat[];
  readonly number: number | null;
  readonly issueDate: string;
  /** Composes the jornada in a language as an edition ("nacional", "en", "web"). */
  readonly compose: (lang: 'es' | 'en', edition: string) => BulletinDocument;
  /** Composes the social card (templates/tarjeta). */
  readonly composeCard: () => BulletinDocument;
  /** Composes the local bulletin of the state at this index of `jornada.estados`. */
  readonly composeState: (index: number) => BulletinDocument;
  readonly phrasing: (lang: 'es' | 'en') => Phrasing;
  readonly browser: () => Promise<BrowserSession>;
  /** Stamps a composed edition with the registry's record before it is rendered (see archiveStamp). */
  readonly stamp?: (doc: BulletinDocument) => BulletinDocument;
  /** Editions rendering at once (the batch passes its own bulletins-in-flight figure). */
  readonly concurrency?: number;
}

/**
 * Every edition asked for, each verified figure by figure before it is rendered, as the files of one
 * package: the Spanish bulletin keeps the bulletin's own names (`093-slug.pdf`), every other edition
 * says its name before the extension (`093-slug.en.pdf`, `093-slug.web.md`), and each has its
 * `.verificacion.json` and `.verificacion.html`. One failed verification fails the whole package.
 *
 * Every edition is composed and proven first, in order, so a figure that does not match its data stops
 * the package before anything is printed. Then the editions render several at once (a jornada's 35
 * state bulletins used to print one after another, one page of the browser in use), and their files
 * keep the order of the editions.
 */
export async function renderEditions(request: EditionsRequest): Promise<RenderedEditions> {
  const editions: PackagedEdition[] = [];
  const stamp = request.stamp ?? ((doc: BulletinDocument) => doc);
  const verifiedFiles = (doc: BulletinDocument, context: VerifyContext): RenderedFile[] => {
    const verified = verifyToFiles(doc, context);
    editions.push({ edition: doc.edition, lang: doc.lang, figures: verified.report.cifras });
    return verified.files;
  };
  const facts = { jornada: request.jornada, number: request.number, issueDate: request.issueDate };
  const prefixed = (edition: string, list: readonly RenderedFile[]): RenderedFile[] =>
    list.map((file) => ({ ...file, format: `${edition}.${file.format}`, extension: `${edition}.${file.extension}` }));
  const formatsOf = (doc: BulletinDocument) => renderFormats(stamp(doc), request.formats, request.browser);
  const tasks: Array<() => Promise<RenderedFile[]>> = [];
  if (request.editions.includes('es')) {
    const doc = request.compose('es', 'nacional');
    const verification = verifiedFiles(doc, { ...facts, phrasing: request.phrasing('es') });
    tasks.push(async () => [...(await formatsOf(doc)), ...verification]);
  }
  if (request.editions.includes('en')) {
    const doc = request.compose('en', 'en');
    const verification = verifiedFiles(doc, { ...facts, phrasing: request.phrasing('en') });
    tasks.push(async () => prefixed('en', [...(await formatsOf(doc)), ...verification]));
  }
  if (request.editions.includes('web')) {
    const doc = request.compose('es', 'web');
    const verification = verifiedFiles(doc, { ...facts, phrasing: request.phrasing('es') });
    const post: RenderedFile = { format: 'md', extension: 'md', bytes: new TextEncoder().encode(renderWebPost(doc)) };
    tasks.push(() => Promise.resolve(prefixed('web', [post, ...verification])));
  }
  if (request.editions.includes('estados')) {
    const used = new Set<string>();
    for (const { index } of statesWithData(request.jornada)) {
      const doc = request.composeState(index);
      // Two entries of one state (a dataset may split it) still get files of their own.
      const edition = used.has(doc.edition) ? `${doc.edition}-${String(index + 1)}` : doc.edition;
      used.add(edition);
      const verification = verifiedFiles(doc, { ...facts, phrasing: request.phrasing('es') });
      tasks.push(async () => prefixed(edition, [...(await formatsOf(doc)), ...verification]));
    }
  }
  if (request.editions.includes('tarjeta')) {
    const doc = request.composeCard();
    const verification = verifiedFiles(doc, { ...facts, phrasing: request.phrasing('es') });
    tasks.push(async () => prefixed('tarjeta', [...(await cardFiles(doc, request.browser)), ...verification]));
  }
  const rendered = await inFlight(tasks, request.concurrency ?? DEFAULT_CONCURRENCY, (task, _index, claimed) => {
    // No order to keep while rendering: the results come back in the editions' order.
    claimed();
    return task();
  });
  return { files: rendered.flat(), editions };
}

/** Editions rendering at once when the caller does not say: the browser's pages bound the printing anyway. */
const DEFAULT_CONCURRENCY = 3;

/** The social card at each size, and its alt text. */
async function cardFiles(doc: BulletinDocument, browserOf: () => Promise<BrowserSession>): Promise<RenderedFile[]> {
  const browser = await browserOf();
  const cards: RenderedFile[] = [];
  for (const size of CARD_SIZES) {
    cards.push({
      format: `png-${size.name}`,
      extension: `${size.name}.png`,
      bytes: await renderCardPng(doc, size, browser),
    });
  }
  return [...cards, { format: 'alt', extension: 'alt.txt', bytes: new TextEncoder().encode(cardAltText(doc)) }];
}

export interface RenderedEditions {
  readonly files: readonly RenderedFile[];
  /** Each edition rendered, with the figures its verification proved: the package the registry records. */
  readonly editions: readonly PackagedEdition[];
}
