/**
 * U+00A0 NO-BREAK SPACE. The phrasing module joins the words of one figure ("3 mil 729", "un millón
 * 529 mil 812", "120.9 por ciento"), of a day range ("24 al 26") and of a bulletin number ("No. 093/2023")
 * with it, so that HTML, PDF and Word never split them across two lines. Every format keeps it; only
 * a terminal (the `cifra` and `fecha` commands) shows plain spaces, see withPlainSpaces.
 */
export const NO_BREAK_SPACE = '\u00A0';

/** The words of one unit that must stay on one line: "3", "mil", "729" -> "3 mil 729" with no-break spaces. */
export function keepTogether(...words: readonly string[]): string {
  return words.join(NO_BREAK_SPACE);
}

/**
 * The text with plain spaces where the phrasing wrote no-break ones (U+00A0, and U+202F that the RAE
 * style may use): for a terminal or a script, where no line is ever justified and an invisible
 * non-ASCII space only makes `grep "3 mil 729"` fail.
 */
export function withPlainSpaces(text: string): string {
  return text.replace(/[\u00A0\u202F]/g, ' ');
}
