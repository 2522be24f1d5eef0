import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FIGURE_STYLES, findFigures, phrasingFor, type FoundFigure } from '../../../src/lang/index.ts';
import { propertyRuns } from '../../support/property-runs.ts';

/** 20,000 in CI; see test/support/property-runs.ts. */
const PARAGRAPH_RUNS = propertyRuns(20_000);

const seed = (name: string): string => readFileSync(new URL(`../../fixtures/seeds/${name}`, import.meta.url), 'utf8');
const texts = (found: readonly FoundFigure[], kind: FoundFigure['kind']): string[] =>
  found.filter((figure) => figure.kind === kind).map((figure) => figure.text.replace(/\s+/g, ' '));

describe('every number of the Spanish seeds, with its kind', () => {
  test('seed 000', () => {
    const found = findFigures(seed('000_ec4b71678f8f752d.txt'));
    expect(texts(found, 'cifra')).toEqual([
      '6 mil',
      '153',
      'nueve',
      '6 mil',
      '153',
      'nueve', // title and alt of the front matter
      '153',
      'mil 283',
      '5 mil 488',
      'mil 576',
      '66',
      '390',
      '408',
      '46',
      'nueve',
      '150', // «150 Días de Recuperación...», the name of a programme: a number all the same
      'mil 565',
    ]);
    // the front-matter date, /news/187342 and IMG_9999 are not prose: skipped
    expect(texts(found, 'fecha')).toEqual(['27', '29', '2021']);
    expect(texts(found, 'identificador')).toEqual([]);
  });

  test('seed 001', () => {
    const found = findFigures(seed('001_d5c51b42e26cde0e.txt'));
    expect(texts(found, 'cifra')).toEqual([
      'tres',
      '35',
      '25',
      '3 mil 729',
      '17 mil 408',
      '70 mil 67',
      '9 mil 517',
      '10 mil 166',
      '19 mil 842',
      '23 mil 80',
      '4 mil 803',
      '35',
      '25',
      'tres',
    ]);
    expect(texts(found, 'fecha')).toEqual(['14', '16', '16']);
  });

  test('seed 002', () => {
    const text = seed('002_fd723375290fd1ad.txt');
    const found = findFigures(text);
    expect(texts(found, 'cifra')).toEqual([
      '197 mil 144',
      '163 mil 110',
      '120.5 por ciento',
      '68 mil 721',
      '3 mil 29',
      '25',
      '14',
      '197 mil 144',
      '163 mil 110',
      '120.5 por ciento',
      '35',
      '25',
      '68 mil 721',
      '3 mil 29',
      '10',
      '12',
      'dos',
      'uno',
      '14',
      'una',
      '13',
      '91 mil 878',
      '28 mil 800',
      '7 mil 245',
      '332',
      '3 mil 337',
      '770',
      '100',
      '2 mil 31',
      '486',
    ]);
    expect(texts(found, 'fecha')).toEqual(['1', '2023', '24', '26', '24', '26', '10', '11', '12']);
    expect(texts(found, 'identificador')).toEqual(['No. 093/2023', '19']); // "COVID 19"
    const bulletin = found.find((figure) => figure.kind === 'identificador');
    expect(bulletin?.value).toBe(93);
    const percent = found.filter((figure) => figure.percent);
    expect(percent.map((figure) => figure.value)).toEqual([120.5, 120.5]);
    for (const figure of found) expect(text.slice(figure.start, figure.end)).toBe(figure.text);
  });

  test('seed 003 (imss-letras), across the PDF line breaks', () => {
    const found = findFigures(seed('003_14ca66f191946165.txt'));
    expect(texts(found, 'cifra')).toEqual([
      '30 mil 614',
      'siete mil 309',
      '50',
      '129',
      'tres',
      '19',
      '16',
      '30 mil 614',
      'siete mil 309',
      'seis mil 281',
      'cinco mil 447',
      'cinco mil 355',
      'dos mil 989',
      'mil 600',
      '958',
      'un',
      'ocho',
      'dos',
      '162',
      '15',
      'cuatro',
      '26',
      'cuatro',
      'cinco',
      '36',
      'dos',
      'dos',
      'dos',
      'dos',
      'dos',
      'dos',
      'tres',
      '38',
      '606',
      '99',
      '10',
      '13',
    ]);
    expect(texts(found, 'fecha')).toEqual(['31', '6', '2021', '31', '6']);
    // Hospital General de Zona 33, Gineco Pediatría 48, Hospital General Regional 1, Especialidades 25
    expect(texts(found, 'identificador')).toEqual(['33', '48', '1', '25']);
    // "dos riñones de una donación cadavérica ... a una paciente": articles, not figures
    expect(found.filter((figure) => /^una$/i.test(figure.text))).toEqual([]);
  });
});

