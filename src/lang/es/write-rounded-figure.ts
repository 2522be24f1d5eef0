import { checkCount } from '../check-count.ts';
import { keepTogether } from '../no-break-space.ts';
import { tenthsText } from '../percent-tenths.ts';
import { FIGURE_STYLE_REGISTRY, type FigureStyleName } from './figure-styles.ts';
import { writeFigure } from './write-figure.ts';

const MILLION = 1_000_000;
const THOUSAND_MILLION = 1_000_000_000;

/**
 * A large figure rounded to one decimal for a headline: "16.1 millones", "un millón", "13.2 mil millones".
 * A whole result is the exact figure of that round value ("2 millones", "dos millones" in imss-letras).
 * Below a million nothing is rounded: the exact figure is written, so a template may call it for any value.
 */
export function writeRoundedFigure(value: number, style: FigureStyleName, millionInDigits = false): string {
  checkCount(value);
  if (value < MILLION) return writeFigure(value, style);
  const millionTenths = roundHalfUp(value, MILLION / 10);
  if (millionTenths < 10_000) return unitPhrase(millionTenths, MILLION, 'millones', style, millionInDigits);
  return unitPhrase(roundHalfUp(value, THOUSAND_MILLION / 10), THOUSAND_MILLION, 'mil millones', style, false);
}

function unitPhrase(
  tenths: number,
  unit: number,
  unitWords: string,
  style: FigureStyleName,
  millionInDigits: boolean,
): string {
  if (tenths % 10 !== 0) return keepTogether(tenthsText(BigInt(tenths)), ...unitWords.split(' '));
  const whole = tenths / 10;
  // 999,950,000,000 and up round to a Spanish "billón" (10^12), one past the largest count.
  if (unit === THOUSAND_MILLION && whole === 1000) return keepTogether('un', 'billón');
  if (FIGURE_STYLE_REGISTRY[style].grouping === 'space') {
    if (whole === 1) return unit === MILLION ? keepTogether('un', 'millón') : keepTogether('mil', 'millones');
    return keepTogether(String(whole), ...unitWords.split(' '));
  }
  return writeFigure(whole * unit, style, { millionInDigits });
}

function roundHalfUp(value: number, unit: number): number {
  const quotient = Math.floor(value / unit);
  return (value % unit) * 2 >= unit ? quotient + 1 : quotient;
}
