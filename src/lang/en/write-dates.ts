import type { DateTime } from 'luxon';
import type { DateRangeOptions } from '../phrasing.ts';
import { checkDayListOrder, checkRangeOrder } from '../check-date-order.ts';
import { parseIsoDate } from '../parse-iso-date.ts';
import { PhrasingError } from '../../errors.ts';
import { keepTogether } from '../no-break-space.ts';
import { writeEnglishList } from './write-list.ts';

const LOCALE = 'en-US';

function monthDay(date: DateTime): string {
  return `${date.setLocale(LOCALE).toFormat('LLLL')} ${String(date.day)}`;
}

/** "December 17 to 19", "May 31 to June 6", "December 30, 2022 to January 2, 2023"; "between X and Y". */
export function writeEnglishDateRange(start: string, end: string, options: DateRangeOptions = {}): string {
  const from = parseIsoDate(start);
  const to = parseIsoDate(end);
  checkRangeOrder(from, to, start, end);
  const year = options.year ?? 'never';
  const crossesYear = from.year !== to.year;
  const endYear = year === 'always' || (year === 'auto' && crossesYear);
  const yearText = endYear ? `, ${String(to.year)}` : '';
  const [opening, middle] = options.wording === 'between' ? ['between ', ' and '] : ['', ' to '];
  let text: string;
  if (from.hasSame(to, 'day')) text = `${monthDay(to)}${yearText}`;
  else if (from.hasSame(to, 'month')) {
    // "17 to 19" stays on one line, as in the Spanish edition.
    const days = keepTogether(String(from.day), ...middle.trim().split(' '), String(to.day));
    text = `${opening}${from.setLocale(LOCALE).toFormat('LLLL')} ${days}${yearText}`;
  } else {
    const startYear = crossesYear && endYear ? `, ${String(from.year)}` : '';
    text = `${opening}${monthDay(from)}${startYear}${middle}${monthDay(to)}${yearText}`;
  }
  return options.capitalize ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** "March 10, 11 and 12"; across months "February 28, March 1 and 2"; the year after each year's last day. */
export function writeEnglishDayList(
  dates: readonly string[],
  options: DateRangeOptions = {},
  serialComma = false,
): string {
  const days = dates.map((date) => parseIsoDate(date));
  checkDayListOrder(days, dates);
  const year = options.year ?? 'never';
  const showYear = year === 'always' || (year === 'auto' && days.some((day) => day.year !== days[0]?.year));
  const parts = days.map((day, index) => {
    const previous = days[index - 1];
    const next = days[index + 1];
    let text = previous !== undefined && previous.hasSame(day, 'month') ? String(day.day) : monthDay(day);
    if (showYear && (next === undefined || next.year !== day.year)) text += `, ${String(day.year)}`;
    return text;
  });
  return writeEnglishList(parts, {}, serialComma);
}

/** "February 24, 2023". */
export function writeEnglishDate(date: string): string {
  const day = parseIsoDate(date);
  return `${monthDay(day)}, ${String(day.year)}`;
}

/** "Mexico City, Wednesday, March 1, 2023". */
export function writeEnglishDateline(place: string, date: string): string {
  const trimmed = typeof place === 'string' ? place.trim() : '';
  if (trimmed === '') throw new PhrasingError('Falta el lugar de la fecha del boletín (p. ej. «Mexico City»).');
  const day = parseIsoDate(date);
  return `${trimmed}, ${day.setLocale(LOCALE).toFormat('cccc')}, ${writeEnglishDate(date)}`;
}
