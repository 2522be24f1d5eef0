import { availableParallelism } from 'node:os';
import { DateTime } from 'luxon';
import { type TemplateSet, loadTemplateSet } from '../compose/load-templates.ts';
import { type ComposeStyle, composeBulletin } from '../compose/compose-bulletin.ts';
import type { Catalog } from '../dataset/catalog.ts';
import { loadCatalog } from '../dataset/catalog.ts';
import { type LoadedJornada, loadJornada } from '../dataset/load-jornada.ts';
import { unpublishableDate } from '../dataset/publishable-values.ts';
import { InputError, PhrasingError, type Problem } from '../errors.ts';
import { phrasingFor, withPlainSpaces } from '../lang/index.ts';
import type { Phrasing } from '../lang/phrasing.ts';
import type { PhrasingOptions } from '../lang/phrasing-options.ts';
import { type Registry, openRegistry } from '../publish/registry.ts';
import { wasPublished } from '../publish/registry-records.ts';
import { type PublishResult, publishBulletin } from '../publish/publish-bulletin.ts';
import { checkArchiveFolder } from '../publish/archive-identity.ts';
import type { BrowserOptions } from '../render/pdf/browser-session.ts';
import { bulletinSlug } from './bulletin-slug.ts';
import { type BulletinStyleSettings, bulletinStyle } from './bulletin-style.ts';
import { resolveIssueDate } from './issue-date.ts';
import { inFlight } from './in-flight.ts';
import { type LazyBrowser, lazyBrowser } from './lazy-browser.ts';
import { DEFAULT_FORMATS, type OutputFormat } from './output-format.ts';
import { basename } from 'node:path';
import { composeStateBulletin } from '../compose/compose-state-bulletin.ts';
import type { BulletinDocument } from '../model/bulletin-document.ts';
import { type PackagedEdition, recordEditionPackage } from '../publish/edition-package.ts';
import { relativeOutputPath } from '../publish/output-path.ts';
import { DEFAULT_EDITIONS, type EditionName } from './editions.ts';
import { packageZip } from './package-zip.ts';
import { renderEditions } from './render-editions.ts';

export interface GenerateRequest {
  /** Dataset files (JSON, YAML, .xlsx). */
  readonly files: readonly string[];
  readonly outputDir: string;
  readonly registryPath: string;
  readonly formats?: readonly OutputFormat[];
  /** Phrasing style of the figures ("imss" by default); wins over the dataset's `boletin.cifras`. */
  readonly style?: string;
  /** The other bulletin style settings; each wins over the same setting in the dataset's `boletin`. */
  readonly styleSettings?: BulletinStyleSettings;
  readonly strict?: boolean;
  /** Render with a "BORRADOR" mark, without a number, into `<año>/borradores/`. */
  readonly draft?: boolean;
  /** Publish a new version of a number whose data changed. */
  readonly correction?: boolean;
  /** Who publishes, as the registry records it (the person who approved); otherwise the OS user. */
  readonly user?: string;
  /** Replace files on disk that the registry does not hold as this bulletin's. */
  readonly overwrite?: boolean;
  /** The number to give (only with one file); otherwise the dataset's, or the next free of the year. */
  readonly number?: number;
  /** The issue date ("2023-03-01"); otherwise the dataset's, or the day after the jornada. */
  readonly issueDate?: string;
  readonly edition?: string;
  /** The editions to render into the bulletin's package; the national Spanish one by default. */
  readonly editions?: readonly EditionName[];
  readonly signal?: AbortSignal;
  readonly browser?: Omit<BrowserOptions, 'signal'>;
  /** Bulletins in flight at once (by default one per core, at least 2, plus one). */
  readonly concurrency?: number;
  /** Told when each bulletin starts and is done, for a progress line. */
  readonly onProgress?: (event: GenerateProgress) => void;
}

export interface GenerateProgress {
  readonly stage: 'inicio' | 'listo';
  readonly index: number;
  readonly total: number;
  readonly source: string;
  readonly result?: GeneratedBulletin;
}

/** One dataset of the batch: published (title and publication), or failed (error). */
export interface GeneratedBulletin {
  readonly source: string;
  readonly warnings: readonly Problem[];
  readonly title?: string;
  readonly publication?: PublishResult;
  readonly error?: Error;
}

