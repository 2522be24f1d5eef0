/**
 * Writes src/render/text/font-widths.ts: the advance of every Latin-1 character (and the few others
 * a bulletin prints) in Helvetica and Helvetica Bold, whose metrics Liberation Sans shares, at 1000
 * units per em, from the AFM data pdf-lib carries. A table in the source keeps pdf-lib out of the HTML
 * and DOCX renderers, which only need these numbers (test/unit/cli/startup-modules.test.ts).
 * Run: node scripts/font-widths.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StandardFontEmbedder, StandardFonts } from '@cantoo/pdf-lib';

const EXTRA = '\u2018\u2019\u201C\u201D\u2013\u2014\u2026\u2022\u20AC\u2011';
const chars = [...Array.from({ length: 256 - 32 }, (_, index) => String.fromCodePoint(index + 32)), ...EXTRA].filter(
  (char) => !/[\u007F-\u009F]/.test(char),
);
const table = (font: StandardFonts): Record<string, number> => {
  const embedder = StandardFontEmbedder.for(font as never);
  const widths: Record<string, number> = {};
  for (const char of chars) {
    try {
      widths[char] = embedder.widthOfTextAtSize(char, 1000);
    } catch {
      // Not in the font: the reader counts it as an "n".
    }
  }
  return widths;
};
const body = [
  '// Written by scripts/font-widths.ts from the Helvetica AFM data in pdf-lib; do not edit by hand.',
  '',
  '/** Advances at 1000 units per em, by character: regular. */',
  `export const REGULAR_WIDTHS: Readonly<Record<string, number>> = ${JSON.stringify(table(StandardFonts.Helvetica))};`,
  '',
  '/** Advances at 1000 units per em, by character: bold. */',
  `export const BOLD_WIDTHS: Readonly<Record<string, number>> = ${JSON.stringify(table(StandardFonts.HelveticaBold))};`,
  '',
].join('\n');
writeFileSync(join(import.meta.dirname, '..', 'src', 'render', 'text', 'font-widths.ts'), body);
