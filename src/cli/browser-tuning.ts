import type { BrowserOptions } from '../render/pdf/browser-session.ts';
import { InputError } from '../errors.ts';

/** The batch's knobs that staff set in the environment of a scheduled run, not on each command line. */
export const TUNING_VARIABLES = {
  /** Seconds Chromium may take to start, and one page to print. */
  wait: 'BOLETIN_ESPERA_NAVEGADOR',
  /** Pages printed at once (by default one per core, at least 2). */
  pages: 'BOLETIN_PAGINAS',
  /** Prints after which a fresh Chromium replaces the running one. */
  restart: 'BOLETIN_REINICIO_NAVEGADOR',
} as const;

export interface BatchTuning {
  readonly browser: Pick<BrowserOptions, 'launchTimeoutMs' | 'pageTimeoutMs' | 'maxPages' | 'restartAfterPrints'>;
  /** Bulletins in flight: the pages, plus one composing or packing. */
  readonly concurrency?: number;
}

/** Reads the knobs; a value that is not a positive whole number is bad input, said in Spanish. */
export function batchTuning(env: Readonly<Record<string, string | undefined>>): BatchTuning {
  const wait = positive(env, TUNING_VARIABLES.wait);
  const pages = positive(env, TUNING_VARIABLES.pages);
  const restart = positive(env, TUNING_VARIABLES.restart);
  return {
    browser: {
      ...(wait !== undefined ? { launchTimeoutMs: wait * 1000, pageTimeoutMs: wait * 1000 } : {}),
      ...(pages !== undefined ? { maxPages: pages } : {}),
      ...(restart !== undefined ? { restartAfterPrints: restart } : {}),
    },
    ...(pages !== undefined ? { concurrency: pages + 1 } : {}),
  };
}

function positive(env: Readonly<Record<string, string | undefined>>, name: string): number | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  if (!/^\d{1,6}$/.test(value.trim()) || Number(value) < 1) {
    throw new InputError(
      `La variable ${name}=«${value}» no es válida: escriba un número entero mayor que cero, o quítela.`,
    );
  }
  return Number(value);
}
