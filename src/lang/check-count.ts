import { PhrasingError } from '../errors.ts';

/** The largest count the module writes: 999 mil 999 millones 999 mil 999. */
export const MAX_COUNT = 999_999_999_999;

/**
 * A count is a whole number from 0 to MAX_COUNT. Anything else is a data error upstream, so it is
 * refused loudly rather than written approximately.
 */
export function checkCount(value: number, what = 'La cifra'): number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new PhrasingError(`${what} no es un número (${String(value)}): revise el dato de origen.`);
  }
  if (!Number.isFinite(value)) {
    throw new PhrasingError(`${what} es infinita (${String(value)}): revise el dato de origen.`);
  }
  if (value < 0) {
    throw new PhrasingError(`${what} ${String(value)} es negativa: un conteo no puede ser menor que cero.`);
  }
  if (!Number.isInteger(value)) {
    throw new PhrasingError(`${what} ${String(value)} tiene decimales: un conteo debe ser un número entero.`);
  }
  if (value > MAX_COUNT) {
    throw new PhrasingError(
      `${what} ${String(value)} pasa del máximo que se escribe (999 mil 999 millones 999 mil 999).`,
    );
  }
  return value;
}
