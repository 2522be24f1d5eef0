import { PhrasingError } from '../errors.ts';
import { checkCount } from './check-count.ts';

/**
 * part/whole as a percentage in tenths, rounded half up, computed exactly with integers
 * (197144 / 163110 -> 1209, i.e. 120.9). Floating point would round 0.05 boundaries either way.
 */
export function percentTenths(part: number, whole: number): bigint {
  checkCount(part, 'La parte del porcentaje');
  checkCount(whole, 'El total del porcentaje');
  if (whole === 0) {
    throw new PhrasingError('No se puede calcular un porcentaje sobre un total de cero.');
  }
  const numerator = BigInt(part) * 1000n;
  const denominator = BigInt(whole);
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  const rounded = remainder * 2n >= denominator ? quotient + 1n : quotient;
  // Rounding must not change what the figure says: a goal missed by a hair is not "100 por ciento",
  // and something done is not "0 por ciento".
  if (part < whole && rounded >= 1000n) return 999n;
  if (part > 0 && rounded === 0n) return 1n;
  return rounded;
}

/** A published percentage in tenths (120.5 -> 1205n); it must have at most one decimal. */
export function givenTenths(value: number): bigint {
  const tenths = Math.round(value * 10);
  if (!Number.isFinite(value) || value < 0 || Math.abs(value * 10 - tenths) > 1e-9) {
    throw new PhrasingError(`El porcentaje «${String(value)}» no es un número positivo con a lo más un decimal.`);
  }
  return BigInt(tenths);
}

/** Tenths as press digits with a decimal point: 1209n -> "120.9", 1000n -> "100" (never "100.0"). */
export function tenthsText(tenths: bigint): string {
  const whole = tenths / 10n;
  const tenth = tenths % 10n;
  return tenth === 0n ? whole.toString() : `${whole.toString()}.${tenth.toString()}`;
}
