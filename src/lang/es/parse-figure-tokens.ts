import type { FigureToken } from './figure-tokens.ts';
import { NUMBER_WORD_VALUES } from './small-number-words.ts';

/** A figure found at some token: its value, and the index just past its last token. */
export interface ParsedFigure {
  readonly value: number;
  readonly next: number;
  readonly percent: boolean;
  /** How it was written: a lone word ("una"), lone digits ("2021"), or anything longer. */
  readonly shape: 'word' | 'digits' | 'compound';
}

export interface ParseMode {
  /**
   * Strict (readFigure): only the forms the writer produces, plus the obvious variants ("1 millón").
   * Lenient (findFigures): also leading zeros and English comma groups, so nothing numeric is missed.
   */
  readonly strict: boolean;
}

const MILLION = 1_000_000;
const THOUSAND_MILLION = 1_000_000_000;

/**
 * The grammar of a Spanish press figure, longest match first:
 *   millions  := ("un" | "1") "millón" rest? | (thousands | 2..999 | dos..nueve) "millones" rest?
 *              | decimal "millones" | decimal "mil" "millones"
 *   thousands := (2..999 | dos..nueve)? "mil" group?
 *   rest      := thousands | group          (after a unit, groups may keep three digits: "034")
 *   spaced    := 1..3 digits (" " 3 digits)+  (RAE: "154 000", no-break or plain space)
 *   single    := digits | cero..nueve | un | una | uno | decimal (with "por ciento", or when lenient)
 * followed optionally by "por ciento" or "%".
 */
export function parseFigureAt(tokens: readonly FigureToken[], index: number, mode: ParseMode): ParsedFigure | null {
  const candidates = [
    parseMillions(tokens, index),
    parseThousands(tokens, index, false),
    parseSpaced(tokens, index),
    parseSingle(tokens, index, mode),
  ];
  let best: { value: number; next: number; shape: ParsedFigure['shape'] } | null = null;
  for (const candidate of candidates) {
    if (candidate !== null && (best === null || candidate.next > best.next)) best = candidate;
  }
  if (best === null) return null;
  const percentEnd = percentSuffix(tokens, best.next);
  if (percentEnd !== null) return { value: best.value, next: percentEnd, percent: true, shape: 'compound' };
  // A bare decimal is never a count ("3.729" is a foreign thousands separator): strict reading refuses it.
  if (mode.strict && best.next === index + 1 && tokens[index]?.type === 'decimal') return null;
  return { ...best, percent: false };
}

type Partial = { value: number; next: number; shape: ParsedFigure['shape'] };

function at(tokens: readonly FigureToken[], index: number): FigureToken | undefined {
  return tokens[index];
}

/** The token at `index` when only whitespace separates it from the previous one. */
function joined(tokens: readonly FigureToken[], index: number): FigureToken | undefined {
  const token = tokens[index];
  return token !== undefined && token.gap !== '' && token.gap.trim() === '' ? token : undefined;
}

function plainInteger(token: FigureToken | undefined): number | null {
  if (token?.type !== 'digits' || (token.raw.length > 1 && token.raw.startsWith('0'))) return null;
  return Number(token.raw);
}

/** A group after "mil"/"millón": 1..999, plain or kept at three digits ("034"). */
function group(token: FigureToken | undefined): number | null {
  if (token?.type !== 'digits') return null;
  if (token.raw.length === 3 || !token.raw.startsWith('0')) {
    const value = Number(token.raw);
    return token.raw.length <= 3 && value >= 1 ? value : null;
  }
  return null;
}

/** The count before "mil"/"millones": 2..999 in digits (three-digit padded after a unit), or dos..nueve. */
function multiplier(token: FigureToken | undefined, afterUnit: boolean): number | null {
  if (token === undefined) return null;
  if (token.type === 'word') {
    const value = NUMBER_WORD_VALUES.get(token.lower);
    return value !== undefined && value >= 2 ? value : null;
  }
  const value = afterUnit ? group(token) : plainInteger(token);
  if (value === null) return null;
  if (afterUnit) return value;
  return value >= 2 && value <= 999 ? value : null;
}

function parseThousands(tokens: readonly FigureToken[], index: number, afterUnit: boolean): Partial | null {
  const first = at(tokens, index);
  let thousands: number;
  let next: number;
  if (first?.lower === 'mil') {
    thousands = 1;
    next = index + 1;
  } else {
    const count = multiplier(first, afterUnit);
    if (count === null || joined(tokens, index + 1)?.lower !== 'mil') return null;
    thousands = count;
    next = index + 2;
  }
  const tail = group(joined(tokens, next));
  return tail === null
    ? { value: thousands * 1000, next, shape: 'compound' }
    : { value: thousands * 1000 + tail, next: next + 1, shape: 'compound' };
}

