import { describe, expect, test } from 'vitest';
import { findFigures, keepTogether, phrasingFor, readFigure, withPlainSpaces } from '../../../src/lang/index.ts';
import { breakableUnits, tie } from './support/ties.ts';

describe('no-break spaces inside a figure, a day range and a bulletin number', () => {
  const es = phrasingFor('es');

  test('keepTogether joins with U+00A0; withPlainSpaces undoes it (and U+202F) for a terminal', () => {
    expect(keepTogether('3', 'mil', '729')).toBe('3\u00A0mil\u00A0729');
    expect(withPlainSpaces(tie('del 24~al~26 de febrero'))).toBe('del 24 al 26 de febrero');
    expect(withPlainSpaces('154\u202F000')).toBe('154 000');
  });

  test('a sentence built from the phrasing has no breakable unit; the same sentence typed has four', () => {
    const sentence = `${es.dateRange('2023-02-24', '2023-02-26', { capitalize: true })} se hicieron ${es.figure(197_144)} acciones, el ${es.percent(197_144, 163_110)}; boletín ${es.bulletinNumber(93, 2023)}.`;
    expect(breakableUnits(sentence)).toEqual([]);
    expect(breakableUnits(withPlainSpaces(sentence))).toEqual([
      '197 mil 144',
      '120.9 por ciento',
      'No. 093/2023',
      '24 al 26',
    ]);
  });

  test('the reader finds and reads tied figures as it reads typed ones', () => {
    const written = `Se realizaron ${es.figure(1_529_812)} consultas y ${es.roundedFigure?.(16_100_000) ?? ''} de acciones.`;
    expect(findFigures(written).map((figure) => [figure.value, figure.kind])).toEqual([
      [1_529_812, 'cifra'],
      [16_100_000, 'cifra'],
    ]);
    expect(findFigures(withPlainSpaces(written)).map((figure) => figure.value)).toEqual([1_529_812, 16_100_000]);
    expect(readFigure(tie('un~millón~529~mil~812'))).toBe(1_529_812);
    expect(findFigures(tie('No.~093/2023'))).toMatchObject([{ value: 93, kind: 'identificador' }]);
  });

  test('between a figure and its noun the space stays breakable: only the figure is one unit', () => {
    expect(es.count(3729, { singular: 'cirugía', plural: 'cirugías', gender: 'f' })).toBe(tie('3~mil~729 cirugías'));
    expect(es.count(1_000_000, { singular: 'consulta', plural: 'consultas', gender: 'f' })).toBe(
      tie('un~millón de consultas'),
    );
  });
});
