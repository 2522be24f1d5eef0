import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import type { Catalog } from './catalog.ts';
import { loadCatalog } from './catalog.ts';
import {
  anualPrefix,
  destacadoTextColumns,
  estadoTextColumns,
  grupoColumns,
  hospitalTextColumns,
  jornadaFields,
  nacionalColumns,
  sheetNames,
} from './excel-layout.ts';
import type { Cifras, Destacado, Jornada } from './schema.ts';
import { programmeIds } from './schema.ts';

/**
 * Writes a jornada workbook in the documented layout: blank (the template an office fills in) or with a
 * dataset's data (how the Excel sample was made from its JSON twin). Dates go in as real date cells.
 */
export async function writeJornadaWorkbook(jornada?: Jornada, catalog: Catalog = loadCatalog()): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Boletín';
  // Fixed dates, so writing the same data twice gives the same workbook contents.
  workbook.created = new Date(Date.UTC(2023, 0, 1));
  workbook.modified = new Date(Date.UTC(2023, 0, 1));
  writeJornadaSheet(workbook.addWorksheet(sheetNames.jornada), jornada);
  writeNacionalSheet(workbook.addWorksheet(sheetNames.nacional), jornada, catalog);
  const allIds = catalog.ids;
  const usedIn = (lists: readonly (Cifras | undefined)[]): string[] =>
    jornada === undefined ? [...allIds] : catalog.order(new Set(lists.flatMap((cifras) => Object.keys(cifras ?? {}))));
  const estados = jornada?.estados ?? [];
  const hospitales = jornada?.hospitales ?? [];
  writeTable(
    workbook.addWorksheet(sheetNames.estados),
    [...estadoTextColumns],
    usedIn(estados.map((estado) => estado.cifras)),
    estados.map((estado) => ({ texts: [estado.nombre, estado.lugar], cifras: estado.cifras ?? {} })),
  );
  writeTable(
    workbook.addWorksheet(sheetNames.hospitales),
    [...hospitalTextColumns],
    usedIn(hospitales.map((hospital) => hospital.cifras)),
    hospitales.map((hospital) => ({
      texts: [hospital.nombre, hospital.siglas, hospital.ciudad, hospital.estado],
      cifras: hospital.cifras ?? {},
    })),
  );
  writeDestacadosSheet(workbook.addWorksheet(sheetNames.destacados), jornada, catalog);
  writeGruposSheet(workbook.addWorksheet(sheetNames.grupos), jornada);
  writeInstructions(workbook.addWorksheet(sheetNames.instrucciones));
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}

function styleHeader(worksheet: Worksheet): void {
  const header = worksheet.getRow(1);
  header.font = { bold: true };
  worksheet.views = [{ state: 'frozen', ySplit: 1 }];
}

