/**
 * Spanish changes its conjunction by the sound that follows (RAE):
 * - "y" becomes "e" before the vowel sound /i/: "Cardiología e Infectología", "Diabetes Mellitus e
 *   Hipertensión", but not before "hie-", "hia-" (a consonant sound: "agua y hielo") nor "y-" ("y Yucatán").
 * - "o" becomes "u" before the sound /o/: "siete u ocho", "Salpingoclasias u Obstrucciones", "mujeres u
 *   hombres", and before figures read with /o/: "7 u 8", "10 u 11", "u 80 mil".
 */
export function andBefore(next: string): 'y' | 'e' {
  const word = leadingText(next);
  return /^h?(?:í|i(?![aeouáéóú]))/.test(word) ? 'e' : 'y';
}

export function orBefore(next: string): 'o' | 'u' {
  const word = leadingText(next);
  if (/^h?[oó]/.test(word)) return 'u';
  const digits = /^(\d+)/.exec(word)?.[1];
  return digits !== undefined && figureSoundsLikeO(digits) ? 'u' : 'o';
}

/** The item's first word, lower case, without opening quotes or brackets. */
function leadingText(item: string): string {
  return item.replace(/^[\s"'“‘«¿¡([{]+/u, '').toLocaleLowerCase('es-MX');
}

/**
 * Whether a figure written with digits is read starting with /o/: 8 (ocho), 80-89 (ochenta...),
 * 800-899 (ochocientos...), 11 (once). Only its first group of three is read first: "8 mil", "11 000",
 * "8500" (ocho mil quinientos), but not "1100" (mil cien).
 */
function figureSoundsLikeO(digits: string): boolean {
  const head = digits.length > 3 ? digits.slice(0, digits.length % 3 || 3) : digits;
  return head.startsWith('8') || head === '11';
}
