import { zipSync } from 'fflate';
import type { RenderedFile } from '../publish/publish-bulletin.ts';

/**
 * The package of a jornada's editions as one ZIP, published beside its files: every file under the
 * name it gets on disk (`name(extension)`), dated at the issue date so the same data gives the same
 * bytes. fflate (already a dependency) writes it; nothing here is hand-made ZIP.
 */
/**
 * A DOCX is itself a ZIP and a PNG is deflated already: stored as they are, whether the extension is the
 * national edition's bare `docx` or an edition's `en.docx`. Deflating them again took half
 * of a 36-bulletin package's ZIP time to save 3 % of its size. PDFs are deflated (their object text
 * still shrinks, 14 % of the package).
 */
const STORED = /(^|\.)(docx|png)$/;

/** Whether a file of this extension goes into the package as it is (level 0). */
export function storedAsIs(extension: string): boolean {
  return STORED.test(extension);
}

export function packageZip(
  files: readonly RenderedFile[],
  name: (extension: string) => string,
  issueDate: string,
): RenderedFile {
  const mtime = new Date(`${issueDate}T12:00:00Z`);
  const entries = Object.fromEntries(
    files.map((file) => [
      name(file.extension),
      [file.bytes, { mtime, level: storedAsIs(file.extension) ? 0 : 6 }] as [Uint8Array, { mtime: Date; level: 0 | 6 }],
    ]),
  );
  return { format: 'paquete', extension: 'paquete.zip', bytes: zipSync(entries, { level: 6 }) };
}
