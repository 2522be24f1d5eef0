import { PhrasingError } from '../../errors.ts';
import { tokenizeFigures } from './figure-tokens.ts';
import { parseFigureAt } from './parse-figure-tokens.ts';

/**
 * Turns one figure as press phrasing writes it back into its number, in any of the styles:
 * "3 mil 729" -> 3729, "siete mil 309", "mil 283", "un"/"una"/"uno" -> 1, "154 000", "90 mil 034",
 * "1 millón 200 mil", "un millón 529 mil 812", "2 mil 92 millones", "16.1 millones",
 * "120.5 por ciento" / "120.5%" -> 120.5. Capitals are allowed ("Siete mil 309" opens a sentence).
 * Anything else, English separators included ("3,729"), is a PhrasingError.
 */
export function readFigure(text: string): number {
  const source = typeof text === 'string' ? text.trim() : '';
  const tokens = tokenizeFigures(source);
  const parsed = tokens.length === 0 ? null : parseFigureAt(tokens, 0, { strict: true });
  if (parsed !== null && parsed.next === tokens.length) return parsed.value;
  throw new PhrasingError(explainUnreadable(String(text)));
}

function explainUnreadable(text: string): string {
  if (/^\s*\d{1,3}(?:[,.]\d{3})+\s*$/.test(text)) {
    return `«${text}» lleva separador de miles: en el boletín se escribe «3 mil 729» (o «154 000» en el estilo rae).`;
  }
  return `«${text}» no es una cifra como las escribe el boletín (p. ej. «3 mil 729», «siete mil 309», «154 000», «120.9 por ciento»).`;
}
