import { checkCount } from '../check-count.ts';
import { keepTogether } from '../no-break-space.ts';
import { tenthsText } from '../percent-tenths.ts';
import { writeEnglishFigure } from './write-figure.ts';

/** "16.1 million", "1 million", "13.2 billion" (no-break spaces); below a million, the exact figure. */
export function writeEnglishRoundedFigure(value: number): string {
  checkCount(value);
  if (value < 1_000_000) return writeEnglishFigure(value);
  const millionTenths = roundHalfUp(value, 100_000);
  if (millionTenths < 10_000) return keepTogether(tenthsText(BigInt(millionTenths)), 'million');
  const billionTenths = roundHalfUp(value, 100_000_000);
  return billionTenths === 10_000
    ? keepTogether('1', 'trillion')
    : keepTogether(tenthsText(BigInt(billionTenths)), 'billion');
}

function roundHalfUp(value: number, unit: number): number {
  const quotient = Math.floor(value / unit);
  return (value % unit) * 2 >= unit ? quotient + 1 : quotient;
}
