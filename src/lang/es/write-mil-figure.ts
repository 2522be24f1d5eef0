import type { FigureStyle } from './figure-styles.ts';
import { keepTogether } from '../no-break-space.ts';
import { SMALL_NUMBER_WORDS } from './small-number-words.ts';

const THOUSAND = 1000;
const MILLION = 1_000_000;

/**
 * The house grammar for figures from 10 up: digits for each group of three, with "mil" and
 * "millón"/"millones" between them, joined by no-break spaces (one figure never splits across lines). "mil" alone stands for one thousand ("mil 283"), "un millón" for
 * one million, and thousands of millions read as money does: "13 mil millones", "2 mil 92 millones".
 */
export function writeMilFigure(value: number, style: FigureStyle, millionInDigits: boolean): string {
  if (value < THOUSAND) return String(value);
  if (value < MILLION) return writeThousands(value, style);
  const millions = Math.floor(value / MILLION);
  const rest = value % MILLION;
  const head =
    millions === 1
      ? keepTogether(millionInDigits ? '1' : 'un', 'millón')
      : keepTogether(millions < THOUSAND ? multiplier(millions, style) : writeThousands(millions, style), 'millones');
  return rest === 0 ? head : keepTogether(head, writeRestAfterUnit(rest, style));
}

/** 1,000 to 999,999 at the head of a figure: "mil", "mil 283", "3 mil 729", "siete mil 309", "90 mil 034". */
function writeThousands(value: number, style: FigureStyle): string {
  const thousands = Math.floor(value / THOUSAND);
  const units = value % THOUSAND;
  const head = thousands === 1 ? 'mil' : keepTogether(multiplier(thousands, style), 'mil');
  return units === 0 ? head : keepTogether(head, group(units, style));
}

/**
 * What follows "millón"/"millones": "529 mil 812", "mil 200", "171". In the padded style every group
 * keeps its three digits, the thousands too ("un millón 034 mil 812", "un millón 001 mil 200").
 */
function writeRestAfterUnit(rest: number, style: FigureStyle): string {
  if (rest < THOUSAND) return group(rest, style);
  if (!style.padGroups) return writeThousands(rest, style);
  const units = rest % THOUSAND;
  const head = keepTogether(group(Math.floor(rest / THOUSAND), style), 'mil');
  return units === 0 ? head : keepTogether(head, group(units, style));
}

/** A group after a unit word: "67", or "067" in the padded style. */
function group(value: number, style: FigureStyle): string {
  return style.padGroups ? String(value).padStart(3, '0') : String(value);
}

/** The count before "mil"/"millones": digits, or 2 to 9 in words in the imss-letras style. */
function multiplier(value: number, style: FigureStyle): string {
  if (style.multiplierWords && value < 10) return SMALL_NUMBER_WORDS[value] ?? String(value);
  return String(value);
}
