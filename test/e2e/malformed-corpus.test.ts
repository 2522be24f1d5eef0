import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { lyingZipBomb, minimalWorkbook, workbookWithParts } from '../support/minimal-workbook.ts';
import { type CliRun, runCli } from '../support/run-cli.ts';

/**
 * A corpus of malformed inputs, one file per case, made here into a temporary folder (never committed), and run
 * through the real CLI as its own process: `validar` once over the whole corpus (it reports every file), and
 * `generar` over the whole corpus and over a few files alone. Each file gets its Spanish message naming the
 * place, exit code 2, no stack trace, and nothing is written: no output folder, no registry.
 */

type Content = string | Uint8Array;
interface Case {
  readonly file: string;
  readonly content: () => Content | Promise<Content>;
  /** Text that the file's report must contain (the place and the message). */
  readonly expected: string;
  /** The file generar's report names, when it is not this one (the CSV a dataset names). */
  readonly reportedAs?: string;
  /** Files beside it (a CSV a dataset names, a file outside the folder...). */
  readonly beside?: (dir: string) => void;
}

const base = (): Record<string, unknown> => ({
  tipo: 'extraordinaria-continuidad',
  ordinal: 4,
  fechas: { inicio: '2023-02-24', fin: '2023-02-26' },
  participacion: { ooad: 35, umae: 25 },
  cifras: { cirugias: 3029, trasplantes: 25, 'trasplante-rinon': 10, 'trasplante-cornea': 12 },
});
const json = (change: (jornada: Record<string, unknown>) => void): string => {
  const jornada = base();
  change(jornada);
  return JSON.stringify(jornada, null, 2);
};
const yamlHead = 'tipo: periodo-plan\nfechas: { inicio: 2021-05-31, fin: 2021-06-06 }\n';

const csvCase = (file: string, csv: string, expected: string): Case[] => [
  { file, content: () => csv, expected },
  {
    file: file.replace('.csv', '-jornada.json'),
    content: () => json((j) => (j['estadosCsv'] = file)),
    expected,
    reportedAs: file,
    beside: (dir) => writeFileSync(join(dir, file), csv),
  },
];

/** The same text fault in a state's name (JSON), a strategy (YAML) and a highlight (JSON). */
const textCases = (slug: string, bad: string, expected: string): Case[] => [
  {
    file: `texto-${slug}.json`,
    content: () => json((j) => (j['estados'] = [{ nombre: `Jalisco${bad}`, cifras: { cirugias: 3 } }])),
    expected: `estados[0].nombre (línea 20): el texto lleva un carácter ${expected}`,
  },
  {
    file: `texto-${slug}.yaml`,
    content: () => `${yamlHead}cifras: {}\nestrategias:\n  - ${JSON.stringify(`Antorcha${bad}`)}\n`,
    expected: `estrategias[0] (línea 5): el texto lleva un carácter ${expected}`,
  },
  {
    file: `destacado-${slug}.json`,
    content: () =>
      json((j) => (j['destacados'] = [{ texto: `En Sonora se hizo${bad} {cirugias}.`, cifras: { cirugias: 3 } }])),
    expected: `destacados[0].texto (línea 20): el texto lleva un carácter ${expected}`,
  },
];

