/**
 * What a number in a paragraph is:
 * - "cifra": a figure (count, percentage) that must come from the jornada's data.
 * - "fecha": a day or a year of a date ("del 24 al 26 de febrero", "10, 11 y 12 de marzo", "este 2021").
 * - "identificador": a number that names something: "No. 093/2023", "No. 25", "Hospital General de Zona 33",
 *   "COVID 19".
 */
export type FigureKind = 'cifra' | 'fecha' | 'identificador';

export interface FoundFigure {
  readonly value: number;
  /** The figure as written, e.g. "3 mil 729", "120.5 por ciento", "No. 093/2023". */
  readonly text: string;
  /** Positions in the paragraph: text === paragraph.slice(start, end). */
  readonly start: number;
  readonly end: number;
  readonly percent: boolean;
  readonly kind: FigureKind;
}

/** A stretch of a paragraph, [start, end), where numbers are not read as figures. */
export type Span = readonly [number, number];

/**
 * The first step of finding figures, in either language: the bulletin and unit numbers ("No. 093/2023",
 * "No. 25") are identifiers, and they, web addresses and ISO dates (`notProse`) are spans where no
 * figure is read afterwards. `numberSign` captures the number and, optionally, the year.
 */
export function identifiersAndSkippedSpans(
  paragraph: string,
  numberSign: RegExp,
  notProse: RegExp,
): { identifiers: FoundFigure[]; skipped: Span[] } {
  const identifiers: FoundFigure[] = [];
  const skipped: Span[] = [];
  for (const match of paragraph.matchAll(numberSign)) {
    const end = match.index + match[0].length;
    identifiers.push({
      value: Number(match[1]),
      text: match[0],
      start: match.index,
      end,
      percent: false,
      kind: 'identificador',
    });
    skipped.push([match.index, end]);
  }
  for (const match of paragraph.matchAll(notProse)) skipped.push([match.index, match.index + match[0].length]);
  return { identifiers, skipped };
}

export function inSpans(position: number, spans: readonly Span[]): boolean {
  return spans.some(([start, end]) => position >= start && position < end);
}
