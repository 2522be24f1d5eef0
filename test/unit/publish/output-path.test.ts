import { describe, expect, test } from 'vitest';
import { InputError } from '../../../src/errors.ts';
import { outputPath, padBulletinNumber, parseBulletinRef, relativeOutputPath } from '../../../src/publish/index.ts';

describe('output paths', () => {
  test('pad the number to three digits, four from a thousand on', () => {
    expect(padBulletinNumber(7)).toBe('007');
    expect(padBulletinNumber(93)).toBe('093');
    expect(padBulletinNumber(999)).toBe('999');
    expect(padBulletinNumber(1000)).toBe('1000');
  });

  test('numbered, corrected and draft files', () => {
    const parts = { year: 2023, number: 93, slug: 'cuarta-jornada', extension: 'pdf' };
    expect(relativeOutputPath(parts)).toBe('2023/093-cuarta-jornada.pdf');
    expect(relativeOutputPath({ ...parts, version: 1 })).toBe('2023/093-cuarta-jornada.pdf');
    expect(relativeOutputPath({ ...parts, version: 2 })).toBe('2023/093-cuarta-jornada.v2.pdf');
    expect(relativeOutputPath({ ...parts, number: null })).toBe('2023/borradores/cuarta-jornada.pdf');
    expect(outputPath('/salida', parts)).toBe('/salida/2023/093-cuarta-jornada.pdf');
  });

  test.each(['Cuarta Jornada', 'jornada/../x', 'jornada_1', 'acción', '', '-x', 'x-'])(
    'refuses the slug %j',
    (slug) => {
      expect(() => relativeOutputPath({ year: 2023, number: 1, slug, extension: 'pdf' })).toThrow(InputError);
    },
  );

  test('refuses bad extensions, years and numbers', () => {
    const parts = { year: 2023, number: 1, slug: 'x', extension: 'pdf' };
    expect(() => relativeOutputPath({ ...parts, extension: '.pdf' })).toThrow(InputError);
    expect(() => relativeOutputPath({ ...parts, year: 23 })).toThrow(InputError);
    expect(() => relativeOutputPath({ ...parts, number: 0 })).toThrow(InputError);
    expect(() => relativeOutputPath({ ...parts, number: 10000 })).toThrow(InputError);
    expect(() => relativeOutputPath({ ...parts, number: 1.5 })).toThrow(InputError);
  });
});

describe('bulletin references', () => {
  test.each([
    ['93/2023', 93],
    ['093/2023', 93],
    ['No. 093/2023', 93],
    [' 1000 / 2024 ', 1000],
  ])('reads %j', (text, number) => {
    expect(parseBulletinRef(text).number).toBe(number);
  });

  test.each(['93', '93-2023', '0/2023', 'No 93/23', 'x/2023'])('refuses %j with a Spanish message', (text) => {
    expect(() => parseBulletinRef(text)).toThrow(/NÚMERO\/AÑO|no es válido/);
  });
});
