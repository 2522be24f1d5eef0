import type { ArchiveStamp } from '../model/bulletin-document.ts';

/**
 * The registry's record of a bulletin, carried inside each file it publishes (HTML `<meta>`, PDF info
 * dictionary, DOCX custom property) under one name, as one JSON text. It is what `archivo reconstruir`
 * reads back; the file name says the same number, version and slug, and the two must agree.
 */
export const ARCHIVE_STAMP_NAME = 'BoletinRegistro';
export const ARCHIVE_STAMP_META = 'boletin-registro';

/** Fixed key order, so the same bulletin always gives the same bytes. */
export function encodeArchiveStamp(stamp: ArchiveStamp): string {
  return JSON.stringify({
    number: stamp.number,
    year: stamp.year,
    version: stamp.version,
    slug: stamp.slug,
    title: stamp.title,
    issueDate: stamp.issueDate,
    datasetHash: stamp.datasetHash,
    edition: stamp.edition,
    style: stamp.style,
    templateVersion: stamp.templateVersion,
  });
}

export function decodeArchiveStamp(text: string): ArchiveStamp | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const numbers = ['number', 'year', 'version'] as const;
  const texts = ['slug', 'title', 'issueDate', 'datasetHash', 'edition', 'style', 'templateVersion'] as const;
  if (!numbers.every((key) => Number.isInteger(record[key]))) return undefined;
  if (!texts.every((key) => typeof record[key] === 'string')) return undefined;
  return record as unknown as ArchiveStamp;
}
