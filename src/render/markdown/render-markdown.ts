import { Scalar, stringify } from 'yaml';
import type { Block, BulletinDocument, Inline } from '../../model/bulletin-document.ts';
import { issueDate } from '../text/issue-date.ts';
import { textRuns } from '../text/text-runs.ts';
import { escapeMarkdown, escapeMarkdownUrl } from './escape-markdown.ts';

/**
 * The bulletin as a web post (Jekyll-style, like seed 000): YAML front matter with title, date,
 * description, tags, section and language, then the summary bullets and the body in Markdown.
 * Text is escaped so that it stays text: no emphasis, link, heading or Liquid tag comes from data.
 */
export function renderMarkdown(doc: BulletinDocument): string {
  issueDate(doc.metadata.issuedAt);
  const frontMatter: Record<string, unknown> = {
    title: doc.metadata.title,
    date: plainScalar(doc.metadata.issuedAt),
    description: doc.metadata.description ?? doc.metadata.subject,
    ...(doc.metadata.keywords.length > 0 ? { tags: [...doc.metadata.keywords] } : {}),
    ...(doc.metadata.section === undefined ? {} : { section: doc.metadata.section }),
    lang: doc.lang,
    author: doc.metadata.author,
    ...(doc.number === '' ? {} : { number: doc.number }),
    ...(doc.draft ? { published: false } : {}),
  };
  const yaml = stringify(frontMatter, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
  return `---\n${yaml}---\n\n${markdownBody(doc)}`;
}

/** The bullets and the body in Markdown, as a post's content. */
export function markdownBody(doc: BulletinDocument): string {
  const parts = [
    // A draft says so where a reader sees it, not only in the front matter.
    ...(doc.draft ? [`**${escapeMarkdown(doc.labels.draft)}**`] : []),
    ...(doc.bullets.length > 0 ? [doc.bullets.map((bullet) => `- ${inlinesToMarkdown(bullet)}`).join('\n')] : []),
    ...doc.body.map(blockToMarkdown),
  ];
  return `${parts.join('\n\n')}\n`;
}

/** The date unquoted, as seed 000 writes it, so that YAML readers take it for a timestamp. */
function plainScalar(value: string): Scalar<string> {
  const scalar = new Scalar(value);
  scalar.type = Scalar.PLAIN;
  return scalar;
}

function blockToMarkdown(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${inlinesToMarkdown(block.content)}`;
    case 'paragraph':
      return inlinesToMarkdown(block.content);
    case 'list':
      return block.items.map((item) => `- ${inlinesToMarkdown(item)}`).join('\n');
  }
}

/**
 * Inline content as Markdown: **bold**, *italics*, [links](url). Emphasis markers go inside the
 * spaces around a run, since `** text**` would not be emphasis.
 */
export function inlinesToMarkdown(inlines: readonly Inline[]): string {
  const runs = textRuns(inlines);
  let markdown = '';
  for (let index = 0; index < runs.length;) {
    const link = runs[index]?.link;
    let text = '';
    do {
      const run = runs[index];
      if (run === undefined) break;
      text += emphasize(escapeMarkdown(run.text), run.bold, run.italic);
      index += 1;
    } while (link !== undefined && runs[index]?.link === link);
    markdown += link === undefined ? text : `[${text}](${escapeMarkdownUrl(link.href)})`;
  }
  return escapeLeadingMark(markdown);
}

function emphasize(text: string, bold: boolean, italic: boolean): string {
  const marker = (bold ? '**' : '') + (italic ? '*' : '');
  if (marker === '') return text;
  const [, before = '', core = '', after = ''] = /^(\s*)(.*?)(\s*)$/s.exec(text) ?? [];
  return core === '' ? text : `${before}${marker}${core}${[...marker].reverse().join('')}${after}`;
}

/**
 * A paragraph that starts like a list item, a heading, a rule or a setext underline is escaped at its
 * first mark ("1. " becomes "1\\. ").
 */
function escapeLeadingMark(markdown: string): string {
  return markdown.replace(/^[-+#=]/, (mark) => `\\${mark}`).replace(/^(\d+)([.)])/, '$1\\$2');
}
