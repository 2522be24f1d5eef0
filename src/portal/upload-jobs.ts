import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Problem } from '../errors.ts';
import { checkJornadaFile } from '../dataset/load-jornada.ts';
import { loadCatalog } from '../dataset/catalog.ts';
import { type GeneratedBulletin, generateBulletins } from '../generate/generate-bulletins.ts';
import type { BrowserOptions } from '../render/pdf/browser-session.ts';

/** The kinds of file the upload form takes, by extension. */
export const UPLOAD_EXTENSIONS = ['json', 'yaml', 'yml', 'xlsx', 'csv'] as const;

export const UploadState = {
  refused: 'rechazado',
  queued: 'en espera',
  rendering: 'preparando borradores',
  ready: 'listo',
  failed: 'falló',
} as const;
export type UploadState = (typeof UploadState)[keyof typeof UploadState];

/** One dataset of an upload, once its draft is rendered. */
export interface UploadedDataset {
  readonly fileName: string;
  readonly path: string;
  readonly warnings: readonly Problem[];
  readonly draft?: GeneratedBulletin;
}

/** What one upload became: the files, the validation report, and the drafts as they are rendered. */
export interface UploadJob {
  readonly id: string;
  readonly folder: string;
  /** The person who uploaded (their username; the local user's name in single-user mode). */
  readonly owner: string;
  readonly ownerName: string;
  readonly createdAt: Date;
  readonly fileNames: readonly string[];
  state: UploadState;
  problems: readonly Problem[];
  datasets: UploadedDataset[];
  /** "Borrador 2 de 3: 2021-06-periodo-plan-nacional.json", while rendering. */
  progress: string | null;
  error: string | null;
}

/**
 * Uploads in flight, kept in memory: each in its own folder under `<workDir>/subidas/<id>/`, named by a
 * random id (never by anything the uploader sent). Drafts are rendered one upload at a time, because
 * the machine has one browser's worth of room; the next waits its turn.
 */
export class UploadJobs {
  readonly #jobs = new Map<string, UploadJob>();
  readonly #root: string;
  readonly #registryPath: string;
  readonly #browser: Omit<BrowserOptions, 'signal'> | undefined;
  #queue: Promise<void> = Promise.resolve();

  constructor(workDir: string, registryPath: string, browser?: Omit<BrowserOptions, 'signal'>) {
    this.#root = join(workDir, 'subidas');
    this.#registryPath = registryPath;
    this.#browser = browser;
  }

  /** A fresh, empty folder for the files of one upload. */
  async create(owner: string, ownerName: string, now: Date): Promise<UploadJob> {
    const id = randomBytes(16).toString('hex');
    const folder = join(this.#root, id);
    await mkdir(folder, { recursive: true });
    const job: UploadJob = { id, folder, owner, ownerName, createdAt: now, fileNames: [], state: UploadState.queued, problems: [], datasets: [], progress: null, error: null };
    this.#jobs.set(id, job);
    return job;
  }

  get(id: string): UploadJob | undefined {
    return /^[0-9a-f]{32}$/.test(id) ? this.#jobs.get(id) : undefined;
  }

  async discard(job: UploadJob): Promise<void> {
    this.#jobs.delete(job.id);
    await rm(job.folder, { recursive: true, force: true });
  }

  /**
   * Validates every dataset of the upload with the same loader as `boletin validar`. A side CSV is read
   * through the dataset that names it. Returns false (and keeps the report) when one has an error.
   */
  async validate(job: UploadJob, files: readonly { name: string; path: string }[]): Promise<boolean> {
    const catalog = loadCatalog();
    const datasets = files.filter((file) => !file.name.toLowerCase().endsWith('.csv'));
    const toCheck = datasets.length > 0 ? datasets : files;
    const problems: Problem[] = [];
    const loaded: UploadedDataset[] = [];
    for (const file of toCheck) {
      const report = await checkJornadaFile(file.path, { catalog });
      problems.push(...report.problems.map((problem) => ({ ...problem, file: basename(problem.file) })));
      if (report.loaded !== undefined) loaded.push({ fileName: file.name, path: file.path, warnings: report.loaded.warnings });
    }
    (job as { fileNames: readonly string[] }).fileNames = files.map((file) => file.name);
    job.problems = problems;
    if (loaded.length !== toCheck.length) {
      job.state = UploadState.refused;
      return false;
    }
    job.datasets = loaded;
    return true;
  }

  /** Queues the rendering of the upload's drafts (HTML and PDF, marked BORRADOR, without a number). */
  renderDrafts(job: UploadJob): Promise<void> {
    const work = async (): Promise<void> => {
      job.state = UploadState.rendering;
      try {
        const results = await generateBulletins({
          files: job.datasets.map((dataset) => dataset.path),
          outputDir: join(job.folder, 'borradores'),
          registryPath: this.#registryPath,
          formats: ['html', 'pdf'],
          draft: true,
          ...(this.#browser === undefined ? {} : { browser: this.#browser }),
          onProgress: (event) => {
            if (event.stage === 'inicio') job.progress = `Borrador ${event.index + 1} de ${event.total}: ${basename(event.source)}`;
          },
        });
        job.datasets = job.datasets.map((dataset) => {
          const draft = results.find((result) => result.source === dataset.path);
          return draft === undefined ? dataset : { ...dataset, draft };
        });
        const failed = results.find((result) => result.error !== undefined);
        job.state = failed === undefined ? UploadState.ready : UploadState.failed;
        job.error = failed?.error?.message ?? null;
      } catch (error) {
        job.state = UploadState.failed;
        job.error = error instanceof Error ? error.message : String(error);
      } finally {
        job.progress = null;
      }
    };
    const run = this.#queue.then(work);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}
