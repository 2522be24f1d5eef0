import { resolve } from 'node:path';
import { readArchiveFile } from './read-archive-file.ts';
import { resolveArchivePath } from './archive-path.ts';
import type { Registry } from './registry.ts';
import type { BulletinVersionRecord } from './registry-records.ts';
import { BulletinState, selectVersions } from './registry-records.ts';
import { isLeaseLive } from './claim-publication.ts';
import { sha256Hex } from './write-file-atomic.ts';

export interface FileCheck {
  /** Relative to the output folder, as recorded. */
  readonly path: string;
  readonly absolutePath: string;
  readonly format: string;
  readonly status: 'ok' | 'falta' | 'alterado';
  readonly expectedSha256: string;
  readonly actualSha256: string | null;
  readonly expectedBytes: number;
  readonly actualBytes: number | null;
}

export interface VersionCheck {
  readonly year: number;
  readonly number: number;
  readonly version: number;
  readonly state: BulletinVersionRecord['state'];
  readonly slug: string;
  /** The folder the files were looked for in. */
  readonly outputDir: string;
  /** 'en-proceso' and nobody alive is working on it: the next run of its data finishes it, or `archivo liberar` frees it. */
  readonly interrupted: boolean;
  /** Files are checked for published and replaced versions; an entry in progress has none yet. */
  readonly files: readonly FileCheck[];
}

export interface VerificationReport {
  readonly versions: readonly VersionCheck[];
  /** Missing or altered files, plus interrupted entries. */
  readonly problems: number;
}

export interface VerifyOptions {
  readonly year?: number | undefined;
  readonly number?: number | undefined;
  /** Look for the files here instead of the folder each version recorded. */
  readonly outputDir?: string | undefined;
  /** For versions that recorded no folder (migrated from schema 1). Default `./output`. */
  readonly fallbackOutputDir?: string | undefined;
}

/**
 * Recomputes the sha256 of every file the registry lists (for one bulletin, one year, or all) and
 * reports each missing or altered file, and every interrupted entry.
 */
export async function verifyBulletins(registry: Registry, options: VerifyOptions = {}): Promise<VerificationReport> {
  const versions = selectVersions(
    registry.db,
    '(? IS NULL OR b.anio = ?) AND (? IS NULL OR b.numero = ?)',
    options.year ?? null,
    options.year ?? null,
    options.number ?? null,
    options.number ?? null,
  );
  const checks: VersionCheck[] = [];
  let problems = 0;
  for (const version of versions) {
    const outputDir = resolve(options.outputDir ?? version.outputDir ?? options.fallbackOutputDir ?? 'output');
    const inProgress = version.state === BulletinState.inProgress;
    const interrupted = inProgress && !isLeaseLive(registry, version);
    const files = inProgress ? [] : await Promise.all(version.files.map((f) => checkFile(outputDir, f)));
    problems += files.filter((f) => f.status !== 'ok').length + (interrupted ? 1 : 0);
    checks.push({
      year: version.year,
      number: version.number,
      version: version.version,
      state: version.state,
      slug: version.slug,
      outputDir,
      interrupted,
      files,
    });
  }
  return { versions: checks, problems };
}

async function checkFile(outputDir: string, file: BulletinVersionRecord['files'][number]): Promise<FileCheck> {
  const absolutePath = resolveArchivePath(outputDir, file.path);
  const base = {
    path: file.path,
    absolutePath,
    format: file.format,
    expectedSha256: file.sha256,
    expectedBytes: file.bytes,
  };
  const found = await readArchiveFile(absolutePath, file.bytes);
  if (found.kind === 'missing') return { ...base, status: 'falta', actualSha256: null, actualBytes: null };
  if (found.kind === 'other') return { ...base, status: 'alterado', actualSha256: null, actualBytes: found.size };
  const { bytes } = found;
  const actualSha256 = sha256Hex(bytes);
  return {
    ...base,
    status: actualSha256 === file.sha256 ? 'ok' : 'alterado',
    actualSha256,
    actualBytes: bytes.byteLength,
  };
}
