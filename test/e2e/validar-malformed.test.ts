import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { fakeIo } from '../support/fake-io.ts';
import { repoRoot } from '../../src/dataset/paths.ts';

/**
 * A corpus of malformed datasets, made here (never committed), each run through the real `boletin validar`:
 * every one gets its Spanish message and exit code 2, no stack trace, and nothing is written anywhere.
 */

let workDir = '';
beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'boletin-validar-'));
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

async function validar(
  args: readonly string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = fakeIo({ cwd });
  const code = await main(['validar', ...args], io);
  return { code, stdout: io.out(), stderr: io.err() };
}

function base(): Record<string, unknown> {
  return {
    tipo: 'extraordinaria-continuidad',
    ordinal: 4,
    fechas: { inicio: '2023-02-24', fin: '2023-02-26' },
    participacion: { ooad: 35, umae: 25 },
    cifras: { cirugias: 3029, trasplantes: 25, 'trasplante-rinon': 10, 'trasplante-cornea': 12 },
  };
}

const json = (value: unknown): string => JSON.stringify(value, null, 2);
const withBase = (change: (jornada: Record<string, unknown>) => void): string => {
  const jornada = base();
  change(jornada);
  return json(jornada);
};

type SheetRows = Record<string, (string | number | Date | null | Record<string, unknown>)[][]>;

async function workbook(sheets: SheetRows, merges: Record<string, string[]> = {}): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
    for (const range of merges[name] ?? []) sheet.mergeCells(range);
  }
  return Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

const goodJornadaSheet = [
  ['campo', 'valor'],
  ['tipo', 'extraordinaria-continuidad'],
  ['fechas.inicio', '2023-02-24'],
  ['fechas.fin', '2023-02-26'],
];
const goodNacionalSheet = [
  ['indicador', 'nacional'],
  ['cirugias', 3029],
];

interface Case {
  readonly name: string;
  readonly file: string;
  readonly content: () => string | Buffer | Promise<string | Buffer> | 'folder';
  /** Lines of the Spanish report that must appear on stderr. */
  readonly expected: readonly string[];
  readonly args?: readonly string[];
}

