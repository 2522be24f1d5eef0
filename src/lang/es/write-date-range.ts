import type { DateTime } from 'luxon';
import type { DateRangeOptions } from '../phrasing.ts';
import { capitalizeFirst } from '../capitalize-first.ts';
import { checkRangeOrder } from '../check-date-order.ts';
import { parseIsoDate } from '../parse-iso-date.ts';
import { SPANISH_LOCALE, dayAndMonth } from './date-words.ts';
import { writeDayList } from './write-day-list.ts';

/**
 * "del 24 al 26 de febrero", "del 31 de mayo al 6 de junio", across years
 * "del 30 de diciembre de 2022 al 2 de enero de 2023" (year "auto" or "always"); one day: "el 24 de febrero".
 * Two consecutive days: "los días 30 y 31 de octubre". The "between" wording: "entre el 31 de mayo y el 6 de junio".
 */
export function writeDateRange(start: string, end: string, options: DateRangeOptions = {}): string {
  const from = parseIsoDate(start);
  const to = parseIsoDate(end);
  checkRangeOrder(from, to, start, end);
  const text = rangeText(from, to, options);
  return options.capitalize ? capitalizeFirst(text, SPANISH_LOCALE) : text;
}

function rangeText(from: DateTime, to: DateTime, options: DateRangeOptions): string {
  const year = options.year ?? 'never';
  const preposition = options.yearPreposition ?? 'de';
  const crossesYear = from.year !== to.year;
  const endYear = year === 'always' || (year === 'auto' && crossesYear);
  const startYear = crossesYear && endYear;
  const [opening, middle] = options.wording === 'between' ? ['entre el', 'y el'] : ['del', 'al'];
  if (from.hasSame(to, 'day')) return `el ${dayAndMonth(to, endYear, preposition)}`;
  // Two days in a row of one month are named, not spanned: "los días 30 y 31 de octubre", never "del 30 al 31".
  if (options.wording !== 'between' && from.hasSame(to, 'month') && from.plus({ days: 1 }).hasSame(to, 'day')) {
    return `los días ${writeDayList([from.toISODate() ?? '', to.toISODate() ?? ''], { ...options, capitalize: false })}`;
  }
  const startText = from.hasSame(to, 'month') ? String(from.day) : dayAndMonth(from, startYear, preposition);
  return `${opening} ${startText} ${middle} ${dayAndMonth(to, endYear, preposition)}`;
}
