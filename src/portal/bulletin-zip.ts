import { zipSync } from 'fflate';
import { sha256Hex } from '../publish/write-file-atomic.ts';

export interface ZipEntry {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** A fixed date for every entry, so the same files always give the same ZIP (and the same ETag). */
const ENTRY_DATE = new Date('2000-01-01T00:00:00Z');

/**
 * One ZIP with all of a bulletin's files and a SHA256SUMS.txt listing them, so whoever receives the ZIP
 * can check each file against the registry. PDFs and DOCX are already compressed: stored as they are.
 */
export function bulletinZip(entries: readonly ZipEntry[]): Uint8Array {
  const sums = entries.map((entry) => `${sha256Hex(entry.bytes)}  ${entry.name}\n`).join('');
  const files: Record<string, [Uint8Array, { level: 0 | 6; mtime: Date }]> = {};
  for (const entry of entries) {
    files[entry.name] = [entry.bytes, { level: /\.(pdf|docx|zip|png)$/.test(entry.name) ? 0 : 6, mtime: ENTRY_DATE }];
  }
  files['SHA256SUMS.txt'] = [new TextEncoder().encode(sums), { level: 6, mtime: ENTRY_DATE }];
  return zipSync(files);
}
