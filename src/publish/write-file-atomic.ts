import { createHash, randomBytes } from 'node:crypto';
import { open, readdir, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isPidAlive } from './process-owner.ts';

export interface WriteFileAtomicOptions {
  /**
   * Called when half of the bytes are in the temporary file, before it is flushed and renamed.
   * A seam for crash tests: a process killed here must leave no partial file at `path`.
   */
  readonly midway?: (tempPath: string) => void | Promise<void>;
}

/** Temporary files are `.<name>.<pid>-<random>.tmp`, next to their target, so a later run knows whose they were. */
const tempPattern = /^\..+\.(\d+)-[0-9a-f]{12}\.tmp$/;

/** Temporary files of a process that is still alive are removed anyway once they are this old. */
const ABANDONED_TEMP_MS = 24 * 60 * 60 * 1000;

export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Writes `bytes` to `path` so that a reader (or a crash) sees either the old file or the whole new one:
 * a temporary file in the same folder, flushed to disk, renamed over the target, and the folder flushed.
 * The folder must exist.
 */
export async function writeFileAtomic(
  path: string,
  bytes: Uint8Array,
  options: WriteFileAtomicOptions = {},
): Promise<void> {
  const temp = tempPathFor(path);
  let renamed = false;
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      const half = Math.floor(bytes.byteLength / 2);
      await writeAll(handle, bytes, 0, half);
      await options.midway?.(temp);
      await writeAll(handle, bytes, half, bytes.byteLength);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    renamed = true;
    await syncFolder(dirname(path));
  } finally {
    if (!renamed) await unlink(temp).catch(() => undefined);
  }
}

/** A single write() may write less than asked: loop until the range is on disk. */
async function writeAll(handle: FileHandle, bytes: Uint8Array, from: number, to: number): Promise<void> {
  let position = from;
  while (position < to) {
    const { bytesWritten } = await handle.write(bytes, position, to - position, position);
    position += bytesWritten;
  }
}

/** Flushes a folder's entries (the rename) to disk; not every system allows opening a folder. */
async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // Windows cannot fsync a directory; the rename is still atomic there.
  } finally {
    await handle?.close();
  }
}

/**
 * Removes the temporary files that a killed process left in `folder`: those whose process is gone,
 * and any older than a day. Returns the names removed. A missing folder has none.
 */
export async function cleanStaleTempFiles(folder: string, now: Date = new Date()): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = tempPattern.exec(name);
    if (match === null) continue;
    const path = join(folder, name);
    const abandoned = !isPidAlive(Number(match[1])) || (await isOlderThan(path, ABANDONED_TEMP_MS, now));
    if (!abandoned) continue;
    await unlink(path).then(
      () => removed.push(name),
      () => undefined,
    );
  }
  return removed;
}

export function isTempFileName(name: string): boolean {
  return tempPattern.test(name);
}

async function isOlderThan(path: string, ms: number, now: Date): Promise<boolean> {
  try {
    return now.getTime() - (await stat(path)).mtimeMs > ms;
  } catch {
    return false;
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
