import { givenTenths, percentTenths, tenthsText } from '../percent-tenths.ts';

export interface SpanishPercentOptions {
  /** "120.9%" instead of "120.9 por ciento". */
  readonly sign?: boolean;
  /** Separator before "%": none as Mexican press writes it, a no-break space in the RAE style. */
  readonly signSpace?: string;
}

/**
 * part/whole as a bulletin writes it: "120.9 por ciento", "100 por ciento" (never "100.0"); a point
 * as decimal separator, as Mexico writes it; one decimal, rounded half up.
 */
export function writePercent(part: number, whole: number, options: SpanishPercentOptions = {}): string {
  return percentWords(tenthsText(percentTenths(part, whole)), options);
}

/** A percentage as published: 120.5 -> "120.5 por ciento", 100 -> "100 por ciento". */
export function writeGivenPercent(value: number, options: SpanishPercentOptions = {}): string {
  return percentWords(tenthsText(givenTenths(value)), options);
}

function percentWords(digits: string, options: SpanishPercentOptions): string {
  return options.sign ? `${digits}${options.signSpace ?? ''}%` : `${digits} por ciento`;
}
