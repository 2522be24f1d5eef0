import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import type { GrupoDeEstados, Jornada } from '../../../src/dataset/index.ts';
import { checkJornadaFile, loadCatalog, validateJornada, writeJornadaWorkbook } from '../../../src/dataset/index.ts';
import { minimalJornada, summary, useTempDirs } from './helpers.ts';

/**
 * The cells the workbook gained so it can say all the JSON says: the published percentage (a number with
 * at most one decimal) and the sheet «Grupos de estados» (one row per state, the group's settings agreeing
 * across its rows). Each case edits a workbook written from a valid jornada, as an office would.
 */

const catalog = loadCatalog();
const tempDir = useTempDirs();

function jornadaOf(raw: Record<string, unknown>): Jornada {
  const jornada = validateJornada(raw, { file: 'prueba.json', catalog }).jornada;
  if (jornada === undefined) throw new Error('la jornada de prueba no es válida');
  return jornada;
}

/** Writes the jornada to a workbook, lets `edit` change it, and reads it back. */
async function editAndRead(
  jornada: Jornada,
  edit: (book: ExcelJS.Workbook) => void,
): Promise<{ problems: string[]; jornada: Jornada | undefined }> {
  const path = join(tempDir(), 'jornada.xlsx');
  writeFileSync(path, await writeJornadaWorkbook(jornada, catalog));
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  edit(book);
  await book.xlsx.writeFile(path);
  const report = await checkJornadaFile(path, { catalog });
  return { problems: summary(report.problems), jornada: report.loaded?.jornada };
}

function sheet(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const worksheet = book.getWorksheet(name);
  if (worksheet === undefined) throw new Error(`falta la hoja ${name}`);
  return worksheet;
}

describe('meta.porcentaje in the sheet Jornada', () => {
  const withPercentage = jornadaOf({ ...minimalJornada(), meta: { logradas: 197144, porcentaje: 120.5 } });
  const cases: readonly {
    name: string;
    value: ExcelJS.CellValue;
    numFmt?: string;
    porcentaje: number | undefined;
    problems: string[];
  }[] = [
    { name: 'a number', value: 120.9, porcentaje: 120.9, problems: [] },
    { name: 'a whole number', value: 121, porcentaje: 121, problems: [] },
    {
      name: 'a percentage cell (1.209 shown as 120.9 %)',
      value: 1.209,
      numFmt: '0.0%',
      porcentaje: 120.9,
      problems: [],
    },
    {
      name: 'text with a point',
      value: '120.9',
      porcentaje: 120.9,
      problems: ['aviso Jornada!B16: el número «120.9» está guardado como texto'],
    },
    {
      name: 'text with a comma',
      value: '120,9',
      porcentaje: 120.9,
      problems: ['aviso Jornada!B16: el número «120,9» está guardado como texto'],
    },
    {
      name: 'text with the percent sign',
      value: '120.9 %',
      porcentaje: 120.9,
      problems: ['aviso Jornada!B16: el número «120.9 %» está guardado como texto'],
    },
    {
      name: 'a number with two decimals (a formula result)',
      value: 120.86,
      porcentaje: undefined,
      problems: ['error Jornada!B16: la celda tiene 120.86, con más de un decimal («meta.porcentaje»)'],
    },
    {
      name: 'a percentage cell with two decimals',
      value: 1.2086,
      numFmt: '0.00%',
      porcentaje: undefined,
      problems: [
        'error Jornada!B16: la celda tiene 120.86, con más de un decimal (la celda tiene formato de porcentaje) («meta.porcentaje»)',
      ],
    },
    {
      name: 'text with two decimals',
      value: '120.86',
      porcentaje: undefined,
      problems: ['error Jornada!B16: «120.86» tiene más de un decimal («meta.porcentaje»)'],
    },
    {
      name: 'words',
      value: 'ciento veinte',
      porcentaje: undefined,
      problems: ['error Jornada!B16: «ciento veinte» no es un número con a lo más un decimal («meta.porcentaje»)'],
    },
    {
      name: 'a date',
      value: new Date(Date.UTC(2023, 1, 24)),
      porcentaje: undefined,
      problems: ['error Jornada!B16: la celda tiene formato de fecha, pero aquí va un porcentaje («meta.porcentaje»)'],
    },
  ];

  test.each(cases)('$name', async ({ value, numFmt, porcentaje, problems }) => {
    const read = await editAndRead(withPercentage, (book) => {
      sheet(book, 'Jornada').eachRow((row) => {
        if (row.getCell(1).value !== 'meta.porcentaje') return;
        row.getCell(2).value = value;
        if (numFmt !== undefined) row.getCell(2).numFmt = numFmt;
      });
    });
    expect({ problems: read.problems, porcentaje: read.jornada?.meta?.porcentaje }).toEqual({ problems, porcentaje });
  });
});

