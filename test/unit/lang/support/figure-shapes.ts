import type { FigureStyleName } from '../../../../src/lang/index.ts';

/**
 * The allowed shapes of a count written alone, per style, spelled out independently of the writer:
 * any output outside them (a "3,729", a stray or plain space where a no-break one belongs, "3 mil 7 mil", "siete" where digits belong)
 * fails the property tests.
 */
const words09 = '(?:cero|un|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)';
const oneWord = '(?:un|una|uno)';
const d1to999 = '[1-9]\\d{0,2}';
const d10to999 = '[1-9]\\d{1,2}';
const d2to999 = '(?:[2-9]|[1-9]\\d{1,2})';
const letters2to9 = '(?:dos|tres|cuatro|cinco|seis|siete|ocho|nueve)';
const pad = '(?!000)\\d{3}';
/** The only space allowed inside a figure: a no-break space (a plain one lets a line break inside it). */
const T = '\\u00A0';

function milShapes(
  multiplier: string,
  group: string,
  restThousands: string,
  small: string,
  millionOne: string,
): RegExp {
  const thousands = `(?:(?:${multiplier}${T})?mil(?:${T}${group})?)`;
  const millions = `(?:${millionOne}${T}millón|(?:${multiplier}|${thousands})${T}millones)(?:${T}(?:${restThousands}|${group}))?`;
  return new RegExp(`^(?:${small}|${d10to999}|${thousands}|${millions})$`);
}

const imssLike = (small: string, millionOne = 'un'): RegExp =>
  milShapes(d2to999, d1to999, `(?:(?:${d2to999}${T})?mil(?:${T}${d1to999})?)`, small, millionOne);

export const FIGURE_SHAPES: Record<FigureStyleName, RegExp> = {
  imss: imssLike(`(?:${words09}|${oneWord})`),
  'imss-letras': milShapes(
    `(?:${letters2to9}|${d10to999})`,
    d1to999,
    `(?:(?:(?:${letters2to9}|${d10to999})${T})?mil(?:${T}${d1to999})?)`,
    `(?:${words09}|${oneWord})`,
    'un',
  ),
  relleno: milShapes(d2to999, pad, `(?:${pad}${T}mil(?:${T}${pad})?)`, `(?:${words09}|${oneWord})`, 'un'),
  digitos: imssLike(`(?:0|[2-9]|${oneWord})`),
  rae: new RegExp(
    `^(?:${words09}|${oneWord}|[1-9]\\d{1,3}|[1-9]\\d{1,2}\\u00A0\\d{3}|[1-9]\\d{0,2}(?:\\u00A0\\d{3}){2,})$`,
  ),
};

/** imss with "1 millón" instead of "un millón". */
export const IMSS_MILLION_IN_DIGITS = imssLike(`(?:${words09}|${oneWord})`, '1');
