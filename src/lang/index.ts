/**
 * The phrasing module: the only place where figures, percentages, dates, ordinals and lists become words.
 * Compose, templates and the CLI import from here.
 */
export { phrasingFor } from './phrasing-for.ts';
export type { PhrasingOptions } from './phrasing-options.ts';
export type {
  DateRangeOptions,
  FigureOptions,
  Gender,
  ListOptions,
  NounForms,
  OrdinalOptions,
  Phrasing,
} from './phrasing.ts';
export {
  DEFAULT_FIGURE_STYLE,
  FIGURE_STYLES,
  FIGURE_STYLE_REGISTRY,
  isFigureStyle,
  parseFigureStyle,
  type FigureStyleName,
} from './es/figure-styles.ts';
export { MAX_COUNT } from './check-count.ts';
export { readFigure } from './es/read-figure.ts';
export { findFigures, type FigureKind, type FoundFigure } from './es/find-figures.ts';
export { readEnglishFigure } from './en/read-figure.ts';
export { findEnglishFigures } from './en/find-figures.ts';
export { percentTenths } from './percent-tenths.ts';
export { NO_BREAK_SPACE, keepTogether, withPlainSpaces } from './no-break-space.ts';
