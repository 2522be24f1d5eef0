import type { DateRangeOptions } from '../phrasing.ts';
import { capitalizeFirst } from '../capitalize-first.ts';
import { checkDayListOrder } from '../check-date-order.ts';
import { parseIsoDate } from '../parse-iso-date.ts';
import { SPANISH_LOCALE, monthName } from './date-words.ts';

/**
 * Days in order: "10, 11 y 12 de marzo"; the month is written after the last day of each month
 * ("28 de febrero, 1 y 2 de marzo") and the year, when asked, after the last day of each year.
 * A single day: "10 de marzo".
 */
export function writeDayList(dates: readonly string[], options: DateRangeOptions = {}): string {
  const days = dates.map((date) => parseIsoDate(date));
  checkDayListOrder(days, dates);
  const year = options.year ?? 'never';
  const crossesYear = days.some((day) => day.year !== days[0]?.year);
  const showYear = year === 'always' || (year === 'auto' && crossesYear);
  const preposition = options.yearPreposition ?? 'de';
  const parts = days.map((day, index) => {
    const next = days[index + 1];
    let text = String(day.day);
    if (next === undefined || !next.hasSame(day, 'month')) text += ` de ${monthName(day)}`;
    if (showYear && (next === undefined || next.year !== day.year)) text += ` ${preposition} ${String(day.year)}`;
    return text;
  });
  const text = parts.length === 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} y ${parts.at(-1) ?? ''}`;
  return options.capitalize ? capitalizeFirst(text, SPANISH_LOCALE) : text;
}
