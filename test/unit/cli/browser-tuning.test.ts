import { describe, expect, it } from 'vitest';
import { batchTuning } from '../../../src/cli/browser-tuning.ts';
import { InputError } from '../../../src/errors.ts';

describe('the batch knobs from the environment', () => {
  it.each([
    { env: {}, expected: { browser: {} } },
    { env: { BOLETIN_ESPERA_NAVEGADOR: '5' }, expected: { browser: { launchTimeoutMs: 5000, pageTimeoutMs: 5000 } } },
    { env: { BOLETIN_PAGINAS: '3' }, expected: { browser: { maxPages: 3 }, concurrency: 4 } },
    { env: { BOLETIN_REINICIO_NAVEGADOR: '50' }, expected: { browser: { restartAfterPrints: 50 } } },
    { env: { BOLETIN_PAGINAS: '' }, expected: { browser: {} } },
  ])('$env gives $expected', ({ env, expected }) => {
    expect(batchTuning(env)).toEqual(expected);
  });

  it.each(['0', '-1', 'dos', '1.5', '9999999'])('refuses BOLETIN_PAGINAS=%s in Spanish', (value) => {
    expect(() => batchTuning({ BOLETIN_PAGINAS: value })).toThrow(InputError);
    expect(() => batchTuning({ BOLETIN_PAGINAS: value })).toThrow(
      `La variable BOLETIN_PAGINAS=«${value}» no es válida: escriba un número entero mayor que cero, o quítela.`,
    );
  });
});