const ordinalMessage = 'y un ordinal se escribe con letras sólo de 1 a 99';
const cases: readonly Case[] = [
  // --- CSV: column counts, quotes, repeated headers; each read alone and named from a dataset ---
  ...csvCase(
    'fila-larga.csv',
    'nombre,cirugias,detecciones\nJalisco,3,729,100\n',
    'fila 2: la fila tiene 4 celdas y el encabezado 3; sus cifras quedarían en columnas que no son las suyas',
  ),
  ...csvCase(
    'fila-corta.csv',
    'nombre,cirugias,detecciones\nJalisco,3,729\nSonora,729\n',
    'fila 3: la fila tiene 2 celdas y el encabezado 3',
  ),
  ...csvCase(
    'comilla-abierta.csv',
    'nombre,cirugias\nSonora,4\n"Jalisco,3\nYucatán,5\nCampeche,6\n',
    'línea 3: unas comillas abren un texto y nunca se cierran',
  ),
  ...csvCase(
    'comilla-en-medio.csv',
    'nombre,cirugias\nJal"isco,3\n',
    'línea 2: hay unas comillas en medio de una celda',
  ),
  ...csvCase(
    'columna-repetida.csv',
    'nombre,cirugias,Cirugías\nJalisco,3,4\n',
    'fila 1, columna C: la columna C («Cirugías») repite la columna B («cirugias»)',
  ),
  ...csvCase(
    'nombre-y-estado.csv',
    'estado,cirugias,nombre\nJalisco,3,Jal\n',
    'fila 1, columna C: la columna C («nombre») repite la columna A («estado»)',
  ),
  ...csvCase(
    'separador-de-miles.csv',
    'nombre;cirugias\nJalisco;3,729\n',
    'fila 2, columna B: la cifra «3,729» está escrita como texto con separador de miles',
  ),
  ...csvCase(
    'cifra-de-ancho-completo.csv',
    'nombre,cirugias\nJalisco,３７２９\n',
    'fila 2, columna B: «３７２９» no es un número',
  ),
  // --- estadosCsv confined to the dataset's folder ---
  {
    file: 'csv-fuera.json',
    content: () => json((j) => (j['estadosCsv'] = '../secreto.csv')),
    expected: 'estadosCsv (línea 18): «estadosCsv» («../secreto.csv») sale de la carpeta de la jornada',
  },
  {
    file: 'csv-absoluto.json',
    content: () => json((j) => (j['estadosCsv'] = '/etc/passwd.csv')),
    expected: '«estadosCsv» debe ser una ruta relativa a la carpeta de la jornada, no «/etc/passwd.csv»',
  },
  {
    file: 'csv-no-csv.json',
    content: () => json((j) => (j['estadosCsv'] = 'notas.txt')),
    expected: '«estadosCsv» debe nombrar un archivo .csv, no «notas.txt»',
  },
  {
    file: 'csv-enlace.json',
    content: () => json((j) => (j['estadosCsv'] = 'enlace.csv')),
    beside: (dir) => symlinkSync(join(dir, '..', '..', 'secreto.csv'), join(dir, 'enlace.csv')),
    expected: '«estadosCsv» («enlace.csv») es un enlace a un archivo fuera de la carpeta de la jornada',
  },
  // --- JSON: repeated keys, exponents, nesting ---
  {
    file: 'clave-repetida.json',
    content: () => '{\n  "tipo": "periodo-plan",\n  "cifras": {\n    "cirugias": 3,\n    "cirugias": 4000\n  }\n}\n',
    expected: 'línea 5: el campo «cirugias» está repetido en el mismo objeto (también en la línea 4)',
  },
  {
    file: 'clave-repetida-raiz.json',
    content: () => '{"tipo": "periodo-plan",\n"tipo": "monotematica"}\n',
    expected: 'línea 2: el campo «tipo» está repetido en el mismo objeto (también en la línea 1)',
  },
  {
    file: 'clave-escapada.json',
    content: () => '{"tipo": "periodo-plan", "\\u0074ipo": "monotematica"}',
    expected: 'el campo «tipo» está repetido en el mismo objeto',
  },
  {
    file: 'clave-acento.json',
    content: () => '{"cifras": {},\n"estados": [{"nombre": "Michoacán",\n"nombre": "Michoaca\u0301n"}]}',
    expected: 'línea 3: el campo «nombre» está repetido en el mismo objeto (también en la línea 2)',
  },
  {
    file: 'clave-en-estado.json',
    content: () =>
      '{"tipo": "periodo-plan", "estados": [{"nombre": "Sonora", "cifras": {"vasectomia": 1, "vasectomia": 2}}]}',
    expected: 'el campo «vasectomia» está repetido en el mismo objeto',
  },
  {
    file: 'exponente.json',
    content: () => '{"tipo": "periodo-plan", "cifras": {"cirugias": 1e3}}',
    expected: 'línea 1: el número «1e3» está en notación científica',
  },
  {
    file: 'anidado.json',
    content: () => `{"notas": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    expected: 'línea 1: el JSON anida objetos o listas a más de 32 niveles',
  },
  // --- YAML: 1.2 core only, repeated keys, tags, numbers, aliases, nesting ---
  {
    file: 'yaml-11.yaml',
    content: () => `%YAML 1.1\n---\n${yamlHead}cifras:\n  cirugias: 0100\n`,
    expected: 'línea 1: la directiva «%YAML 1.1» pide otra versión de YAML',
  },
  {
    file: 'yaml-13.yaml',
    content: () => `%YAML 1.3\n---\n${yamlHead}cifras: {}\n`,
    expected: 'línea 1: la directiva «%YAML 1.3» pide otra versión de YAML',
  },
  {
    file: 'yaml-tag-directiva.yaml',
    content: () => `%TAG !e! tag:example.com,2000:\n---\n${yamlHead}cifras: {}\n`,
    expected: 'línea 1: la directiva «%TAG» no se admite en los datos',
  },
  {
    file: 'yaml-repetido.yaml',
    content: () => `${yamlHead}cifras:\n  cirugias: 3\n  cirugias: 4\n`,
    expected: 'línea 5: el campo «cirugias» está repetido en el mismo nivel (también en la línea 4)',
  },
  {
    file: 'yaml-repetido-raiz.yaml',
    content: () => `${yamlHead}tipo: monotematica\ncifras: {}\n`,
    expected: 'línea 3: el campo «tipo» está repetido en el mismo nivel (también en la línea 1)',
  },
  {
    file: 'yaml-repetido-acento.yaml',
    content: () => `${yamlHead}cifras: {}\nestados:\n  - nombre: Michoaca\u0301n\n    nombre: Michoacán\n`,
    expected: 'línea 6: el campo «nombre» está repetido en el mismo nivel (también en la línea 5)',
  },
  {
    file: 'yaml-binary.yaml',
    content: () => `${yamlHead}cifras:\n  cirugias: !!binary aGVsbG8=\n`,
    expected: 'línea 4: la etiqueta YAML «!!binary» no se admite en los datos',
  },
  {
    file: 'yaml-timestamp.yaml',
    content: () => `${yamlHead}cifras: {}\nboletin:\n  fecha: !!timestamp 2021-06-07\n`,
    expected: 'línea 5: la etiqueta YAML «!!timestamp» no se admite en los datos',
  },
  {
    file: 'yaml-set.yaml',
    content: () => `${yamlHead}cifras: {}\nestrategias: !!set { a, b }\n`,
    expected: 'línea 4: la etiqueta YAML «!!set» no se admite en los datos',
  },
  {
    file: 'yaml-octal.yaml',
    content: () => `${yamlHead}cifras:\n  cirugias: 0o100\n`,
    expected: 'línea 4: el número «0o100» no está escrito con dígitos decimales',
  },
  {
    file: 'yaml-hex.yaml',
    content: () => `${yamlHead}cifras:\n  cirugias: 0x1F\n`,
    expected: 'línea 4: el número «0x1F» no está escrito con dígitos decimales',
  },
  {
    file: 'yaml-exponente.yaml',
    content: () => `${yamlHead}cifras:\n  cirugias: 1e3\n`,
    expected: 'línea 4: el número «1e3» no está escrito con dígitos decimales',
  },
  {
    file: 'yaml-infinito.yaml',
    content: () => `${yamlHead}cifras:\n  cirugias: .inf\n`,
    expected: 'línea 4: el número «.inf» no está escrito con dígitos decimales',
  },
  {
    file: 'yaml-nan.yaml',
    content: () => `${yamlHead}cifras:\n  cirugias: .nan\n`,
    expected: 'línea 4: el número «.nan» no está escrito con dígitos decimales',
  },
  {
    file: 'yaml-alias.yaml',
    content: () => `${yamlHead}a: &a [x]\n${Array.from({ length: 150 }, (_, index) => `k${index}: *a`).join('\n')}\n`,
    expected: '(archivo): el YAML usa 150 alias (*nombre), más de los 100 que se admiten',
  },
  {
    file: 'yaml-risa.yaml',
    content: () =>
      `l0: &l0 [x, x, x]\n${Array.from({ length: 9 }, (_, level) => `l${level + 1}: &l${level + 1} [*l${level}, *l${level}, *l${level}]`).join('\n')}\n`,
    expected: '(archivo): el YAML usa alias (*nombre) de alias que, expandidos, crecerían sin medida',
  },
  {
    file: 'yaml-anidado.yaml',
    content: () => `a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
    expected: '(archivo): el YAML anida objetos o listas a más de 32 niveles',
  },
  // --- Excel: size, ranges, hidden data, formulas and links, checked from the zip ---
  {
    file: 'xfd1.xlsx',
    content: () => minimalWorkbook((_book, nacional) => (nacional.getCell('XFD1').value = 'x')),
    expected: 'hoja «Nacional»: la hoja «Nacional» llega hasta la fila 3 y la columna XFD',
  },
  {
    file: 'ultima-fila.xlsx',
    content: () => minimalWorkbook((_book, nacional) => (nacional.getCell('A1048576').value = 'x')),
    expected: 'la hoja «Nacional» llega hasta la fila 1048576',
  },
  {
    file: 'fila-oculta.xlsx',
    content: () => minimalWorkbook((_book, nacional) => (nacional.getRow(3).hidden = true)),
    expected: 'Nacional!3:3: la fila 3 de la hoja «Nacional» está oculta',
  },
  {
    file: 'columna-oculta.xlsx',
    content: () => minimalWorkbook((_book, nacional) => (nacional.getColumn(2).hidden = true)),
    expected: 'Nacional!B: la columna B de la hoja «Nacional» está oculta',
  },
  {
    file: 'hoja-oculta.xlsx',
    content: () => minimalWorkbook((_book, nacional) => (nacional.state = 'hidden')),
    expected: 'hoja «Nacional»: la hoja «Nacional» está oculta, y sus datos se publicarían sin que nadie los vea',
  },
  {
    file: 'hoja-muy-oculta.xlsx',
    content: () =>
      minimalWorkbook((book) => book.addWorksheet('Estados', { state: 'veryHidden' }).addRow(['nombre', 'cirugias'])),
    expected: 'hoja «Estados»: la hoja «Estados» está oculta',
  },
  {
    file: 'formula-externa.xlsx',
    content: () =>
      minimalWorkbook(
        (_book, nacional) =>
          (nacional.getCell('B3').value = {
            formula: "'[Cifras.xlsx]Hoja1'!A1",
            result: 12,
          } as ExcelJS.CellFormulaValue),
      ),
    expected: "Nacional!B3: la fórmula de la celda («='[Cifras.xlsx]Hoja1'!A1») toma su valor de otro libro",
  },
  {
    file: 'vinculo-externo.xlsx',
    content: () =>
      workbookWithParts({
        'xl/externalLinks/_rels/externalLink1.xml.rels': strToU8(
          '<Relationships><Relationship Id="rId1" Target="file:///C:/Datos/Cifras%20reales.xlsx" TargetMode="External"/></Relationships>',
        ),
      }),
    expected: '(archivo): el libro está vinculado a otro libro («C:/Datos/Cifras reales.xlsx»)',
  },
  {
    file: 'bomba-mentirosa.xlsx',
    content: lyingZipBomb,
    expected:
      'una parte del libro («xl/media/relleno.bin») crece al descomprimirla más de lo que declara (1000 bytes): es una «bomba ZIP»',
  },
  {
    file: 'bomba-grande.xlsx',
    content: () => workbookWithParts({ 'xl/media/relleno.bin': new Uint8Array(60 * 1024 * 1024) }, 9),
    expected: 'el libro descomprimido pasa de 40 MB, demasiado para los datos de una jornada',
  },
  {
    file: 'zip-cortado.xlsx',
    content: async () => (await minimalWorkbook()).subarray(0, 3000),
    expected: 'el libro de Excel está dañado (su índice de partes no está)',
  },
  // --- Text: control, noncharacters, bidi, zero-width, private use, long words, digits, names ---
  ...textCases('espacio-cero', '\u200B', 'invisible (espacio de ancho cero) (U+200B)'),
  ...textCases('union-cero', '\u200D', 'invisible (unión de ancho cero) (U+200D)'),
  ...textCases('bom-interno', '\uFEFF', 'invisible (marca de orden de bytes dentro del texto) (U+FEFF)'),
  ...textCases('rtl', '\u202E', 'invisible (forzado de derecha a izquierda) (U+202E)'),
  ...textCases('aislado', '\u2067', 'invisible (aislamiento de derecha a izquierda) (U+2067)'),
  ...textCases('fffe', '\uFFFE', 'que no es un carácter (no carácter de Unicode) (U+FFFE)'),
  ...textCases('fdd0', '\uFDD0', 'que no es un carácter (no carácter de Unicode) (U+FDD0)'),
  ...textCases('nul', '\u0000', 'de control (U+0000)'),
  ...textCases('campana', '\u0007', 'de control (U+0007)'),
  ...textCases('uso-privado', '\uE000', 'de uso privado (se imprime como un cuadro vacío) (U+E000)'),
  {
    file: 'salto-en-nombre.json',
    content: () => json((j) => (j['estados'] = [{ nombre: 'Jal\nisco', cifras: { cirugias: 3 } }])),
    expected: 'el texto lleva un carácter de salto de línea (U+000A) en la posición 4, tras «Jal»',
  },
  {
    file: 'tabulador-en-enlace.json',
    content: () => json((j) => (j['enlaces'] = { fotos: 'https://exa\tmple.com/' })),
    expected: 'el texto lleva un carácter de tabulación (U+0009) en la posición 12, tras «https://exa»',
  },
  {
    file: 'sustituto-suelto.json',
    content: () => json((j) => (j['estrategias'] = ['Antorcha \\uD800'])).replace('\\\\uD800', '\\uD800'),
    expected: 'inválido (media pareja de un carácter UTF-16) (U+D800)',
  },
  {
    file: 'palabra-larga.json',
    content: () => json((j) => (j['estrategias'] = ['x'.repeat(10_000)])),
    expected: 'el texto tiene una palabra de 10000 caracteres sin espacios',
  },
  {
    file: 'palabra-larga.yaml',
    content: () => `${yamlHead}cifras: {}\ndestacados:\n  - texto: ${'y'.repeat(10_000)}\n`,
    expected: 'el texto tiene una palabra de 10000 caracteres sin espacios',
  },
  {
    file: 'cifras-ancho-completo.json',
    content: () => json((j) => (j['destacados'] = [{ texto: 'Se hicieron ３７２９ cirugías.' }])),
    expected: 'el texto del destacado lleva cifras escritas («３７２９»)',
  },
  {
    file: 'cifras-devanagari.yaml',
    content: () => `${yamlHead}cifras: {}\ndestacados:\n  - texto: Se hicieron ३७ cirugías.\n`,
    expected: 'el texto del destacado lleva cifras escritas («३७»)',
  },
  {
    file: 'cifras-arabes.json',
    content: () => json((j) => (j['destacados'] = [{ texto: 'Se hicieron ٣٧ cirugías.' }])),
    expected: 'el texto del destacado lleva cifras escritas («٣٧»)',
  },
  {
    file: 'nombre-acento.json',
    content: () =>
      json(
        (j) =>
          (j['estados'] = [
            { nombre: 'Michoacán', cifras: { cirugias: 1 } },
            { nombre: 'Michoaca\u0301n', cifras: { cirugias: 2 } },
          ]),
      ),
    expected: '«Michoacán» está repetido (también en la posición 1)',
  },
  {
    file: 'nombre-nbsp.json',
    content: () =>
      json(
        (j) =>
          (j['estados'] = [
            { nombre: 'Nuevo León', cifras: { cirugias: 1 } },
            { nombre: 'Nuevo\u00A0León', cifras: { cirugias: 2 } },
          ]),
      ),
    expected: 'está repetido (también en la posición 1)',
  },
  {
    file: 'nombre-ancho-completo.json',
    content: () =>
      json(
        (j) =>
          (j['estados'] = [
            { nombre: 'Jalisco', cifras: { cirugias: 1 } },
            { nombre: 'Ｊａｌｉｓｃｏ', cifras: { cirugias: 2 } },
          ]),
      ),
    expected: '«Ｊａｌｉｓｃｏ» está repetido (también en la posición 1)',
  },
  // --- One validation: what generar could not write is refused by validar too ---
  {
    file: 'ordinal-millon.json',
    content: () => json((j) => (j['ordinal'] = 1_000_000)),
    expected: `ordinal (línea 3): el ordinal de la jornada es 1000000, ${ordinalMessage}`,
  },
  {
    file: 'ordinal-100.yaml',
    content: () => `${yamlHead}ordinal: 100\ncifras: {}\n`,
    expected: `ordinal (línea 3): el ordinal de la jornada es 100, ${ordinalMessage}`,
  },
  {
    file: 'anio-9999.json',
    content: () => json((j) => (j['fechas'] = { inicio: '9999-02-24', fin: '9999-02-26' })),
    expected: 'la fecha 9999-02-24: el año 9999 está fuera de los que Boletín publica (1980 a 2099)',
  },
  {
    file: 'anio-1979.yaml',
    content: () => 'tipo: periodo-plan\nfechas: { inicio: 1979-05-31, fin: 1979-06-06 }\ncifras: {}\n',
    expected: 'el año 1979 está fuera de los que Boletín publica (1980 a 2099)',
  },
  {
    file: 'anio-2100.json',
    content: () => json((j) => (j['fechas'] = { inicio: '2099-12-29', fin: '2099-12-31' })),
    expected: 'el boletín saldría el 2100-01-01, el día siguiente a la jornada',
  },
  {
    file: 'boletin-3000.json',
    content: () => json((j) => (j['boletin'] = { fecha: '3000-01-01' })),
    expected: 'la fecha 3000-01-01: el año 3000 está fuera de los que Boletín publica',
  },
  {
    file: 'proxima-2150.json',
    content: () => json((j) => (j['proxima'] = { inicio: '2150-03-10', fin: '2150-03-12' })),
    expected: 'la fecha 2150-03-10: el año 2150 está fuera de los que Boletín publica',
  },
  {
    file: 'numero-10000.json',
    content: () => json((j) => (j['boletin'] = { numero: 10_000, fecha: '2023-02-27' })),
    expected: 'el número de boletín 10000 no cabe en «No. 001/AAAA»: va de 1 a 9999',
  },
  {
    file: 'url-espacio.json',
    content: () => json((j) => (j['enlaces'] = { fotos: 'https://example.com/a b' })),
    expected: 'el enlace «https://example.com/a b» lleva un espacio, que una dirección no puede llevar',
  },
  {
    file: 'url-comillas.json',
    content: () => json((j) => (j['enlaces'] = { video: 'https://example.com/a"b' })),
    expected: 'lleva el carácter «"» (U+0022), que una dirección no puede llevar',
  },
  {
    file: 'url-angulos.yaml',
    content: () => `${yamlHead}cifras: {}\nenlaces:\n  video: "https://example.com/<script>"\n`,
    expected: 'lleva el carácter «<» (U+003C), que una dirección no puede llevar',
  },
  {
    file: 'url-llaves.json',
    content: () => json((j) => (j['enlaces'] = { video: 'https://example.com/{{x}}' })),
    expected: 'lleva el carácter «{» (U+007B), que una dirección no puede llevar',
  },
  {
    file: 'url-sin-dominio.json',
    content: () => json((j) => (j['enlaces'] = { video: 'http:///x' })),
    expected: 'el enlace «http:///x» no tiene un dominio válido («x»)',
  },
  {
    file: 'url-contrasena.json',
    content: () => json((j) => (j['enlaces'] = { video: 'https://ana:secreta@example.com/' })),
    expected: 'lleva usuario o contraseña, que no se publican',
  },
  {
    file: 'ordinal-destacado-0.json',
    content: () =>
      json((j) => (j['destacados'] = [{ texto: 'Fue el {cirugias|ordinal} caso.', cifras: { cirugias: 0 } }])),
    expected: `la cifra que {cirugias|ordinal} escribe como ordinal es 0, ${ordinalMessage}`,
  },
  {
    file: 'ordinal-destacado-100.yaml',
    content: () =>
      `${yamlHead}cifras: {}\ndestacados:\n  - texto: Fue el {cirugias|ordinal} caso.\n    cifras: { cirugias: 100 }\n`,
    expected: `la cifra que {cirugias|ordinal} escribe como ordinal es 100, ${ordinalMessage}`,
  },
];

