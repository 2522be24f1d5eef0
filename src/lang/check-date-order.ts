import type { DateTime } from 'luxon';
import { PhrasingError } from '../errors.ts';

/** A range must not end before it starts: a swapped pair in the data is an error, not a reversed range. */
export function checkRangeOrder(start: DateTime, end: DateTime, startText: string, endText: string): void {
  if (end < start) {
    throw new PhrasingError(`El periodo termina (${endText}) antes de empezar (${startText}): revise las fechas.`);
  }
}

/** The days of a list go in order, each once: "10, 11 y 12 de marzo". */
export function checkDayListOrder(days: readonly DateTime[], texts: readonly string[]): void {
  if (days.length === 0) throw new PhrasingError('La lista de días está vacía: indique al menos una fecha.');
  for (let index = 1; index < days.length; index += 1) {
    const previous = days[index - 1];
    const current = days[index];
    if (previous !== undefined && current !== undefined && current <= previous) {
      throw new PhrasingError(
        `Los días deben ir en orden y sin repetirse: «${texts[index] ?? ''}» va después de «${texts[index - 1] ?? ''}».`,
      );
    }
  }
}
