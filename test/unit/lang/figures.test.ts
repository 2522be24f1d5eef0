import { describe, expect, test } from 'vitest';
import { PhrasingError } from '../../../src/errors.ts';
import { FIGURE_STYLES, parseFigureStyle, phrasingFor, type NounForms } from '../../../src/lang/index.ts';
import { tie } from './support/ties.ts';

const imss = phrasingFor('es');
const cirugia: NounForms = { singular: 'cirugía', plural: 'cirugías', gender: 'f' };
const trasplante: NounForms = { singular: 'trasplante de hígado', plural: 'trasplantes de hígado', gender: 'm' };
const NBSP = '\u00A0';

describe('Spanish figures, house style', () => {
  test.each([
    [0, 'cero'],
    [1, 'un'],
    [2, 'dos'],
    [9, 'nueve'],
    [10, '10'],
    [14, '14'],
    [958, '958'],
    [999, '999'],
    [1000, 'mil'],
    [1001, tie('mil~1')],
    [1283, tie('mil~283')],
    [1600, tie('mil~600')],
    [2000, tie('2~mil')],
    [3729, tie('3~mil~729')],
    [65000, tie('65~mil')],
    [70067, tie('70~mil~67')],
    [197144, tie('197~mil~144')],
    [999_999, tie('999~mil~999')],
    [1_000_000, tie('un~millón')],
    [1_000_001, tie('un~millón~1')],
    [1_001_200, tie('un~millón~mil~200')],
    [1_200_000, tie('un~millón~200~mil')],
    [1_529_812, tie('un~millón~529~mil~812')],
    [2_000_000, tie('2~millones')],
    [4_824_171, tie('4~millones~824~mil~171')],
    [999_000_000, tie('999~millones')],
    [1_000_000_000, tie('mil~millones')],
    [13_000_000_000, tie('13~mil~millones')],
    [2_092_000_000, tie('2~mil~92~millones')],
    [2_092_500_000, tie('2~mil~92~millones~500~mil')],
    [999_999_999_999, tie('999~mil~999~millones~999~mil~999')],
  ])('%d -> «%s»', (value, text) => {
    expect(imss.figure(value)).toBe(text);
  });

  test('1 agrees with its noun, and is "uno"/"una" as a pronoun', () => {
    expect(imss.figure(1, { gender: 'f' })).toBe('una');
    expect(imss.figure(1, { gender: 'm' })).toBe('un');
    expect(imss.figure(1, { gender: 'm', pronoun: true })).toBe('uno');
    expect(imss.figure(1, { gender: 'f', pronoun: true })).toBe('una');
    expect(imss.figure(21, { gender: 'f' })).toBe('21');
  });

  test('noun phrases: singular only for 1, "de" after a round million', () => {
    expect(imss.count(1, cirugia)).toBe('una cirugía');
    expect(imss.count(0, cirugia)).toBe('cero cirugías');
    expect(imss.count(3029, cirugia)).toBe(tie('3~mil~29 cirugías'));
    expect(imss.count(1, trasplante)).toBe('un trasplante de hígado');
    expect(imss.count(1_000_000, cirugia)).toBe(tie('un~millón de cirugías'));
    expect(imss.count(4_000_000, cirugia)).toBe(tie('4~millones de cirugías'));
    expect(imss.count(13_000_000_000, cirugia)).toBe(tie('13~mil~millones de cirugías'));
    expect(imss.count(1_529_812, cirugia)).toBe(tie('un~millón~529~mil~812 cirugías'));
    expect(imss.elidedCount(1, 'm', 'de hígado')).toBe('uno de hígado');
    expect(imss.elidedCount(12, 'f', 'de córnea')).toBe('12 de córnea');
  });
});

