import {
  ExternalHyperlink,
  HeadingLevel,
  Paragraph,
  TextRun,
  type ParagraphChild,
} from 'docx';
import type { Block, Inline } from '../../model/bulletin-document.ts';
import { textRuns, type TextRun as PlainRun } from '../text/text-runs.ts';
import { BULLETS, StyleId } from './docx-styles.ts';

/**
 * Inline content as Word runs: bold, italics and hyperlinks, with whitespace collapsed as the HTML
 * shows it, so every format carries the same words.
 */
export function inlinesToRuns(inlines: readonly Inline[]): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  const runs = textRuns(inlines);
  for (let index = 0; index < runs.length; ) {
    const run = runs[index] as PlainRun;
    if (run.link === undefined) {
      children.push(toTextRun(run));
      index += 1;
      continue;
    }
    // Consecutive runs of one link become one hyperlink.
    const linked: TextRun[] = [];
    while (index < runs.length && runs[index]?.link === run.link) {
      linked.push(toTextRun(runs[index] as PlainRun, StyleId.hyperlink));
      index += 1;
    }
    children.push(new ExternalHyperlink({ link: run.link.href, children: linked }));
  }
  return children;
}

function toTextRun(run: PlainRun, style?: string): TextRun {
  return new TextRun({
    text: run.text,
    ...(run.bold ? { bold: true } : {}),
    ...(run.italic ? { italics: true } : {}),
    ...(style === undefined ? {} : { style }),
  });
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

export function blocksToParagraphs(blocks: readonly Block[]): Paragraph[] {
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
        return [new Paragraph({ style: StyleId.bodyText, children: inlinesToRuns(block.content) })];
      case 'list':
        return block.items.map((item, index) =>
          bulletParagraph(item, StyleId.listParagraph, index === block.items.length - 1 ? SPACE_AFTER_LIST : undefined),
        );
    }
  });
}
