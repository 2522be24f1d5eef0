import { randomBytes } from 'node:crypto';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { packageZip, storedAsIs } from '../../../src/generate/package-zip.ts';

describe('packageZip', () => {
  it.each([
    ['docx', true],
    ['en.docx', true],
    ['estado-09.docx', true],
    ['tarjeta.png', true],
    ['png', true],
    ['pdf', false],
    ['en.pdf', false],
    ['html', false],
    ['md', false],
    ['xdocx', false],
  ])('a file of extension «%s» is stored as it is: %s', (extension, stored) => {
    expect(storedAsIs(extension)).toBe(stored);
  });

  it("stores the national edition's DOCX (bare extension) byte for byte and deflates its PDF", () => {
    const docx = randomBytes(4096);
    const pdf = new TextEncoder().encode('BT /F1 12 Tf (3 mil 729 cirugías) Tj ET\n'.repeat(200));
    const zip = packageZip(
      [
        { format: 'docx', extension: 'docx', bytes: docx },
        { format: 'pdf', extension: 'pdf', bytes: pdf },
      ],
      (extension) => `boletin-093-2023.${extension}`,
      '2023-03-01',
    );
    expect(compressionMethods(zip.bytes)).toEqual({ 'boletin-093-2023.docx': 0, 'boletin-093-2023.pdf': 8 });
    const back = unzipSync(zip.bytes);
    expect(Object.keys(back)).toEqual(['boletin-093-2023.docx', 'boletin-093-2023.pdf']);
    expect(Buffer.from(back['boletin-093-2023.docx'] ?? [])).toEqual(docx);
    expect(Buffer.from(back['boletin-093-2023.pdf'] ?? [])).toEqual(Buffer.from(pdf));
  });
});

/** Each entry's compression method from its local file header (0 stored, 8 deflated): what unzip hides. */
function compressionMethods(zip: Uint8Array): Record<string, number> {
  const view = Buffer.from(zip);
  const methods: Record<string, number> = {};
  let at = 0;
  while (view.readUInt32LE(at) === 0x04034b50) {
    const method = view.readUInt16LE(at + 8);
    const compressedSize = view.readUInt32LE(at + 18);
    const nameLength = view.readUInt16LE(at + 26);
    const extraLength = view.readUInt16LE(at + 28);
    methods[view.toString('utf8', at + 30, at + 30 + nameLength)] = method;
    at += 30 + nameLength + extraLength + compressedSize;
  }
  return methods;
}