describe('the other Spanish styles', () => {
  const write = (style: string, value: number): string => phrasingFor('es', style).figure(value);
  test.each([
    ['imss-letras', 7309, tie('siete~mil~309')],
    ['imss-letras', 2989, tie('dos~mil~989')],
    ['imss-letras', 1600, tie('mil~600')],
    ['imss-letras', 30614, tie('30~mil~614')],
    ['imss-letras', 4_824_171, tie('cuatro~millones~824~mil~171')],
    ['imss-letras', 2_092_000_000, tie('dos~mil~92~millones')],
    ['imss-letras', 8, 'ocho'],
    ['rae', 154_000, `154${NBSP}000`],
    ['rae', 3729, '3729'],
    ['rae', 9999, '9999'],
    ['rae', 10_000, `10${NBSP}000`],
    ['rae', 1_529_812, `1${NBSP}529${NBSP}812`],
    ['rae', 8, 'ocho'],
    ['relleno', 90_034, tie('90~mil~034')],
    ['relleno', 1034, tie('mil~034')],
    ['relleno', 70_067, tie('70~mil~067')],
    ['relleno', 1_034_812, tie('un~millón~034~mil~812')],
    ['relleno', 1_001_200, tie('un~millón~001~mil~200')],
    ['relleno', 1_000_034, tie('un~millón~034')],
    ['relleno', 2_092_000_000, tie('2~mil~092~millones')],
    ['relleno', 34, '34'],
    ['digitos', 8, '8'],
    ['digitos', 0, '0'],
    ['digitos', 1, 'un'],
    ['digitos', 3729, tie('3~mil~729')],
  ])('%s: %d -> «%s»', (style, value, text) => {
    expect(write(style, value)).toBe(text);
  });

  test(tie('"1~millón" option'), () => {
    const phrasing = phrasingFor('es', 'imss', { millionInDigits: true });
    expect(phrasing.figure(1_200_000)).toBe(tie('1~millón~200~mil'));
    expect(phrasing.count(1_000_000, cirugia)).toBe(tie('1~millón de cirugías'));
    expect(phrasing.figure(1)).toBe('un');
  });

  test('style names: listed, validated with a Spanish error', () => {
    expect(FIGURE_STYLES).toEqual(['imss', 'imss-letras', 'rae', 'relleno', 'digitos']);
    expect(parseFigureStyle('rae')).toBe('rae');
    expect(() => parseFigureStyle('RAE')).toThrow(PhrasingError);
    expect(() => phrasingFor('es', 'casa')).toThrow(
      'El estilo de cifras «casa» no existe. Estilos: imss, imss-letras, rae, relleno, digitos.',
    );
  });
});

describe('bad counts are refused with a Spanish message', () => {
  test.each([
    [-1, 'es negativa'],
    [3.5, 'tiene decimales'],
    [Number.NaN, 'no es un número'],
    [Number.POSITIVE_INFINITY, 'es infinita'],
    [1e12, 'pasa del máximo'],
  ])('%d', (value, message) => {
    for (const style of FIGURE_STYLES) {
      expect(() => phrasingFor('es', style).figure(value)).toThrow(PhrasingError);
      expect(() => phrasingFor('es', style).figure(value)).toThrow(message);
    }
    expect(() => phrasingFor('en').figure(value)).toThrow(message);
  });

  test('a count with a noun refuses them too', () => {
    expect(() => imss.count(-3, cirugia)).toThrow(PhrasingError);
  });
});

describe('percentages from the data', () => {
  test.each([
    [197144, 163110, tie('120.9~por~ciento')],
    [5, 5, tie('100~por~ciento')],
    [0, 7, tie('0~por~ciento')],
    [1, 3, tie('33.3~por~ciento')],
    [2, 3, tie('66.7~por~ciento')],
    // 0.05 boundaries round half up exactly: 1/8 = 12.5 %, 1/16 = 6.25 % -> 6.3.
    [1, 8, tie('12.5~por~ciento')],
    [1, 16, tie('6.3~por~ciento')],
    [1, 2000, tie('0.1~por~ciento')],
    // Rounding never says more or less than the data: something done is not 0, a miss is not 100.
    [1, 2001, tie('0.1~por~ciento')],
    [5, 999_999_999, tie('0.1~por~ciento')],
    [999, 1000, tie('99.9~por~ciento')],
    [9999, 10000, tie('99.9~por~ciento')],
    [9996, 10000, tie('99.9~por~ciento')],
    [3, 1, tie('300~por~ciento')],
  ])('%d of %d -> «%s»', (part, whole, text) => {
    expect(imss.percent(part, whole)).toBe(text);
  });

  test('the sign option, and the RAE space before it', () => {
    expect(phrasingFor('es', 'imss', { percentSign: true }).percent(197144, 163110)).toBe('120.9%');
    expect(phrasingFor('es', 'rae', { percentSign: true }).percent(197144, 163110)).toBe(`120.9${NBSP}%`);
    expect(phrasingFor('en').percent(197144, 163110)).toBe(tie('120.9~percent'));
  });

  test('a published percentage is written as given, never recomputed', () => {
    expect(phrasingFor('es').givenPercent(120.5)).toBe(tie('120.5~por~ciento'));
    expect(phrasingFor('es').givenPercent(100)).toBe(tie('100~por~ciento'));
    expect(phrasingFor('es', 'imss', { percentSign: true }).givenPercent(120.5)).toBe('120.5%');
    expect(phrasingFor('en').givenPercent(98.4)).toBe(tie('98.4~percent'));
    expect(() => phrasingFor('es').givenPercent(120.55)).toThrow('a lo más un decimal');
  });

  test('padding and "1 millón" are edition options over any figure style', () => {
    expect(phrasingFor('es', 'imss', { padGroups: true }).figure(90_034)).toBe(tie('90~mil~034'));
    expect(phrasingFor('es', 'imss-letras', { padGroups: true }).figure(7034)).toBe(tie('siete~mil~034'));
    expect(phrasingFor('es', 'imss', { millionInDigits: true }).figure(1_200_000)).toBe(tie('1~millón~200~mil'));
    expect(phrasingFor('en', undefined, { percentSign: true }).percent(5, 5)).toBe('100%');
  });

  test('bad parts and wholes', () => {
    expect(() => imss.percent(1, 0)).toThrow('No se puede calcular un porcentaje sobre un total de cero.');
    expect(() => imss.percent(-1, 3)).toThrow(PhrasingError);
    expect(() => imss.percent(1.5, 3)).toThrow(PhrasingError);
  });
});

