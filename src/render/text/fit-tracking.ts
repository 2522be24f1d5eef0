import type { Inline } from '../../model/bulletin-document.ts';
import { BOLD_WIDTHS, REGULAR_WIDTHS } from './font-widths.ts';
import { SOFT_HYPHEN, hyphenate } from './hyphenate.ts';
import { textRuns } from './text-runs.ts';

/**
 * Paragraph tracking: the letter-spacing a justified paragraph gets so that no full line of it is
 * stretched past what reads as one text. It is what a typesetter does with a loose paragraph
 * (InDesign's letter-spacing range, pdfTeX's font expansion): the words stay, the breaks stay
 * greedy, and a spacing a hair tighter or looser makes a unit that did not fit ("4 mil 803", which
 * never breaks) fit, or moves a word down.
 *
 * Chromium and LibreOffice both break lines first-fit, at spaces and soft hyphens, so the lines are
 * foreseen here with the font's widths: Liberation Sans, the type of every format, has the metrics
 * of Helvetica, whose widths font-widths.ts holds (written from pdf-lib's AFM data). The figure is for the printed
 * column (the PDF's and the DOCX's text width); a screen reflows, and a tracking this small does not
 * show there.
 */

/** The body's type size, in points (estilo.css body, the DOCX's Normal style). */
const BODY_SIZE_PT = 11;

/**
 * The printed column of each renderer, as measured on the samples' full lines: the text width is
 * 8.5 in less two 0.9 in margins (estilo.css, PAGE in the DOCX), 482.4 pt, which LibreOffice fills
 * with the font's widths exactly; Chromium's PDF comes out 483.0 pt wide with its glyphs 0.06%
 * narrower. Chromium stretches every space of a justified line, no-break ones too; LibreOffice
 * (7.4) only the breakable ones, so a line of figures is looser there. Chromium applies a tracking
 * exactly; LibreOffice rounds it per character to its layout grid, and on the samples a word came
 * out between half of it and all of it, so both ends are looked at.
 */
const RENDERERS = [
  { column: 482.4, scale: 1, stretchesNoBreakSpaces: false, trackingShares: [0.5, 0.75, 1] },
  { column: 483.0, scale: 0.9994, stretchesNoBreakSpaces: true, trackingShares: [1] },
] as const;

/**
 * How far the lines foreseen here may be off, in points of column: a word that fits by less may go
 * either way in a renderer, so both ways are looked at.
 */
const TOLERANCE_PT = 0.4;

/**
 * The trackings a paragraph may get, in steps of TRACKING_STEP_PT: from 0.15 pt tighter (1.4% of
 * the 11 pt em) to 0.1 pt looser. Within this range a paragraph's colour does not differ from its
 * neighbours'. A step is one twentieth of a point, the unit of the DOCX's character spacing, so
 * both formats get exactly the tracking foreseen here.
 */
export const TRACKING_STEP_PT = 0.05;
const TRACKING_STEPS = [0, -1, 1, -2, 2, -3] as const;

/**
 * A paragraph whose full lines keep their word gaps under this many spaces is left alone. Below
 * the house limit of two spaces by a margin, for the widths here are the font's and the renderers
 * round theirs.
 */
const LOOSE_GAP = 1.8;

/** The tracking of a justified paragraph, in steps of TRACKING_STEP_PT (0 for most paragraphs). */
export function paragraphTrackingSteps(inlines: readonly Inline[], lang: string): number {
  // The HTML, the PDF's page and the DOCX ask for the same paragraph: it is worked out once.
  const key = `${lang}\u0000${textRuns(inlines)
    .map((run) => `${run.bold ? 'b' : 'r'}${run.link === undefined ? '' : 'l'}${run.text}`)
    .join('\u0001')}`;
  const known = decided.get(key);
  if (known !== undefined) return known;
  const pieces = piecesOf(inlines, lang);
  // A character the body's font lacks (an emoji) is drawn from a fallback font whose width is not
  // foreseen here: such a paragraph is left as it is rather than tracked on a guess.
  const steps = pieces.every(inBodyFont) ? trackingSteps(pieces) : 0;
  if (decided.size >= DECIDED_LIMIT) decided.clear();
  decided.set(key, steps);
  return steps;
}

/** Paragraphs already decided, by their text; bounded, as a long-running portal renders without end. */
const decided = new Map<string, number>();
const DECIDED_LIMIT = 4096;

function trackingSteps(pieces: readonly Piece[]): number {
  const plain = worstGap(pieces, 0);
  if (plain <= LOOSE_GAP) return 0;
  let best = 0;
  let bestGap = plain;
  for (const steps of TRACKING_STEPS) {
    const gap = worstGap(pieces, steps * TRACKING_STEP_PT);
    // The steps are listed by size: a tie keeps the smaller change.
    if (gap < bestGap - 0.01) {
      best = steps;
      bestGap = gap;
    }
  }
  return best;
}