function parseRestAfterUnit(tokens: readonly FigureToken[], index: number): Partial | null {
  if (joined(tokens, index) === undefined) return null;
  const thousands = parseThousands(tokens, index, true);
  if (thousands !== null) return thousands;
  const units = group(at(tokens, index));
  return units === null ? null : { value: units, next: index + 1, shape: 'compound' };
}

function parseMillions(tokens: readonly FigureToken[], index: number): Partial | null {
  const first = at(tokens, index);
  if (first === undefined) return null;
  const decimal = parseDecimalMillions(tokens, index);
  if (decimal !== null) return decimal;
  let millions: number | null = null;
  let next = index;
  if ((first.lower === 'un' || first.raw === '1') && joined(tokens, index + 1)?.lower === 'millón') {
    millions = 1;
    next = index + 2;
  } else {
    const thousands = parseThousands(tokens, index, false);
    const head =
      thousands ??
      (() => {
        const count = multiplier(first, false);
        return count === null ? null : { value: count, next: index + 1 };
      })();
    if (head !== null && joined(tokens, head.next)?.lower === 'millones') {
      millions = head.value;
      next = head.next + 1;
    }
  }
  if (millions === null) return null;
  const rest = parseRestAfterUnit(tokens, next);
  return rest === null
    ? { value: millions * MILLION, next, shape: 'compound' }
    : { value: millions * MILLION + rest.value, next: rest.next, shape: 'compound' };
}

/** Rounded figures: "16.1 millones", "13.2 mil millones". */
function parseDecimalMillions(tokens: readonly FigureToken[], index: number): Partial | null {
  const first = at(tokens, index);
  if (first?.type !== 'decimal') return null;
  const unit = joined(tokens, index + 1);
  if (unit?.lower === 'millones') {
    return { value: Math.round(Number(first.raw) * MILLION), next: index + 2, shape: 'compound' };
  }
  if (unit?.lower === 'mil' && joined(tokens, index + 2)?.lower === 'millones') {
    return { value: Math.round(Number(first.raw) * THOUSAND_MILLION), next: index + 3, shape: 'compound' };
  }
  return null;
}

/** "154 000", "1 529 812": the separator is one space (plain, no-break or narrow no-break). */
function parseSpaced(tokens: readonly FigureToken[], index: number): Partial | null {
  const first = at(tokens, index);
  if (first?.type !== 'digits' || first.raw.length > 3 || plainInteger(first) === null) return null;
  let digits = first.raw;
  let next = index + 1;
  for (;;) {
    const token = at(tokens, next);
    if (token?.type !== 'digits' || token.raw.length !== 3 || !/^[ \u00A0\u202F]$/.test(token.gap)) break;
    digits += token.raw;
    next += 1;
  }
  return next === index + 1 ? null : { value: Number(digits), next, shape: 'compound' };
}

function parseSingle(tokens: readonly FigureToken[], index: number, mode: ParseMode): Partial | null {
  const token = at(tokens, index);
  if (token === undefined) return null;
  if (token.type === 'word') {
    const value = NUMBER_WORD_VALUES.get(token.lower);
    return value === undefined ? null : { value, next: index + 1, shape: 'word' };
  }
  if (token.type === 'digits') {
    const value = mode.strict ? plainInteger(token) : Number(token.raw);
    return value === null ? null : { value, next: index + 1, shape: 'digits' };
  }
  if (token.type === 'decimal') return { value: Number(token.raw), next: index + 1, shape: 'compound' };
  if (token.type === 'commaGrouped' && !mode.strict) {
    return { value: Number(token.raw.replaceAll(',', '')), next: index + 1, shape: 'compound' };
  }
  return null;
}

/** The index past "por ciento" or "%" after a figure, or null. */
function percentSuffix(tokens: readonly FigureToken[], index: number): number | null {
  const token = at(tokens, index);
  if (token === undefined) return null;
  if (token.raw === '%' && /^[ \u00A0\u202F]?$/.test(token.gap)) return index + 1;
  if (joined(tokens, index)?.lower === 'por' && joined(tokens, index + 1)?.lower === 'ciento') return index + 2;
  return null;
}
