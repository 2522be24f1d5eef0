import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { type ApprovalContext, type ApprovalRequest, submitDataset } from '../approval/index.ts';
import { InputError, type Problem } from '../errors.ts';
import type { RenderQueue } from './render-queue.ts';
import { checkJornadaFile } from '../dataset/load-jornada.ts';
import { loadCatalog } from '../dataset/catalog.ts';

/** How long an upload's report stays on its page. */
const REPORT_KEPT_MS = 24 * 60 * 60 * 1000;

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
  /** The approval request it became, with its draft. */
  readonly request?: ApprovalRequest;
  readonly error?: string;
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
 * random id (never by anything the uploader sent). What lasts is the approval request each dataset
 * becomes, in the registry; an upload is only the report and the progress on the way there.
 */
export class UploadJobs {
  readonly #jobs = new Map<string, UploadJob>();
  readonly #root: string;
  /** The folders a previous run left (its jobs died with it), removed once before the first upload. */
  #leftoversCleared: Promise<void> | undefined;

  constructor(workDir: string) {
    this.#root = join(workDir, 'subidas');
  }

  /**
   * A fresh, empty folder for the files of one upload. An upload's files are kept only until its
   * datasets are in the registry (or refused); its report is kept a day, then forgotten: the page runs
   * for weeks, and neither the disk nor the memory may grow with every upload.
   */
  async create(owner: string, ownerName: string, now: Date): Promise<UploadJob> {
    // Best effort: a folder that cannot be removed must not stop every upload after it.
    this.#leftoversCleared ??= rm(this.#root, { recursive: true, force: true }).catch(() => undefined);
    await this.#leftoversCleared;
    await this.#forgetOld(now);
    const id = randomBytes(16).toString('hex');
    const folder = join(this.#root, id);
    await mkdir(folder, { recursive: true });
    const job: UploadJob = {
      id,
      folder,
      owner,
      ownerName,
      createdAt: now,
      fileNames: [],
      state: UploadState.queued,
      problems: [],
      datasets: [],
      progress: null,
      error: null,
    };
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

  /** Reports older than a day, of uploads no longer rendering, are forgotten (their folders are gone already). */
  async #forgetOld(now: Date): Promise<void> {
    for (const job of [...this.#jobs.values()]) {
      const old = now.getTime() - job.createdAt.getTime() > REPORT_KEPT_MS;
      if (old && job.state !== UploadState.rendering && job.state !== UploadState.queued) await this.discard(job);
    }
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
      if (report.loaded !== undefined)
        loaded.push({ fileName: file.name, path: file.path, warnings: report.loaded.warnings });
    }
    (job as { fileNames: readonly string[] }).fileNames = files.map((file) => file.name);
    job.problems = problems;
    if (loaded.length !== toCheck.length) {
      job.state = UploadState.refused;
      // The report says what to fix; the refused files are not kept.
      await rm(job.folder, { recursive: true, force: true });
      return false;
    }
    job.datasets = loaded;
    return true;
  }

  /**
   * Queues the upload's datasets into the approval workflow, one after the other: each is validated again
   * and rendered as a draft (marked BORRADOR, no number) by `submitDataset`, and becomes a request in state
   * 'borrador', recorded in the registry with the uploader's name. `progress` says which one is being done.
   */
  submitAll(job: UploadJob, approval: ApprovalContext, outputDir: string, queue: RenderQueue): Promise<void> {
    return queue.run(async () => {
      job.state = UploadState.rendering;
      const total = job.datasets.length;
      for (const [index, dataset] of job.datasets.entries()) {
        job.progress = `Borrador ${index + 1} de ${total}: ${dataset.fileName}`;
        try {
          const bytes = await readFile(dataset.path);
          const request = await submitDataset(approval, {
            bytes,
            fileName: dataset.fileName,
            person: job.ownerName,
            outputDir,
          });
          job.datasets[index] = { ...dataset, request };
        } catch (error) {
          if (error instanceof InputError) job.problems = [...job.problems, ...error.problems];
          job.datasets[index] = { ...dataset, error: error instanceof Error ? error.message : String(error) };
        }
      }
      job.progress = null;
      // Each dataset's bytes are in the registry with its request now: the uploaded files are not needed.
      await rm(job.folder, { recursive: true, force: true });
      const failed = job.datasets.find((dataset) => dataset.error !== undefined);
      job.state = failed === undefined ? UploadState.ready : UploadState.failed;
      job.error = failed?.error ?? null;
    });
  }
}
