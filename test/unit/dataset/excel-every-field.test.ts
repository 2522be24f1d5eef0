import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../../src/dataset/catalog.ts';
import { writeJornadaWorkbook } from '../../../src/dataset/excel-writer.ts';
import { loadJornada } from '../../../src/dataset/load-jornada.ts';
import { validateJornada } from '../../../src/dataset/validate.ts';
import { base, givers, schemaFieldPaths } from './field-givers.ts';
import { useTempDirs } from './helpers.ts';

/**
 * Every field the JSON can say, the workbook can say too: for each schema field (walked from the JSON
 * Schema, so a new field fails here until the workbook has a cell for it), a jornada giving it is written
 * by the writer and read back by the reader to the same jornada.
 */

const catalog = loadCatalog();
const tempDir = useTempDirs();
const paths = schemaFieldPaths();

describe('every field survives a workbook round trip', () => {
  test('the walk finds the schema fields, and every one has a way to give it', () => {
    expect(paths.length).toBeGreaterThan(50);
    expect(paths.filter((path) => givers[path] === undefined)).toEqual([]);
  });

  test.each(paths)('%s', async (path) => {
    const raw = base();
    givers[path]?.(raw);
    const given = validateJornada(raw, { file: 'prueba.json', catalog }).jornada;
    if (given === undefined) throw new Error(`el dato de prueba de ${path} no es válido`);
    const file = join(tempDir(), 'jornada.xlsx');
    writeFileSync(file, await writeJornadaWorkbook(given, catalog));
    const read = await loadJornada(file, { catalog });
    expect(read.jornada).toEqual(given);
  });
});