const cases: readonly Case[] = [
  // --- broken JSON and YAML ---
  {
    name: 'JSON with a trailing comma',
    file: 'coma.json',
    content: () => '{\n  "tipo": "periodo-plan",\n  "cifras": { "cirugias": 3, },\n}\n',
    expected: [
      '✗ error en línea 3, columna 30: el JSON está mal formado en la línea 3: sobra una coma antes del cierre.',
    ],
  },
  {
    name: 'JSON missing a comma',
    file: 'sin-coma.json',
    content: () => '{\n  "tipo": "periodo-plan"\n  "cifras": {}\n}\n',
    expected: ['el JSON está mal formado en la línea 3: falta una coma entre dos elementos.'],
  },
  {
    name: 'JSON cut short',
    file: 'corto.json',
    content: () => '{\n  "tipo": "periodo-plan",\n  "cifras": { "cirugias": 3\n',
    expected: ['el archivo termina antes de tiempo (¿falta cerrar una llave «}» o un corchete «]»?).'],
  },
  {
    name: 'JSON with comments',
    file: 'comentario.json',
    content: () => '{\n  // la jornada\n  "tipo": "periodo-plan"\n}\n',
    expected: ['el JSON está mal formado en la línea 2: el JSON no admite comentarios.'],
  },
  {
    name: 'JSON with single quotes',
    file: 'simples.json',
    content: () => "{ 'tipo': 'periodo-plan' }",
    expected: ['el JSON usa comillas dobles ("), no simples.'],
  },
  {
    name: 'YAML indented with tabs',
    file: 'tabs.yaml',
    content: () => 'tipo: periodo-plan\nfechas:\n\tinicio: 2021-05-31\n',
    expected: ['el YAML está mal formado en la línea 3: hay tabuladores en la sangría; YAML sólo admite espacios.'],
  },
  {
    name: 'YAML with a repeated key',
    file: 'repetido.yaml',
    content: () => 'tipo: periodo-plan\ncifras:\n  cirugias: 3\n  cirugias: 4\n',
    expected: [
      '✗ error en línea 4: el campo «cirugias» está repetido en el mismo nivel (también en la línea 3); sólo uno de sus valores se leería.',
    ],
  },
  {
    name: 'YAML with an unclosed quote',
    file: 'comillas.yml',
    content: () => 'tipo: "periodo-plan\nfechas:\n  inicio: 2021-05-31\n',
    expected: [
      'el YAML está mal formado en la línea 4: falta un carácter (¿unas comillas o un corchete sin cerrar?); las comillas de la línea 1 no se cierran.',
    ],
  },
  // --- wrong types, missing and unknown fields ---
  {
    name: 'figures as a list',
    file: 'lista.json',
    content: () => withBase((j) => (j['cifras'] = [3029])),
    expected: [
      '✗ error en cifras (línea 12): «cifras» debe ser un objeto con campos, pero es una lista.',
      '→ Escriba un objeto entre llaves: { "cirugias": 3029 }.',
    ],
  },
  {
    name: 'a count in quotes',
    file: 'comillas.json',
    content: () => withBase((j) => (j['participacion'] = { ooad: '35' })),
    expected: [
      'la cifra «35» de «participacion.ooad» está entre comillas (es texto).',
      '→ Escriba el número sin comillas: 35.',
    ],
  },
  {
    name: 'missing dates',
    file: 'sin-fechas.json',
    content: () => withBase((j) => delete j['fechas']),
    expected: ['✗ error en fechas (línea 1): falta el campo obligatorio «fechas».'],
  },
  {
    name: 'missing end date',
    file: 'sin-fin.yaml',
    content: () => 'tipo: periodo-plan\nfechas:\n  inicio: 2021-05-31\ncifras: {}\n',
    expected: ['✗ error en fechas.fin (línea 2): falta el campo obligatorio «fechas.fin».'],
  },
  {
    name: 'unknown kind of jornada',
    file: 'tipo.json',
    content: () => withBase((j) => (j['tipo'] = 'nacional')),
    expected: ['«nacional» no es un valor válido para «tipo».', '→ ¿Quiso decir «nacional-recuperacion»?'],
  },
  {
    name: 'unknown field',
    file: 'campo.json',
    content: () => withBase((j) => (j['fecha'] = { inicio: '2023-02-24' })),
    expected: [
      '✗ error en fecha (línea 18): el campo «fecha» no existe.',
      '→ ¿Quiso decir «fechas»? Corrija el nombre de «fecha».',
    ],
  },
  {
    name: 'unknown indicator',
    file: 'indicador.json',
    content: () => withBase((j) => (j['cifras'] = { 'trasplante-riñon': 10 })),
    expected: [
      '✗ error en cifras.trasplante-riñon (línea 13): «trasplante-riñon» no es un indicador del catálogo.',
      '→ ¿Quiso decir «trasplante-rinon»?',
    ],
  },
  {
    name: 'unknown indicator in a state',
    file: 'indicador-estado.yaml',
    content: () =>
      'tipo: periodo-plan\nfechas: { inicio: 2021-05-31, fin: 2021-06-06 }\ncifras: {}\nestados:\n  - nombre: Sinaloa\n    cifras:\n      vasectomias: 15\n',
    expected: [
      '✗ error en estados[0].cifras.vasectomias (línea 7): «vasectomias» no es un indicador del catálogo.',
      '¿Quiso decir «vasectomia»?',
    ],
  },
  // --- figures and dates typed as text ---
  {
    name: 'a figure with a thousands separator',
    file: 'separador.json',
    content: () => withBase((j) => (j['cifras'] = { cirugias: '3,729' })),
    expected: [
      'La cifra «3,729» está escrita como texto con separador de miles en «cifras.cirugias».',
      '→ Escriba sólo los dígitos, sin comas, puntos ni espacios: 3729 (si es lo que quiso decir).',
    ],
  },
  {
    name: 'a figure in words',
    file: 'palabras.yaml',
    content: () =>
      'tipo: periodo-plan\nfechas: { inicio: 2021-05-31, fin: 2021-06-06 }\ncifras:\n  cirugias: 3 mil 729\n',
    expected: ['La cifra «3 mil 729» está escrita con palabras en «cifras.cirugias».'],
  },
  {
    name: 'a date day/month/year',
    file: 'ddmm.json',
    content: () => withBase((j) => (j['fechas'] = { inicio: '24/02/2023', fin: '26/02/2023' })),
    expected: [
      'La fecha «24/02/2023» está en formato día/mes/año, que Boletín no adivina («fechas.inicio»).',
      '→ Escríbala como año-mes-día: 2023-02-24.',
      '→ Escríbala como año-mes-día: 2023-02-26.',
    ],
  },
  {
    name: 'an ambiguous day/month date',
    file: 'ambigua.json',
    content: () => withBase((j) => (j['fechas'] = { inicio: '03/04/2023', fin: '2023-04-05' })),
    expected: ['→ Escríbala como año-mes-día: 2023-04-03 si es el 3 del mes 4, o 2023-03-04 si es el 4 del mes 3.'],
  },
  // --- impossible values ---
  {
    name: 'end before start',
    file: 'invertidas.json',
    content: () => withBase((j) => (j['fechas'] = { inicio: '2023-02-26', fin: '2023-02-24' })),
    expected: ['✗ error en fechas.fin (línea 6): la jornada termina (2023-02-24) antes de empezar (2023-02-26).'],
  },
  {
    name: 'a jornada far too long',
    file: 'larga.json',
    content: () => withBase((j) => (j['fechas'] = { inicio: '2023-02-24', fin: '2023-12-26' })),
    expected: ['la jornada duraría 306 días (del 2023-02-24 al 2023-12-26); una de este tipo dura a lo más 5.'],
  },
  {
    name: 'a negative count',
    file: 'negativa.json',
    content: () => withBase((j) => (j['cifras'] = { cirugias: -3029 })),
    expected: ['«cifras.cirugias» vale -3029, pero una cifra no puede ser negativa.'],
  },
  {
    name: 'a fractional count',
    file: 'decimal.json',
    content: () => withBase((j) => (j['cifras'] = { cirugias: 30.29 })),
    expected: ['«cifras.cirugias» vale 30.29, pero un conteo es un número entero.'],
  },
  {
    name: 'parts greater than their total',
    file: 'partes.json',
    content: () =>
      withBase((j) => (j['cifras'] = { trasplantes: 20, 'trasplante-rinon': 10, 'trasplante-cornea': 12 })),
    expected: [
      '✗ error en cifras.trasplantes (línea 13): las partes de «trasplantes» suman 22 (trasplante-rinon 10 + trasplante-cornea 12), más que el total, 20.',
    ],
  },
  {
    name: 'a figure typed in a highlight',
    file: 'destacado.json',
    content: () =>
      withBase(
        (j) => (j['estados'] = [{ nombre: 'Nuevo León', destacados: [{ texto: 'Se realizaron 7245 detecciones.' }] }]),
      ),
    expected: ['el texto del destacado lleva cifras escritas («7245»).'],
  },
  {
    name: 'a bulletin number without a date',
    file: 'numero.json',
    content: () => withBase((j) => (j['boletin'] = { numero: 93 })),
    expected: ['el boletín tiene número pero no fecha, y el año del número sale de la fecha.'],
  },
  {
    name: 'a state listed twice',
    file: 'repetidos.json',
    content: () => withBase((j) => (j['estados'] = [{ nombre: 'Jalisco' }, { nombre: 'Jalisco' }])),
    expected: ['«Jalisco» está repetido (también en la posición 1).'],
  },
  // --- not a dataset at all ---
  {
    name: 'another JSON file',
    file: 'package.json',
    content: () => json({ name: 'boletin', version: '1.0.0' }),
    expected: [
      'no es un conjunto de datos de una jornada: no tiene «tipo», «fechas» ni «cifras» (tiene: name, version).',
    ],
  },
  {
    name: 'a JSON list',
    file: 'lista-suelta.json',
    content: () => '[1, 2, 3]',
    expected: ['no es un conjunto de datos de una jornada: es una lista, no un objeto.'],
  },
  {
    name: 'an empty file',
    file: 'vacio.json',
    content: () => '',
    expected: ['✗ error en (archivo): el archivo está vacío.'],
  },
  {
    name: 'a file of blanks',
    file: 'blancos.yaml',
    content: () => '\uFEFF  \r\n\r\n',
    expected: ['el archivo sólo tiene espacios en blanco.'],
  },
  { name: 'a folder', file: 'carpeta.json', content: () => 'folder', expected: ['es una carpeta, no un archivo.'] },
  {
    name: 'a binary file',
    file: 'binario.json',
    content: () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    expected: ['el archivo es binario, no un archivo de texto con datos.'],
  },
  {
    name: 'text in Latin-1',
    file: 'latin1.json',
    content: () =>
      Buffer.from(
        withBase((j) => (j['notas'] = 'Michoacán')),
        'latin1',
      ),
    expected: ['el archivo no está en UTF-8 (quizá en Windows-1252 o Latin-1).'],
  },
  {
    name: 'an unknown extension',
    file: 'jornada.txt',
    content: () => json(base()),
    expected: ['Boletín no lee archivos «.txt».'],
  },
  {
    name: 'an old .xls workbook',
    file: 'viejo.xls',
    content: () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    expected: ['es un libro de Excel antiguo (.xls), que Boletín no lee.'],
  },
  {
    name: 'a file far too large',
    file: 'enorme.json',
    content: () => `{"notas": "${'x'.repeat(6 * 1024 * 1024)}"}`,
    expected: ['el archivo pesa 6 MB, demasiado para los datos de una jornada (el límite es 5 MB).'],
  },
  {
    name: 'a CSV with a figure in words',
    file: 'estados.csv',
    content: () => 'nombre,cirugias\r\nJalisco,3 mil 729\r\n',
    expected: ['✗ error en fila 2, columna B: la cifra «3 mil 729» está escrita con palabras («cirugias» de Jalisco).'],
  },
  // --- Excel ---
  {
    name: 'a workbook with an empty sheet',
    file: 'vacia.xlsx',
    content: () => workbook({ Jornada: goodJornadaSheet, Nacional: [['indicador', 'nacional']] }),
    expected: ['✗ error en Nacional!A1: la hoja «Nacional» está vacía.'],
  },
  {
    name: 'a workbook with merged cells',
    file: 'combinadas.xlsx',
    content: () =>
      workbook(
        {
          Jornada: goodJornadaSheet,
          Nacional: [...goodNacionalSheet, ['vasectomia', 12], ['implante-hormonal', null]],
        },
        { Nacional: ['B3:B4'] },
      ),
    expected: [
      '✗ error en Nacional!B3:B4: las celdas B3:B4 de la hoja «Nacional» están combinadas.',
      '→ Separe las celdas (Inicio > Combinar y centrar > Separar celdas) y escriba el valor en cada fila.',
    ],
  },
  {
    name: 'a workbook with a sheet renamed',
    file: 'renombrada.xlsx',
    content: () => workbook({ Jornada: goodJornadaSheet, Hoja2: goodNacionalSheet }),
    expected: [
      '✗ error en hoja «Nacional»: falta la hoja «Nacional».',
      '¿La renombró? El libro tiene: Jornada, Hoja2.',
    ],
  },
  {
    name: 'a workbook with a sheet misspelt',
    file: 'mal-escrita.xlsx',
    content: () => workbook({ Jornada: goodJornadaSheet, Nacionales: goodNacionalSheet }),
    expected: [
      '✗ error en hoja «Nacionales»: la hoja «Nacionales» no es una hoja del formato.',
      '→ ¿Quiso decir «Nacional»? Cambie el nombre de la hoja a «Nacional».',
    ],
  },
  {
    name: 'a workbook with a figure as text',
    file: 'texto.xlsx',
    content: () =>
      workbook({
        Jornada: goodJornadaSheet,
        Nacional: [
          ['indicador', 'nacional'],
          ['cirugias', '3,729'],
        ],
      }),
    expected: [
      '✗ error en Nacional!B2: la cifra «3,729» está escrita como texto con separador de miles («cifras.cirugias»).',
    ],
  },
  {
    name: 'a workbook with a day/month date',
    file: 'fecha.xlsx',
    content: () =>
      workbook({
        Jornada: [
          ['campo', 'valor'],
          ['tipo', 'periodo-plan'],
          ['fechas.inicio', '31/05/2021'],
          ['fechas.fin', '2021-06-06'],
        ],
        Nacional: goodNacionalSheet,
      }),
    expected: [
      '✗ error en Jornada!B3: la fecha «31/05/2021» está en formato día/mes/año, que Boletín no adivina («fechas.inicio»).',
    ],
  },
  {
    name: 'a workbook with an unknown indicator column',
    file: 'columna.xlsx',
    content: () =>
      workbook({
        Jornada: goodJornadaSheet,
        Nacional: goodNacionalSheet,
        Estados: [
          ['nombre', 'cirugia'],
          ['Jalisco', 12],
        ],
      }),
    expected: [
      '✗ error en Estados!B1: el encabezado «cirugia» no es una columna de la hoja (nombre, lugar) ni un indicador del catálogo.',
      '→ ¿Quiso decir «cirugias»?',
    ],
  },
  {
    name: 'a workbook with a formula and no result',
    file: 'formula.xlsx',
    content: () =>
      workbook({
        Jornada: goodJornadaSheet,
        Nacional: [
          ['indicador', 'nacional'],
          ['cirugias', { formula: 'SUM(C1:C9)' }],
        ],
      }),
    expected: ['✗ error en Nacional!B2: la celda tiene una fórmula sin resultado guardado («cifras.cirugias»).'],
  },
  {
    name: 'a workbook with an unknown field',
    file: 'campo.xlsx',
    content: () =>
      workbook({ Jornada: [...goodJornadaSheet, ['fechas.final', '2023-02-26']], Nacional: goodNacionalSheet }),
    expected: [
      '✗ error en Jornada!A5: «fechas.final» no es un campo de la hoja Jornada.',
      '→ ¿Quiso decir «fechas.fin»?',
    ],
  },
  {
    name: 'a text file named .xlsx',
    file: 'falso.xlsx',
    content: () => json(base()),
    expected: ['el archivo tiene extensión .xlsx pero no es un libro de Excel.'],
  },
  {
    name: 'a damaged workbook',
    file: 'danado.xlsx',
    content: () => Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]),
    expected: ['el libro de Excel está dañado (su índice de partes no está).'],
  },
  {
    name: 'a warning in strict mode',
    file: 'estricto.json',
    args: ['--estricto'],
    content: () => withBase((j) => (j['participacion'] = { ooad: 40 })),
    expected: [
      '✗ estricto.json: no válido en modo estricto (1 aviso)',
      '! aviso en participacion.ooad (línea 9): 40 OOAD son más de las 35 que tiene el IMSS.',
    ],
  },
];

