import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import {
  checkJornadaFile,
  dataPaths,
  jornadaJsonSchemaText,
  loadCatalog,
  loadJornada,
  writeJornadaWorkbook,
} from '../../../src/dataset/index.ts';
import { boletin, summary, useTempDirs } from './helpers.ts';

const tempDir = useTempDirs();
const samples = readdirSync(dataPaths.samples).filter((file) => file.endsWith('.json'));

async function sheetValues(path: string): Promise<Record<string, unknown[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return Object.fromEntries(
    book.worksheets.map((sheet) => {
      const rows: unknown[][] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return [sheet.name, rows];
    }),
  );
}

describe('Excel workbooks', () => {
  test('the samples include the published percentage and the groups of states', async () => {
    const jornadas = await Promise.all(
      samples.map(async (name) => (await loadJornada(join(dataPaths.samples, name))).jornada),
    );
    expect({
      porcentaje: jornadas.some((jornada) => jornada.meta?.porcentaje !== undefined),
      gruposDeEstados: jornadas.some((jornada) => jornada.gruposDeEstados !== undefined),
    }).toEqual({ porcentaje: true, gruposDeEstados: true });
  });

  test.each(samples)('the sample %s survives JSON -> .xlsx -> dataset unchanged', async (name) => {
    const dir = tempDir();
    const fromJson = await loadJornada(join(dataPaths.samples, name));
    const path = join(dir, name.replace('.json', '.xlsx'));
    writeFileSync(path, await writeJornadaWorkbook(fromJson.jornada));
    const fromExcel = await loadJornada(path);
    expect(fromExcel.jornada).toEqual(fromJson.jornada);
    expect(fromExcel.hash).toBe(fromJson.hash);
    // Warnings name cells, not JSON paths.
    for (const warning of fromExcel.warnings)
      expect(warning.place).toMatch(/^(Jornada|Nacional|Estados|Hospitales|Destacados|Grupos de estados)!/);
  });

  test('the committed template is what `boletin plantilla` writes, with every indicator listed', async () => {
    const dir = tempDir();
    const result = await boletin(['plantilla', 'nueva.xlsx'], dir);
    expect(result).toEqual({ code: 0, stdout: 'Libro escrito: nueva.xlsx\n', stderr: '' });
    const generated = await sheetValues(join(dir, 'nueva.xlsx'));
    expect(await sheetValues(dataPaths.template)).toEqual(generated);
    expect(Object.keys(generated)).toEqual([
      'Jornada',
      'Nacional',
      'Estados',
      'Hospitales',
      'Destacados',
      'Grupos de estados',
      'Instrucciones',
    ]);
    expect(generated['Nacional']?.slice(1).map((row) => row[0])).toEqual(loadCatalog().ids);
    expect(generated['Jornada']?.[0]).toEqual(['campo', 'valor', 'descripción']);
  });

  test('a template filled in as an office would loads, with problems named by cell', async () => {
    const dir = tempDir();
    const path = join(dir, 'jornada.xlsx');
    writeFileSync(path, await writeJornadaWorkbook());
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const jornada = book.getWorksheet('Jornada');
    const nacional = book.getWorksheet('Nacional');
    if (jornada === undefined || nacional === undefined) throw new Error('faltan hojas');
    const rowOf = (sheet: ExcelJS.Worksheet, key: string): ExcelJS.Row => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(1).value === key) found ??= row;
      });
      if (found === undefined) throw new Error(key);
      return found;
    };
    rowOf(jornada, 'tipo').getCell(2).value = 'nacional-recuperacion';
    rowOf(jornada, 'fechas.inicio').getCell(2).value = new Date(Date.UTC(2021, 4, 14));
    rowOf(jornada, 'fechas.fin').getCell(2).value = '16/05/2021';
    rowOf(nacional, 'cirugias').getCell(2).value = 3729;
    rowOf(nacional, 'trasplante-rinon').getCell(2).value = 3;
    rowOf(nacional, 'trasplantes').getCell(2).value = 2;
    await book.xlsx.writeFile(path);
    const report = await checkJornadaFile(path);
    expect(summary(report.problems)).toEqual([
      'error Jornada!B6: la fecha «16/05/2021» está en formato día/mes/año, que Boletín no adivina («fechas.fin»)',
    ]);
    rowOf(jornada, 'fechas.fin').getCell(2).value = '2021-05-16';
    await book.xlsx.writeFile(path);
    expect(summary((await checkJornadaFile(path)).problems)).toEqual([
      'error Nacional!B11: las partes de «trasplantes» suman 3 (trasplante-rinon 3), más que el total, 2',
    ]);
  });

  test('plantilla refuses to overwrite, and fills a workbook from a dataset', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ya.xlsx'), 'x');
    expect(await boletin(['plantilla', 'ya.xlsx'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'Ya existe ya.xlsx; no se reemplaza. Use --forzar para reemplazarlo.\n',
    });
    const sample = join(dataPaths.samples, '2021-06-periodo-plan-nacional.json');
    const filled = await boletin(['plantilla', '--forzar', '--desde', sample, 'ya.xlsx'], dir);
    expect(filled.code).toBe(0);
    expect((await loadJornada(join(dir, 'ya.xlsx'))).hash).toBe((await loadJornada(sample)).hash);
    writeFileSync(join(dir, 'mala.json'), '{');
    const bad = await boletin(['plantilla', '--desde', 'mala.json', 'otro.xlsx'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('el JSON está mal formado');
    expect(readdirSync(dir).sort()).toEqual(['mala.json', 'ya.xlsx']);
  });

  test('a value in a column with no heading is an error at its cell (found in review: it was dropped)', async () => {
    const dir = tempDir();
    const path = join(dir, 'jornada.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dataPaths.samples, '2023-02-cuarta-jornada-extraordinaria.xlsx'));
    const estados = book.getWorksheet('Estados');
    if (estados === undefined) throw new Error('falta la hoja Estados');
    estados.getCell('Z2').value = 999;
    await book.xlsx.writeFile(path);
    expect(summary((await checkJornadaFile(path)).problems)).toContain(
      'error Estados!Z2: hay un valor en una columna sin encabezado',
    );
  });

  test('esquema writes the JSON Schema the repository holds', async () => {
    const dir = tempDir();
    const result = await boletin(['esquema', 'esquema.json'], dir);
    expect(result).toEqual({ code: 0, stdout: 'Esquema escrito: esquema.json\n', stderr: '' });
    expect(readFileSync(join(dir, 'esquema.json'), 'utf8')).toBe(jornadaJsonSchemaText());
    expect(readFileSync(dataPaths.schema, 'utf8')).toBe(jornadaJsonSchemaText());
  });

  test('esquema never replaces another file without --forzar (found in review: it replaced a jornada)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'mijornada.json'), '{"tipo": "nacional-recuperacion"}');
    expect(await boletin(['esquema', 'mijornada.json'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'Ya existe mijornada.json; no se reemplaza. «esquema» escribe el esquema JSON, no revisa datos: para revisar una jornada use «boletin validar mijornada.json». Use --forzar para reemplazarlo.\n',
    });
    expect(readFileSync(join(dir, 'mijornada.json'), 'utf8')).toBe('{"tipo": "nacional-recuperacion"}');
    expect((await boletin(['esquema', '--forzar', 'mijornada.json'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'mijornada.json'), 'utf8')).toBe(jornadaJsonSchemaText());
    expect(readdirSync(dir)).toEqual(['mijornada.json']);
  });
});
