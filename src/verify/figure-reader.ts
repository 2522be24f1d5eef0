import { findEnglishFigures, findFigures, readEnglishFigure, readFigure, type FoundFigure } from '../lang/index.ts';

/** The phrasing module's reader for one language: finds the numbers of a paragraph and reads one figure. */
export interface FigureReader {
  readonly findFigures: (text: string) => FoundFigure[];
  readonly readFigure: (text: string) => number;
}

export function readerFor(lang: string): FigureReader {
  if (lang.startsWith('en')) return { findFigures: findEnglishFigures, readFigure: readEnglishFigure };
  return { findFigures, readFigure };
}
