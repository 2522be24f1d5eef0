import { PhrasingError } from '../../errors.ts';

const WORDS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};
const DIGITS = /^(\d{1,3}(?:,\d{3})+|\d{1,3})(?:\.(\d))?(?:\s+(million|billion))?(?:\s*(%|percent))?$/;

/**
 * Turns one figure as the English edition writes it back into its number: "3,242" -> 3242, "nine" -> 9,
 * "One" -> 1, "120.9 percent" / "120.9%" -> 120.9, "16.1 million". Anything else ("3242", "3.242") is a
 * PhrasingError: the English edition always groups thousands with commas.
 */
export function readEnglishFigure(text: string): number {
  const source = typeof text === 'string' ? text.trim() : '';
  const word = WORDS[source.toLowerCase()];
  if (word !== undefined) return word;
  const match = DIGITS.exec(source);
  if (match === null) {
    throw new PhrasingError(
      `«${String(text)}» no es una cifra como la escribe la edición en inglés (p. ej. «3,242», «nine», «120.9 percent»).`,
    );
  }
  const [, whole = '', tenth, scale] = match;
  const value = Number(whole.replaceAll(',', '') + (tenth === undefined ? '' : `.${tenth}`));
  if (scale === 'million') return Math.round(value * 1_000_000);
  if (scale === 'billion') return Math.round(value * 1_000_000_000);
  return value;
}