let root = '';
let corpus = '';
const files: string[] = [];
const badPaths: { path: string; expected: string }[] = [];
let validar: CliRun;
let listingBefore: string[] = [];
const listing = (): string[] => readdirSync(root, { recursive: true }).map(String).sort();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'boletin-corpus-'));
  corpus = join(root, 'corpus');
  mkdirSync(corpus);
  writeFileSync(join(root, 'secreto.csv'), 'nombre,cirugias\nCONTRASEÑA-AJENA,1\n');
  for (const entry of cases) {
    const dir = join(corpus, entry.file.replace(/\W/g, '-'));
    mkdirSync(dir);
    entry.beside?.(dir);
    writeFileSync(join(dir, entry.file), await entry.content());
    files.push(join(dir, entry.file));
  }
  writeFileSync(join(corpus, 'archivo.json'), '{}');
  badPaths.push(
    {
      path: join(corpus, 'archivo.json', 'jornada.json'),
      expected: `«${join(corpus, 'archivo.json')}» es un archivo, pero la ruta lo usa como carpeta`,
    },
    {
      path: join(corpus, `${'n'.repeat(300)}.json`),
      expected: 'la ruta del archivo es demasiado larga para el sistema',
    },
    { path: join(corpus, 'no-existe.json'), expected: 'el archivo no existe' },
  );
  listingBefore = listing();
  validar = await runCli(['validar', ...files, ...badPaths.map((bad) => bad.path)]);
}, 300_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The report of one file in validar's output: its header line and the indented lines under it. */
function reportOf(output: string, file: string): string {
  const blocks = output.split(/\n(?=[✗✓] )/);
  return blocks.find((block) => block.split('\n')[0]?.includes(`${basename(file)}: `)) ?? '';
}

