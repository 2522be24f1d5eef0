import { describe, expect, test } from 'vitest';
import { problemSink } from '../../../src/dataset/problem.ts';
import { parseJsonText, parseYamlText } from '../../../src/dataset/text-formats.ts';
import { summary } from './helpers.ts';

/** JSON and YAML are read so that a value means one thing: no repeated keys, YAML 1.2 core only, bounded size. */

function read(format: 'json' | 'yaml', text: string): { raw: unknown; problems: string[] } {
  const sink = problemSink(`x.${format}`);
  const parsed = format === 'json' ? parseJsonText(text, sink) : parseYamlText(text, sink);
  return { raw: parsed?.raw, problems: summary(sink.problems) };
}

const head = 'tipo: periodo-plan\nfechas: { inicio: 2021-05-31, fin: 2021-06-06 }\n';
const aliases = (count: number): string =>
  `${head}a: &a [x]\n${Array.from({ length: count }, (_, index) => `k${index}: *a`).join('\n')}\n`;

/** Ten levels of three aliases each: 27 aliases in the file, 59,049 values once expanded (a real file goes deeper). */
function laughs(): string {
  const levels = Array.from(
    { length: 9 },
    (_, level) => `l${level + 1}: &l${level + 1} [${Array.from({ length: 3 }, () => `*l${level}`).join(', ')}]`,
  );
  return `l0: &l0 [x, x, x]\n${levels.join('\n')}\n`;
}

describe('refused, each with its line', () => {
  test.each([
    [
      'json',
      'a repeated key',
      '{\n  "cifras": {\n    "cirugias": 3,\n    "cirugias": 4000\n  }\n}',
      'error línea 4: el campo «cirugias» está repetido en el mismo objeto (también en la línea 3); sólo uno de sus valores se leería',
    ],
    [
      'json',
      'a repeated key written with an escape',
      '{"tipo": 1, "\\u0074ipo": 2}',
      'error línea 1: el campo «tipo» está repetido en el mismo objeto (también en la línea 1); sólo uno de sus valores se leería',
    ],
    [
      'json',
      'a repeated key, one with a combining accent',
      '{"Michoacán": 1,\n"Michoaca\u0301n": 2}',
      'error línea 2: el campo «Michoacán» está repetido en el mismo objeto (también en la línea 1); sólo uno de sus valores se leería',
    ],
    [
      'json',
      'a number in exponent form',
      '{"cifras": {"cirugias": 1e3}}',
      'error línea 1: el número «1e3» está en notación científica',
    ],
    [
      'json',
      'a number in exponent form with a long exponent, quoted whole (found in review: «1e+30»)',
      '{"cifras": {"cirugias": 1e+300}}',
      'error línea 1: el número «1e+300» está en notación científica',
    ],
    [
      'json',
      'nesting deeper than 32',
      `${'['.repeat(200_000)}${']'.repeat(200_000)}`,
      'error línea 1: el JSON anida objetos o listas a más de 32 niveles',
    ],
    [
      'yaml',
      'a %YAML 1.1 directive',
      '%YAML 1.1\n---\ncifras:\n  cirugias: 0100\n',
      'error línea 1: la directiva «%YAML 1.1» pide otra versión de YAML, que leería distinto algunos valores (en YAML 1.1, 0100 es 64 y «yes» es verdadero)',
    ],
    [
      'yaml',
      'a %TAG directive',
      '%TAG !e! tag:example.com,2000:\n---\na: 1\n',
      'error línea 1: la directiva «%TAG» no se admite en los datos',
    ],
    [
      'yaml',
      'a repeated key',
      `${head}cifras:\n  cirugias: 3\n  cirugias: 4\n`,
      'error línea 5: el campo «cirugias» está repetido en el mismo nivel (también en la línea 4); sólo uno de sus valores se leería',
    ],
    [
      'yaml',
      'a repeated key, one with a combining accent',
      'Michoacán: 1\nMichoaca\u0301n: 2\n',
      'error línea 2: el campo «Michoacán» está repetido en el mismo nivel (también en la línea 1); sólo uno de sus valores se leería',
    ],
    [
      'yaml',
      'a !!binary tag',
      'cifras:\n  cirugias: !!binary aGVsbG8=\n',
      'error línea 2: la etiqueta YAML «!!binary» no se admite en los datos',
    ],
    [
      'yaml',
      'an octal figure',
      'cifras:\n  cirugias: 0o100\n',
      'error línea 2: el número «0o100» no está escrito con dígitos decimales',
    ],
    [
      'yaml',
      'a hexadecimal figure',
      'cifras:\n  cirugias: 0x1F\n',
      'error línea 2: el número «0x1F» no está escrito con dígitos decimales',
    ],
    [
      'yaml',
      'an infinite figure',
      'cifras:\n  cirugias: .inf\n',
      'error línea 2: el número «.inf» no está escrito con dígitos decimales',
    ],
    [
      'yaml',
      'more than 100 aliases',
      aliases(150),
      'error (archivo): el YAML usa 150 alias (*nombre), más de los 100 que se admiten',
    ],
    [
      'yaml',
      'aliases of aliases (a "billion laughs")',
      laughs(),
      'error (archivo): el YAML usa alias (*nombre) de alias que, expandidos, crecerían sin medida',
    ],
    [
      'yaml',
      'nesting deeper than 32',
      `a: ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`,
      'error (archivo): el YAML anida objetos o listas a más de 32 niveles',
    ],
  ] as const)('%s: %s', (format, _name, text, expected) => {
    const { raw, problems } = read(format, text);
    expect(raw).toBeUndefined();
    expect(problems).toEqual([expected]);
  });
});

describe('read as YAML 1.2 core', () => {
  test.each([
    [
      '0100 is one hundred, with or without a %YAML 1.2 directive',
      '%YAML 1.2\n---\ncifras:\n  cirugias: 0100\n',
      { cifras: { cirugias: 100 } },
    ],
    ['yes and on stay words', 'a: yes\nb: on\n', { a: 'yes', b: 'on' }],
    ['dates stay text', 'inicio: 2021-05-31\n', { inicio: '2021-05-31' }],
    ['a merge key stays a key, not a merge', 'a: &x { b: 1 }\nc:\n  <<: *x\n', { a: { b: 1 }, c: { '<<': { b: 1 } } }],
    ['a few aliases are fine', aliases(100), expect.objectContaining({ k99: ['x'] })],
  ])('%s', (_name, text, expected) => {
    const { raw, problems } = read('yaml', text);
    expect(problems).toEqual([]);
    expect(raw).toEqual(expected);
  });
});
