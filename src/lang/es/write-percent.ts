import { keepTogether } from '../no-break-space.ts';
import { percentTenths, tenthsText } from '../percent-tenths.ts';

export interface SpanishPercentOptions {
  /** "120.9%" instead of "120.9 por ciento". */
  readonly sign?: boolean;
  /** Separator before "%": none as Mexican press writes it, a no-break space in the RAE style. */
  readonly signSpace?: string;
}

/**
 * part/whole as a bulletin writes it: "120.9 por ciento" (one unit, joined by no-break spaces), "100 por ciento" (never "100.0"); a point
 * as decimal separator, as Mexico writes it; one decimal, rounded half up.
 */
export function writePercent(part: number, whole: number, options: SpanishPercentOptions = {}): string {
  const digits = tenthsText(percentTenths(part, whole));
  return options.sign ? `${digits}${options.signSpace ?? ''}%` : keepTogether(digits, 'por', 'ciento');
}
