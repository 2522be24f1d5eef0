import { checkCount } from '../check-count.ts';

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'] as const;

/**
 * A count as the English edition writes it (AP style): "zero" to "nine" in words, then digits with a
 * comma every three: "3,242", "65,211", "1,529,812". `smallInDigits` writes 2 to 9 as digits too.
 */
export function writeEnglishFigure(value: number, smallInDigits = false): string {
  checkCount(value);
  if (value < 10 && !(smallInDigits && value !== 1)) return WORDS[value] ?? String(value);
  return groupWithCommas(String(value));
}

export function groupWithCommas(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
