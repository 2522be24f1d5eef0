import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../../src/dataset/catalog.ts';
import { parseEstadosCsv } from '../../../src/dataset/csv-reader.ts';
import { checkJornadaFile } from '../../../src/dataset/load-jornada.ts';
import { problemSink } from '../../../src/dataset/problem.ts';
import { minimalJornada, summary, useTempDirs } from './helpers.ts';

const catalog = loadCatalog();
const tempDir = useTempDirs();

function csvProblems(text: string): string[] {
  const sink = problemSink('estados.csv');
  parseEstadosCsv(text, sink, catalog);
  return summary(sink.problems);
}

describe('the states CSV is read strictly, each error at its line', () => {
  test.each([
    [
      'a value under an empty heading (found in review: dropped without a word)',
      'nombre,detecciones,,cirugias\nNuevo León,7245,999,\n',
      ['error fila 2, columna C: hay un valor («999») en una columna sin encabezado'],
    ],
    [
      'a row longer than its header (no shifted cells)',
      'nombre,cirugias,detecciones\nJalisco,3,729,100\n',
      ['error fila 2: la fila tiene 4 celdas y el encabezado 3; sus cifras quedarían en columnas que no son las suyas'],
    ],
    [
      'a row shorter than its header',
      'nombre,cirugias,detecciones\nJalisco,3,729\nSonora,729\n',
      ['error fila 3: la fila tiene 2 celdas y el encabezado 3; sus cifras quedarían en columnas que no son las suyas'],
    ],
    [
      'a quote that never closes, at the line it opens',
      'nombre,cirugias\nSonora,4\n\n"Jalisco,3\nYucatán,5\nCampeche,6\n',
      [
        'error línea 4: unas comillas abren un texto y nunca se cierran, así que el resto del archivo quedaría dentro de una celda',
      ],
    ],
    [
      'a quote inside an unquoted cell',
      'nombre,cirugias\nSonora,4\nJal"isco,3\n',
      ['error línea 3: hay unas comillas en medio de una celda'],
    ],
    [
      'a repeated header, spelt differently',
      'nombre,cirugias,Cirugías\nJalisco,3,4\n',
      ['error fila 1, columna C: la columna C («Cirugías») repite la columna B («cirugias»)'],
    ],
    [
      '"nombre" and "estado" both',
      'estado,cirugias,nombre\nJalisco,3,Jal\n',
      ['error fila 1, columna C: la columna C («nombre») repite la columna A («estado»)'],
    ],
    [
      'a row after a cell with a line break keeps its file line',
      'nombre,cirugias\n"Veracruz\nNorte",3\nSonora,x\n',
      ['error fila 3 (línea 4), columna B: «x» no es un número («cirugias» de Sonora)'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(csvProblems(text)).toEqual(expected);
  });

  test('a well-formed CSV with quoted commas, escaped quotes and a blank line reads every state', () => {
    const sink = problemSink('estados.csv');
    const table = parseEstadosCsv(
      'nombre;cirugias\r\n"Veracruz; Norte";12\r\n\r\n"Hospital ""La Raza""";3\r\n',
      sink,
      catalog,
    );
    expect(sink.problems).toEqual([]);
    expect(table?.estados).toEqual([
      { nombre: 'Veracruz; Norte', cifras: { cirugias: 12 } },
      { nombre: 'Hospital "La Raza"', cifras: { cirugias: 3 } },
    ]);
  });
});

describe('estadosCsv stays in the dataset folder', () => {
  async function problemsFor(estadosCsv: string, prepare: (dir: string) => void = () => {}): Promise<string[]> {
    const dir = tempDir();
    mkdirSync(join(dir, 'jornada'));
    prepare(dir);
    writeFileSync(join(dir, 'jornada', 'j.json'), JSON.stringify({ ...minimalJornada(), estadosCsv }));
    return summary((await checkJornadaFile(join(dir, 'jornada', 'j.json'))).problems);
  }
  const outside = (dir: string): void => writeFileSync(join(dir, 'secreto.csv'), 'nombre,cirugias\nCONTRASEÑA,1\n');

  test.each([
    [
      'a parent folder',
      '../secreto.csv',
      'error estadosCsv (línea 1): «estadosCsv» («../secreto.csv») sale de la carpeta de la jornada',
    ],
    [
      'an absolute path',
      '/etc/hosts.csv',
      'error estadosCsv (línea 1): «estadosCsv» debe ser una ruta relativa a la carpeta de la jornada, no «/etc/hosts.csv»',
    ],
    [
      'a file that is not .csv',
      'notas.txt',
      'error estadosCsv (línea 1): «estadosCsv» debe nombrar un archivo .csv, no «notas.txt»',
    ],
  ])('refuses %s, reading nothing', async (_name, estadosCsv, expected) => {
    const problems = await problemsFor(estadosCsv, outside);
    expect(problems).toEqual([expected]);
  });

  test('refuses a link inside the folder that points outside it, and echoes none of its cells', async () => {
    const problems = await problemsFor('estados.csv', (dir) => {
      outside(dir);
      symlinkSync(join(dir, 'secreto.csv'), join(dir, 'jornada', 'estados.csv'));
    });
    expect(problems).toEqual([
      'error estadosCsv (línea 1): «estadosCsv» («estados.csv») es un enlace a un archivo fuera de la carpeta de la jornada',
    ]);
    expect(problems.join('\n')).not.toContain('CONTRASEÑA');
  });

  test('reads a CSV in a subfolder', async () => {
    const problems = await problemsFor('tablas/estados.csv', (dir) => {
      mkdirSync(join(dir, 'jornada', 'tablas'));
      writeFileSync(join(dir, 'jornada', 'tablas', 'estados.csv'), 'nombre,cirugias\nJalisco,3\n');
    });
    expect(problems).toEqual([]);
  });
});