function getAt(jornada: Jornada | undefined, campo: string): unknown {
  let node: unknown = jornada;
  for (const segment of campo.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/** An ISO date as the Excel date cell of that calendar day. */
function dateCell(iso: string): Date {
  const [year = 0, month = 1, day = 1] = iso.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

function writeJornadaSheet(worksheet: Worksheet, jornada: Jornada | undefined): void {
  worksheet.columns = [
    { header: 'campo', key: 'campo', width: 34 },
    { header: 'valor', key: 'valor', width: 60 },
    { header: 'descripción', key: 'descripcion', width: 80 },
  ];
  styleHeader(worksheet);
  for (const field of jornadaFields) {
    const value = getAt(jornada, field.campo);
    const values: unknown[] = field.lista ? (Array.isArray(value) ? value : []) : [value];
    const rows = values.length === 0 ? (jornada === undefined ? [undefined] : []) : values;
    rows.forEach((item, index) => {
      const row = worksheet.addRow({ campo: field.campo, descripcion: index === 0 ? field.descripcion : '' });
      const cell = row.getCell('valor');
      if (item === undefined) {
        cell.value = null;
      } else if (field.kind === 'fecha' && typeof item === 'string') {
        cell.value = dateCell(item);
      } else if (field.kind === 'booleano') {
        cell.value = item === true ? 'sí' : 'no';
      } else {
        cell.value = item as string | number;
      }
      if (field.kind === 'fecha') cell.numFmt = 'yyyy-mm-dd';
      const choices = field.campo === 'tipo' ? programmeIds : field.opciones;
      if (choices !== undefined) {
        cell.dataValidation = {
          type: 'list',
          allowBlank: field.campo !== 'tipo',
          formulae: [`"${choices.join(',')}"`],
        };
      }
    });
  }
}

function writeNacionalSheet(worksheet: Worksheet, jornada: Jornada | undefined, catalog: Catalog): void {
  worksheet.columns = [
    { header: 'indicador', key: 'indicador', width: 36 },
    ...nacionalColumns.map((column) => ({ header: column.header, key: column.key, width: 16 })),
    { header: 'descripción', key: 'descripcion', width: 60 },
  ];
  styleHeader(worksheet);
  const ids =
    jornada === undefined
      ? catalog.ids
      : catalog.order(new Set(nacionalColumns.flatMap((column) => Object.keys(jornada[column.key] ?? {}))));
  for (const id of ids) {
    const row: Record<string, unknown> = { indicador: id, descripcion: catalog.get(id)?.es.plural ?? '' };
    for (const column of nacionalColumns) row[column.key] = jornada?.[column.key]?.[id] ?? null;
    worksheet.addRow(row);
  }
}

function writeTable(
  worksheet: Worksheet,
  textHeaders: readonly string[],
  ids: readonly string[],
  rows: readonly { texts: readonly (string | undefined)[]; cifras: Cifras }[],
): void {
  worksheet.columns = [
    ...textHeaders.map((header) => ({ header, key: header, width: 30 })),
    ...ids.map((id) => ({ header: id, key: id, width: 14 })),
  ];
  styleHeader(worksheet);
  for (const { texts, cifras } of rows) {
    worksheet.addRow([...texts.map((text) => text ?? null), ...ids.map((id) => cifras[id] ?? null)]);
  }
}

function writeDestacadosSheet(worksheet: Worksheet, jornada: Jornada | undefined, catalog: Catalog): void {
  const rows: { ambito: string; entidad: string; destacado: Destacado }[] = [];
  for (const destacado of jornada?.destacados ?? []) rows.push({ ambito: 'nacional', entidad: '', destacado });
  for (const estado of jornada?.estados ?? [])
    for (const destacado of estado.destacados ?? []) rows.push({ ambito: 'estado', entidad: estado.nombre, destacado });
  for (const hospital of jornada?.hospitales ?? [])
    for (const destacado of hospital.destacados ?? [])
      rows.push({ ambito: 'hospital', entidad: hospital.nombre, destacado });
  const ids =
    jornada === undefined
      ? catalog.ids
      : catalog.order(new Set(rows.flatMap((row) => Object.keys(row.destacado.cifras ?? {}))));
  const anuales = catalog.order(new Set(rows.flatMap((row) => Object.keys(row.destacado.acumuladoAnual ?? {}))));
  worksheet.columns = [
    ...destacadoTextColumns.map((header) => ({ header, key: header, width: header.startsWith('texto') ? 80 : 24 })),
    ...ids.map((id) => ({ header: id, key: id, width: 14 })),
    ...anuales.map((id) => ({ header: `${anualPrefix}${id}`, key: `${anualPrefix}${id}`, width: 14 })),
  ];
  styleHeader(worksheet);
  for (const { ambito, entidad, destacado } of rows) {
    worksheet.addRow([
      ambito,
      entidad === '' ? null : entidad,
      destacado.texto,
      destacado.textoEn ?? null,
      destacado.unidad ?? null,
      ...ids.map((id) => destacado.cifras?.[id] ?? null),
      ...anuales.map((id) => destacado.acumuladoAnual?.[id] ?? null),
    ]);
  }
}

/** One row per state of a group, numbered 1, 2... in «grupo»; every row repeats the group's settings. */
function writeGruposSheet(worksheet: Worksheet, jornada: Jornada | undefined): void {
  worksheet.columns = grupoColumns.map((header) => ({
    header,
    key: header,
    width: header === 'enunciado' ? 80 : header === 'estado' ? 30 : 12,
  }));
  styleHeader(worksheet);
  (jornada?.gruposDeEstados ?? []).forEach((grupo, index) => {
    for (const estado of grupo.estados) {
      worksheet.addRow({
        grupo: index + 1,
        estado,
        masDe: grupo.masDe ?? null,
        de: grupo.de ?? null,
        enunciado: grupo.enunciado ?? null,
      });
    }
  });
}

function writeInstructions(worksheet: Worksheet): void {
  worksheet.columns = [{ header: 'Cómo llenar este libro', key: 'texto', width: 120 }];
  styleHeader(worksheet);
  const lines = [
    'Cada cifra es un número entero: 3729, nunca "3,729" ni "3 mil 729". Una cifra que no se reportó se deja vacía.',
    'Las fechas van como fecha de Excel o como texto año-mes-día: 2023-02-24. No use día/mes/año.',
    'Jornada: una fila por campo (columna A el campo, columna B el valor). Las listas llevan una fila por elemento, con el mismo campo.',
    'Nacional: una fila por indicador; columnas nacional, umae (todas las UMAE juntas) y acumulado anual.',
    'Estados y Hospitales: una fila por estado u hospital; una columna por indicador (el id del catálogo en el encabezado). En Estados, «lugar» es el lugar de la fecha de su boletín local (si falta, el nombre del estado).',
    'Destacados: ambito (nacional, estado u hospital), entidad (su nombre), texto sin cifras escritas: las cifras van en las columnas de indicador y el texto las nombra con {id}, por ejemplo {trasplante-cornea}.',
    'Grupos de estados: estados que el boletín nombra juntos, sin sus cifras. Una fila por estado; las filas de un mismo grupo llevan el mismo número en «grupo» (1, 2...). Cada grupo lleva «masDe» (el umbral que cada estado superó: 10000 para «más de 10 mil acciones»; «de» dice qué se cuenta, un id del catálogo, o vacío para acciones) o «enunciado» (lo que todos hicieron, sin cifras: «cumplieron su meta»), no los dos. Basta escribirlos en la primera fila del grupo; si se repiten, deben ser iguales.',
    'Jornada: meta.porcentaje es el porcentaje publicado, con a lo más un decimal (120.9); boletin.cifras y boletin.ordinal se eligen de la lista de la celda.',
    'No combine celdas ni cambie los nombres de las hojas. Revise el libro con: npm run --silent boletin -- validar ARCHIVO.xlsx',
    'Todo el formato está en docs/dataset.md.',
  ];
  for (const line of lines) worksheet.addRow([line]);
}
