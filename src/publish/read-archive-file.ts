import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/** What is at a recorded path: nothing, a regular file's bytes, or something Boletín never wrote there. */
export type ArchiveRead =
  | { readonly kind: 'missing' }
  | { readonly kind: 'file'; readonly bytes: Uint8Array }
  | { readonly kind: 'other'; readonly size: number | null };

/** Far beyond any bulletin, card or package Boletín writes (a package of 36 bulletins is under 5 MB). */
const MAX_READ_BYTES = 256 * 1024 * 1024;

/**
 * Reads a published file without trusting what is at its path. Boletín only ever writes regular files
 * there; a symbolic link (to /dev/zero, or to a file outside the archive), a FIFO or a device put in its
 * place is reported as not the published file, and never read: reading /dev/zero filled the memory, and
 * a FIFO waited forever. Opened with O_NOFOLLOW (a link is refused by the kernel, not raced by a check)
 * and O_NONBLOCK (opening a FIFO does not wait for a writer).
 */
export async function readArchiveFile(path: string, expectedBytes?: number): Promise<ArchiveRead> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    // ELOOP: the path is a symbolic link (O_NOFOLLOW); ENXIO: a socket or a device without its driver.
    if (code === 'ELOOP' || code === 'ENXIO') return { kind: 'other', size: null };
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { kind: 'other', size: null };
    // A regular file is read whatever its size (an edited file's hash tells what is there now), except one
    // far beyond anything Boletín writes.
    if (info.size > Math.max(MAX_READ_BYTES, 4 * (expectedBytes ?? 0))) return { kind: 'other', size: info.size };
    return { kind: 'file', bytes: await handle.readFile() };
  } finally {
    await handle.close();
  }
}
