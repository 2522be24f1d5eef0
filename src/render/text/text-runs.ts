import type { Inline } from '../../model/bulletin-document.ts';
import { safeHref } from './safe-href.ts';

/**
 * Whitespace a browser collapses: ASCII only. The no-break spaces the phrasing writes inside a figure
 * ("3 mil 729"), a day range and a bulletin number are text, kept in every format.
 */
const ASCII_WHITESPACE = /[ \t\n\r\f]+/g;

/** A stretch of text with one formatting, as Word and Markdown need it: no nesting left. */
export interface TextRun {
  readonly text: string;
  readonly bold: boolean;
  readonly italic: boolean;
  /** The link this run belongs to; runs of one link share the same `link` object. */
  readonly link?: { readonly href: string };
}

interface Formatting {
  readonly bold: boolean;
  readonly italic: boolean;
  readonly link?: { readonly href: string };
}

/**
 * Flattens inline content into runs and collapses whitespace the way a browser does (runs of ASCII spaces
 * and line breaks become one space, no-break spaces stay, none at the edges of the paragraph), so that Word and Markdown
 * show exactly the words the HTML shows.
 */
export function textRuns(inlines: readonly Inline[]): TextRun[] {
  const raw: TextRun[] = [];
  collect(inlines, { bold: false, italic: false }, raw);
  const runs: TextRun[] = [];
  let previousEndsInSpace = true;
  for (const run of raw) {
    let text = run.text.replace(ASCII_WHITESPACE, ' ');
    if (previousEndsInSpace) text = text.replace(/^ /, '');
    if (text === '') continue;
    runs.push({ ...run, text });
    previousEndsInSpace = text.endsWith(' ');
  }
  const last = runs.at(-1);
  if (last !== undefined && last.text.endsWith(' ')) {
    const trimmed = last.text.replace(/ $/, '');
    if (trimmed === '') runs.pop();
    else runs[runs.length - 1] = { ...last, text: trimmed };
  }
  return runs;
}

function collect(inlines: readonly Inline[], formatting: Formatting, into: TextRun[]): void {
  for (const inline of inlines) {
    switch (inline.kind) {
      case 'text':
        into.push({ text: inline.text, ...formatting });
        break;
      case 'strong':
        collect(inline.children, { ...formatting, bold: true }, into);
        break;
      case 'em':
        collect(inline.children, { ...formatting, italic: true }, into);
        break;
      case 'link':
        collect(inline.children, { ...formatting, link: { href: safeHref(inline.href) } }, into);
        break;
    }
  }
}

/** The words of inline content as one plain string (metadata, front matter). */
export function plainText(inlines: readonly Inline[]): string {
  return textRuns(inlines)
    .map((run) => run.text)
    .join('');
}

/** Collapses whitespace in a plain string the way the runs do. */
export function collapseWhitespace(text: string): string {
  return text.replace(ASCII_WHITESPACE, ' ').replace(/^ | $/g, '');
}
