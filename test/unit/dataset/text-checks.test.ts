import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../../src/dataset/catalog.ts';
import { describeFsError } from '../../../src/dataset/source.ts';
import { validateJornada } from '../../../src/dataset/validate.ts';
import { minimalJornada, summary } from './helpers.ts';

/** Every text is NFC-normalised, and what a reader cannot see or a file cannot carry is refused at its place. */

const catalog = loadCatalog();
const validate = (change: (jornada: Record<string, unknown>) => void) => {
  const jornada = minimalJornada();
  change(jornada);
  return validateJornada(jornada, { file: 'x.json', catalog });
};
const withState = (nombre: string) => (jornada: Record<string, unknown>) => (jornada['estados'] = [{ nombre }]);
const withStrategy = (text: string) => (jornada: Record<string, unknown>) => (jornada['estrategias'] = [text]);

describe('refused characters, with the place and the code', () => {
  test.each([
    [
      'a zero-width space in a name',
      withState('Jalisco\u200B'),
      'error estados[0].nombre: el texto lleva un carácter invisible (espacio de ancho cero) (U+200B) en la posición 8, tras «Jalisco»',
    ],
    [
      'a right-to-left override',
      withStrategy('Con el \u202EÁguila'),
      'error estrategias[0]: el texto lleva un carácter invisible (forzado de derecha a izquierda) (U+202E) en la posición 8, tras «Con el»',
    ],
    [
      'a bidi isolate',
      withStrategy('a\u2067b'),
      'error estrategias[0]: el texto lleva un carácter invisible (aislamiento de derecha a izquierda) (U+2067) en la posición 2, tras «a»',
    ],
    [
      'U+FFFE',
      withStrategy('Antorcha\uFFFE'),
      'error estrategias[0]: el texto lleva un carácter que no es un carácter (no carácter de Unicode) (U+FFFE) en la posición 9, tras «Antorcha»',
    ],
    [
      'U+FDD0',
      withStrategy('\uFDD0x'),
      'error estrategias[0]: el texto lleva un carácter que no es un carácter (no carácter de Unicode) (U+FDD0) en la posición 1',
    ],
    [
      'a NUL',
      withStrategy('a\u0000b'),
      'error estrategias[0]: el texto lleva un carácter de control (U+0000) en la posición 2, tras «a»',
    ],
    [
      'an unpaired surrogate',
      withStrategy('a\uD800b'),
      'error estrategias[0]: el texto lleva un carácter inválido (media pareja de un carácter UTF-16) (U+D800) en la posición 2, tras «a»',
    ],
    [
      'a line break in a name',
      withState('Jal\nisco'),
      'error estados[0].nombre: el texto lleva un carácter de salto de línea (U+000A) en la posición 4, tras «Jal»',
    ],
    [
      'a tab in a link',
      (j: Record<string, unknown>) => (j['enlaces'] = { fotos: 'https://exa\tmple.com/' }),
      'error enlaces.fotos: el texto lleva un carácter de tabulación (U+0009) en la posición 12, tras «https://exa»',
    ],
    [
      'a private-use character',
      withStrategy('a\uE000'),
      'error estrategias[0]: el texto lleva un carácter de uso privado (se imprime como un cuadro vacío) (U+E000) en la posición 2, tras «a»',
    ],
    [
      'a 10,000-character word',
      withStrategy('x'.repeat(10_000)),
      'error estrategias[0]: el texto tiene una palabra de 10000 caracteres sin espacios («xxxxxxxxxxxxxxxxxxxx…»); ninguna línea del boletín puede partirla (el límite es 60)',
    ],
  ])('%s', (_name, change, expected) => {
    const result = validate(change);
    expect(result.jornada).toBeUndefined();
    expect(summary(result.problems)).toContain(expected);
  });

  test('full-width digits in a highlight are a typed figure', () => {
    const result = validate((j) => (j['destacados'] = [{ texto: 'Se hicieron ３７２９ cirugías.' }]));
    expect(summary(result.problems)).toContain(
      'error destacados[0].texto: el texto del destacado lleva cifras escritas («３７２９»)',
    );
  });

  test('Devanagari digits in a highlight are a typed figure', () => {
    const result = validate((j) => (j['destacados'] = [{ texto: 'Se hicieron ३७ cirugías.' }]));
    expect(summary(result.problems)).toContain(
      'error destacados[0].texto: el texto del destacado lleva cifras escritas («३७»)',
    );
  });
});

describe('normalised texts', () => {
  test('a name typed with a combining accent is stored composed', () => {
    const result = validate(withState('Michoaca\u0301n'));
    expect(result.jornada?.estados?.[0]?.nombre).toBe('Michoac\u00e1n');
  });

  test.each([
    ['a combining accent', 'Michoacán', 'Michoaca\u0301n'],
    ['a no-break space', 'Nuevo León', 'Nuevo\u00A0León'],
    ['full-width letters', 'Jalisco', 'Ｊａｌｉｓｃｏ'],
  ])('names compared after normalisation: %s', (_name, first, second) => {
    const result = validate((j) => (j['estados'] = [{ nombre: first }, { nombre: second }]));
    expect(result.jornada).toBeUndefined();
    expect(
      summary(result.problems).some(
        (line) =>
          line.startsWith('error estados[1].nombre:') && line.includes('está repetido (también en la posición 1)'),
      ),
    ).toBe(true);
  });

  test('line breaks stay allowed in a highlight, and a soft hyphen anywhere', () => {
    const result = validate((j) => {
      j['destacados'] = [{ texto: 'Una oración\nen dos líneas.' }];
      j['estrategias'] = ['Anto\u00ADrcha'];
    });
    expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });
});

describe('system errors on input paths, in Spanish', () => {
  // Tests run as root, which reads any file, so an unreadable file is tried through the mapping itself.
  test.each([
    [
      'EACCES',
      'no hay permiso para leer el archivo',
      'Pida acceso de lectura a «/datos/j.json» (o cópielo a una carpeta suya) y vuelva a intentarlo.',
    ],
    [
      'ENAMETOOLONG',
      'la ruta del archivo es demasiado larga para el sistema',
      'Mueva el archivo a una carpeta de ruta más corta o acorte su nombre.',
    ],
    [
      'EEXIST',
      'ya existe algo con ese nombre donde se esperaba otra cosa',
      'Revise la ruta, o cambie el nombre del archivo que estorba.',
    ],
    ['ELOOP', 'la ruta tiene enlaces simbólicos que se apuntan entre sí', 'Indique la ruta real del archivo.'],
  ])('%s', async (code, message, fix) => {
    expect(await describeFsError(code, '/datos/j.json')).toEqual({ message, fix });
  });
});

describe('a key named __proto__ is a field like any other (found in review: it was silently accepted)', () => {
  // As JSON.parse leaves it: an own key, not the prototype (assigning it would set the prototype instead).
  const ownProto = (target: object, value: unknown) =>
    Object.defineProperty(target, '__proto__', { value, enumerable: true, writable: true, configurable: true });
  test.each([
    [
      'at the top',
      (jornada: Record<string, unknown>) => ownProto(jornada, { tipo: 1 }),
      'error __proto__: el campo «__proto__» no existe',
    ],
    [
      'among the figures',
      (jornada: Record<string, unknown>) => ownProto(jornada['cifras'] as object, { x: 1 }),
      'error cifras.__proto__: «__proto__» no es un indicador del catálogo',
    ],
  ])('%s', (_where, change, expected) => {
    expect(summary(validate(change).problems)).toContain(expected);
  });
});
