import { describe, expect, test } from 'vitest';
import { PhrasingError } from '../../../src/errors.ts';
import { phrasingFor } from '../../../src/lang/index.ts';
import { tie } from './support/ties.ts';

const es = phrasingFor('es');
const en = phrasingFor('en');

describe('Spanish ranges', () => {
  test.each([
    ['2023-02-24', '2023-02-26', {}, tie('del 24~al~26 de febrero')],
    ['2021-05-31', '2021-06-06', {}, 'del 31 de mayo al 6 de junio'],
    ['2021-08-27', '2021-08-29', { year: 'always' }, tie('del 27~al~29 de agosto de 2021')],
    ['2021-08-27', '2021-08-29', { year: 'always', yearPreposition: 'del' }, tie('del 27~al~29 de agosto del 2021')],
    ['2021-08-27', '2021-08-29', { year: 'auto' }, tie('del 27~al~29 de agosto')],
    ['2022-12-30', '2023-01-02', { year: 'auto' }, 'del 30 de diciembre de 2022 al 2 de enero de 2023'],
    ['2022-12-30', '2023-01-02', { year: 'always' }, 'del 30 de diciembre de 2022 al 2 de enero de 2023'],
    ['2022-12-30', '2023-01-02', {}, 'del 30 de diciembre al 2 de enero'],
    [
      '2022-12-31',
      '2023-01-01',
      { year: 'auto', capitalize: true },
      'Del 31 de diciembre de 2022 al 1 de enero de 2023',
    ],
    // month ends, 29 February of a leap year
    ['2023-01-31', '2023-02-01', {}, 'del 31 de enero al 1 de febrero'],
    ['2024-02-28', '2024-03-01', {}, 'del 28 de febrero al 1 de marzo'],
    ['2024-02-29', '2024-03-02', { year: 'always' }, 'del 29 de febrero al 2 de marzo de 2024'],
    ['2023-02-27', '2023-03-01', {}, 'del 27 de febrero al 1 de marzo'],
    ['2023-04-30', '2023-05-01', {}, 'del 30 de abril al 1 de mayo'],
    ['2023-09-29', '2023-10-01', {}, 'del 29 de septiembre al 1 de octubre'],
    ['2023-11-30', '2023-12-02', {}, 'del 30 de noviembre al 2 de diciembre'],
    ['2023-07-31', '2023-08-02', {}, 'del 31 de julio al 2 de agosto'],
    // two days in a row of one month are named, not spanned
    ['2023-10-30', '2023-10-31', {}, 'los días 30 y 31 de octubre'],
    ['2023-10-30', '2023-10-31', { capitalize: true, year: 'always' }, 'Los días 30 y 31 de octubre de 2023'],
    ['2023-10-30', '2023-10-31', { wording: 'between' }, tie('entre el 30~y~el~31 de octubre')],
    // one day
    ['2023-02-24', '2023-02-24', {}, 'el 24 de febrero'],
    ['2023-02-24', '2023-02-24', { capitalize: true, year: 'always' }, 'El 24 de febrero de 2023'],
    // capitalised, between
    ['2023-02-24', '2023-02-26', { capitalize: true }, tie('Del 24~al~26 de febrero')],
    ['2021-05-31', '2021-06-06', { wording: 'between' }, 'entre el 31 de mayo y el 6 de junio'],
    ['2023-02-24', '2023-02-26', { wording: 'between', capitalize: true }, tie('Entre el 24~y~el~26 de febrero')],
  ] as const)('%s to %s %j -> «%s»', (start, end, options, text) => {
    expect(es.dateRange(start, end, options)).toBe(text);
  });

  test('a range that ends before it starts is an error', () => {
    expect(() => es.dateRange('2023-02-26', '2023-02-24')).toThrow(PhrasingError);
    expect(() => es.dateRange('2023-02-26', '2023-02-24')).toThrow('antes de empezar');
  });
});

describe('Spanish day lists', () => {
  test.each([
    [['2023-03-10', '2023-03-11', '2023-03-12'], {}, '10, 11 y 12 de marzo'],
    [['2023-03-10'], {}, '10 de marzo'],
    [['2023-03-10', '2023-03-12'], {}, '10 y 12 de marzo'],
    [['2024-02-28', '2024-02-29', '2024-03-01'], {}, '28, 29 de febrero y 1 de marzo'],
    [['2023-02-28', '2023-03-01', '2023-03-02'], { year: 'always' }, '28 de febrero, 1 y 2 de marzo de 2023'],
    [['2022-12-30', '2022-12-31', '2023-01-02'], { year: 'auto' }, '30, 31 de diciembre de 2022 y 2 de enero de 2023'],
    [['2022-12-31', '2023-01-01'], {}, '31 de diciembre y 1 de enero'],
    [['2023-03-10', '2023-03-11'], { capitalize: true }, '10 y 11 de marzo'],
  ] as const)('%j %j -> «%s»', (dates, options, text) => {
    expect(es.dayList(dates, options)).toBe(text);
  });

  test('empty, unordered or repeated lists are errors', () => {
    expect(() => es.dayList([])).toThrow('La lista de días está vacía');
    expect(() => es.dayList(['2023-03-11', '2023-03-10'])).toThrow('en orden');
    expect(() => es.dayList(['2023-03-10', '2023-03-10'])).toThrow('sin repetirse');
  });
});

