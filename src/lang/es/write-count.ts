import type { NounForms } from '../phrasing.ts';

/**
 * A written figure with its noun: "una cirugía", "3 mil 29 cirugías". A figure that ends in
 * "millón"/"millones" takes "de" before the noun, as Spanish asks: "un millón de consultas",
 * "13 mil millones de pesos" (but "un millón 529 mil 812 consultas").
 */
export function joinCount(figureText: string, value: number, noun: NounForms): string {
  const word = value === 1 ? noun.singular : noun.plural;
  return /millón$|millones$/.test(figureText) ? `${figureText} de ${word}` : `${figureText} ${word}`;
}