describe('boletin validar refuses malformed datasets with a Spanish message and exit code 2', () => {
  test('the corpus is large enough', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(new Set(cases.map((entry) => entry.file)).size).toBe(cases.length);
  });

  for (const entry of cases) {
    test(entry.name, async () => {
      const dir = join(workDir, entry.file.replace(/\W/g, '-'));
      mkdirSync(dir, { recursive: true });
      const content = await entry.content();
      if (content === 'folder') mkdirSync(join(dir, entry.file));
      else writeFileSync(join(dir, entry.file), content);
      const before = readdirSync(dir).sort();
      const result = await validar([...(entry.args ?? []), entry.file], dir);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(new RegExp(`^✗ ${entry.file}: no válido`));
      for (const line of entry.expected) expect(result.stderr).toContain(line);
      expect(result.stderr).not.toMatch(/\n\s+at |Error:|TypeError|undefined/);
      // Nothing is written: no output/ folder, no other file beside the input.
      expect(readdirSync(dir).sort()).toEqual(before);
    });
  }

  test('a missing file suggests the one that exists', async () => {
    const dir = join(workDir, 'faltante');
    mkdirSync(dir);
    writeFileSync(join(dir, 'jornada-cuarta.json'), json(base()));
    const result = await validar(['jornada-carta.json'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatchInlineSnapshot(`
      "✗ jornada-carta.json: no válido (1 error)
        ✗ error en (archivo): el archivo no existe.
          → ¿Quiso decir «${dir}/jornada-cuarta.json»?
      "
    `);
  });

  test('one bad file among good ones still fails the run, and each file gets its report', async () => {
    const dir = join(workDir, 'varios');
    mkdirSync(dir);
    writeFileSync(join(dir, 'buena.json'), json(base()));
    writeFileSync(
      join(dir, 'mala.json'),
      withBase((j) => (j['cifras'] = { cirugias: '3 mil 29' })),
    );
    const result = await validar(['buena.json', 'mala.json'], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('✓ buena.json: datos válidos, sin avisos\n2 archivos: 1 válido, 1 con errores.\n');
    expect(result.stderr).toContain('✗ mala.json: no válido (1 error)');
  });

  test('--json reports every problem as data', async () => {
    const dir = join(workDir, 'json');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'mala.json'),
      withBase((j) => (j['cifras'] = { cirugia: 1, trasplantes: 2.5 })),
    );
    const result = await validar(['--json', 'mala.json'], dir);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        archivo: 'mala.json',
        valido: false,
        errores: [
          {
            lugar: 'cifras.trasplantes (línea 14)',
            mensaje: '«cifras.trasplantes» vale 2.5, pero un conteo es un número entero',
            correccion: 'Escriba un número entero, sin decimales.',
          },
          {
            lugar: 'cifras.cirugia (línea 13)',
            mensaje: '«cirugia» no es un indicador del catálogo',
            correccion:
              '¿Quiso decir «cirugias»? Los indicadores están en data/catalogo/indicadores.yaml; para uno nuevo, agréguelo ahí.',
          },
        ],
        avisos: [],
      },
    ]);
  });
});

