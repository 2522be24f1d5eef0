import { NO_BREAK_SPACE } from '../no-break-space.ts';

/** The RAE/Fundéu grouping space: a no-break space, so "154 000" never splits across lines. */
export const GROUP_SEPARATOR = NO_BREAK_SPACE;

/**
 * Digits only, as the Academy writes them: four digits together ("3729", as the Ortografía asks),
 * from five digits grouped by threes with a no-break space ("154 000", "1 529 812").
 */
export function writeSpacedFigure(value: number): string {
  const digits = String(value);
  if (digits.length <= 4) return digits;
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return groups.join(GROUP_SEPARATOR);
}