describe('the style rows boletin.cifras and boletin.ordinal in the sheet Jornada', () => {
  const styled = jornadaOf({ ...minimalJornada(), boletin: { cifras: 'rae', ordinal: 'corta' } });
  const cases: readonly { campo: string; value: string; problems: string[]; boletin: Jornada['boletin'] }[] = [
    { campo: 'boletin.cifras', value: 'digitos', problems: [], boletin: { cifras: 'digitos', ordinal: 'corta' } },
    { campo: 'boletin.ordinal', value: 'unaPalabra', problems: [], boletin: { cifras: 'rae', ordinal: 'unaPalabra' } },
    {
      campo: 'boletin.cifras',
      value: 'RAE',
      problems: ['error Jornada!B28: «RAE» no es un valor válido para «boletin.cifras»'],
      boletin: undefined,
    },
    {
      campo: 'boletin.ordinal',
      value: 'una palabra',
      problems: ['error Jornada!B29: «una palabra» no es un valor válido para «boletin.ordinal»'],
      boletin: undefined,
    },
  ];

  test.each(cases)('$campo = $value', async ({ campo, value, problems, boletin }) => {
    const read = await editAndRead(styled, (book) => {
      sheet(book, 'Jornada').eachRow((row) => {
        if (row.getCell(1).value === campo) row.getCell(2).value = value;
      });
    });
    expect({ problems: read.problems, boletin: read.jornada?.boletin }).toEqual({ problems, boletin });
  });
});

describe('the sheet «Grupos de estados»', () => {
  // Rows 2 and 3 are group 1 (Jalisco, Oaxaca), row 4 is group 2 (Sonora).
  const grupos: GrupoDeEstados[] = [
    { estados: ['Jalisco', 'Oaxaca'], enunciado: 'cumplieron su meta' },
    { estados: ['Sonora'], masDe: 10_000, de: 'cirugias' },
  ];
  const withGroups = jornadaOf({ ...minimalJornada(), gruposDeEstados: grupos });
  const cases: readonly {
    name: string;
    edit: (worksheet: ExcelJS.Worksheet) => void;
    grupos: GrupoDeEstados[] | undefined;
    problems: string[];
  }[] = [
    { name: 'as written, every row repeating its settings', edit: () => undefined, grupos, problems: [] },
    {
      name: 'settings given once, on the first row of the group',
      edit: (worksheet) => (worksheet.getCell('E3').value = null),
      grupos,
      problems: [],
    },
    {
      name: 'headers typed as the office would («Más de», «Grupo»)',
      edit: (worksheet) => {
        worksheet.getCell('A1').value = 'Grupo';
        worksheet.getCell('C1').value = 'Más de';
      },
      grupos,
      problems: [],
    },
    {
      name: 'a fourth row joining group 2',
      edit: (worksheet) => worksheet.addRow([2, 'Chihuahua']),
      grupos: [grupos[0] as GrupoDeEstados, { estados: ['Sonora', 'Chihuahua'], masDe: 10_000, de: 'cirugias' }],
      problems: [],
    },
    {
      name: 'a group whose rows disagree on its statement',
      edit: (worksheet) => (worksheet.getCell('E3').value = 'cumplió su meta'),
      grupos: undefined,
      problems: [
        'error Grupos de estados!E3: el grupo 1 tiene en «enunciado» «cumplieron su meta» (Grupos de estados!E2) y aquí «cumplió su meta»',
      ],
    },
    {
      name: 'a group whose rows disagree on its threshold',
      edit: (worksheet) => worksheet.addRow([2, 'Chihuahua', 5000]),
      grupos: undefined,
      problems: [
        'error Grupos de estados!C5: el grupo 2 tiene en «masDe» «10000» (Grupos de estados!C4) y aquí «5000»',
      ],
    },
    {
      name: 'a state without its group',
      edit: (worksheet) => (worksheet.getCell('A4').value = null),
      grupos: undefined,
      problems: ['error Grupos de estados!A4: falta el número de grupo de esta fila'],
    },
    {
      name: 'a group row without its state',
      edit: (worksheet) => (worksheet.getCell('B3').value = null),
      grupos: undefined,
      problems: ['error Grupos de estados!B3: falta el estado de esta fila del grupo 1'],
    },
    {
      name: 'a group with a threshold and a statement',
      edit: (worksheet) => (worksheet.getCell('C2').value = 10_000),
      grupos: undefined,
      problems: [
        'error Grupos de estados!C2: «gruposDeEstados[0].masDe»: un grupo de estados lleva «masDe» o «enunciado» (uno de los dos)',
      ],
    },
    {
      name: 'a threshold written in words',
      edit: (worksheet) => (worksheet.getCell('C4').value = 'diez mil'),
      grupos: undefined,
      problems: [
        'error Grupos de estados!C4: la cifra «diez mil» está escrita con letras («gruposDeEstados[1].masDe»)',
      ],
    },
    {
      name: 'a threshold counting an unknown indicator',
      edit: (worksheet) => (worksheet.getCell('D4').value = 'cirugia'),
      grupos: undefined,
      problems: ['error Grupos de estados!D4: «cirugia» no es «accion» ni un indicador del catálogo'],
    },
    {
      name: 'an unknown column',
      edit: (worksheet) => (worksheet.getCell('F1').value = 'umbral'),
      grupos: undefined,
      problems: ['error Grupos de estados!F1: el encabezado «umbral» no es una columna de la hoja «Grupos de estados»'],
    },
    {
      name: 'the column «grupo» misspelt',
      edit: (worksheet) => (worksheet.getCell('A1').value = 'grupos'),
      grupos: undefined,
      problems: [
        'error Grupos de estados!A1: el encabezado «grupos» no es una columna de la hoja «Grupos de estados»',
        'error Grupos de estados!A1: falta la columna «grupo» en el encabezado de la hoja «Grupos de estados»',
      ],
    },
  ];

  test.each(cases)('$name', async ({ edit, grupos: expected, problems }) => {
    const read = await editAndRead(withGroups, (book) => edit(sheet(book, 'Grupos de estados')));
    expect({ problems: read.problems, grupos: read.jornada?.gruposDeEstados }).toEqual({ problems, grupos: expected });
  });
});