describe('single dates and the dateline', () => {
  test.each([
    ['2023-02-24', '24 de febrero de 2023'],
    ['2024-02-29', '29 de febrero de 2024'],
    ['2023-12-31', '31 de diciembre de 2023'],
    ['2024-01-01', '1 de enero de 2024'],
    // an ISO date-time is taken to Mexico City: 02:30 UTC on 1 March is still 28 February there
    ['2023-03-01T02:30:00Z', '28 de febrero de 2023'],
    ['2021-09-01T20:23:00.000-06:00', '1 de septiembre de 2021'],
  ])('%s -> «%s»', (date, text) => {
    expect(es.date(date)).toBe(text);
  });

  test.each([
    ['2023-03-01', 'Ciudad de México, miércoles 1 de marzo de 2023'],
    ['2023-02-26', 'Ciudad de México, domingo 26 de febrero de 2023'],
    ['2024-02-29', 'Ciudad de México, jueves 29 de febrero de 2024'],
    ['2022-12-31', 'Ciudad de México, sábado 31 de diciembre de 2022'],
    ['2023-01-02', 'Ciudad de México, lunes 2 de enero de 2023'],
    ['2023-01-03', 'Ciudad de México, martes 3 de enero de 2023'],
    ['2023-01-06', 'Ciudad de México, viernes 6 de enero de 2023'],
  ])('dateline %s', (date, text) => {
    expect(es.dateline('Ciudad de México', date)).toBe(text);
  });

  test('every month name', () => {
    const months = Array.from({ length: 12 }, (_, index) => es.date(`2023-${String(index + 1).padStart(2, '0')}-15`));
    expect(months.map((text) => text.split(' ')[2])).toEqual([
      'enero',
      'febrero',
      'marzo',
      'abril',
      'mayo',
      'junio',
      'julio',
      'agosto',
      'septiembre',
      'octubre',
      'noviembre',
      'diciembre',
    ]);
  });

  test('bad dates are refused with the fix', () => {
    expect(() => es.date('2023-02-29')).toThrow('La fecha «2023-02-29» no existe: ese mes tiene 28 días.');
    expect(() => es.date('2023-13-01')).toThrow('el mes debe ir de 01 a 12');
    expect(() => es.date('24/02/2023')).toThrow('escríbala así: 2023-02-24');
    expect(() => es.date('1/3/2023')).toThrow('escríbala así: 2023-03-01');
    expect(() => es.date('mañana')).toThrow('no es una fecha');
    expect(() => es.date('2023-W08')).toThrow(PhrasingError);
    expect(() => es.dateline('', '2023-03-01')).toThrow('Falta el lugar');
  });
});

describe('English dates', () => {
  test.each([
    ['2021-12-17', '2021-12-19', {}, tie('December 17~to~19')],
    ['2021-12-17', '2021-12-19', { year: 'always' }, tie('December 17~to~19, 2021')],
    ['2021-05-31', '2021-06-06', {}, 'May 31 to June 6'],
    ['2022-12-30', '2023-01-02', { year: 'auto' }, 'December 30, 2022 to January 2, 2023'],
    ['2024-02-28', '2024-02-29', {}, tie('February 28~to~29')],
    ['2021-05-31', '2021-06-06', { wording: 'between', capitalize: true }, 'Between May 31 and June 6'],
    ['2023-02-24', '2023-02-24', {}, 'February 24'],
  ] as const)('%s to %s %j -> «%s»', (start, end, options, text) => {
    expect(en.dateRange(start, end, options)).toBe(text);
  });

  test('lists, single dates, dateline', () => {
    expect(en.dayList(['2023-03-10', '2023-03-11', '2023-03-12'])).toBe('March 10, 11 and 12');
    expect(en.dayList(['2024-02-29', '2024-03-01'], { year: 'always' })).toBe('February 29 and March 1, 2024');
    expect(phrasingFor('en', 'imss', { serialComma: true }).dayList(['2023-03-10', '2023-03-11', '2023-03-12'])).toBe(
      'March 10, 11, and 12',
    );
    expect(en.date('2024-02-29')).toBe('February 29, 2024');
    expect(en.dateline('Mexico City', '2023-03-01')).toBe('Mexico City, Wednesday, March 1, 2023');
    expect(() => en.date('02/24/2023')).toThrow(PhrasingError);
  });
});
