import { PhrasingError } from '../../errors.ts';
import type { OrdinalOptions } from '../phrasing.ts';

const UNITS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'] as const;
const TEENS = [
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
] as const;
const TENS = ['', '', 'twent', 'thirt', 'fort', 'fift', 'sixt', 'sevent', 'eight', 'ninet'] as const;
const TENS_CARDINAL = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'] as const;

/**
 * English ordinals 1 to 99. The English edition names a jornada "14th National Day" (seed 004), so
 * the short form is its default; "words" gives "Fourteenth", "Twenty-First". English has no gender.
 */
export function writeEnglishOrdinal(value: number, options: OrdinalOptions = {}): string {
  if (!Number.isInteger(value) || value < 1 || value > 99) {
    throw new PhrasingError(`El ordinal ${String(value)} no se puede escribir: debe ser un entero de 1 a 99.`);
  }
  if ((options.form ?? 'short') === 'short') return `${String(value)}${suffix(value)}`;
  const text = ordinalWords(value);
  return (options.capitalize ?? true)
    ? text.replace(/(^|-)([a-z])/g, (_w, dash: string, c: string) => dash + c.toUpperCase())
    : text;
}

function suffix(value: number): string {
  const lastTwo = value % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][value % 10] ?? 'th';
}

function ordinalWords(value: number): string {
  if (value < 10) return UNITS[value] ?? '';
  if (value < 20) return TEENS[value - 10] ?? '';
  const tens = Math.floor(value / 10);
  const units = value % 10;
  if (units === 0) return `${TENS[tens] ?? ''}ieth`;
  return `${TENS_CARDINAL[tens] ?? ''}-${UNITS[units] ?? ''}`;
}
