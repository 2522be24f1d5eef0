import type { Block, Inline } from '../../model/bulletin-document.ts';
import { escapeHtml } from '../text/escape-html.ts';
import { safeHref } from '../text/safe-href.ts';

/** Inline content as HTML; every text node is escaped, so the document's text never becomes markup. */
export function inlinesToHtml(inlines: readonly Inline[]): string {
  return inlines.map(inlineToHtml).join('');
}

function inlineToHtml(inline: Inline): string {
  switch (inline.kind) {
    case 'text':
      return keepHyphenatedWordsWhole(inline.text);
    case 'strong':
      return `<strong>${inlinesToHtml(inline.children)}</strong>`;
    case 'em':
      return `<em>${inlinesToHtml(inline.children)}</em>`;
    case 'link':
      return `<a href="${escapeHtml(safeHref(inline.href))}">${inlinesToHtml(inline.children)}</a>`;
  }
}

/** List items (`<li>`), one per item, for a `<ul>` the caller opens. */
export function listItemsToHtml(items: readonly (readonly Inline[])[]): string {
  return items.map((item) => `<li>${inlinesToHtml(item)}</li>`).join('\n');
}

/** The body blocks: real headings, paragraphs and lists. */
export function blocksToHtml(blocks: readonly Block[]): string {
  return blocks.map(blockToHtml).join('\n');
}

function blockToHtml(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${inlinesToHtml(block.content)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${inlinesToHtml(block.content)}</p>`;
    case 'list':
      return `<ul>\n${listItemsToHtml(block.items)}\n</ul>`;
  }
}

/**
 * A word with a hyphen inside ("COVID-19", "crónico-degenerativas") is kept on one line: a bulletin
 * never splits such a word, and a line ending in "COVID-" would read as a different word in the PDF's
 * text (pdftotext drops a hyphen at the end of a line).
 */
function keepHyphenatedWordsWhole(text: string): string {
  return text
    .split(/(\S*[\p{L}\p{N}]-[\p{L}\p{N}]\S*)/u)
    .map((part, index) => (index % 2 === 1 ? `<span class="sin-corte">${escapeHtml(part)}</span>` : escapeHtml(part)))
    .join('');
}
