import type { DatabaseSync } from 'node:sqlite';
import { mkdir, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { InputError } from '../errors.ts';
import type { Registry } from './registry.ts';
import type { BulletinVersionRecord, RecordedFile } from './registry-records.ts';
import { BulletinState, bulletinLabel } from './registry-records.ts';
import {
  claimPublication,
  claimRepair,
  finishPublication,
  ownsVersion,
  recordPlannedFiles,
  releasePublication,
  type Claim,
  type PublicationIdentity,
} from './claim-publication.ts';
import { DRAFTS_FOLDER, assertValidNumber, assertValidYear, outputPath, relativeOutputPath } from './output-path.ts';
import { PublishConflictError, PublishIoError, RegistryBusyError } from './publish-errors.ts';
import { describeSystemError, systemErrorCode } from '../system-error.ts';
import { cleanStaleTempFiles, sha256Hex, writeFileAtomic } from './write-file-atomic.ts';
import { checkArchiveFolder } from './archive-identity.ts';
import { readArchiveFile } from './read-archive-file.ts';
import { resolveArchivePath } from './archive-path.ts';

/** What the render callback is told: the number to print (null for a draft) and the version. */
export interface Numbering {
  readonly number: number | null;
  readonly year: number;
  /** 1 for a first publication, 2... for corrections, 0 for a draft. */
  readonly version: number;
}

/** One file the render callback produced, in memory. */
export interface RenderedFile {
  /** "html", "pdf", "docx", "markdown"... */
  readonly format: string;
  /** Without the dot: "html", "pdf", "docx", "md". One file per extension. */
  readonly extension: string;
  readonly bytes: Uint8Array;
}

/** Steps at which `hooks.beforeCommit` is called, inside the step's transaction. */
export const PublishStep = {
  /** The number is decided (allocated, taken over, or found published). */
  claim: 'asignacion',
  /** The files about to be written are recorded. */
  plan: 'plan',
  /** The version becomes 'publicado'. */
  finish: 'publicacion',
} as const;
export type PublishStep = (typeof PublishStep)[keyof typeof PublishStep];

/** Seams for crash tests; production callers pass none. */
export interface PublishHooks {
  /** Runs synchronously inside the step's transaction, just before COMMIT. */
  readonly beforeCommit?: (step: PublishStep) => void;
  /** Runs when half of a file is in its temporary file. */
  readonly midwayThroughFile?: (path: string, tempPath: string) => void | Promise<void>;
  /** Runs after each file has been renamed into place (index in the order written). */
  readonly afterFile?: (path: string, index: number) => void | Promise<void>;
  /** Runs each time this run waits for another live process publishing the same bulletin. */
  readonly onWait?: (holder: BulletinVersionRecord) => void;
}

export interface PublishRequest {
  /** From `openRegistry(path)`. */
  readonly registry: Registry;
  /** Files go to `<outputDir>/<año>/`. */
  readonly outputDir: string;
  readonly year: number;
  /** The jornada's id, kebab-case ASCII: the file names' `<slug>`. */
  readonly slug: string;
  readonly title: string;
  /** ISO date of issue, "2023-03-01". */
  readonly issueDate: string;
  /** sha256 of the dataset the bulletin is written from. */
  readonly datasetHash: string;
  /** "nacional", "en", "estatal-jalisco"... */
  readonly edition: string;
  /** Phrasing style. */
  readonly style: string;
  /** Version (or hash) of the templates. */
  readonly templateVersion: string;
  /** The number the office gave; otherwise the next free one of the year. */
  readonly explicitNumber?: number | undefined;
  /** Render without a number into `<año>/borradores/`; nothing is recorded. */
  readonly draft?: boolean | undefined;
  /** Publish a new version of an existing number with changed data (or style, template, date). */
  readonly correction?: boolean | undefined;
  /** Who publishes, as the registry records it (an approver's name); otherwise the OS user. */
  readonly user?: string | undefined;
  /** Allow replacing a file on disk that the registry does not hold as this bulletin's (or that was edited). */
  readonly overwrite?: boolean | undefined;
  /**
   * Formats the caller wants. When the bulletin is already published without one of them, it is rendered
   * again and the missing files are added to the same version. Omitted: whatever was published is enough.
   */
  readonly formats?: readonly string[] | undefined;
  readonly signal?: AbortSignal | undefined;
  /** How long to wait for another live process publishing the same bulletin. Default 10 minutes. */
  readonly waitTimeoutMs?: number | undefined;
  readonly hooks?: PublishHooks | undefined;
  readonly render: (numbering: Numbering) => Promise<readonly RenderedFile[]>;
  /**
   * Records more about the version (the editions its package holds) in the transaction that publishes
   * it: both land or neither, and a batch pays one synchronous commit less per bulletin.
   */
  readonly recordOnPublish?: ((db: DatabaseSync, versionId: number) => void) | undefined;
}

export interface PublishedFile {
  /** Absolute path. */
  readonly path: string;
  /** Relative to the output folder, as the registry holds it: "2023/093-cuarta-jornada.pdf". */
  readonly relativePath: string;
  readonly format: string;
  readonly sha256: string;
  /** Size in bytes. */
  readonly bytes: number;
}

export interface PublishResult {
  /** Null for a draft. */
  readonly number: number | null;
  readonly year: number;
  /** 1 for a first publication, 2... after corrections, 0 for a draft. */
  readonly version: number;
  /** True when the bulletin was already published and its files verified: nothing was rendered. */
  readonly reused: boolean;
  /** True when this run finished the entry of a process that had died. */
  readonly recovered: boolean;
  readonly files: readonly PublishedFile[];
}

export const DEFAULT_WAIT_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * Publishes one bulletin: takes its number (or finds it already published), renders it, writes every file
 * atomically under `<outputDir>/<año>/` and records it, so that any crash leaves either a published entry
 * with all its files or an 'en-proceso' entry that the next run of the same data finishes.
 * Throws InputError (PublishConflictError) when the request conflicts with the registry; nothing is written then.
 */
export async function publishBulletin(request: PublishRequest): Promise<PublishResult> {
  validateRequest(request);
  const outputDir = resolve(request.outputDir);
  if (request.draft === true) return publishDraft(request, outputDir);
  const identity: PublicationIdentity = {
    year: request.year,
    slug: request.slug,
    title: request.title,
    issueDate: request.issueDate,
    datasetHash: request.datasetHash,
    edition: request.edition,
    style: request.style,
    templateVersion: request.templateVersion,
    outputDir,
    explicitNumber: request.explicitNumber,
    correction: request.correction === true,
    user: request.user,
  };
  // A registry that is not this folder's (deleted, emptied, mistyped) would give published numbers again.
  await checkArchiveFolder(request.registry, outputDir, { mark: true });
  const deadline = Date.now() + (request.waitTimeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS);
  const beforeClaimCommit = hookFor(request, PublishStep.claim);
  for (;;) {
    request.signal?.throwIfAborted();
    const claim = claimPublication(request.registry, identity, beforeClaimCommit);
    if (claim.kind === 'wait') {
      request.hooks?.onWait?.(claim.version);
      await waitTurn(claim.version, deadline, request.signal);
      continue;
    }
    if (claim.kind === 'work') return await work(request, outputDir, claim, 'replace');
    const check = await checkPublishedFiles(outputDir, claim.version, request.formats);
    if (check.ok) return resultOf(claim.version, outputDir, { reused: true, recovered: false });
    if (check.altered.length > 0 && request.overwrite !== true) throw alteredFiles(claim.version, check.altered);
    const repair = claimRepair(request.registry, claim.version.id);
    if (repair === undefined) continue;
    if (repair.kind === 'wait') {
      request.hooks?.onWait?.(repair.version);
      await waitTurn(repair.version, deadline, request.signal);
      continue;
    }
    return await work(request, outputDir, repair, 'repair');
  }
}

type WorkMode = 'replace' | 'repair';

interface PlannedFile extends RecordedFile {
  readonly absolute: string;
  readonly content: Uint8Array;
}

/** Renders and writes a version this run holds, then marks it published; on any failure, gives it back. */
async function work(
  request: PublishRequest,
  outputDir: string,
  claim: Extract<Claim, { kind: 'work' }>,
  mode: WorkMode,
): Promise<PublishResult> {
  const { version } = claim;
  try {
    await mkdir(join(outputDir, String(version.year)), { recursive: true });
    await cleanStaleTempFiles(join(outputDir, String(version.year)));
    const rendered = await request.render({ number: version.number, year: version.year, version: version.version });
    request.signal?.throwIfAborted();
    const planned = planFiles(rendered, version, outputDir);
    const toWrite =
      mode === 'repair' ? await filesToRepair(planned, version, outputDir, request.overwrite === true) : planned;
    await refuseForeignFiles(toWrite, version, request.overwrite === true);
    if (mode === 'replace') await removeAbandonedFiles(version, planned, outputDir);
    recordPlannedFiles(request.registry, version.id, toWrite, {
      outputDir,
      replaceAll: mode === 'replace',
      beforeCommit: hookFor(request, PublishStep.plan),
    });
    for (const [index, file] of toWrite.entries()) {
      const midway = request.hooks?.midwayThroughFile;
      await writeFileAtomic(file.absolute, file.content, {
        ...(midway === undefined ? {} : { midway: (temp: string) => midway(file.absolute, temp) }),
      });
      await request.hooks?.afterFile?.(file.absolute, index);
      request.signal?.throwIfAborted();
    }
    const finished = finishPublication(
      request.registry,
      version.id,
      hookFor(request, PublishStep.finish),
      request.recordOnPublish,
    );
    return resultOf(finished, outputDir, { reused: false, recovered: claim.recovered });
  } catch (error) {
    const freed = await giveUp(request.registry, version.id, outputDir);
    const note = freed ? ` ${numberFreedNote(version)}` : '';
    const code = systemErrorCode(error);
    if (code !== undefined) {
      const label = bulletinLabel(version.number, version.year);
      throw new PublishIoError(
        `No se pudo publicar el ${label}: ${describeSystemError(error, outputDir)}.${note}`,
        code,
        { cause: error },
      );
    }
    // An abort's DOMException has a read-only message (assigning it threw a TypeError that hid the abort).
    if (note !== '' && error instanceof Error && Object.getOwnPropertyDescriptor(error, 'message')?.writable === true)
      error.message += note;
    throw error;
  }
}

/** Said after a failure that gave the number back, so the office knows it was not used. */
export function numberFreedNote(version: Pick<BulletinVersionRecord, 'number' | 'year'>): string {
  const label = bulletinLabel(version.number, version.year).replace(/^No\. /, '');
  return `El número ${label} quedó libre: lo tomará el siguiente boletín de ${version.year}.`;
}

/**
 * Files first, then the registry: a crash in between leaves an entry that still lists them.
 * Returns whether the number was given back.
 */
async function giveUp(registry: Registry, versionId: number, outputDir: string): Promise<boolean> {
  // Failures here are swallowed: the original error matters more, and an entry left 'en-proceso' is
  // finished by the next run of the same data.
  try {
    const owned = ownsVersion(registry, versionId);
    if (owned?.state === BulletinState.inProgress) {
      for (const file of owned.files) await removeFile(resolveArchivePath(outputDir, file.path));
    }
  } catch {
    // The files stay recorded in the entry.
  }
  try {
    return releasePublication(registry, versionId);
  } catch {
    // The entry stays 'en-proceso'.
    return false;
  }
}

function planFiles(
  rendered: readonly RenderedFile[],
  version: BulletinVersionRecord,
  outputDir: string,
): PlannedFile[] {
  if (rendered.length === 0) throw new Error('El render no produjo ningún archivo.');
  const seen = new Set<string>();
  return rendered.map((file) => {
    if (seen.has(file.extension))
      throw new Error(`El render produjo dos archivos con la extensión «${file.extension}».`);
    seen.add(file.extension);
    const parts = {
      year: version.year,
      number: version.number,
      slug: version.slug,
      extension: file.extension,
      version: version.version,
    };
    return {
      path: relativeOutputPath(parts),
      absolute: outputPath(outputDir, parts),
      format: file.format,
      sha256: sha256Hex(file.bytes),
      bytes: file.bytes.byteLength,
      content: file.bytes,
    };
  });
}

/** A repair writes only what is missing or not recorded (and, when asked, what was edited). */
async function filesToRepair(
  planned: readonly PlannedFile[],
  version: BulletinVersionRecord,
  outputDir: string,
  overwrite: boolean,
): Promise<PlannedFile[]> {
  const recorded = new Map(version.files.map((f) => [f.path, f]));
  const chosen: PlannedFile[] = [];
  for (const file of planned) {
    const previous = recorded.get(file.path);
    if (previous === undefined) {
      chosen.push(file);
      continue;
    }
    const status = await fileStatus(resolveArchivePath(outputDir, previous.path), previous.sha256, previous.bytes);
    if (status === 'falta' || (status === 'alterado' && overwrite)) chosen.push(file);
    else if (status === 'alterado') throw alteredFiles(version, [previous.path]);
  }
  return chosen;
}

/** A file on disk that the registry does not give to this version is never replaced silently. */
async function refuseForeignFiles(
  files: readonly PlannedFile[],
  version: BulletinVersionRecord,
  overwrite: boolean,
): Promise<void> {
  if (overwrite) return;
  const own = new Set(version.files.map((f) => f.path));
  for (const file of files) {
    if (own.has(file.path) || !(await exists(file.absolute))) continue;
    throw new PublishConflictError(
      `Ya existe «${file.absolute}» y el registro no lo tiene como archivo del ${bulletinLabel(version.number, version.year)} (¿otra carpeta de datos, o un archivo copiado a mano?). No se sobrescribió; use --sobrescribir para reemplazarlo.`,
    );
  }
}

/** Files an interrupted attempt planned that this attempt will not write again (another slug or format). */
async function removeAbandonedFiles(
  version: BulletinVersionRecord,
  planned: readonly PlannedFile[],
  outputDir: string,
): Promise<void> {
  const keep = new Set(planned.map((f) => f.path));
  for (const file of version.files) {
    if (!keep.has(file.path)) await removeFile(resolveArchivePath(outputDir, file.path));
  }
}

async function publishDraft(request: PublishRequest, outputDir: string): Promise<PublishResult> {
  const folder = join(outputDir, String(request.year), DRAFTS_FOLDER);
  await mkdir(folder, { recursive: true });
  await cleanStaleTempFiles(folder);
  const rendered = await request.render({ number: null, year: request.year, version: 0 });
  request.signal?.throwIfAborted();
  const files: PublishedFile[] = [];
  const seen = new Set<string>();
  for (const file of rendered) {
    if (seen.has(file.extension))
      throw new Error(`El render produjo dos archivos con la extensión «${file.extension}».`);
    seen.add(file.extension);
    const parts = { year: request.year, number: null, slug: request.slug, extension: file.extension };
    const path = outputPath(outputDir, parts);
    await writeFileAtomic(path, file.bytes);
    files.push({
      path,
      relativePath: relativeOutputPath(parts),
      format: file.format,
      sha256: sha256Hex(file.bytes),
      bytes: file.bytes.byteLength,
    });
  }
  return { number: null, year: request.year, version: 0, reused: false, recovered: false, files };
}

export type FileStatus = 'ok' | 'falta' | 'alterado';

/** Compares a file on disk with its recorded size and sha256 (a link or a FIFO in its place is 'alterado'). */
export async function fileStatus(path: string, sha256: string, bytes: number): Promise<FileStatus> {
  const found = await readArchiveFile(path, bytes);
  if (found.kind === 'missing') return 'falta';
  if (found.kind === 'other') return 'alterado';
  return sha256Hex(found.bytes) === sha256 ? 'ok' : 'alterado';
}

async function checkPublishedFiles(
  outputDir: string,
  version: BulletinVersionRecord,
  formats: readonly string[] | undefined,
): Promise<{ readonly ok: boolean; readonly altered: readonly string[] }> {
  let ok = true;
  const altered: string[] = [];
  for (const file of version.files) {
    const status = await fileStatus(resolveArchivePath(outputDir, file.path), file.sha256, file.bytes);
    if (status !== 'ok') ok = false;
    if (status === 'alterado') altered.push(file.path);
  }
  const recordedFormats = new Set(version.files.map((f) => f.format));
  if (version.files.length === 0 || (formats ?? []).some((f) => !recordedFormats.has(f))) ok = false;
  return { ok, altered };
}

function alteredFiles(version: BulletinVersionRecord, paths: readonly string[]): PublishConflictError {
  return new PublishConflictError(
    `El ${bulletinLabel(version.number, version.year)} ya está publicado, pero ${paths.length === 1 ? 'su archivo' : 'sus archivos'} ${paths.map((p) => `«${p}»`).join(', ')} no ${paths.length === 1 ? 'coincide' : 'coinciden'} con el registro (¿editado a mano?). No se sobrescribió; use --sobrescribir para escribirlo de nuevo.`,
  );
}

function resultOf(
  version: BulletinVersionRecord,
  outputDir: string,
  flags: { readonly reused: boolean; readonly recovered: boolean },
): PublishResult {
  return {
    number: version.number,
    year: version.year,
    version: version.version,
    ...flags,
    files: version.files.map((f) => ({
      path: resolveArchivePath(outputDir, f.path),
      relativePath: f.path,
      format: f.format,
      sha256: f.sha256,
      bytes: f.bytes,
    })),
  };
}

/** Polls until the other process finishes or dies; bounded by the deadline. */
async function waitTurn(
  version: BulletinVersionRecord,
  deadline: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  if (Date.now() >= deadline) {
    const who = version.owner === null ? 'otro proceso' : `el proceso ${version.owner.pid} en ${version.owner.host}`;
    throw new RegistryBusyError(
      `El ${bulletinLabel(version.number, version.year)} lo está publicando ${who} desde ${version.owner?.since ?? '?'}; se dejó de esperar. Intente de nuevo más tarde.`,
    );
  }
  await sleep(50 + Math.floor(Math.random() * 100), undefined, signal === undefined ? {} : { signal });
}

function hookFor(request: PublishRequest, step: PublishStep): (() => void) | undefined {
  const hook = request.hooks?.beforeCommit;
  return hook === undefined ? undefined : () => hook(step);
}

function validateRequest(request: PublishRequest): void {
  assertValidYear(request.year);
  if (request.explicitNumber !== undefined) assertValidNumber(request.explicitNumber);
  // Builds a path once to validate the slug early, before any number is taken.
  relativeOutputPath({ year: request.year, number: null, slug: request.slug, extension: 'html' });
  const required: Record<string, string> = {
    outputDir: request.outputDir,
    datasetHash: request.datasetHash,
    edition: request.edition,
    style: request.style,
    templateVersion: request.templateVersion,
    issueDate: request.issueDate,
  };
  for (const [name, value] of Object.entries(required)) {
    if (typeof value !== 'string' || value.trim() === '') {
      throw new InputError(`Falta «${name}» para publicar el boletín.`);
    }
  }
  if (request.draft === true && (request.explicitNumber !== undefined || request.correction === true)) {
    throw new InputError(
      'Un borrador no lleva número: no se puede pedir un número ni una corrección para un borrador.',
    );
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function removeFile(path: string): Promise<void> {
  await unlink(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}
