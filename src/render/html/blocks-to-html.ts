import type { Block, Inline } from '../../model/bulletin-document.ts';
import { escapeHtml } from '../text/escape-html.ts';
import { paragraphTrackingSteps } from '../text/fit-tracking.ts';
import { hyphenate } from '../text/hyphenate.ts';
import { safeHref } from '../text/safe-href.ts';

/**
 * Inline content as HTML; every text node is escaped, so the document's text never becomes markup.
 * With `hyphenateAs` (a language tag), words get soft hyphens for a justified paragraph (see hyphenate);
 * a link's text never does.
 */
export function inlinesToHtml(inlines: readonly Inline[], hyphenateAs?: string): string {
  return inlines.map((inline) => inlineToHtml(inline, hyphenateAs)).join('');
}

function inlineToHtml(inline: Inline, hyphenateAs: string | undefined): string {
  switch (inline.kind) {
    case 'text':
      return keepHyphenatedWordsWhole(hyphenateAs === undefined ? inline.text : hyphenate(inline.text, hyphenateAs));
    case 'strong':
      return `<strong>${inlinesToHtml(inline.children, hyphenateAs)}</strong>`;
    case 'em':
      return `<em>${inlinesToHtml(inline.children, hyphenateAs)}</em>`;
    case 'link':
      return `<a href="${escapeHtml(safeHref(inline.href))}">${inlinesToHtml(inline.children)}</a>`;
  }
}

/** List items (`<li>`), one per item, for a `<ul>` the caller opens. */
export function listItemsToHtml(items: readonly (readonly Inline[])[]): string {
  return items.map((item) => `<li>${inlinesToHtml(item)}</li>`).join('\n');
}

/**
 * The body blocks: real headings, paragraphs and lists. Paragraphs are justified, so their words are
 * hyphenated in the document's language (`lang`); headings and lists are ragged and are not.
 */
export function blocksToHtml(blocks: readonly Block[], lang?: string): string {
  return blocks.map((block) => blockToHtml(block, lang)).join('\n');
}

function blockToHtml(block: Block, lang: string | undefined): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${inlinesToHtml(block.content)}</h${block.level}>`;
    case 'paragraph':
      return `<p${trackingClass(block.content, lang)}>${inlinesToHtml(block.content, lang)}</p>`;
    case 'list':
      return `<ul>\n${listItemsToHtml(block.items)}\n</ul>`;
  }
}

/**
 * The class of a justified paragraph that is set a hair tighter or looser so that no line of the
 * printed page stretches its word gaps (see fit-tracking.ts); estilo.css gives each its letter-spacing.
 */
function trackingClass(content: readonly Inline[], lang: string | undefined): string {
  const steps = lang === undefined ? 0 : paragraphTrackingSteps(content, lang);
  if (steps === 0) return '';
  return ` class="${steps < 0 ? 'apretado' : 'holgado'}-${Math.abs(steps)}"`;
}

/**
 * A word with a hyphen inside ("COVID-19", "crónico-degenerativas") never breaks at that hyphen: a line
 * ending in "COVID-" would read as a different word in the PDF's text (pdftotext drops a hyphen at the
 * end of a line). The hyphen and the letters around it, up to the nearest soft hyphen, are kept on one
 * line, so a compound may still break at the syllables of its parts ("cró-ni-co-de-ge-ne-ra-ti-vas").
 */
function keepHyphenatedWordsWhole(text: string): string {
  return text
    .split(/(\S*[\p{L}\p{N}]-[\p{L}\p{N}]\S*)/u)
    .map((part, index) => (index % 2 === 1 ? keepHyphenWithNeighbours(part) : escapeHtml(part)))
    .join('');
}

function keepHyphenWithNeighbours(word: string): string {
  return word
    .split(/([^\u00AD]*-[^\u00AD]*)/u)
    .map((piece, index) =>
      index % 2 === 1 ? `<span class="sin-corte">${escapeHtml(piece)}</span>` : escapeHtml(piece),
    )
    .join('');
}
