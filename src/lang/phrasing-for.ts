import { PhrasingError } from '../errors.ts';
import type { Phrasing } from './phrasing.ts';
import type { PhrasingOptions } from './phrasing-options.ts';
import { englishPhrasing } from './en/english-phrasing.ts';
import { DEFAULT_FIGURE_STYLE, parseFigureStyle } from './es/figure-styles.ts';
import { spanishPhrasing } from './es/spanish-phrasing.ts';

/**
 * The phrasing of one edition: its language and its figure style (a name from FIGURE_STYLES, `imss`
 * by default). An unknown style or language is a PhrasingError with a Spanish message.
 */
export function phrasingFor(lang: 'es' | 'en', style?: string, options: PhrasingOptions = {}): Phrasing {
  const styleName = style === undefined ? DEFAULT_FIGURE_STYLE : parseFigureStyle(style);
  if (lang === 'es') return spanishPhrasing(styleName, options);
  if (lang === 'en') return englishPhrasing(styleName, options);
  throw new PhrasingError(`El idioma «${String(lang)}» no existe: use «es» o «en».`);
}
