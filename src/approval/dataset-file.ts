import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { InputError, type Problem } from '../errors.ts';

/** Longest file name kept from an upload. */
const MAX_NAME_LENGTH = 120;

/**
 * The name an uploaded dataset is known by: only its last segment, with characters that a file system
 * or a terminal could misread replaced, so a name is never a path.
 */
export function safeDatasetName(fileName: string): string {
  const last = basename(fileName.replaceAll('\\', '/')).normalize('NFC');
  const cleaned = last
    .replace(/[^\p{L}\p{N}._ -]/gu, '_')
    .replace(/^[.\s]+/, '')
    .trim();
  const clipped = cleaned.length > MAX_NAME_LENGTH ? cleaned.slice(cleaned.length - MAX_NAME_LENGTH) : cleaned;
  return clipped === '' ? 'datos' : clipped;
}

/**
 * Runs `fn` with the dataset's bytes in a private temporary file under their own name, so the loaders
 * read them exactly as they read a file the user names (the pipeline has one way in). The temporary
 * path never reaches the user: problems and messages name the dataset by its file name instead.
 */
export async function withDatasetFile<T>(
  bytes: Uint8Array,
  fileName: string,
  fn: (path: string) => Promise<T>,
): Promise<T> {
  const folder = await mkdtemp(join(tmpdir(), 'boletin-solicitud-'));
  const path = join(folder, safeDatasetName(fileName));
  try {
    await writeFile(path, bytes, { mode: 0o600 });
    return await fn(path);
  } catch (error) {
    throw error instanceof InputError ? renamed(error, path, safeDatasetName(fileName)) : error;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function renamed(error: InputError, path: string, name: string): InputError {
  const swap = (text: string): string => text.replaceAll(path, name);
  const problems: Problem[] = error.problems.map((problem) => ({ ...problem, file: swap(problem.file) }));
  const copy = new InputError(swap(error.message), problems);
  copy.name = error.name;
  return copy;
}
