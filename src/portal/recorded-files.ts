import { realpath, readFile, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { sha256Hex } from '../publish/write-file-atomic.ts';
import type { BulletinRecord, BulletinVersionRecord, RecordedFile } from '../publish/registry-records.ts';

/** One file of a bulletin as the registry recorded it, found on disk and checked. */
export interface CheckedFile {
  readonly record: RecordedFile;
  readonly version: BulletinVersionRecord;
  readonly bytes: Buffer;
  readonly modified: Date;
}

/** Why a recorded file cannot be served; the route turns each into a Spanish message. */
export type FileProblem = 'falta' | 'alterado' | 'fuera-del-archivo';

export class RecordedFileError extends Error {
  readonly problem: FileProblem;
  constructor(problem: FileProblem, message: string) {
    super(message);
    this.name = 'RecordedFileError';
    this.problem = problem;
  }
}

/** The version a URL's version number names, or undefined. */
export function versionOf(bulletin: BulletinRecord, version: number): BulletinVersionRecord | undefined {
  return bulletin.versions.find((candidate) => candidate.version === version);
}

/**
 * The bytes of a file the registry recorded. The path comes from the registry, never from a URL; it is
 * resolved under the version's output folder and refused when it (or a link on the way) leads out of it.
 * The bytes must still be the ones published: an altered file is refused, not served under the old hash.
 * Checked files are remembered by size, mtime and inode, so a download does not hash the file each time.
 */
export class RecordedFileReader {
  readonly #verified = new Map<string, string>();
  readonly #fallbackOutputDir: string;

  constructor(fallbackOutputDir: string) {
    this.#fallbackOutputDir = fallbackOutputDir;
  }

  async read(version: BulletinVersionRecord, record: RecordedFile): Promise<CheckedFile> {
    const { bytes, modified } = await this.readUnder(version.outputDir ?? this.#fallbackOutputDir, record);
    return { record, version, bytes, modified };
  }

  /** The same for any file recorded relative to a folder (a request's draft files). */
  async readUnder(folder: string, record: RecordedFile): Promise<{ bytes: Buffer; modified: Date }> {
    const root = resolve(folder);
    const path = confinedPath(root, record.path);
    let real: string;
    let info;
    try {
      real = await realpath(path);
      info = await stat(real);
    } catch {
      throw new RecordedFileError(
        'falta',
        `Falta en el archivo el ${record.format.toUpperCase()} de este boletín (${record.path}).`,
      );
    }
    const realRoot = await realpath(root);
    if (!isInside(realRoot, real) || !info.isFile()) {
      throw new RecordedFileError(
        'fuera-del-archivo',
        `El archivo ${record.path} no está dentro del archivo de boletines; no se sirve.`,
      );
    }
    const bytes = await readFile(real);
    const key = `${real}\0${info.size}\0${info.mtimeMs}\0${info.ino}`;
    if (this.#verified.get(key) !== record.sha256) {
      if (bytes.byteLength !== record.bytes || sha256Hex(bytes) !== record.sha256) {
        throw new RecordedFileError(
          'alterado',
          `El ${record.format.toUpperCase()} de este boletín (${record.path}) cambió en el disco después de publicarse; no se sirve.`,
        );
      }
      this.#verified.set(key, record.sha256);
    }
    return { bytes, modified: info.mtime };
  }
}

/** `root` joined with a registry path ("2023/093-x.pdf"); throws when the result would leave `root`. */
export function confinedPath(root: string, recordedPath: string): string {
  const parts = recordedPath.split('/');
  const bad =
    recordedPath.includes('\0') ||
    recordedPath.includes('\\') ||
    isAbsolute(recordedPath) ||
    parts.some((part) => part === '' || part === '.' || part === '..');
  const path = resolve(root, ...parts);
  if (bad || !isInside(root, path)) {
    throw new RecordedFileError(
      'fuera-del-archivo',
      `La ruta registrada «${recordedPath}» sale del archivo de boletines; no se sirve.`,
    );
  }
  return path;
}

function isInside(root: string, path: string): boolean {
  const inside = relative(root, path);
  return inside !== '' && !inside.startsWith(`..${sep}`) && inside !== '..' && !isAbsolute(inside);
}
