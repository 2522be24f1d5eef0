import type { FigureOptions } from '../phrasing.ts';
import { checkCount } from '../check-count.ts';
import { FIGURE_STYLE_REGISTRY, type FigureStyleName } from './figure-styles.ts';
import { smallNumberWord } from './small-number-words.ts';
import { writeMilFigure } from './write-mil-figure.ts';
import { writeSpacedFigure } from './write-spaced-figure.ts';

export interface SpanishFigureOptions extends FigureOptions {
  /** "1 millón" instead of "un millón". */
  readonly millionInDigits?: boolean;
  /** The groups after "mil"/"millón" keep three digits ("90 mil 034"), whatever the style says. */
  readonly padGroups?: boolean;
}

/**
 * A count as a Spanish bulletin writes it, in the given style: "ocho", "958", "mil 283", "3 mil 729",
 * "un millón 529 mil 812", "2 mil 92 millones". Throws PhrasingError for anything that is not a count.
 */
export function writeFigure(value: number, styleName: FigureStyleName, options: SpanishFigureOptions = {}): string {
  checkCount(value);
  const registered = FIGURE_STYLE_REGISTRY[styleName];
  const style = options.padGroups === true ? { ...registered, padGroups: true } : registered;
  const gender = options.gender ?? 'm';
  const pronoun = options.pronoun ?? false;
  if (value === 1) return smallNumberWord(1, gender, pronoun);
  if (value < 10) return style.smallNumbers === 'words' ? smallNumberWord(value, gender, pronoun) : String(value);
  if (style.grouping === 'space') return writeSpacedFigure(value);
  return writeMilFigure(value, style, options.millionInDigits ?? false);
}
