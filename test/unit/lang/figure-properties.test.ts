import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FIGURE_STYLES, MAX_COUNT, phrasingFor, readFigure } from '../../../src/lang/index.ts';
import { FIGURE_SHAPES, IMSS_MILLION_IN_DIGITS } from './support/figure-shapes.ts';
import { propertyRuns } from '../../support/property-runs.ts';

/**
 * Property tests over every count from 0 to 999,999,999,999, 200,000 cases per style in CI (see
 * test/support/property-runs.ts for the local count): reading back what
 * was written gives the number; the text has one of the style's shapes (so no thousands separator, no
 * stray space, no word/digit mix other than the house forms).
 */
const RUNS_PER_STYLE = propertyRuns(200_000);
const MILLION_OPTION_RUNS = propertyRuns(50_000);

/** A group of three digits, often 0 or 1 so "mil", "un millón" and empty groups come up. */
const groupOfThree = fc.oneof(
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.constant(1) },
  { weight: 2, arbitrary: fc.integer({ min: 2, max: 9 }) },
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 999 }) },
);
/** Counts built group by group, so every shape (small, thousands, millions, thousands of millions) is common. */
const countByGroups = fc
  .tuple(groupOfThree, groupOfThree, groupOfThree, groupOfThree, fc.integer({ min: 0, max: 4 }))
  .map(([a, b, c, d, keep]) => {
    const groups = [a, b, c, d].map((group, index) => (index < keep ? 0 : group));
    return groups.reduce((total, group) => total * 1000 + group, 0);
  });
const anyCount = fc.oneof(countByGroups, fc.integer({ min: 0, max: MAX_COUNT }));
const gender = fc.constantFrom('f' as const, 'm' as const);

describe.each(FIGURE_STYLES)('style %s', (style) => {
  const phrasing = phrasingFor('es', style);
  const shape = FIGURE_SHAPES[style];

  test(`${String(RUNS_PER_STYLE)} counts: read(write(n)) is n, in an allowed shape`, () => {
    fc.assert(
      fc.property(anyCount, gender, (value, chosenGender) => {
        const text = phrasing.figure(value, { gender: chosenGender });
        if (readFigure(text) !== value) return false;
        if (!shape.test(text) && !(value === 1 && text === 'una')) return false;
        return !/[,.]|^\s|\s$|\s\s/.test(text);
      }),
      { numRuns: RUNS_PER_STYLE },
    );
  });
});

test(`"1 millón" option: ${String(MILLION_OPTION_RUNS)} counts read back, in the imss shapes with "1 millón"`, () => {
  const phrasing = phrasingFor('es', 'imss', { millionInDigits: true });
  fc.assert(
    fc.property(anyCount, (value) => {
      const text = phrasing.figure(value);
      return readFigure(text) === value && IMSS_MILLION_IN_DIGITS.test(text);
    }),
    { numRuns: MILLION_OPTION_RUNS },
  );
});

test('the shapes reject what a journalist must never read', () => {
  for (const bad of ['3,729', '3.729', '3 mil  729', ' 3 mil 729', 'tres mil 729', '1 mil', '3 mil 7 mil', '3729', 'diez']) {
    expect(FIGURE_SHAPES.imss.test(bad), bad).toBe(false);
  }
  expect(FIGURE_SHAPES['imss-letras'].test('3 mil 729')).toBe(false);
  expect(FIGURE_SHAPES.rae.test('154 mil')).toBe(false);
  expect(FIGURE_SHAPES.relleno.test('90 mil 34')).toBe(false);
  expect(FIGURE_SHAPES.digitos.test('ocho')).toBe(false);
});

test('every count up to 30,000 and around each power of a thousand, exhaustively, in every style', () => {
  const values: number[] = [];
  for (let value = 0; value <= 30_000; value += 1) values.push(value);
  for (const base of [1e6, 1e9]) for (let offset = -1000; offset <= 1000; offset += 1) values.push(base + offset);
  values.push(MAX_COUNT, MAX_COUNT - 1, 1e11, 1e11 + 1);
  for (const style of FIGURE_STYLES) {
    const phrasing = phrasingFor('es', style);
    for (const value of values) {
      const text = phrasing.figure(value);
      if (readFigure(text) !== value || !FIGURE_SHAPES[style].test(text)) {
        expect.fail(`${style}: ${String(value)} -> «${text}»`);
      }
    }
  }
});
