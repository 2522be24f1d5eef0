import { Inflate } from 'fflate';
import { sheetNames } from './excel-layout.ts';
import type { ProblemSink } from './problem.ts';

/**
 * Checks a workbook's zip package before any spreadsheet library opens it, reading the zip's central directory
 * and inflating each part in small steps with a running count, so no part is ever held bigger than the limit:
 * - the package: how many parts, encryption, compression methods, and the true inflated size of every part
 *   (a part that inflates past what the directory declares, or past the limit, is a zip bomb);
 * - each sheet's used range, from the cell addresses themselves: one cell at XFD1 makes a library lay out
 *   16,384 columns (gigabytes), so a sheet wider or longer than a jornada's ever is refused first;
 * - what a reader of the workbook does not see but would be published: hidden sheets, rows and columns;
 *   formulas (their last saved result is what is read), and links to other workbooks.
 * Independent of the spreadsheet library on purpose: it reads only the zip and the sheets' XML.
 */

export const xlsxLimits = {
  /** Parts in a package: a jornada workbook has about twenty. */
  parts: 1000,
  /** All parts inflated together, in bytes. */
  inflatedBytes: 40 * 1024 * 1024,
  /** Columns and rows of a sheet: the widest sheet (Destacados) has two columns per indicator and five more. */
  columns: 200,
  rows: 5000,
} as const;

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly encrypted: boolean;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

class PackageProblem extends Error {}

const readSheets: readonly string[] = Object.values(sheetNames).filter((name) => name !== sheetNames.instrucciones);
const wholeFile = '(archivo)';

/** False (with errors in the sink) when the workbook must not be opened; warnings may be added either way. */
export function checkXlsxPackage(bytes: Uint8Array, sink: ProblemSink): boolean {
  let parts: Map<string, string>;
  try {
    parts = readPackage(bytes);
  } catch (error) {
    if (!(error instanceof PackageProblem)) throw error;
    sink.error(wholeFile, error.message, 'Ábralo en Excel y guárdelo de nuevo como «Libro de Excel (.xlsx)», o genere uno con `boletin plantilla`.');
    return false;
  }
  const before = sink.problems.filter((problem) => problem.severity === 'error').length;
  checkExternalLinks(parts, sink);
  for (const sheet of sheetsOf(parts)) checkSheet(sheet, parts.get(sheet.part), sink);
  return sink.problems.filter((problem) => problem.severity === 'error').length === before;
}

function readPackage(bytes: Uint8Array): Map<string, string> {
  const entries = centralDirectory(bytes);
  if (entries.length > xlsxLimits.parts) throw new PackageProblem(`el libro tiene ${entries.length} partes; uno de una jornada tiene unas veinte`);
  const parts = new Map<string, string>();
  let total = 0;
  for (const entry of entries) {
    if (entry.encrypted) throw new PackageProblem('el libro está cifrado (protegido con contraseña)');
    if (entry.method !== 0 && entry.method !== 8) throw new PackageProblem(`una parte del libro («${entry.name}») usa una compresión que Excel no usa`);
    const keep = /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|worksheets\/[^/]+\.xml|externalLinks\/_rels\/[^/]+\.rels)$/.test(entry.name);
    const budget = Math.min(entry.size, xlsxLimits.inflatedBytes - total);
    const inflated = inflateEntry(bytes, entry, budget, keep);
    total += inflated.size;
    if (inflated.text !== undefined) parts.set(entry.name, inflated.text);
  }
  return parts;
}