const LANG = 'es';
const NATIONAL_EDITION = 'nacional';

/**
 * The whole pipeline for a batch of datasets: load and validate every file first (a bad one stops the
 * batch before anything is written), then for each, compose and render it in every format and publish
 * the files under its number. One browser serves the batch and is closed whatever happens. A bulletin
 * that fails (a conflict with the registry, a render error) gives its number back and never leaves
 * another one half done; with several in flight, a later bulletin may already hold the next number.
 */
export async function generateBulletins(request: GenerateRequest): Promise<GeneratedBulletin[]> {
  if (request.number !== undefined && request.files.length !== 1) {
    throw new InputError('Un número de boletín explícito (--numero) sólo puede darse para un archivo a la vez.');
  }
  if (request.issueDate !== undefined) checkIssueDate(request.issueDate);
  const catalog = loadCatalog();
  // Checked once up front, so a wrong --estilo stops the batch before any file is read.
  phrasingForRequest(request.style, {});
  const templates = loadTemplateSet(LANG);
  const english = {
    phrasing: phrasingForRequest(request.style, {}, 'en'),
    templates: (request.editions ?? []).includes('en') ? loadTemplateSet('en') : templates,
  };
  let cardTemplates: TemplateSet | undefined;
  const card = (): TemplateSet => (cardTemplates ??= loadTemplateSet('tarjeta'));
  const loaded = inIssueOrder(await loadAll(request.files, catalog, request.strict ?? false), request.issueDate);
  if (request.draft === true) checkDistinctDrafts(loaded, request.issueDate);
  const registry = openRegistry(request.registryPath, { outputDir: request.outputDir });
  try {
    // Once for the batch: a registry that is not this folder's would fail every bulletin the same way.
    if (request.draft !== true) await checkArchiveFolder(registry, request.outputDir, { mark: true });
  } catch (error) {
    registry.close();
    throw error;
  }
  const browser = lazyBrowser({ ...request.browser, ...(request.signal ? { signal: request.signal } : {}) });
  // Several bulletins at once (while one prints, another composes or packs its DOCX), each taking its
  // number only after the one before it took its own: numbers follow the dates whatever finishes first.
  try {
    if (willPrint(request, loaded, registry)) browser.startEarly();
    return await inFlight(loaded, request.concurrency ?? defaultConcurrency(), async (dataset, index, claimed) => {
      request.signal?.throwIfAborted();
      request.onProgress?.({ stage: 'inicio', index, total: loaded.length, source: dataset.sourcePath });
      const chosen = bulletinStyle(dataset.jornada, {
        ...request.styleSettings,
        ...(request.style === undefined ? {} : { cifras: request.style }),
      });
      const phrasing = phrasingForRequest(chosen.figureStyle, chosen.phrasingOptions);
      const style = chosen.composeStyle;
      const result = await generateOne(
        dataset,
        request,
        { catalog, phrasing, style, templates, english, card, registry, browser },
        claimed,
      );
      request.onProgress?.({ stage: 'listo', index, total: loaded.length, source: dataset.sourcePath, result });
      return result;
    });
  } finally {
    await browser.close();
    registry.close();
  }
}

/**
 * Whether the batch will surely print: a PDF or a card is asked for, and some dataset was never
 * published as this edition. Chromium then starts while the first bulletins are composed, instead of
 * when the first PDF asks for it (about half a second). A rerun of published data still never starts it.
 */
function willPrint(request: GenerateRequest, loaded: readonly LoadedJornada[], registry: Registry): boolean {
  const editions = request.editions ?? DEFAULT_EDITIONS;
  // A card is always a picture Chromium takes; the bulletins print only as PDF; the web post never prints.
  const prints =
    editions.includes('tarjeta') ||
    ((request.formats ?? DEFAULT_FORMATS).includes('pdf') && editions.some((name) => PRINTED_EDITIONS.has(name)));
  const edition = request.edition ?? NATIONAL_EDITION;
  return prints && loaded.some((dataset) => !wasPublished(registry, dataset.hash, edition));
}

