import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { problemSink } from '../../../src/dataset/problem.ts';
import { checkXlsxPackage } from '../../../src/dataset/xlsx-package.ts';
import { summary } from './helpers.ts';
import { lyingZipBomb, minimalWorkbook } from '../../support/minimal-workbook.ts';

/** The workbook's zip is checked before the spreadsheet library sees it, by name and cell. */

function check(bytes: Uint8Array): { opened: boolean; problems: string[] } {
  const sink = problemSink('libro.xlsx');
  const opened = checkXlsxPackage(bytes, sink);
  return { opened, problems: summary(sink.problems) };
}

const nacional = (workbook: ExcelJS.Workbook): ExcelJS.Worksheet =>
  workbook.getWorksheet('Nacional') as ExcelJS.Worksheet;

describe('workbook packages', () => {
  test('a plain workbook passes', async () => {
    expect(check(await minimalWorkbook())).toEqual({ opened: true, problems: [] });
  });

  test.each([
    [
      'a cell at XFD1 (refused before any library lays out 16,384 columns)',
      () => minimalWorkbook((w) => (nacional(w).getCell('XFD1').value = 'x')),
      [
        'error hoja «Nacional»: la hoja «Nacional» llega hasta la fila 3 y la columna XFD; una hoja de una jornada cabe en 5000 filas y 200 columnas (GR)',
      ],
    ],
    [
      'a cell in row 1,048,576',
      () => minimalWorkbook((w) => (nacional(w).getCell('A1048576').value = 'x')),
      [
        'error hoja «Nacional»: la hoja «Nacional» llega hasta la fila 1048576 y la columna B; una hoja de una jornada cabe en 5000 filas y 200 columnas (GR)',
      ],
    ],
    [
      'a hidden row',
      () => minimalWorkbook((w) => (nacional(w).getRow(3).hidden = true)),
      [
        'error Nacional!3:3: la fila 3 de la hoja «Nacional» está oculta, y sus datos se publicarían sin que nadie los vea',
      ],
    ],
    [
      'a hidden column',
      () => minimalWorkbook((w) => (nacional(w).getColumn(2).hidden = true)),
      [
        'error Nacional!B: la columna B de la hoja «Nacional» está oculta, y sus datos se publicarían sin que nadie los vea',
      ],
    ],
    [
      'a hidden sheet that is read',
      () => minimalWorkbook((w) => (nacional(w).state = 'hidden')),
      ['error hoja «Nacional»: la hoja «Nacional» está oculta, y sus datos se publicarían sin que nadie los vea'],
    ],
    [
      'a formula that takes its value from another workbook',
      () =>
        minimalWorkbook(
          (w) =>
            (nacional(w).getCell('B3').value = {
              formula: "'[Cifras.xlsx]Hoja1'!A1",
              result: 12,
            } as ExcelJS.CellFormulaValue),
        ),
      ["error Nacional!B3: la fórmula de la celda («='[Cifras.xlsx]Hoja1'!A1») toma su valor de otro libro"],
    ],
    [
      'the package is a lying zip bomb',
      lyingZipBomb,
      [
        'error (archivo): una parte del libro («xl/media/relleno.bin») crece al descomprimirla más de lo que declara (1000 bytes): es una «bomba ZIP»',
      ],
    ],
    [
      'a link to another workbook',
      async () => {
        const files = unzipSync(await minimalWorkbook());
        files['xl/externalLinks/_rels/externalLink1.xml.rels'] = strToU8(
          '<Relationships><Relationship Id="rId1" Target="file:///C:/Datos/Cifras%20reales.xlsx" TargetMode="External"/></Relationships>',
        );
        return zipSync(files);
      },
      [
        'error (archivo): el libro está vinculado a otro libro («C:/Datos/Cifras reales.xlsx»), y sus fórmulas traerían cifras de ahí',
      ],
    ],
  ])('refuses %s', async (_name, make, expected) => {
    expect(check(await make())).toEqual({ opened: false, problems: expected });
  });

  test.each([
    [
      'a hidden sheet that is not read',
      () => minimalWorkbook((w) => (w.addWorksheet('Notas').state = 'veryHidden')),
      ['aviso hoja «Notas»: la hoja «Notas» está oculta; no se lee'],
    ],
    [
      'a formula with its saved result',
      () =>
        minimalWorkbook(
          (w) =>
            (nacional(w).getCell('B2').value = { formula: 'SUM(C1:C3)', result: 3029 } as ExcelJS.CellFormulaValue),
        ),
      ['aviso Nacional!B2: la celda tiene una fórmula («=SUM(C1:C3)»); se lee el último resultado que Excel guardó'],
    ],
  ])('warns about %s', async (_name, make, expected) => {
    expect(check(await make())).toEqual({ opened: true, problems: expected });
  });
});
