import { describe, expect, test } from 'vitest';
import { PhrasingError } from '../../../src/errors.ts';
import { readFigure } from '../../../src/lang/index.ts';

const NBSP = '\u00A0';

describe('readFigure', () => {
  test.each([
    ['3 mil 729', 3729],
    ['siete mil 309', 7309],
    ['Siete mil 309', 7309],
    ['mil 283', 1283],
    ['Mil 600', 1600],
    ['mil', 1000],
    ['un', 1],
    ['una', 1],
    ['uno', 1],
    ['cero', 0],
    ['0', 0],
    ['nueve', 9],
    ['958', 958],
    ['3729', 3729],
    ['120.5 por ciento', 120.5],
    ['100 por ciento', 100],
    ['120.9%', 120.9],
    [`120.9${NBSP}%`, 120.9],
    ['1 millón 200 mil', 1_200_000],
    ['un millón 529 mil 812', 1_529_812],
    ['un millón', 1_000_000],
    ['Un millón mil 200', 1_001_200],
    ['4 millones 824 mil 171', 4_824_171],
    ['cuatro millones 824 mil 171', 4_824_171],
    ['154 000', 154_000],
    [`154${NBSP}000`, 154_000],
    [`1${NBSP}529${NBSP}812`, 1_529_812],
    ['154\u202F000', 154_000],
    ['90 mil 034', 90_034],
    ['un millón 034 mil 812', 1_034_812],
    ['un millón 001 mil 200', 1_001_200],
    ['13 mil millones', 13_000_000_000],
    ['mil millones', 1_000_000_000],
    ['2 mil 92 millones', 2_092_000_000],
    ['dos mil 92 millones 500 mil', 2_092_500_000],
    ['2 mil 092 millones', 2_092_000_000],
    ['16.1 millones', 16_100_000],
    ['13.2 mil millones', 13_200_000_000],
    ['  3 mil 729 ', 3729],
    ['cinco mil\n447', 5447],
  ])('«%s» -> %d', (text, value) => {
    expect(readFigure(text)).toBe(value);
  });

  test.each([
    ['3,729', 'separador de miles'],
    ['3.729', 'separador de miles'],
    ['1 mil', 'no es una cifra'],
    ['un mil', 'no es una cifra'],
    ['3 mil 7290', 'no es una cifra'],
    ['3 mil 729 mil', 'no es una cifra'],
    ['mil mil', 'no es una cifra'],
    ['034', 'no es una cifra'],
    ['un millones', 'no es una cifra'],
    ['2 millón', 'no es una cifra'],
    ['3 mil 729 cirugías', 'no es una cifra'],
    ['diez', 'no es una cifra'],
    ['', 'no es una cifra'],
    ['por ciento', 'no es una cifra'],
  ])('«%s» is refused', (text, message) => {
    expect(() => readFigure(text)).toThrow(PhrasingError);
    expect(() => readFigure(text)).toThrow(message);
  });
});