describe('boletin validar on the sample jornadas', () => {
  const samples = join(repoRoot, 'data', 'jornadas');
  const files = readdirSync(samples)
    .filter((name) => /\.(json|xlsx)$/.test(name))
    .sort()
    .map((name) => join('data', 'jornadas', name));

  test('all are valid: exit 0, warnings shown', async () => {
    const result = await validar(files, repoRoot);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${files.length} archivos: ${files.length} válidos, 0 con errores.`);
    expect(result.stdout).toContain(
      '✓ data/jornadas/2023-02-cuarta-jornada-extraordinaria.xlsx: datos válidos, sin avisos',
    );
  });

  test('--estricto fails the samples whose published text contradicts itself', async () => {
    const result = await validar(['--estricto', ...files], repoRoot);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '✗ data/jornadas/2021-06-periodo-plan-nacional.json: no válido en modo estricto (1 aviso)',
    );
    expect(result.stderr).toContain(
      '✗ data/jornadas/2021-12-decima-cuarta-jornada-nacional.json: no válido en modo estricto (1 aviso)',
    );
  });
});

describe('boletin validar as a real process', () => {
  const cli = join(repoRoot, 'src', 'cli.ts');
  const run = (args: readonly string[], cwd: string) =>
    spawnSync(process.execPath, [cli, 'validar', ...args], { cwd, encoding: 'utf8' });

  test('missing, binary and huge files: message and exit 2, never a stack trace', () => {
    const dir = join(workDir, 'proceso');
    mkdirSync(dir);
    writeFileSync(join(dir, 'binario.yaml'), Buffer.from([0, 1, 2, 3, 255, 254, 0, 0]));
    writeFileSync(join(dir, 'enorme.yaml'), `notas: ${'x'.repeat(5 * 1024 * 1024 + 10)}\n`);
    for (const [file, message] of [
      ['no-existe.json', 'el archivo no existe'],
      ['binario.yaml', 'el archivo es binario'],
      ['enorme.yaml', 'demasiado para los datos de una jornada'],
      ['.', 'es una carpeta, no un archivo'],
    ] as const) {
      const result = run([file], dir);
      expect(result.status, file).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect(readdirSync(dir).sort()).toEqual(['binario.yaml', 'enorme.yaml']);
  });

  test('a valid sample: exit 0 with its report on stdout', () => {
    const result = run(['data/jornadas/2023-02-cuarta-jornada-extraordinaria.json'], repoRoot);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      '✓ data/jornadas/2023-02-cuarta-jornada-extraordinaria.json: datos válidos, sin avisos\n',
    );
  });

  test('no arguments: the usage in Spanish and exit 2', () => {
    const result = run([], repoRoot);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'Indique al menos un archivo de datos: boletin validar ARCHIVO... (vea boletin validar --help).\n',
    );
  });
});
