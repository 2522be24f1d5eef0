import type { DateTime } from 'luxon';

export const SPANISH_LOCALE = 'es-MX';

/** "febrero": month names in lower case, as Spanish writes them. */
export function monthName(date: DateTime): string {
  return date.setLocale(SPANISH_LOCALE).toFormat('LLLL');
}

/** "miércoles": weekday names in lower case. */
export function weekdayName(date: DateTime): string {
  return date.setLocale(SPANISH_LOCALE).toFormat('cccc');
}

/** "24 de febrero", with " de 2023" (or " del 2023") when asked. */
export function dayAndMonth(date: DateTime, withYear: boolean, yearPreposition: 'de' | 'del' = 'de'): string {
  const text = `${String(date.day)} de ${monthName(date)}`;
  return withYear ? `${text} ${yearPreposition} ${String(date.year)}` : text;
}