describe('the un/una/uno rule', () => {
  test.each([
    ['Se realizaron trasplantes de un hígado, ocho riñones y dos córneas.', ['un', 'ocho', 'dos']],
    ['10 trasplantes renales, dos de células y uno de hígado.', ['10', 'dos', 'uno']],
    ['14 donaciones -una de éstas multiorgánica-.', ['14', 'una']],
    ['Se realizaron ocho riñones y una córnea.', ['ocho', 'una']],
    ['Destacan 26 especialidades en Estado de México Poniente y una donación cadavérica en Querétaro.', ['26', 'una']],
    ['Se trasplantó a una paciente en una unidad médica.', []],
    ['Un millón 200 mil consultas.', ['Un millón 200 mil']],
    ['El IMSS realizó una jornada con 332 cirugías.', ['332']],
  ])('%s', (text, expected) => {
    expect(texts(findFigures(text), 'cifra')).toEqual(expected);
  });
});

describe('other numbers', () => {
  test('names, addresses, dates and English separators', () => {
    const found = findFigures(
      'Por COVID-19 y COVID 19, en la L5-S1, ver https://bit.ly/3KIgH0Y y el 2023-02-24; del 31 de mayo al 6 de junio, ' +
        'en 2021, 3,729 cirugías (No. 25) y 7 u 8 casos.',
    );
    expect(found.map((figure) => [figure.kind, figure.text, figure.value])).toEqual([
      ['identificador', '19', 19],
      ['fecha', '31', 31],
      ['fecha', '6', 6],
      ['fecha', '2021', 2021],
      ['cifra', '3,729', 3729],
      ['identificador', 'No. 25', 25],
      ['cifra', '7', 7],
      ['cifra', '8', 8],
    ]);
  });

  test('hospital numbers after an abbreviation', () => {
    expect(
      texts(findFigures('un trasplante de médula ósea en el HE 25 Monterrey y 3 en la UMF 45'), 'identificador'),
    ).toEqual(['25', '45']);
  });

  test('a figure followed by "de" and a word that is not a month is a figure', () => {
    expect(texts(findFigures('12 de córnea y 10 de marzo'), 'cifra')).toEqual(['12']);
  });
});

/** A figure written in a style, in a paragraph, is found whole, with its value, at its place. */
describe.each(FIGURE_STYLES)('findFigures finds every written figure (%s)', (style) => {
  const phrasing = phrasingFor('es', style);
  const countByGroups = fc
    .tuple(
      fc.integer({ min: 0, max: 999 }),
      fc.integer({ min: 0, max: 999 }),
      fc.integer({ min: 0, max: 999 }),
      fc.integer({ min: 0, max: 4 }),
    )
    .map(([a, b, c, keep]) =>
      [a, b, c].map((group, index) => (index < keep ? 0 : group)).reduce((total, group) => total * 1000 + group, 0),
    );
  // 1 is left out (an article by the rule above) and so are four-digit years in the rae style.
  const count = fc
    .oneof(countByGroups, fc.integer({ min: 0, max: 999_999_999_999 }))
    .filter((value) => value !== 1 && !(style === 'rae' && value >= 1900 && value <= 2099));

  test(`${String(PARAGRAPH_RUNS)} paragraphs`, () => {
    fc.assert(
      fc.property(count, count, fc.integer({ min: 0, max: 1000 }), (first, second, part) => {
        const a = phrasing.figure(first, { gender: 'f' });
        const b = phrasing.figure(second, { gender: 'f' });
        const percent = phrasing.percent(part, 1000);
        const paragraph = `Del 24 al 26 de febrero se realizaron ${a} cirugías, ${b} consultas y el ${percent} de la meta.`;
        const found = findFigures(paragraph).filter((figure) => figure.kind === 'cifra');
        expect(found.map((figure) => [figure.text, figure.value, figure.percent])).toEqual([
          [a, first, false],
          [b, second, false],
          [percent, part / 10, true],
        ]);
        for (const figure of found) expect(paragraph.slice(figure.start, figure.end)).toBe(figure.text);
      }),
      { numRuns: PARAGRAPH_RUNS },
    );
  });
});
