import { describe, expect, test } from 'vitest';
import { PhrasingError } from '../../../src/errors.ts';
import { phrasingFor } from '../../../src/lang/index.ts';

const es = phrasingFor('es');
const en = phrasingFor('en');

describe('Spanish ordinals for the names of jornadas', () => {
  test.each([
    [1, 'Primera', 'Primer', 'Primera', '1ª'],
    [2, 'Segunda', 'Segundo', 'Segunda', '2ª'],
    [3, 'Tercera', 'Tercer', 'Tercera', '3ª'],
    [4, 'Cuarta', 'Cuarto', 'Cuarta', '4ª'],
    [7, 'Séptima', 'Séptimo', 'Séptima', '7ª'],
    [9, 'Novena', 'Noveno', 'Novena', '9ª'],
    [10, 'Décima', 'Décimo', 'Décima', '10ª'],
    [11, 'Décima Primera', 'Décimo Primer', 'Undécima', '11ª'],
    [12, 'Décima Segunda', 'Décimo Segundo', 'Duodécima', '12ª'],
    [13, 'Décima Tercera', 'Décimo Tercer', 'Decimotercera', '13ª'],
    [14, 'Décima Cuarta', 'Décimo Cuarto', 'Decimocuarta', '14ª'],
    [17, 'Décima Séptima', 'Décimo Séptimo', 'Decimoséptima', '17ª'],
    [18, 'Décima Octava', 'Décimo Octavo', 'Decimoctava', '18ª'],
    [20, 'Vigésima', 'Vigésimo', 'Vigésima', '20ª'],
    [21, 'Vigésima Primera', 'Vigésimo Primer', 'Vigesimoprimera', '21ª'],
    [28, 'Vigésima Octava', 'Vigésimo Octavo', 'Vigesimoctava', '28ª'],
    [30, 'Trigésima', 'Trigésimo', 'Trigésima', '30ª'],
    [45, 'Cuadragésima Quinta', 'Cuadragésimo Quinto', 'Cuadragesimoquinta', '45ª'],
    [50, 'Quincuagésima', 'Quincuagésimo', 'Quincuagésima', '50ª'],
    [66, 'Sexagésima Sexta', 'Sexagésimo Sexto', 'Sexagesimosexta', '66ª'],
    [77, 'Septuagésima Séptima', 'Septuagésimo Séptimo', 'Septuagesimoséptima', '77ª'],
    [83, 'Octogésima Tercera', 'Octogésimo Tercer', 'Octogesimotercera', '83ª'],
    [99, 'Nonagésima Novena', 'Nonagésimo Noveno', 'Nonagesimonovena', '99ª'],
  ])('%d', (value, feminine, masculine, oneWord, short) => {
    expect(es.ordinal(value, 'f')).toBe(feminine);
    expect(es.ordinal(value, 'm')).toBe(masculine);
    expect(es.ordinal(value, 'f', { form: 'oneWord' })).toBe(oneWord);
    expect(es.ordinal(value, 'f', { form: 'short' })).toBe(short);
  });

  test('masculine forms', () => {
    expect(es.ordinal(1, 'm', { beforeNoun: false })).toBe('Primero');
    expect(es.ordinal(13, 'm', { form: 'oneWord' })).toBe('Decimotercer');
    expect(es.ordinal(13, 'm', { form: 'oneWord', beforeNoun: false })).toBe('Decimotercero');
    expect(es.ordinal(1, 'm', { form: 'short' })).toBe('1er');
    expect(es.ordinal(3, 'm', { form: 'short', beforeNoun: false })).toBe('3º');
    expect(es.ordinal(14, 'm', { form: 'short' })).toBe('14º');
    expect(es.ordinal(2, 'm', { capitalize: false })).toBe('segundo');
    expect(es.ordinal(14, 'f', { capitalize: false })).toBe('décima cuarta');
  });

  test('every ordinal from 1 to 99 is written in each form, with no double spaces', () => {
    for (let value = 1; value <= 99; value += 1) {
      for (const gender of ['f', 'm'] as const) {
        for (const form of ['words', 'oneWord', 'short'] as const) {
          const text = es.ordinal(value, gender, { form });
          expect(text).toMatch(/^\S+(?: \S+)?$/u);
          if (form === 'oneWord') expect(text).not.toContain(' ');
        }
      }
    }
  });

  test.each([0, 100, 1.5, -2, Number.NaN])('%d is refused', (value) => {
    expect(() => es.ordinal(value, 'f')).toThrow(PhrasingError);
    expect(() => en.ordinal(value, 'f')).toThrow(PhrasingError);
  });
});

describe('English ordinals', () => {
  test.each([
    [1, '1st', 'First'],
    [2, '2nd', 'Second'],
    [3, '3rd', 'Third'],
    [4, '4th', 'Fourth'],
    [11, '11th', 'Eleventh'],
    [12, '12th', 'Twelfth'],
    [13, '13th', 'Thirteenth'],
    [14, '14th', 'Fourteenth'],
    [20, '20th', 'Twentieth'],
    [21, '21st', 'Twenty-First'],
    [22, '22nd', 'Twenty-Second'],
    [23, '23rd', 'Twenty-Third'],
    [40, '40th', 'Fortieth'],
    [99, '99th', 'Ninety-Ninth'],
  ])('%d -> %s, %s', (value, short, words) => {
    expect(en.ordinal(value, 'f')).toBe(short);
    expect(en.ordinal(value, 'm', { form: 'words' })).toBe(words);
  });
});
