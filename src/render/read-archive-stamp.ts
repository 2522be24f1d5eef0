import { strFromU8, unzipSync } from 'fflate';
import { PDFDocument, PDFHexString, PDFName, PDFString } from '@cantoo/pdf-lib';
import type { ArchiveStamp } from '../model/bulletin-document.ts';
import { ARCHIVE_STAMP_META, ARCHIVE_STAMP_NAME, decodeArchiveStamp } from './archive-stamp.ts';
import { pdfInfo } from './pdf/pdf-properties.ts';

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
    const match = new RegExp(`name="${ARCHIVE_STAMP_NAME}"[^>]*>\\s*<vt:lpwstr>([^<]*)</vt:lpwstr>`).exec(
      strFromU8(xml),
    );
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