export interface Piece {
  readonly text: string;
  readonly bold: boolean;
}

/** The paragraph's text as the renderers set it: whitespace collapsed, soft hyphens in (not in a link). */
export function piecesOf(inlines: readonly Inline[], lang: string): Piece[] {
  return textRuns(inlines).map((run) => ({
    text: run.link === undefined ? hyphenate(run.text, lang) : run.text,
    bold: run.bold,
  }));
}

/**
 * The widest word gap of the paragraph's full lines with a tracking (points added to every
 * character), in spaces of the untracked type: the worst of both renderers, each with its column a
 * little narrower and wider.
 */
export function worstGap(pieces: readonly Piece[], tracking: number): number {
  const space = advance(' ', false);
  // The characters and their widths are read once; each renderer, tracking share and slack breaks them.
  const glyphs = glyphsOf(pieces);
  let worst = 0;
  for (const renderer of RENDERERS) {
    for (const share of tracking === 0 ? [1] : renderer.trackingShares) {
      for (const slack of [-TOLERANCE_PT, 0, TOLERANCE_PT]) {
        const column = renderer.column / renderer.scale + slack;
        // The last line is not justified.
        for (const line of breakGlyphs(glyphs, tracking * share, column).slice(0, -1)) {
          const stretched = line.spaces + (renderer.stretchesNoBreakSpaces ? line.noBreakSpaces : 0);
          if (stretched === 0) continue;
          // The renderer stretches to its own column, not to the tolerance's.
          const leftover = renderer.column / renderer.scale - line.width;
          worst = Math.max(worst, (space + tracking * share + Math.max(0, leftover) / stretched) / space);
        }
      }
    }
  }
  return worst;
}

export interface Line {
  /** Points, tracking included; a line broken at a soft hyphen includes its printed hyphen. */
  readonly width: number;
  readonly spaces: number;
  readonly noBreakSpaces: number;
}

/** A paragraph's characters and their untracked advances (a soft hyphen takes none until it breaks). */
interface Glyphs {
  readonly chars: readonly string[];
  readonly widths: Float64Array;
}

function glyphsOf(pieces: readonly Piece[]): Glyphs {
  const chars: string[] = [];
  const widths: number[] = [];
  for (const piece of pieces) {
    for (const char of piece.text) {
      chars.push(char);
      widths.push(char === SOFT_HYPHEN ? 0 : advance(char, piece.bold));
    }
  }
  return { chars, widths: Float64Array.from(widths) };
}

/**
 * First-fit lines, as Chromium and LibreOffice make them: a line takes every word that fits and
 * breaks at the last space or soft hyphen that keeps it within the column (a soft hyphen break
 * prints a hyphen).
 */
export function breakLines(pieces: readonly Piece[], tracking: number, column: number): Line[] {
  return breakGlyphs(glyphsOf(pieces), tracking, column);
}

function breakGlyphs({ chars, widths }: Glyphs, tracking: number, column: number): Line[] {
  const hyphen = advance('-', false) + tracking;
  const lines: Line[] = [];
  let start = 0;
  while (start < chars.length) {
    let width = 0;
    let lastBreak: { end: number; next: number; width: number } | undefined;
    let index = start;
    for (; index < chars.length; index += 1) {
      const char = chars[index];
      if (char === ' ' && width <= column) lastBreak = { end: index, next: index + 1, width };
      if (char === SOFT_HYPHEN) {
        if (width + hyphen <= column) lastBreak = { end: index, next: index + 1, width: width + hyphen };
      } else {
        width += (widths[index] ?? 0) + tracking;
      }
      if (width > column && char !== ' ' && lastBreak !== undefined) break;
    }
    if (index >= chars.length && width <= column) {
      lines.push(count(chars, start, chars.length, width));
      break;
    }
    const end = lastBreak ?? { end: index, next: index, width };
    lines.push(count(chars, start, end.end, end.width));
    start = end.next;
  }
  return lines;
}

function count(chars: readonly string[], from: number, to: number, width: number): Line {
  let spaces = 0;
  let noBreakSpaces = 0;
  for (let index = from; index < to; index += 1) {
    if (chars[index] === ' ') spaces += 1;
    else if (chars[index] === '\u00A0') noBreakSpaces += 1;
  }
  return { width, spaces, noBreakSpaces };
}

/** Whether every character of the piece has its width in the body's font (soft hyphens take none). */
function inBodyFont(piece: Piece): boolean {
  const table = piece.bold ? BOLD_WIDTHS : REGULAR_WIDTHS;
  for (const char of piece.text) if (char !== SOFT_HYPHEN && table[char] === undefined) return false;
  return true;
}

/** A character's advance at the body size, in points; one the font has no width for counts as an "n". */
function advance(char: string, bold: boolean): number {
  const table = bold ? BOLD_WIDTHS : REGULAR_WIDTHS;
  return ((table[char] ?? table['n'] ?? 556) * BODY_SIZE_PT) / 1000;
}
