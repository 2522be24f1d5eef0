import type { Jornada } from '../dataset/schema.ts';
import { type FigureItem, figureItems } from './figure-item.ts';

/** The totals a social card leads with, in this order when the jornada reports them. */
const CARD_PREFERENCE = ['consultas', 'cirugias', 'detecciones', 'trasplantes', 'donacion-cadaverica'] as const;
const CARD_SIZE = 3;

/**
 * The jornada's three headline figures for the social card: the totals above in that order, then the
 * largest other national figures, so a jornada that reports only parts still fills its card.
 */
export function cardFigures(jornada: Jornada, order: (ids: Iterable<string>) => string[]): FigureItem[] {
  const all = figureItems(jornada.cifras, 'cifras', order);
  const preferred = CARD_PREFERENCE.flatMap((id) => all.filter((item) => item.id === id));
  const rest = all.filter((item) => !preferred.includes(item)).sort((a, b) => b.valor - a.valor);
  return [...preferred, ...rest].slice(0, CARD_SIZE);
}
