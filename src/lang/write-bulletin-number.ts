import { PhrasingError } from '../errors.ts';
import { keepTogether } from './no-break-space.ts';

/** "No. 093/2023" (a no-break space after "No."): three digits, four from 1000; the same in every language. */
export function writeBulletinNumber(number: number, year: number): string {
  if (!Number.isInteger(number) || number < 1 || number > 9999) {
    throw new PhrasingError(`El número de boletín ${String(number)} no es válido: debe ser un entero de 1 a 9999.`);
  }
  if (!Number.isInteger(year) || year < 1900 || year > 2999) {
    throw new PhrasingError(`El año del boletín ${String(year)} no es válido: debe tener cuatro cifras (p. ej. 2023).`);
  }
  return keepTogether('No.', `${String(number).padStart(3, '0')}/${String(year)}`);
}