describe('rounded figures for headlines', () => {
  const rounded = (value: number, style = 'imss'): string | undefined =>
    phrasingFor('es', style).roundedFigure?.(value);
  test.each([
    [16_100_000, tie('16.1~millones')],
    [16_149_999, tie('16.1~millones')],
    [16_150_000, tie('16.2~millones')],
    [1_000_000, tie('un~millón')],
    [1_040_000, tie('un~millón')],
    [1_050_000, tie('1.1~millones')],
    [2_000_000, tie('2~millones')],
    [999_940_000, tie('999.9~millones')],
    [999_950_000, tie('mil~millones')],
    [13_200_000_000, tie('13.2~mil~millones')],
    [13_000_000_000, tie('13~mil~millones')],
    [3729, tie('3~mil~729')],
  ])('%d -> «%s»', (value, text) => {
    expect(rounded(value)).toBe(text);
  });
  test('styles apply to whole results', () => {
    expect(rounded(2_000_000, 'imss-letras')).toBe(tie('dos~millones'));
    expect(rounded(2_000_000, 'rae')).toBe(tie('2~millones'));
    expect(phrasingFor('en').roundedFigure?.(16_100_000)).toBe(tie('16.1~million'));
    expect(phrasingFor('en').roundedFigure?.(13_200_000_000)).toBe(tie('13.2~billion'));
  });
});

describe('English figures', () => {
  const en = phrasingFor('en');
  test.each([
    [0, 'zero'],
    [1, 'one'],
    [9, 'nine'],
    [10, '10'],
    [999, '999'],
    [3242, '3,242'],
    [65211, '65,211'],
    [1_529_812, '1,529,812'],
    [999_999_999_999, '999,999,999,999'],
  ])('%d -> «%s»', (value, text) => {
    expect(en.figure(value)).toBe(text);
  });
  test('counts and the digits style', () => {
    expect(en.count(1, { singular: 'surgery', plural: 'surgeries', gender: 'f' })).toBe('one surgery');
    expect(en.count(3242, { singular: 'surgery', plural: 'surgeries', gender: 'f' })).toBe('3,242 surgeries');
    expect(phrasingFor('en', 'digitos').figure(8)).toBe('8');
    expect(phrasingFor('en', 'digitos').figure(1)).toBe('one');
  });
});

test('bulletin numbers', () => {
  expect(imss.bulletinNumber(93, 2023)).toBe(tie('No.~093/2023'));
  expect(imss.bulletinNumber(1, 2021)).toBe(tie('No.~001/2021'));
  expect(imss.bulletinNumber(999, 2021)).toBe(tie('No.~999/2021'));
  expect(imss.bulletinNumber(1000, 2021)).toBe(tie('No.~1000/2021'));
  expect(phrasingFor('en').bulletinNumber(93, 2023)).toBe(tie('No.~093/2023'));
  for (const [number, year] of [
    [0, 2023],
    [1.5, 2023],
    [10000, 2023],
    [93, 23],
  ] as const) {
    expect(() => imss.bulletinNumber(number, year)).toThrow(PhrasingError);
  }
});

test('an unknown language is refused', () => {
  expect(() => phrasingFor('fr' as 'es')).toThrow('El idioma «fr» no existe: use «es» o «en».');
});
