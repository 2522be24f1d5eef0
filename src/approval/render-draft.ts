import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';
import { loadCatalog } from '../dataset/catalog.ts';
import { loadJornada } from '../dataset/load-jornada.ts';
import { bulletinSlug } from '../generate/bulletin-slug.ts';
import { generateBulletins } from '../generate/generate-bulletins.ts';
import { resolveIssueDate } from '../generate/issue-date.ts';
import type { RecordedFile } from '../publish/registry-records.ts';
import type { BrowserOptions } from '../render/pdf/browser-session.ts';
import { withDatasetFile } from './dataset-file.ts';
import type { RequestOptions } from './request-records.ts';

/** Folder, under the output folder, that holds each request's draft. */
export const REQUEST_DRAFTS_FOLDER = 'solicitudes';

export interface DraftInput {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly options: RequestOptions;
  /** Absolute output folder. */
  readonly outputDir: string;
  readonly registryPath: string;
  readonly browser?: Omit<BrowserOptions, 'signal'> | undefined;
  readonly signal?: AbortSignal | undefined;
}

export interface RenderedDraft {
  readonly bytesSha256: string;
  readonly datasetHash: string;
  readonly slug: string;
  readonly title: string;
  readonly issueDate: string;
  /** Relative to the output folder, with "/". */
  readonly files: readonly RecordedFile[];
}

/**
 * Validates the dataset and renders its draft through the batch pipeline (the "BORRADOR" mark, no
 * number). Each distinct dataset and options get their own folder, `solicitudes/<clave>/`, named by
 * their hash, so one request's draft never overwrites another's and the same upload gives the same draft.
 * Throws InputError with every problem, naming the file by its uploaded name; nothing is written then.
 */
export async function renderDraft(input: DraftInput): Promise<RenderedDraft> {
  const bytesSha256 = createHash('sha256').update(input.bytes).digest('hex');
  const key = createHash('sha256')
    .update(`${bytesSha256}\n${JSON.stringify(input.options)}`)
    .digest('hex')
    .slice(0, 16);
  const folder = join(input.outputDir, REQUEST_DRAFTS_FOLDER, key);
  return withDatasetFile(input.bytes, input.fileName, async (path) => {
    const loaded = await loadJornada(path, { strict: input.options.strict ?? false, catalog: loadCatalog() });
    const [result] = await generateBulletins({
      files: [path],
      outputDir: folder,
      registryPath: input.registryPath,
      draft: true,
      strict: input.options.strict ?? false,
      ...(input.options.formats !== undefined ? { formats: input.options.formats } : {}),
      ...(input.options.style !== undefined ? { style: input.options.style } : {}),
      ...(input.options.issueDate !== undefined ? { issueDate: input.options.issueDate } : {}),
      ...(input.signal !== undefined ? { signal: input.signal } : {}),
      ...(input.browser !== undefined ? { browser: input.browser } : {}),
    });
    if (result?.publication === undefined || result.title === undefined)
      throw result?.error ?? new Error('El borrador no se generó.');
    return {
      bytesSha256,
      datasetHash: loaded.hash,
      slug: bulletinSlug(loaded.jornada),
      title: result.title,
      issueDate: resolveIssueDate(loaded.jornada, input.options.issueDate),
      files: result.publication.files.map((file) => ({
        path: relative(input.outputDir, file.path).split(sep).join('/'),
        format: file.format,
        sha256: file.sha256,
        bytes: file.bytes,
      })),
    };
  });
}
