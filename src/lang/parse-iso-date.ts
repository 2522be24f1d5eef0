import { DateTime } from 'luxon';
import { PhrasingError } from '../errors.ts';

/** Every date of a bulletin is a day in Mexico City (no daylight saving since 2022; luxon knows the past). */
export const BULLETIN_ZONE = 'America/Mexico_City';

const calendarDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * Calendar days already read. A bulletin reads its few dates many times (each sentence, the verification),
 * and luxon works out the zone's offset through Intl on every read. A DateTime is immutable, so one can be
 * handed out again. Bounded, for a long-running scheduler.
 */
const calendarDays = new Map<string, DateTime>();
const MAX_CALENDAR_DAYS = 4096;

/**
 * Reads "2023-02-24" (a calendar day) or an ISO date-time with offset ("2021-09-01T20:23:00.000-06:00",
 * taken to Mexico City time). Only these forms: "24/02/2023" is refused with the fix spelled out,
 * because day-first and month-first cannot be told apart.
 */
export function parseIsoDate(text: string): DateTime {
  const value = typeof text === 'string' ? text.trim() : '';
  const calendar = calendarDate.exec(value);
  if (calendar !== null) {
    const known = calendarDays.get(value);
    if (known !== undefined) return known;
    const [, year, month, day] = calendar;
    const parsed = DateTime.fromObject(
      { year: Number(year), month: Number(month), day: Number(day) },
      { zone: BULLETIN_ZONE },
    );
    if (!parsed.isValid) throw new PhrasingError(explainImpossibleDate(value, Number(year), Number(month)));
    if (calendarDays.size >= MAX_CALENDAR_DAYS) calendarDays.clear();
    calendarDays.set(value, parsed);
    return parsed;
  }
  if (dateTime.test(value)) {
    const parsed = DateTime.fromISO(value, { zone: BULLETIN_ZONE });
    if (!parsed.isValid) throw new PhrasingError(`La fecha y hora «${value}» no existe.`);
    return parsed;
  }
  throw new PhrasingError(explainBadDateForm(String(text)));
}

function explainImpossibleDate(value: string, year: number, month: number): string {
  if (month < 1 || month > 12) return `La fecha «${value}» no existe: el mes debe ir de 01 a 12.`;
  const days = DateTime.fromObject({ year, month }, { zone: BULLETIN_ZONE }).daysInMonth ?? 31;
  return `La fecha «${value}» no existe: ese mes tiene ${String(days)} días.`;
}

function explainBadDateForm(value: string): string {
  const match = dayFirst.exec(value.trim());
  if (match !== null) {
    const [, day, month, year] = match;
    const iso = `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return `La fecha «${value}» no está en formato AAAA-MM-DD: escríbala así: ${iso} (año, mes, día).`;
  }
  return `«${value}» no es una fecha: escríbala en formato AAAA-MM-DD, por ejemplo 2023-02-24.`;
}
