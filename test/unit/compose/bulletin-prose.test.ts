import { describe, expect, test } from 'vitest';
import { countWords } from '../../../src/compose/pack-paragraphs.ts';
import { loadTemplateSet } from '../../../src/compose/load-templates.ts';
import { plainText } from '../../../src/compose/parse-markup.ts';
import { loadCatalog } from '../../../src/dataset/catalog.ts';
import { findFigures } from '../../../src/lang/index.ts';
import type { BulletinDocument } from '../../../src/model/bulletin-document.ts';
import { composeSample, sampleFiles } from '../../support/compose-sample.ts';

/**
 * The prose a press officer signs without rewriting, checked over every sample: the bullets summarise
 * (no eight-word run of a bullet again in the body), the body is paragraphs, not a list of one-liners,
 * a long name is spelled out once, and every breakdown reads from the largest count down.
 */

const words = (text: string): string[] =>
  text
    .toLocaleLowerCase('es')
    .replace(/[“”"«»(),.;:—-]/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '');

/** The first run of `size` words of `bullet` found again in `body`, or undefined. */
export function repeatedRun(bullet: string, body: string, size = 8): string | undefined {
  const bodyText = ` ${words(body).join(' ')} `;
  const bulletWords = words(bullet);
  for (let start = 0; start + size <= bulletWords.length; start++) {
    const run = bulletWords.slice(start, start + size).join(' ');
    if (bodyText.includes(` ${run} `)) return run;
  }
  return undefined;
}

const bodyParagraphs = (doc: BulletinDocument): string[] =>
  doc.body.map((block) => (block.kind === 'list' ? block.items.map(plainText).join(' ') : plainText(block.content)));

/** Every "N <head>: a, b y c" or "N <head>, entre ellos a, b y c": the parts' counts, in order. */
function breakdowns(text: string): { text: string; counts: number[] }[] {
  const found: { text: string; counts: number[] }[] = [];
  for (const match of text.matchAll(/\d[\d\s\p{L}]*?(?::|, entre (?:ellos|ellas)) ([^.;]+)/gu)) {
    const list = match[1] ?? '';
    const counts = findFigures(list)
      .filter((figure) => figure.kind === 'cifra' && !figure.percent)
      .map((figure) => figure.value);
    if (counts.length > 1) found.push({ text: match[0], counts });
  }
  return found;
}

const longNames = (() => {
  const nouns = loadTemplateSet('es').nouns;
  return Object.values(nouns)
    .filter((noun) => noun.siglas !== undefined)
    .flatMap((noun) => [...new Set([noun.plural, noun.singular])]);
})();

describe.each(sampleFiles().map((file) => [file.split('/').at(-1) ?? file, file] as const))('%s', (_name, file) => {
  test('no bullet is repeated in the body: no run of eight words again', async () => {
    const { doc } = await composeSample(file);
    const body = bodyParagraphs(doc).join('\n');
    const repeats = doc.bullets.map(plainText).flatMap((bullet) => {
      const run = repeatedRun(bullet, body);
      return run === undefined ? [] : [run];
    });
    expect(repeats).toEqual([]);
  });

  test('never more than two body paragraphs under 20 words in a row', async () => {
    const { doc } = await composeSample(file);
    let shortRun = 0;
    let longest = 0;
    for (const paragraph of bodyParagraphs(doc)) {
      shortRun = countWords(paragraph) < 20 ? shortRun + 1 : 0;
      longest = Math.max(longest, shortRun);
    }
    expect(longest).toBeLessThanOrEqual(2);
  });

  test('each long name is spelled out at most once in the bullets and body', async () => {
    const { doc } = await composeSample(file);
    const text = [...doc.bullets.map(plainText), ...bodyParagraphs(doc)].join('\n');
    const counts = Object.fromEntries(longNames.map((name) => [name, text.split(name).length - 1]));
    expect(Object.entries(counts).filter(([, count]) => count > 1)).toEqual([]);
  });

  test('every breakdown lists its parts from the largest count down', async () => {
    const { doc } = await composeSample(file);
    const text = bodyParagraphs(doc).join('\n');
    const unordered = breakdowns(text).filter(({ counts }) =>
      counts.some((count, index) => index > 0 && count > (counts[index - 1] ?? 0)),
    );
    expect(unordered.map(({ text: found }) => found)).toEqual([]);
  });
});

describe('the checks themselves', () => {
  test.each([
    [
      'Se realizaron 25 trasplantes, entre otras acciones del día.',
      'Hoy se realizaron 25 trasplantes, entre otras acciones del día de hoy.',
      'se realizaron 25 trasplantes entre otras acciones del',
    ],
    ['Se realizaron 25 trasplantes y otras cosas.', 'Se efectuaron 25 trasplantes y otras cosas.', undefined],
  ])('repeatedRun(%j)', (bullet, body, expected) => {
    expect(repeatedRun(bullet, body)).toBe(expected);
  });

  test('a breakdown out of order is found', () => {
    expect(breakdowns('Se efectuaron 25 trasplantes: 10 renales, 12 de córnea y uno de hígado.')).toEqual([
      { text: '25 trasplantes: 10 renales, 12 de córnea y uno de hígado', counts: [10, 12, 1] },
    ]);
  });

  test('the catalog has the nouns the breakdowns use', () => {
    expect(loadCatalog().require('trasplante-rinon').es.de).toEqual({ singular: 'renal', plural: 'renales' });
  });
});