/** The entries of the zip's central directory (no ZIP64: a workbook of a few megabytes never needs it). */
function centralDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 0xffff); offset -= 1) {
    if (view.getUint32(offset, true) === 0x06054b50) {
      end = offset;
      break;
    }
  }
  if (end === -1) throw new PackageProblem('el libro de Excel está dañado (su índice de partes no está)');
  const count = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new PackageProblem('el libro es un ZIP64, demasiado grande para los datos de una jornada');
  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  for (let index = 0; index < count; index += 1) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) throw new PackageProblem('el libro de Excel está dañado (su índice de partes está roto)');
    const nameLength = view.getUint16(offset + 28, true);
    const skip = nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      encrypted: (view.getUint16(offset + 8, true) & 1) === 1,
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
    });
    offset += 46 + skip;
  }
  return entries;
}

/** Inflates one part a kilobyte at a time, stopping as soon as it passes its budget. */
function inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: number, keep: boolean): { size: number; text?: string } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw new PackageProblem('el libro de Excel está dañado (una parte no está donde dice su índice)');
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw new PackageProblem('el libro de Excel está cortado (le falta el final)');
  const chunks: Uint8Array[] = [];
  let size = 0;
  const take = (chunk: Uint8Array): void => {
    size += chunk.length;
    if (size > budget) {
      throw new PackageProblem(
        size > entry.size
          ? `una parte del libro («${entry.name}») crece al descomprimirla más de lo que declara (${entry.size} bytes): es una «bomba ZIP»`
          : `el libro descomprimido pasa de ${xlsxLimits.inflatedBytes / 1024 / 1024} MB, demasiado para los datos de una jornada`,
      );
    }
    if (keep) chunks.push(chunk);
  };
  if (entry.method === 0) take(data);
  else {
    const inflate = new Inflate((chunk) => take(chunk));
    try {
      for (let offset = 0; offset < data.length; offset += 1024) inflate.push(data.subarray(offset, offset + 1024), offset + 1024 >= data.length);
    } catch (error) {
      if (error instanceof PackageProblem) throw error;
      throw new PackageProblem(`el libro de Excel está dañado (la parte «${entry.name}» no se puede descomprimir)`);
    }
  }
  return keep ? { size, text: new TextDecoder().decode(Buffer.concat(chunks)) } : { size };
}

interface SheetPart {
  readonly name: string;
  readonly part: string;
  readonly state: string;
}

function sheetsOf(parts: Map<string, string>): SheetPart[] {
  const targets = new Map<string, string>();
  for (const tag of (parts.get('xl/_rels/workbook.xml.rels') ?? '').match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id !== undefined && target !== undefined) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return ((parts.get('xl/workbook.xml') ?? '').match(/<sheet\b[^>]*>/g) ?? []).map((tag) => ({
    name: attribute(tag, 'name') ?? '',
    part: targets.get(attribute(tag, 'r:id') ?? '') ?? '',
    state: attribute(tag, 'state') ?? 'visible',
  }));
}

function checkExternalLinks(parts: Map<string, string>, sink: ProblemSink): void {
  for (const [name, text] of parts) {
    if (!name.startsWith('xl/externalLinks/_rels/')) continue;
    const target = attribute((text.match(/<Relationship\b[^>]*>/) ?? [''])[0], 'Target') ?? '';
    sink.error(
      wholeFile,
      `el libro está vinculado a otro libro («${decodeURIComponent(target.replace(/^file:\/\/\/?/, ''))}»), y sus fórmulas traerían cifras de ahí`,
      'Rompa los vínculos (Datos > Editar vínculos > Romper vínculo) para que las celdas guarden sus valores, y guarde el libro.',
    );
  }
}

