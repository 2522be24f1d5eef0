import { PhrasingError } from '../../errors.ts';
import type { Gender, OrdinalOptions } from '../phrasing.ts';
import { SPANISH_LOCALE } from './date-words.ts';

/** Masculine stems; the feminine swaps the final "o" for "a". Index = units digit or tens digit. */
const UNITS = [
  '',
  'primero',
  'segundo',
  'tercero',
  'cuarto',
  'quinto',
  'sexto',
  'séptimo',
  'octavo',
  'noveno',
] as const;
const TENS = [
  '',
  'décimo',
  'vigésimo',
  'trigésimo',
  'cuadragésimo',
  'quincuagésimo',
  'sexagésimo',
  'septuagésimo',
  'octogésimo',
  'nonagésimo',
] as const;

/**
 * Ordinals 1 to 99 for the names of jornadas. Forms (RAE, Ortografía 2010):
 * - words (house default): "Segunda", "Décima Cuarta", "Vigésima Primera"; both words agree.
 * - oneWord: "Decimocuarta", "Vigesimoprimera", "Decimoctava"; the first element keeps no accent and
 *   does not agree; 11 and 12 are "Undécima", "Duodécima", the forms the Academy prefers.
 * - short: "14ª", "2º"; "1er", "3er" for a masculine before its noun.
 * A masculine before its noun drops its final "o" after 1 and 3: "Primer Nivel", "Décimo Tercer".
 */
export function writeOrdinal(value: number, gender: Gender, options: OrdinalOptions = {}): string {
  checkOrdinal(value);
  const beforeNoun = options.beforeNoun ?? true;
  const form = options.form ?? 'words';
  const text =
    form === 'short' ? shortOrdinal(value, gender, beforeNoun) : wordOrdinal(value, gender, beforeNoun, form);
  return (options.capitalize ?? true) ? capitalizeWords(text) : text;
}

function wordOrdinal(value: number, gender: Gender, beforeNoun: boolean, form: 'words' | 'oneWord'): string {
  const tens = Math.floor(value / 10);
  const units = value % 10;
  const unitWord = units === 0 ? '' : agree(UNITS[units] ?? '', gender, beforeNoun);
  if (tens === 0) return unitWord;
  if (form === 'oneWord' && value === 11) return agree('undécimo', gender, beforeNoun);
  if (form === 'oneWord' && value === 12) return agree('duodécimo', gender, beforeNoun);
  if (units === 0) return agree(TENS[tens] ?? '', gender, beforeNoun);
  if (form === 'words') return `${agree(TENS[tens] ?? '', gender, beforeNoun)} ${unitWord}`;
  const prefix = stripAccents(TENS[tens] ?? '');
  // "decimo" + "octava" -> "decimoctava": the two o's merge.
  return unitWord.startsWith('o') ? prefix + unitWord.slice(1) : prefix + unitWord;
}

function shortOrdinal(value: number, gender: Gender, beforeNoun: boolean): string {
  if (gender === 'f') return `${String(value)}ª`;
  const units = value % 10;
  return beforeNoun && (units === 1 || units === 3) ? `${String(value)}er` : `${String(value)}º`;
}

/** "primero" -> "primera" (f), "primer" (m, before its noun). */
function agree(masculine: string, gender: Gender, beforeNoun: boolean): string {
  if (gender === 'f') return `${masculine.slice(0, -1)}a`;
  if (beforeNoun && (masculine === 'primero' || masculine === 'tercero')) return masculine.slice(0, -1);
  return masculine;
}

function stripAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .normalize('NFC');
}

function capitalizeWords(text: string): string {
  return text.replace(
    /(^|\s)(\p{L})/gu,
    (_whole, space: string, letter: string) => space + letter.toLocaleUpperCase(SPANISH_LOCALE),
  );
}

function checkOrdinal(value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > 99) {
    throw new PhrasingError(`El ordinal ${String(value)} no se puede escribir: debe ser un entero de 1 a 99.`);
  }
}
