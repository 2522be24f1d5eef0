import { DateTime } from 'luxon';
import { type TemplateSet, loadTemplateSet } from '../compose/load-templates.ts';
import { composeBulletin } from '../compose/compose-bulletin.ts';
import type { Catalog } from '../dataset/catalog.ts';
import { loadCatalog } from '../dataset/catalog.ts';
import { type LoadedJornada, loadJornada } from '../dataset/load-jornada.ts';
import { InputError, PhrasingError, type Problem } from '../errors.ts';
import { phrasingFor, withPlainSpaces } from '../lang/index.ts';
import type { Phrasing } from '../lang/phrasing.ts';
import { type Registry, openRegistry } from '../publish/registry.ts';
import { type PublishResult, publishBulletin } from '../publish/publish-bulletin.ts';
import type { BrowserOptions } from '../render/pdf/browser-session.ts';
import { bulletinSlug } from './bulletin-slug.ts';
import { resolveIssueDate } from './issue-date.ts';
import { type LazyBrowser, lazyBrowser } from './lazy-browser.ts';
import { DEFAULT_FORMATS, type OutputFormat } from './output-format.ts';
import { renderFormats } from './render-formats.ts';

export interface GenerateRequest {
  /** Dataset files (JSON, YAML, .xlsx). */
  readonly files: readonly string[];
  readonly outputDir: string;
  readonly registryPath: string;
  readonly formats?: readonly OutputFormat[];
  /** Phrasing style of the figures ("imss" by default). */
  readonly style?: string;
  readonly strict?: boolean;
  /** Render with a "BORRADOR" mark, without a number, into `<año>/borradores/`. */
  readonly draft?: boolean;
  /** Publish a new version of a number whose data changed. */
  readonly correction?: boolean;
  /** Replace files on disk that the registry does not hold as this bulletin's. */
  readonly overwrite?: boolean;
  /** The number to give (only with one file); otherwise the dataset's, or the next free of the year. */
  readonly number?: number;
  /** The issue date ("2023-03-01"); otherwise the dataset's, or the day after the jornada. */
  readonly issueDate?: string;
  readonly edition?: string;
  readonly signal?: AbortSignal;
  readonly browser?: Omit<BrowserOptions, 'signal'>;
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
 * the files under its number. One browser serves the batch and is closed whatever happens.
 */
export async function generateBulletins(request: GenerateRequest): Promise<GeneratedBulletin[]> {
  if (request.number !== undefined && request.files.length !== 1) {
    throw new InputError('Un número de boletín explícito (--numero) sólo puede darse para un archivo a la vez.');
  }
  if (request.issueDate !== undefined) checkIssueDate(request.issueDate);
  const catalog = loadCatalog();
  const phrasing = phrasingForRequest(request.style);
  const templates = loadTemplateSet(LANG);
  const loaded = inIssueOrder(await loadAll(request.files, catalog, request.strict ?? false), request.issueDate);
  const registry = openRegistry(request.registryPath);
  const browser = lazyBrowser({ ...request.browser, ...(request.signal ? { signal: request.signal } : {}) });
  const results: GeneratedBulletin[] = [];
  try {
    // One bulletin at a time, in order of issue: numbers follow the dates, and a bulletin that fails (a
    // conflict with the registry, a render error) never leaves another one half done.
    for (const [index, dataset] of loaded.entries()) {
      request.signal?.throwIfAborted();
      request.onProgress?.({ stage: 'inicio', index, total: loaded.length, source: dataset.sourcePath });
      const result = await generateOne(dataset, request, { catalog, phrasing, templates, registry, browser });
      results.push(result);
      request.onProgress?.({ stage: 'listo', index, total: loaded.length, source: dataset.sourcePath, result });
    }
    return results;
  } finally {
    await browser.close();
    registry.close();
  }
}

interface Tools {
  readonly catalog: Catalog;
  readonly phrasing: Phrasing;
  readonly templates: TemplateSet;
  readonly registry: Registry;
  readonly browser: LazyBrowser;
}

/** Composes, renders and publishes one dataset; a failure is returned with the dataset, not thrown. */
async function generateOne(dataset: LoadedJornada, request: GenerateRequest, tools: Tools): Promise<GeneratedBulletin> {
  const { jornada } = dataset;
  const issueDate = resolveIssueDate(jornada, request.issueDate);
  const formats = request.formats ?? DEFAULT_FORMATS;
  const compose = (number: number | null) =>
    composeBulletin(jornada, {
      templates: tools.templates,
      catalog: tools.catalog,
      phrasing: tools.phrasing,
      number,
      issueDate,
      ...(jornada.boletin?.lugar ? { place: jornada.boletin.lugar } : {}),
      draft: request.draft ?? false,
      edition: request.edition ?? NATIONAL_EDITION,
    });
  const base = { source: dataset.sourcePath, warnings: dataset.warnings };
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
      overwrite: request.overwrite,
      formats,
      signal: request.signal,
      render: (numbering) => renderFormats(compose(numbering.number), formats, tools.browser.get),
    });
    return { ...base, title, publication };
  } catch (error) {
    if (request.signal?.aborted === true) throw error;
    return { ...base, error: error instanceof Error ? error : new Error(String(error)) };
  }
}

/** Bulletins are numbered in the order they are issued, whatever the order of the files given. */
function inIssueOrder(loaded: LoadedJornada[], requestedDate: string | undefined): LoadedJornada[] {
  const key = (dataset: LoadedJornada): string => `${resolveIssueDate(dataset.jornada, requestedDate)} ${dataset.sourcePath}`;
  return [...loaded].sort((a, b) => key(a).localeCompare(key(b)));
}

function phrasingForRequest(style: string | undefined): Phrasing {
  try {
    return phrasingFor(LANG, style);
  } catch (error) {
    if (error instanceof PhrasingError) throw new InputError(error.message);
    throw error;
  }
}

function checkIssueDate(date: string): void {
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(date) ? DateTime.fromISO(date) : undefined;
  if (parsed === undefined || !parsed.isValid) {
    throw new InputError(`La fecha de emisión «${date}» no es válida: escríbala como año-mes-día, por ejemplo 2023-03-01.`);
  }
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
