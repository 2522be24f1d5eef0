import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { loadJornada } from '../../../src/dataset/index.ts';
import { minimalJornada, useTempDirs } from './helpers.ts';

/** What is merely unusual, as Windows and Excel produce it, is read correctly. */
const tempDir = useTempDirs();

describe('input as Windows and Excel write it', () => {
  test('JSON with a byte-order mark and CRLF line endings', async () => {
    const path = join(tempDir(), 'bom.json');
    const text = JSON.stringify(minimalJornada(), null, 2).replace(/\n/g, '\r\n');
    writeFileSync(path, `\uFEFF${text}`);
    const { jornada, warnings } = await loadJornada(path);
    expect(jornada.cifras['cirugias']).toBe(3029);
    expect(warnings).toEqual([]);
  });

  test('YAML with a byte-order mark and CRLF line endings, dates unquoted', async () => {
    const path = join(tempDir(), 'crlf.yaml');
    const text = stringify(minimalJornada()).replace(/\n/g, '\r\n');
    expect(text).toContain('inicio: 2023-02-24\r\n');
    writeFileSync(path, `\uFEFF${text}`);
    const { jornada } = await loadJornada(path);
    expect(jornada.fechas).toEqual({ inicio: '2023-02-24', fin: '2023-02-26' });
  });

  test('JSON saved by Notepad as "Unicode" (UTF-16 with a byte-order mark)', async () => {
    const path = join(tempDir(), 'utf16.json');
    const withAccents = { ...minimalJornada(), estados: [{ nombre: 'Michoacán', cifras: { cirugias: 12 } }] };
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(JSON.stringify(withAccents).replace(/\n/g, '\r\n'), 'utf16le'),
      ]),
    );
    const { jornada } = await loadJornada(path);
    expect(jornada.estados?.[0]?.nombre).toBe('Michoacán');
  });

  test('a CSV of states with BOM, CRLF and semicolons, referenced from the jornada', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'estados.csv'),
      '\uFEFFnombre;Cirugías;vasectomia\r\n"Nuevo León";332;\r\n"Veracruz Sur";12;4\r\n',
    );
    writeFileSync(join(dir, 'jornada.json'), JSON.stringify({ ...minimalJornada(), estadosCsv: 'estados.csv' }));
    const { jornada } = await loadJornada(join(dir, 'jornada.json'));
    expect(jornada.estados).toEqual([
      { nombre: 'Nuevo León', cifras: { cirugias: 332 } },
      { nombre: 'Veracruz Sur', cifras: { cirugias: 12, vasectomia: 4 } },
    ]);
  });

  test("Excel's date cells, numbers, a hyperlink and a formula with its result", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Jornada');
    sheet.addRow(['campo', 'valor']);
    sheet.addRow(['tipo', 'extraordinaria-continuidad']);
    // Date cells as Excel stores them: a serial day with a date format, read back as that calendar day.
    const start = sheet.addRow(['fechas.inicio', new Date(Date.UTC(2023, 1, 24))]);
    start.getCell(2).numFmt = 'dd/mm/yyyy';
    const end = sheet.addRow(['fechas.fin', new Date(Date.UTC(2023, 1, 26))]);
    end.getCell(2).numFmt = 'd "de" mmmm';
    sheet.addRow(['participacion.ooad', { formula: '30+5', result: 35 }]);
    sheet.addRow(['enlaces.fotos', { text: 'Fotos', hyperlink: 'https://bit.ly/3KIgH0Y' }]);
    const nacional = workbook.addWorksheet('Nacional');
    nacional.addRow(['indicador', 'nacional']);
    nacional.addRow(['cirugias', 3029]);
    nacional.addRow(['consulta-especialidad', { richText: [{ text: '28' }, { text: '800' }] }]);
    const path = join(tempDir(), 'fechas.xlsx');
    await workbook.xlsx.writeFile(path);
    const { jornada, warnings } = await loadJornada(path);
    expect(jornada.fechas).toEqual({ inicio: '2023-02-24', fin: '2023-02-26' });
    expect(jornada.participacion).toEqual({ ooad: 35 });
    expect(jornada.enlaces).toEqual({ fotos: 'https://bit.ly/3KIgH0Y' });
    expect(jornada.cifras).toEqual({ cirugias: 3029, 'consulta-especialidad': 28800 });
    // A formula is read through its saved result, and a number stored as text is read; both with a warning.
    expect(warnings.map((warning) => `${warning.place}: ${warning.message}`)).toEqual([
      'Jornada!B5: la celda tiene una fórmula («=30+5»); se lee el último resultado que Excel guardó',
      'Nacional!B3: la cifra «28800» está guardada como texto',
    ]);
  });
});