/** The editions that are bulletins, printed as PDF when PDF is asked for. */
const PRINTED_EDITIONS: ReadonlySet<EditionName> = new Set(['es', 'en', 'estados']);

/**
 * A draft is written at `<año>/borradores/<jornada>.<ext>`, without a number: two datasets of one jornada
 * in one draft batch would write the same files, the second silently replacing the first while both were
 * reported as written. Refused before anything is written.
 */
function checkDistinctDrafts(loaded: readonly LoadedJornada[], requestedDate: string | undefined): void {
  const seen = new Map<string, string>();
  for (const dataset of loaded) {
    const key = `${resolveIssueDate(dataset.jornada, requestedDate).slice(0, 4)}/${bulletinSlug(dataset.jornada)}`;
    const first = seen.get(key);
    if (first !== undefined) {
      throw new InputError(
        `«${first}» y «${dataset.sourcePath}» son borradores de la misma jornada (${key}): el segundo reemplazaría al primero. Genere cada borrador por separado.`,
      );
    }
    seen.set(key, dataset.sourcePath);
  }
}

/** Bulletins in flight by default: one per page the browser prints at once, plus one composing or packing. */
function defaultConcurrency(): number {
  return Math.max(2, availableParallelism()) + 1;
}

interface Tools {
  readonly catalog: Catalog;
  readonly phrasing: Phrasing;
  readonly style: ComposeStyle;
  readonly templates: TemplateSet;
  readonly english: { readonly phrasing: Phrasing; readonly templates: TemplateSet };
  /** The social card's templates, read when a card is asked for. */
  readonly card: () => TemplateSet;
  readonly registry: Registry;
  readonly browser: LazyBrowser;
}

/** Composes, renders and publishes one dataset; a failure is returned with the dataset, not thrown. */
async function generateOne(
  dataset: LoadedJornada,
  request: GenerateRequest,
  tools: Tools,
  claimed: () => void,
): Promise<GeneratedBulletin> {
  const { jornada } = dataset;
  const issueDate = resolveIssueDate(jornada, request.issueDate);
  const formats = request.formats ?? DEFAULT_FORMATS;
  const compose = (number: number | null, lang: 'es' | 'en' = 'es', edition = request.edition ?? NATIONAL_EDITION) =>
    composeBulletin(jornada, {
      templates: lang === 'es' ? tools.templates : tools.english.templates,
      catalog: tools.catalog,
      phrasing: lang === 'es' ? tools.phrasing : tools.english.phrasing,
      style: tools.style,
      number,
      issueDate,
      // The dataset's place is written in Spanish; the English edition says it in English.
      ...(jornada.boletin?.lugar && lang === 'es' ? { place: jornada.boletin.lugar } : {}),
      draft: request.draft ?? false,
      edition,
    });
  const base = { source: dataset.sourcePath, warnings: dataset.warnings };
  const editions = request.editions ?? DEFAULT_EDITIONS;
  let packaged: readonly PackagedEdition[] = [];
  try {
    // The registry, its listings, the CSV export and the CLI keep the title in plain spaces: the
    // no-break spaces that hold a figure together on the page only make a search or comparison fail there.
    const title = withPlainSpaces(compose(null).headline);
    const publication = await publishBulletin({
      registry: tools.registry,
      outputDir: request.outputDir,
      year: Number(issueDate.slice(0, 4)),
      slug: bulletinSlug(jornada),
      title,
      issueDate,
      datasetHash: dataset.hash,
      edition: request.edition ?? NATIONAL_EDITION,
      style: tools.phrasing.style,
      templateVersion: tools.templates.version,
      // A draft takes no number, not even the one the dataset fixes for the final bulletin
      // (asking for one with --numero is still refused by publish).
      explicitNumber: request.draft === true ? request.number : (request.number ?? jornada.boletin?.numero),
      draft: request.draft,
      correction: request.correction,
      user: request.user,
      overwrite: request.overwrite,
      formats,
      signal: request.signal,
      // The registry says which editions the package holds (not for a draft, which has no number).
      recordOnPublish: (db, versionId) => {
        if (request.draft !== true && packaged.length > 0) recordEditionPackage(db, versionId, packaged);
      },
      render: async (numbering) => {
        // The number is taken: the next bulletin may take its own while this one renders.
        claimed();
        // The registry's record travels inside each file, so a lost registry can be rebuilt from them.
        const stamp = (doc: BulletinDocument): BulletinDocument =>
          numbering.number === null
            ? doc
            : {
                ...doc,
                archiveStamp: {
                  number: numbering.number,
                  year: numbering.year,
                  version: numbering.version,
                  slug: bulletinSlug(jornada),
                  title,
                  issueDate,
                  datasetHash: dataset.hash,
                  edition: request.edition ?? NATIONAL_EDITION,
                  style: tools.phrasing.style,
                  templateVersion: tools.templates.version,
                },
              };
        // Every edition is proven before it is rendered: a figure that does not match its data fails the package.
        const rendered = await renderEditions({
          jornada,
          editions,
          formats,
          number: numbering.number,
          issueDate,
          stamp,
          concurrency: request.concurrency ?? defaultConcurrency(),
          compose: (lang, edition) =>
            compose(numbering.number, lang, edition === 'nacional' ? (request.edition ?? NATIONAL_EDITION) : edition),
          composeCard: () =>
            composeBulletin(jornada, {
              templates: tools.card(),
              catalog: tools.catalog,
              phrasing: tools.phrasing,
              number: numbering.number,
              issueDate,
              draft: request.draft ?? false,
              edition: 'tarjeta',
              template: 'tarjeta',
            }),
          composeState: (index) =>
            composeStateBulletin(jornada, index, {
              templates: tools.templates,
              catalog: tools.catalog,
              phrasing: tools.phrasing,
              style: tools.style,
              number: numbering.number,
              issueDate,
              draft: request.draft ?? false,
            }),
          phrasing: (lang) => (lang === 'es' ? tools.phrasing : tools.english.phrasing),
          browser: tools.browser.get,
        });
        packaged = rendered.editions;
        if (editions.length === 1) return [...rendered.files];
        const slug = bulletinSlug(jornada);
        const name = (extension: string): string =>
          basename(
            relativeOutputPath({
              year: numbering.year,
              number: numbering.number,
              slug,
              extension,
              version: numbering.version,
            }),
          );
        return [...rendered.files, packageZip(rendered.files, name, issueDate)];
      },
    });
    return { ...base, title, publication };
  } catch (error) {
    if (request.signal?.aborted === true) throw error;
    return { ...base, error: error instanceof Error ? error : new Error(String(error)) };
  }
}

