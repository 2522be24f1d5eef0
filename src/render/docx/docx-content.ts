import {
  ExternalHyperlink,
  HeadingLevel,
  NoBreakHyphen,
  Paragraph,
  SoftHyphen,
  TextRun,
  type ParagraphChild,
} from 'docx';
import type { Block, Inline } from '../../model/bulletin-document.ts';
import { paragraphTrackingSteps } from '../text/fit-tracking.ts';
import { SOFT_HYPHEN, hyphenate } from '../text/hyphenate.ts';
import { textRuns, type TextRun as PlainRun } from '../text/text-runs.ts';
import { BULLETS, StyleId } from './docx-styles.ts';

/**
 * Inline content as Word runs: bold, italics and hyperlinks, with whitespace collapsed as the HTML
 * shows it, so every format carries the same words. With `hyphenateAs` (a justified paragraph's
 * language) words get the same soft hyphens as the HTML; a link's text does not.
 */
export function inlinesToRuns(inlines: readonly Inline[], hyphenateAs?: string): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  const runs = textRuns(inlines);
  // A justified paragraph's tracking, in twentieths of a point: the unit of fit-tracking.ts's steps.
  const tracking = hyphenateAs === undefined ? 0 : paragraphTrackingSteps(inlines, hyphenateAs);
  for (let index = 0; index < runs.length;) {
    const run = runs[index] as PlainRun;
    if (run.link === undefined) {
      const text = hyphenateAs === undefined ? run.text : hyphenate(run.text, hyphenateAs);
      children.push(toTextRun({ ...run, text }, undefined, tracking));
      index += 1;
      continue;
    }
    // Consecutive runs of one link become one hyperlink.
    const linked: TextRun[] = [];
    while (index < runs.length && runs[index]?.link === run.link) {
      linked.push(toTextRun(runs[index] as PlainRun, StyleId.hyperlink, tracking));
      index += 1;
    }
    children.push(new ExternalHyperlink({ link: run.link.href, children: linked }));
  }
  return children;
}

function toTextRun(run: PlainRun, style?: string, tracking = 0): TextRun {
  return new TextRun({
    children: style === undefined ? wordChildren(run.text) : [run.text],
    ...(run.bold ? { bold: true } : {}),
    ...(run.italic ? { italics: true } : {}),
    ...(style === undefined ? {} : { style }),
    ...(tracking === 0 ? {} : { characterSpacing: tracking }),
  });
}

/** A run of plain text (the headline) with the same hyphen rules as the content. */
export function plainTextRun(text: string): TextRun {
  return new TextRun({ children: wordChildren(text) });
}

/** A hyphen between two letters or digits, or a soft hyphen: where a run's text splits into pieces. */
const WORD_BREAKS = /((?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}])|\u00AD)/u;

/**
 * The text of a run as Word pieces: a hyphen inside a word ("COVID-19", "crónico-degenerativas")
 * becomes Word's no-break hyphen, so Word and LibreOffice never break the word there (the HTML keeps
 * such words whole with white-space: nowrap); a soft hyphen becomes Word's optional hyphen, which
 * Word and LibreOffice break at without a hyphenation dictionary. Links keep their text as it is.
 */
function wordChildren(text: string): Array<string | NoBreakHyphen | SoftHyphen> {
  const pieces: Array<string | NoBreakHyphen | SoftHyphen> = [];
  for (const piece of text.split(WORD_BREAKS)) {
    if (piece === '-') pieces.push(new NoBreakHyphen());
    else if (piece === SOFT_HYPHEN) pieces.push(new SoftHyphen());
    else if (piece !== '') pieces.push(piece);
  }
  return pieces;
}

/**
 * A bulleted item (summary bullets on top, or a list in the body). The last item of a list takes the
 * space the HTML puts under the whole <ul>.
 */
export function bulletParagraph(item: readonly Inline[], style: string, spaceAfterList?: number): Paragraph {
  return new Paragraph({
    style,
    numbering: { reference: BULLETS, level: 0 },
    ...(spaceAfterList === undefined ? {} : { spacing: { after: spaceAfterList } }),
    children: inlinesToRuns(item),
  });
}

/** Space under a list, in twips, as the stylesheet's margins: 14 pt for the summary, 9 pt in the body. */
export const SPACE_AFTER_SUMMARY = 280;
const SPACE_AFTER_LIST = 180;

/** The body; its justified paragraphs are hyphenated in the document's language `lang`. */
export function blocksToParagraphs(blocks: readonly Block[], lang?: string): Paragraph[] {
  return blocks.flatMap((block): Paragraph[] => {
    switch (block.kind) {
      case 'heading':
        return [
          new Paragraph({
            heading: block.level === 2 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
            children: inlinesToRuns(block.content),
          }),
        ];
      case 'paragraph':
        return [new Paragraph({ style: StyleId.bodyText, children: inlinesToRuns(block.content, lang) })];
      case 'list':
        return block.items.map((item, index) =>
          bulletParagraph(item, StyleId.listParagraph, index === block.items.length - 1 ? SPACE_AFTER_LIST : undefined),
        );
    }
  });
}
