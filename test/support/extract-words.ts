import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import type { BulletinDocument } from '../../src/model/bulletin-document.ts';

/**
 * The words of a rendered bulletin, so the formats can be compared word for word.
 *
 * How page furniture is treated: the running header and footer (the number, "Página X de Y", the draft
 * mark) are repeated on every printed page, and an HTML page has no pages at all, so they are kept out
 * of the compared sequence and returned apart as `running`:
 * - HTML: elements marked `data-running` (the draft banner) are running; everything else in <body> is flow.
 * - PDF (pdftotext, reading order, not -layout): on each page, leading and trailing lines made only of
 *   the number, the draft label and "<page> N <pageOf> M" are running; the rest is flow. Only the edges of a
 *   page are stripped, so the number printed under the letterhead stays in the flow.
 * - DOCX: word/document.xml is flow; word/header*.xml and word/footer*.xml are running.
 * Words are split on whitespace after Unicode NFC normalisation; list bullets drawn as glyphs (•) are not
 * words; soft hyphens (U+00AD, where a justified line may break a word) are dropped; Word's no-break
 * hyphen (<w:noBreakHyphen/>, "COVID-19") is a hyphen; a word hyphenated across a PDF line
 * ("COVID-\n19") is joined back, keeping its hyphen.
 */
export interface ExtractedWords {
  readonly flow: readonly string[];
  readonly running: readonly string[];
}

const BULLET_GLYPH = /^[\u2022\u00b7\u25aa\u25e6\u2023\u2219\u25cf]$/;

export function words(text: string): string[] {
  return (
    text
      .normalize('NFC')
      // Soft hyphens mark where a justified line may break a word; they are not part of the word.
      .replace(/\u00ad/g, '')
      .replace(/\ufb01/g, 'fi')
      .replace(/\ufb02/g, 'fl')
      .split(/\s+/u)
      .filter((word) => word !== '' && !BULLET_GLYPH.test(word))
  );
}

// ---------------------------------------------------------------- HTML

const INLINE_TAGS = new Set(['a', 'strong', 'em', 'b', 'i', 'span', 'small', 'sub', 'sup', 'abbr', 'code']);

export function wordsFromHtml(html: string): ExtractedWords {
  const body = /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? '';
  const running: string[] = [];
  const flow = body
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<([a-z][a-z0-9]*)\b[^>]*\bdata-running\b[^>]*>([\s\S]*?)<\/\1>/gi, (_, _tag: string, inner: string) => {
      running.push(textOfHtml(inner));
      return ' ';
    });
  return { flow: words(textOfHtml(flow)), running: words(running.join(' ')) };
}

/** Text content of an HTML fragment: block tags separate words, inline tags do not. */
function textOfHtml(fragment: string): string {
  const text = fragment.replace(/<\/?([a-z][a-z0-9]*)\b[^>]*>/gi, (_, tag: string) =>
    INLINE_TAGS.has(tag.toLowerCase()) ? '' : ' ',
  );
  return decodeEntities(text);
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (/^#x/i.test(body)) return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(Number.parseInt(body.slice(1), 10));
    return NAMED[body.toLowerCase()] ?? entity;
  });
}

// ---------------------------------------------------------------- PDF

const run = promisify(execFile);

/**
 * Runs Debian's pdftotext (reading order, UTF-8) on PDF bytes. `raw` keeps the content stream's order
 * and, unlike reading order, never drops the hyphen of a word broken at a line end ("COVID-" / "19"):
 * LibreOffice may break there, while our HTML keeps such words whole for Chromium.
 */
export async function pdfToText(pdf: Uint8Array, options: { raw?: boolean } = {}): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'boletin-words-'));
  try {
    const file = join(folder, 'documento.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdftotext', [...(options.raw === true ? ['-raw'] : []), '-enc', 'UTF-8', file, '-'], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** A line of page furniture for this document: number, draft label, "<page> N <pageOf> M", in any mix. */
export function runningLinePattern(doc: BulletinDocument): RegExp {
  const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pieces = [
    `${escape(doc.labels.page)}\\s+\\d+\\s+${escape(doc.labels.pageOf)}\\s+\\d+`,
    escape(doc.labels.draft),
    ...(doc.number === '' ? [] : [escape(doc.number)]),
  ];
  const piece = `(?:${pieces.join('|')})`;
  return new RegExp(`^\\s*${piece}(?:\\s+${piece})*\\s*$`, 'u');
}

/**
 * `unbreak`, when given, undoes the line breaks of the text once the running header and footer are out
 * of it: a word hyphenated across a page break has the footer between its halves until then.
 */
export function wordsFromPdfText(
  text: string,
  doc: BulletinDocument,
  unbreak?: (flow: string) => string,
): ExtractedWords {
  const isRunning = runningLinePattern(doc);
  const flow: string[] = [];
  const running: string[] = [];
  for (const page of text.split('\f')) {
    const lines = page.split('\n');
    const isFurniture = (line: string | undefined): boolean =>
      line !== undefined && (line.trim() === '' || isRunning.test(line));
    let start = 0;
    let end = lines.length;
    while (start < end && isFurniture(lines[start])) start += 1;
    while (end > start && isFurniture(lines[end - 1])) end -= 1;
    running.push(...lines.slice(0, start), ...lines.slice(end));
    flow.push(lines.slice(start, end).join('\n'));
  }
  const joined =
    unbreak === undefined ? flow.join('\n').replace(/(\p{L})-\n(?=\p{L}|\d)/gu, '$1-') : unbreak(flow.join('\n'));
  return { flow: words(joined), running: words(running.join(' ')) };
}

export async function wordsFromPdf(pdf: Uint8Array, doc: BulletinDocument): Promise<ExtractedWords> {
  return wordsFromPdfText(await pdfToText(pdf), doc);
}

// ---------------------------------------------------------------- DOCX

export async function wordsFromDocx(docx: Uint8Array): Promise<ExtractedWords> {
  const zip = await JSZip.loadAsync(docx);
  const part = async (name: string): Promise<string> => (await zip.file(name)?.async('string')) ?? '';
  const furniture = Object.keys(zip.files)
    .filter((name) => /^word\/(header|footer)\d*\.xml$/.test(name))
    .sort((a, b) =>
      a.includes('header') === b.includes('header') ? a.localeCompare(b) : a.includes('header') ? -1 : 1,
    );
  const running: string[] = [];
  for (const name of furniture) running.push(textOfWordXml(await part(name)));
  return { flow: words(textOfWordXml(await part('word/document.xml'))), running: words(running.join(' ')) };
}

/**
 * Text of WordprocessingML: runs of a paragraph joined, paragraphs, tabs and breaks separate words;
 * a no-break hyphen is "-", an optional hyphen (<w:softHyphen/>) nothing.
 */
export function textOfWordXml(xml: string): string {
  const paragraphs = xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
  return paragraphs
    .map((paragraph) =>
      [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr|noBreakHyphen)\b[^>]*\/>/g)]
        .map((match) =>
          match[2] === 'noBreakHyphen' ? '-' : match[2] !== undefined ? ' ' : decodeEntities(match[1] ?? ''),
        )
        .join(''),
    )
    .join(' ');
}
