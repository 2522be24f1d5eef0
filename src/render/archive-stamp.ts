import { unzipSync, strFromU8 } from 'fflate';
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

/** Reads the stamp of a published file, by its extension; undefined when it carries none. */
export async function readArchiveStamp(extension: string, bytes: Uint8Array): Promise<ArchiveStamp | undefined> {
  switch (extension) {
    case 'html':
      return fromHtml(new TextDecoder().decode(bytes));
    case 'pdf':
      return fromPdf(bytes);
    case 'docx':
      return fromDocx(bytes);
    default:
      return undefined;
  }
}

function fromHtml(html: string): ArchiveStamp | undefined {
  const match = new RegExp(`<meta name="${ARCHIVE_STAMP_META}" content="([^"]*)">`).exec(html);
  return match === null ? undefined : decodeArchiveStamp(unescapeMarkup(match[1] ?? ''));
}

async function fromPdf(bytes: Uint8Array): Promise<ArchiveStamp | undefined> {
  // pdf-lib loads only when a PDF is read: the HTML renderer imports this module too.
  const { PDFDocument, PDFName, PDFHexString, PDFString } = await import('pdf-lib');
  const { pdfInfo } = await import('./pdf/pdf-properties.ts');
  try {
    const document = await PDFDocument.load(bytes, { updateMetadata: false });
    const value = pdfInfo(document)?.lookup(PDFName.of(ARCHIVE_STAMP_NAME));
    if (value instanceof PDFHexString || value instanceof PDFString) return decodeArchiveStamp(value.decodeText());
    return undefined;
  } catch {
    return undefined;
  }
}

function fromDocx(bytes: Uint8Array): ArchiveStamp | undefined {
  try {
    const files = unzipSync(bytes, { filter: (file) => file.name === 'docProps/custom.xml' });
    const xml = files['docProps/custom.xml'];
    if (xml === undefined) return undefined;
    const match = new RegExp(`name="${ARCHIVE_STAMP_NAME}"[^>]*>\\s*<vt:lpwstr>([^<]*)</vt:lpwstr>`).exec(strFromU8(xml));
    return match === null ? undefined : decodeArchiveStamp(unescapeMarkup(match[1] ?? ''));
  } catch {
    return undefined;
  }
}

/** The entities Handlebars and the DOCX writer produce. */
function unescapeMarkup(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|quot|amp|lt|gt|apos);/gi, (_, entity: string) => {
    const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };
    const lower = entity.toLowerCase();
    if (lower in named) return named[lower] as string;
    const code = lower.startsWith('#x') ? Number.parseInt(lower.slice(2), 16) : Number.parseInt(lower.slice(1), 10);
    return String.fromCodePoint(code);
  });
}