/** Bulletins are numbered in the order they are issued, whatever the order of the files given. */
function inIssueOrder(loaded: LoadedJornada[], requestedDate: string | undefined): LoadedJornada[] {
  const key = (dataset: LoadedJornada): string =>
    `${resolveIssueDate(dataset.jornada, requestedDate)} ${dataset.sourcePath}`;
  return [...loaded].sort((a, b) => key(a).localeCompare(key(b)));
}

function phrasingForRequest(style: string | undefined, options: PhrasingOptions, lang: 'es' | 'en' = LANG): Phrasing {
  try {
    return phrasingFor(lang, style, options);
  } catch (error) {
    if (error instanceof PhrasingError) throw new InputError(error.message);
    throw error;
  }
}

function checkIssueDate(date: string): void {
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(date) ? DateTime.fromISO(date) : undefined;
  if (parsed === undefined || !parsed.isValid) {
    throw new InputError(
      `La fecha de emisión «${date}» no es válida: escríbala como año-mes-día, por ejemplo 2023-03-01.`,
    );
  }
  const unpublishable = unpublishableDate(date);
  if (unpublishable !== undefined)
    throw new InputError(`La fecha de emisión «${date}» no se puede usar: ${unpublishable}.`);
}

/** Every file loaded before anything is written; the problems of all bad files are reported together. */
async function loadAll(files: readonly string[], catalog: Catalog, strict: boolean): Promise<LoadedJornada[]> {
  const loaded: LoadedJornada[] = [];
  const problems: Problem[] = [];
  const messages: string[] = [];
  for (const file of files) {
    try {
      loaded.push(await loadJornada(file, { strict, catalog }));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
      messages.push(error.message);
    }
  }
  if (messages.length > 0) throw new InputError(messages.join('\n'), problems);
  return loaded;
}
