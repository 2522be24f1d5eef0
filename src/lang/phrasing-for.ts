import { PhrasingError } from '../errors.ts';
import type { Phrasing } from './phrasing.ts';
import type { PhrasingOptions } from './phrasing-options.ts';
import { englishPhrasing } from './en/english-phrasing.ts';
import { DEFAULT_FIGURE_STYLE, parseFigureStyle } from './es/figure-styles.ts';
import { spanishPhrasing } from './es/spanish-phrasing.ts';

/**
 * The phrasing of one edition: its language and its figure style (a name from FIGURE_STYLES, `imss`
 * by default). An unknown style or language is a PhrasingError with a Spanish message.
 *
 * The same choices give the same object: a phrasing holds no state, and the composer keeps one compiled
 * template engine per phrasing, so a batch whose bulletins each asked anew compiled the templates again
 * for every bulletin (most of a batch's composing time).
 */
export function phrasingFor(lang: 'es' | 'en', style?: string, options: PhrasingOptions = {}): Phrasing {
  const styleName = style === undefined ? DEFAULT_FIGURE_STYLE : parseFigureStyle(style);
  if (lang !== 'es' && lang !== 'en') {
    throw new PhrasingError(`El idioma «${String(lang)}» no existe: use «es» o «en».`);
  }
  const key = [
    lang,
    styleName,
    options.percentSign === true,
    options.millionInDigits === true,
    options.padGroups === true,
    options.serialComma === true,
  ].join('|');
  let phrasing = made.get(key);
  if (phrasing === undefined) {
    phrasing = lang === 'es' ? spanishPhrasing(styleName, options) : englishPhrasing(styleName, options);
    made.set(key, phrasing);
  }
  return phrasing;
}

/** Every phrasing made, by its choices: a few dozen at most (styles × four switches × two languages). */
const made = new Map<string, Phrasing>();
