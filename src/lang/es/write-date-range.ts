import type { DateTime } from 'luxon';
import type { DateRangeOptions } from '../phrasing.ts';
import { capitalizeFirst } from '../capitalize-first.ts';
import { checkRangeOrder } from '../check-date-order.ts';
import { keepTogether } from '../no-break-space.ts';
import { parseIsoDate } from '../parse-iso-date.ts';
import { SPANISH_LOCALE, dayAndMonth } from './date-words.ts';
import { writeDayList } from './write-day-list.ts';

/**
 * "del 24 al 26 de febrero", "del 31 de mayo al 6 de junio", across years
 * "del 30 de diciembre de 2022 al 2 de enero de 2023" (year "auto" or "always"); one day: "el 24 de febrero".
 * Two consecutive days: "los días 30 y 31 de octubre". The "between" wording: "entre el 31 de mayo y el 6 de junio".
 * Within one month the days of a range are joined by no-break spaces ("24 al 26"), so a line never ends between them.
 */
export function writeDateRange(start: string, end: string, options: DateRangeOptions = {}): string {
  const key = `${start}\u0000${end}\u0000${JSON.stringify(options)}`;
  const known = written.get(key);
  if (known !== undefined) return known;
  const from = parseIsoDate(start);
  const to = parseIsoDate(end);
  checkRangeOrder(from, to, start, end);
  const text = rangeText(from, to, options);
  const result = options.capitalize ? capitalizeFirst(text, SPANISH_LOCALE) : text;
  if (written.size >= MAX_WRITTEN) written.clear();
  written.set(key, result);
  return result;
}

/**
 * Ranges already written. A bulletin names its jornada's range in several sentences and its verification
 * reads them again, and luxon's zoned arithmetic (same day? same month?) is the costly part of phrasing a
 * bulletin. Bounded, for a long-running scheduler; a range that fails its checks is never kept.
 */
const written = new Map<string, string>();
const MAX_WRITTEN = 4096;

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
  if (from.hasSame(to, 'month')) {
    // "24 al 26" (or "24 y el 26") is one unit on the page: no line breaks inside it.
    const days = keepTogether(String(from.day), ...middle.split(' '), String(to.day));
    return `${opening} ${days}${dayAndMonth(to, endYear, preposition).slice(String(to.day).length)}`;
  }
  return `${opening} ${dayAndMonth(from, startYear, preposition)} ${middle} ${dayAndMonth(to, endYear, preposition)}`;
}
