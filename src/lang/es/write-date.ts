import { PhrasingError } from '../../errors.ts';
import { parseIsoDate } from '../parse-iso-date.ts';
import { dayAndMonth, weekdayName } from './date-words.ts';

/** A single date with its year: "24 de febrero de 2023". */
export function writeDate(date: string): string {
  return dayAndMonth(parseIsoDate(date), true);
}

/** The dateline: "Ciudad de México, miércoles 1 de marzo de 2023". */
export function writeDateline(place: string, date: string): string {
  const day = parseIsoDate(date);
  return `${checkPlace(place)}, ${weekdayName(day)} ${dayAndMonth(day, true)}`;
}

function checkPlace(place: string): string {
  const trimmed = typeof place === 'string' ? place.trim() : '';
  if (trimmed === '') throw new PhrasingError('Falta el lugar de la fecha del boletín (p. ej. «Ciudad de México»).');
  return trimmed;
}
