import { InputError } from '../errors.ts';
import { assertValidNumber, assertValidYear } from './output-path.ts';

export interface BulletinRef {
  readonly number: number;
  readonly year: number;
}

const refPattern = /^(?:no\.?\s*)?(\d{1,4})\s*\/\s*(\d{4})$/i;

/** Reads "93/2023", "093/2023" or "No. 093/2023". */
export function parseBulletinRef(text: string): BulletinRef {
  const match = refPattern.exec(text.trim());
  if (match === null) {
    throw new InputError(
      `«${text}» no es un número de boletín: escríbalo como NÚMERO/AÑO, por ejemplo 93/2023 o 093/2023.`,
    );
  }
  const number = Number(match[1]);
  const year = Number(match[2]);
  assertValidNumber(number);
  assertValidYear(year);
  return { number, year };
}