const noTrace = (output: string): void => {
  expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(output).not.toMatch(/\b(TypeError|RangeError|ReferenceError|SyntaxError|ERR_[A-Z_]+|node:internal)\b/);
};

describe('a malformed-input corpus through the real CLI', () => {
  test('has at least 100 files, each with its own name', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
    expect(new Set(cases.map((entry) => entry.file)).size).toBe(cases.length);
  });

  test('validar reports every file as not valid, exits 2 and prints no trace', () => {
    expect(validar.code).toBe(2);
    noTrace(validar.stderr + validar.stdout);
    expect(validar.stdout).toContain(
      `${files.length + badPaths.length} archivos: 0 válidos, ${files.length + badPaths.length} con errores.`,
    );
  });

  test.each(cases.map((entry, index) => [entry.file, index] as const))('validar: %s', (_file, index) => {
    const entry = cases[index] as Case;
    const report = reportOf(validar.stderr, files[index] as string);
    expect(report.split('\n')[0]).toMatch(/: no válido \(/);
    expect(report).toContain(entry.expected);
    expect(report).not.toContain('CONTRASEÑA-AJENA');
  });

  test.each(badPaths.map((bad) => [basename(bad.path).slice(0, 40), bad] as const))(
    'validar, a path the system refuses: %s',
    (_name, bad) => {
      expect(reportOf(validar.stderr, bad.path)).toContain(`✗ error en (archivo): ${bad.expected}.`);
    },
  );

  test('validar wrote nothing', () => {
    expect(listing()).toEqual(listingBefore);
  });

  test('generar over the whole corpus refuses every file, exits 2 and writes nothing', async () => {
    const output = join(root, 'salida');
    const registry = join(root, 'registro');
    const run = await runCli([...files, '--salida', output, '--datos', registry, '--formatos', 'html,md,docx']);
    expect(run.code).toBe(2);
    noTrace(run.stderr + run.stdout);
    expect(run.stderr).toContain('No se escribió ningún archivo.');
    for (const [index, entry] of cases.entries()) {
      expect.soft(run.stderr, entry.file).toContain(entry.expected);
      expect.soft(run.stderr, entry.file).toContain(entry.reportedAs ?? basename(files[index] as string));
    }
    expect(existsSync(output)).toBe(false);
    expect(existsSync(registry)).toBe(false);
  }, 300_000);

  test.each(['xfd1.xlsx', 'yaml-risa.yaml', 'comilla-abierta-jornada.json', 'texto-rtl.json', 'ordinal-millon.json'])(
    'generar alone: %s',
    async (file) => {
      const index = cases.findIndex((entry) => entry.file === file);
      const output = join(root, `salida-${index}`);
      const registry = join(root, `registro-${index}`);
      const run = await runCli([files[index] as string, '--salida', output, '--datos', registry]);
      expect(run.code).toBe(2);
      noTrace(run.stderr + run.stdout);
      expect(run.stderr).toContain((cases[index] as Case).expected);
      expect(run.stderr).toContain('No se escribió ningún archivo.');
      expect(existsSync(output)).toBe(false);
      expect(existsSync(registry)).toBe(false);
    },
    120_000,
  );
});