function checkSheet(sheet: SheetPart, xml: string | undefined, sink: ProblemSink): void {
  const read = readSheets.includes(sheet.name);
  if (sheet.state !== 'visible') {
    const message = `la hoja «${sheet.name}» está oculta`;
    if (read) sink.error(`hoja «${sheet.name}»`, `${message}, y sus datos se publicarían sin que nadie los vea`, 'Muéstrela (clic derecho en una pestaña > Mostrar) y revise sus datos.');
    else sink.warn(`hoja «${sheet.name}»`, `${message}; no se lee`, 'Si tiene datos de la jornada, muéstrela y póngalos en las hojas del formato.');
  }
  if (xml === undefined || !read) return;
  const { rows, columns } = usedRange(xml);
  if (rows > xlsxLimits.rows || columns > xlsxLimits.columns) {
    sink.error(
      `hoja «${sheet.name}»`,
      `la hoja «${sheet.name}» llega hasta la fila ${rows} y la columna ${columnName(columns)}; una hoja de una jornada cabe en ${xlsxLimits.rows} filas y ${xlsxLimits.columns} columnas (${columnName(xlsxLimits.columns)})`,
      'Borre las filas y columnas sobrantes (también las que sólo tienen formato) y guarde el libro.',
    );
    return;
  }
  for (const tag of xml.match(/<row\b[^>]*>/g) ?? []) {
    if (isTrue(attribute(tag, 'hidden'))) {
      const row = attribute(tag, 'r') ?? '?';
      sink.error(`${sheet.name}!${row}:${row}`, `la fila ${row} de la hoja «${sheet.name}» está oculta, y sus datos se publicarían sin que nadie los vea`, 'Muestre la fila (clic derecho > Mostrar) y revísela, o bórrela.');
    }
  }
  for (const tag of xml.match(/<col\b[^>]*>/g) ?? []) {
    if (!isTrue(attribute(tag, 'hidden'))) continue;
    const from = columnName(Number(attribute(tag, 'min') ?? 1));
    const to = columnName(Math.min(Number(attribute(tag, 'max') ?? 1), xlsxLimits.columns));
    const range = from === to ? from : `${from}:${to}`;
    sink.error(`${sheet.name}!${range}`, `la columna ${range} de la hoja «${sheet.name}» está oculta, y sus datos se publicarían sin que nadie los vea`, 'Muestre la columna (clic derecho > Mostrar) y revísela, o bórrela.');
  }
  for (const [, attributes = '', body = ''] of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const formula = /<f\b[^>]*>([\s\S]*?)<\/f>|<f\b[^>]*\/>/.exec(body);
    if (formula === null) continue;
    const cell = `${sheet.name}!${attribute(attributes, 'r') ?? '?'}`;
    const text = decodeXml(formula[1] ?? '');
    if (/\[[^\]]+\]/.test(text)) {
      sink.error(cell, `la fórmula de la celda («=${text}») toma su valor de otro libro`, 'Copie la celda y péguela como valor (Pegado especial > Valores), y rompa el vínculo.');
    } else {
      sink.warn(cell, `la celda tiene una fórmula${text === '' ? '' : ` («=${text}»)`}; se lee el último resultado que Excel guardó`, 'Si la cifra es de la jornada, escríbala como número (Pegado especial > Valores).');
    }
  }
}

/** The last row and column any cell, row or dimension of the sheet names. */
function usedRange(xml: string): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  for (const [, letters = '', digits = ''] of xml.matchAll(/<(?:c|dimension)\b[^>]*?\b(?:r|ref)="(?:[A-Z]+\d+:)?([A-Z]+)(\d+)"/g)) {
    columns = Math.max(columns, columnNumber(letters));
    rows = Math.max(rows, Number(digits));
  }
  for (const [, digits = ''] of xml.matchAll(/<row\b[^>]*?\br="(\d+)"/g)) rows = Math.max(rows, Number(digits));
  return { rows, columns };
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name.replace(':', '\\:')}="([^"]*)"`).exec(tag);
  return match === null ? undefined : decodeXml(match[1] ?? '');
}

function isTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_all, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_all, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&amp;/g, '&');
}

function columnNumber(letters: string): number {
  let number = 0;
  for (const letter of letters) number = number * 26 + (letter.charCodeAt(0) - 64);
  return number;
}

function columnName(number: number): string {
  let name = '';
  for (let rest = number; rest > 0; rest = Math.floor((rest - 1) / 26)) name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  return name;
}
