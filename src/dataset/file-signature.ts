/**
 * What a file really is, from its first bytes, when it is a well-known kind that is never a dataset:
 * a PDF renamed .json is then refused as "un PDF", not as "JSON mal formado". Hand-written: a dozen
 * fixed signatures, where a sniffing library would bring hundreds of kinds and a native dependency.
 */
const SIGNATURES: readonly { readonly bytes: readonly number[]; readonly kind: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], kind: 'un documento PDF' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'una imagen PNG' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'una imagen JPEG' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'una imagen GIF' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], kind: 'un documento de Office antiguo (.doc o .xls)' },
  { bytes: [0x1f, 0x8b], kind: 'un archivo comprimido (gzip)' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], kind: 'un archivo comprimido (7z)' },
  { bytes: [0x52, 0x61, 0x72, 0x21], kind: 'un archivo comprimido (RAR)' },
  { bytes: [0x4d, 0x5a], kind: 'un programa de Windows' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], kind: 'un programa (ELF)' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], kind: 'una base de datos SQLite' },
];

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/**
 * The kind of file `bytes` is when it cannot be a dataset with this extension ("json", "xlsx"...), or
 * undefined. An .xlsx must be a ZIP; any other dataset must not be one (a .docx or .zip renamed).
 */
export function foreignFileKind(bytes: Uint8Array, extension: string): string | undefined {
  const starts = (signature: readonly number[]) => signature.every((byte, index) => bytes[index] === byte);
  const known = SIGNATURES.find((signature) => starts(signature.bytes));
  if (known !== undefined) return known.kind;
  const isZip = starts(ZIP);
  if (extension === 'xlsx') return isZip ? undefined : 'otro tipo de archivo, no un libro de Excel (.xlsx)';
  return isZip ? 'un archivo ZIP (o un documento de Word o Excel)' : undefined;
}
