import { describe, expect, test } from 'vitest';
import { parseDestacadoTexto } from '../../../src/dataset/index.ts';
import { explainBadDate, readCountText, readDateText } from '../../../src/dataset/figure-text.ts';
import { columnLetter, readCsvRecords } from '../../../src/dataset/csv-records.ts';
import { problemSink } from '../../../src/dataset/problem.ts';

describe('figures and dates typed as text', () => {
  test('only plain digits are read as a count', () => {
    expect(readCountText(' 3729 ')).toEqual({ ok: true, value: 3729 });
    for (const text of ['3,729', '3.729', '3 729', '3 mil 729', 'tres', '37.5', 'n/d'])
      expect(readCountText(text).ok, text).toBe(false);
    expect(readCountText('Décima Cuarta')).toMatchObject({ ok: false, fix: 'Escriba el número con dígitos: 14.' });
  });

  test('only year-month-day is read as a date; the rest gets its fix', () => {
    expect(readDateText('2023-02-24')).toEqual({ ok: true, value: '2023-02-24' });
    expect(explainBadDate('24/02/2023').fix).toBe('Escríbala como año-mes-día: 2023-02-24.');
    expect(explainBadDate('1/2/23').fix).toBe(
      'Escríbala como año-mes-día: 2023-02-01 si es el 1 del mes 2, o 2023-01-02 si es el 2 del mes 1.',
    );
    expect(explainBadDate('2023/2/24').fix).toBe('Escríbala con guiones y dos dígitos: 2023-02-24.');
    expect(explainBadDate('2023-2-4').fix).toBe('Escríbala así: 2023-02-04.');
    expect(explainBadDate('24 de febrero').message).toBe('la fecha «24 de febrero» está escrita con palabras');
  });
});

describe('highlight placeholders', () => {
  test('parse into text, figures and the unit, with their forms and scope', () => {
    expect(
      parseDestacadoTexto(
        'En el {unidad} se hicieron {trasplante-cornea}, {cirugias|cifra} cirugías y el {anual:trasplante-higado|ordinal}.',
      ),
    ).toEqual({
      errors: [],
      segments: [
        { kind: 'texto', text: 'En el ' },
        { kind: 'unidad', raw: '{unidad}' },
        { kind: 'texto', text: ' se hicieron ' },
        { kind: 'cifra', id: 'trasplante-cornea', alcance: 'jornada', forma: 'completo', raw: '{trasplante-cornea}' },
        { kind: 'texto', text: ', ' },
        { kind: 'cifra', id: 'cirugias', alcance: 'jornada', forma: 'cifra', raw: '{cirugias|cifra}' },
        { kind: 'texto', text: ' cirugías y el ' },
        {
          kind: 'cifra',
          id: 'trasplante-higado',
          alcance: 'anual',
          forma: 'ordinal',
          raw: '{anual:trasplante-higado|ordinal}',
        },
        { kind: 'texto', text: '.' },
      ],
    });
  });

  test('report unclosed and stray braces and bad names', () => {
    expect(parseDestacadoTexto('Se hicieron {cirugias.').errors).toEqual(['la llave «{» de «{cirugias.» no se cierra']);
    expect(parseDestacadoTexto('Se hicieron } cirugías').errors).toEqual(['hay una llave «}» sin su «{»']);
    expect(parseDestacadoTexto('{Cirugías}').errors[0]).toContain('no es un marcador válido');
  });
});

describe('CSV', () => {
  test('quoted fields, escaped quotes, semicolons and CRLF', () => {
    expect(
      readCsvRecords('nombre;cirugias\r\n"Veracruz; Norte";"1""2"\r\n', problemSink('x.csv'))?.map(
        (record) => record.cells,
      ),
    ).toEqual([
      ['nombre', 'cirugias'],
      ['Veracruz; Norte', '1"2'],
    ]);
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(27)).toBe('AB');
  });
});
