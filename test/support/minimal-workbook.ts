import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';

/**
 * The smallest workbook `validar` accepts (sheets «Jornada» and «Nacional»), changed by `edit` before it is
 * written: the start of every malformed-workbook case.
 */
export async function minimalWorkbook(
  edit: (book: ExcelJS.Workbook, nacional: ExcelJS.Worksheet) => void = () => {},
): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const jornada = book.addWorksheet('Jornada');
  for (const row of [
    ['campo', 'valor'],
    ['tipo', 'extraordinaria-continuidad'],
    ['fechas.inicio', '2023-02-24'],
    ['fechas.fin', '2023-02-26'],
  ])
    jornada.addRow(row);
  const nacional = book.addWorksheet('Nacional');
  for (const row of [
    ['indicador', 'nacional'],
    ['cirugias', 3029],
    ['vasectomia', 12],
  ])
    nacional.addRow(row);
  edit(book, nacional);
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The minimal workbook's zip with `parts` added or replaced, stored (level 0) or deflated (9). */
export async function workbookWithParts(parts: Record<string, Uint8Array>, level: 0 | 9 = 0): Promise<Uint8Array> {
  return zipSync({ ...unzipSync(await minimalWorkbook()), ...parts }, { level });
}

/** A zip whose directory says a part is 1,000 bytes while it inflates to 30 MB. */
export async function lyingZipBomb(): Promise<Uint8Array> {
  const zip = await workbookWithParts({ 'xl/media/relleno.bin': new Uint8Array(30 * 1024 * 1024) }, 9);
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let offset = 0; offset + 46 < zip.length; offset += 1) {
    if (view.getUint32(offset, true) !== 0x02014b50) continue;
    const name = new TextDecoder().decode(zip.subarray(offset + 46, offset + 46 + view.getUint16(offset + 28, true)));
    if (name === 'xl/media/relleno.bin') view.setUint32(offset + 24, 1000, true);
  }
  return zip;
}
