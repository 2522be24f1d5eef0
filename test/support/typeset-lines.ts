import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { findFigures } from '../../src/lang/index.ts';

const run = promisify(execFile);

/** A printed line: its words with their boxes, as `pdftotext -bbox-layout` gives them (points). */
export interface PrintedLine {
  readonly page: number;
  readonly xMin: number;
  readonly xMax: number;
  readonly height: number;
  readonly words: ReadonlyArray<{ readonly text: string; readonly xMin: number; readonly xMax: number }>;
}

/** `pdftotext -layout`: the text as laid out, one printed line per line, pages split by form feeds. */
export async function layoutText(pdfPath: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-'], { maxBuffer: 64 << 20 });
  return stdout;
}

/**
 * The units a line break splits in `pdftotext -layout` text: a figure (as the reader finds it, across
 * lines too: "197\nmil 144"), the bulletin number ("No.\n093/2023") and a day range ("24\nal 26").
 * Each is returned with its line break shown as "⏎".
 */
export function brokenUnits(layout: string): string[] {
  // Each printed line without the layout's indentation; a page break is a line break.
  const text = layout
    .split(/\r?\n|\f/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
  const figures = findFigures(text)
    .filter((figure) => figure.kind === 'cifra' || (figure.kind === 'identificador' && /\//.test(figure.text)))
    .map((figure) => figure.text);
  const ranges = [...text.matchAll(/\b\d{1,2}\s+(?:al|y\s+el|to)\s+\d{1,2}\b/gu)].map((match) => match[0]);
  return [...figures, ...ranges].filter((unit) => unit.includes('\n')).map((unit) => unit.replace(/\n/g, '⏎'));
}

/** Every printed line with its word boxes (`pdftotext -bbox-layout`). */
export async function printedLines(pdfPath: string): Promise<PrintedLine[]> {
  const { stdout } = await run('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', pdfPath, '-'], { maxBuffer: 64 << 20 });
  const lines: PrintedLine[] = [];
  let page = 0;
  for (const part of stdout.split(/<page\b/).slice(1)) {
    page += 1;
    for (const match of part.matchAll(
      /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g,
    )) {
      const words = [
        ...(match[5] ?? '').matchAll(
          /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g,
        ),
      ].map((word) => ({ text: unescapeXml(word[3] ?? ''), xMin: Number(word[1]), xMax: Number(word[2]) }));
      lines.push({
        page,
        xMin: Number(match[1]),
        xMax: Number(match[3]),
        height: Number(match[4]) - Number(match[2]),
        words,
      });
    }
  }
  return lines;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export interface WordGapReport {
  /** The width of a space as a share of the line's height: what unjustified lines show (median). */
  readonly space: number;
  /** Lines that reach the right edge of the text: the full lines of justified paragraphs. */
  readonly fullLines: number;
  /** The widest word gap of a full line, in spaces. */
  readonly worst: number;
  /** Full lines with a gap over `limit` spaces, with the gap and the words around it. */
  readonly over: ReadonlyArray<{ readonly page: number; readonly gap: number; readonly around: string }>;
}

/**
 * Word gaps of the justified lines, measured in spaces.
 *
 * - Gap: the distance between two word boxes on one line.
 * - Space: the font's own space, measured rather than assumed: the median gap of the lines that are
 *   not full (the last line of a paragraph, the headline, bullets, the dateline), which the browser or
 *   Word sets with plain spaces. It is taken relative to the line's height, so 16 pt headlines and
 *   11 pt text compare (the boxes' height is the font's ascent plus descent, proportional to its size).
 * - Full line: a line whose right end is within 1.5 pt of the right edge of the page's text (the
 *   widest line end on the page) and that has at least four words. A justified paragraph stretches
 *   exactly these; a ragged line that happens to reach the edge has plain spaces and passes.
 */
export function wordGaps(lines: readonly PrintedLine[], limit = 2): WordGapReport {
  const gapsOf = (line: PrintedLine): number[] =>
    line.words.slice(1).map((word, index) => (word.xMin - (line.words[index]?.xMax ?? word.xMin)) / line.height);
  const rightEdge = new Map<number, number>();
  for (const line of lines) rightEdge.set(line.page, Math.max(rightEdge.get(line.page) ?? 0, line.xMax));
  const isFull = (line: PrintedLine): boolean =>
    line.words.length >= 4 && (rightEdge.get(line.page) ?? 0) - line.xMax < 1.5;
  const ragged = lines
    .filter((line) => !isFull(line) && line.words.length >= 2)
    .flatMap(gapsOf)
    .sort((a, b) => a - b);
  const space = ragged[Math.floor(ragged.length / 2)] ?? Number.NaN;
  const full = lines.filter(isFull);
  let worst = 0;
  const over: Array<{ page: number; gap: number; around: string }> = [];
  for (const line of full) {
    const gaps = gapsOf(line).map((gap) => gap / space);
    const widest = Math.max(...gaps);
    worst = Math.max(worst, widest);
    if (widest > limit) {
      const at = gaps.indexOf(widest);
      const around = `${line.words[at]?.text ?? ''} ␣ ${line.words[at + 1]?.text ?? ''}`;
      over.push({ page: line.page, gap: Math.round(widest * 100) / 100, around });
    }
  }
  return { space, fullLines: full.length, worst, over };
}
