import type { Gender } from '../phrasing.ts';

/** 0 and 2 to 9 in words; 1 is apart because it agrees with its noun. */
export const SMALL_NUMBER_WORDS = [
  'cero',
  'uno',
  'dos',
  'tres',
  'cuatro',
  'cinco',
  'seis',
  'siete',
  'ocho',
  'nueve',
] as const;

/** "un hígado", "una donación"; as a pronoun "uno de hígado", "una de éstas". */
export function wordForOne(gender: Gender, pronoun: boolean): string {
  if (gender === 'f') return 'una';
  return pronoun ? 'uno' : 'un';
}

/** A number from 0 to 9 in words; `digit` must be an integer in that range. */
export function smallNumberWord(digit: number, gender: Gender, pronoun: boolean): string {
  if (digit === 1) return wordForOne(gender, pronoun);
  return SMALL_NUMBER_WORDS[digit] ?? String(digit);
}

/** Every word the reader takes as a number, with its value ("un", "uno" and "una" are all 1). */
export const NUMBER_WORD_VALUES: ReadonlyMap<string, number> = new Map([
  ['cero', 0],
  ['un', 1],
  ['uno', 1],
  ['una', 1],
  ['dos', 2],
  ['tres', 3],
  ['cuatro', 4],
  ['cinco', 5],
  ['seis', 6],
  ['siete', 7],
  ['ocho', 8],
  ['nueve', 9],
]);
