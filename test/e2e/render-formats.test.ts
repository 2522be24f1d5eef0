import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withPlainSpaces } from '../../src/lang/no-break-space.ts';
import type { BulletinDocument } from '../../src/model/bulletin-document.ts';
import { renderDocx } from '../../src/render/docx/render-docx.ts';
import { renderHtml } from '../../src/render/html/render-html.ts';
import { launchBrowser, type BrowserSession } from '../../src/render/pdf/browser-session.ts';
import { renderPdf } from '../../src/render/pdf/render-pdf.ts';
import {
  pdfToText,
  wordsFromDocx,
  wordsFromHtml,
  wordsFromPdfText,
  type ExtractedWords,
} from '../support/extract-words.ts';
import { HOSTILE, hostileDocument, sampleDocument } from '../support/sample-document.ts';

const run = promisify(execFile);

interface Rendered {
  readonly doc: BulletinDocument;
  readonly html: ExtractedWords;
  readonly pdf: ExtractedWords;
  readonly docx: ExtractedWords;
  /** The DOCX as LibreOffice reads it, converted to PDF. */
  readonly libreOffice: ExtractedWords;
  readonly libreOfficeText: string;
}

/** Has LibreOffice (headless, its own throwaway profile) convert DOCX files to PDF. */
async function libreOfficeToPdf(docxFiles: readonly Uint8Array[]): Promise<Uint8Array[]> {
  const folder = await mkdtemp(join(tmpdir(), 'boletin-soffice-'));
  try {
    const inputs = await Promise.all(
      docxFiles.map(async (bytes, index) => {
        const file = join(folder, `documento-${index}.docx`);
        await writeFile(file, bytes);
        return file;
      }),
    );
    const profile = pathToFileURL(join(folder, 'perfil')).href;
    await run(
      'soffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', folder, ...inputs],
      {
        timeout: 150_000,
      },
    );
    return Promise.all(inputs.map(async (file) => new Uint8Array(await readFile(file.replace(/\.docx$/, '.pdf')))));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Chromium's pdftotext text with the breaks of justified paragraphs undone: a word broken at a soft
 * hyphen (U+00AD) ends its line with "‐" (U+2010) and is one word again. No-break spaces (U+00A0) become
 * plain ones, as pdftotext may print either, and so does the running footer's number matched against it.
 */
const chromiumPdfWords = (text: string, doc: BulletinDocument): ExtractedWords =>
  wordsFromPdfText(
    withPlainSpaces(text)
      .replace(/(\p{L})\u00AD*\u2010\n(?=\p{L})/gu, '$1')
      .replace(/\u00AD/g, ''),
    { ...doc, number: withPlainSpaces(doc.number) },
  );

describe('HTML, PDF and DOCX say the same thing, word for word', () => {
  let browser: BrowserSession;
  const rendered = new Map<string, Rendered>();

  beforeAll(async () => {
    browser = await launchBrowser();
    const docs = { sample: sampleDocument(), hostile: hostileDocument() };
    const docxFiles = await Promise.all(Object.values(docs).map((doc) => renderDocx(doc)));
    const converted = await libreOfficeToPdf(docxFiles);
    let index = 0;
    for (const [name, doc] of Object.entries(docs)) {
      const libreOfficeText = await pdfToText(converted[index] as Uint8Array);
      rendered.set(name, {
        doc,
        html: wordsFromHtml(renderHtml(doc)),
        pdf: chromiumPdfWords(await pdfToText(await renderPdf(doc, { browser })), doc),
        docx: await wordsFromDocx(docxFiles[index] as Uint8Array),
        libreOffice: wordsFromPdfText(libreOfficeText, doc),
        libreOfficeText,
      });
      index += 1;
    }
  });
  afterAll(async () => {
    await browser?.close();
  });

  const get = (name: string): Rendered => {
    const found = rendered.get(name);
    if (found === undefined) throw new Error(`sin documento ${name}`);
    return found;
  };

  it.each(['sample', 'hostile'])('%s: the PDF and the DOCX carry the HTML’s words in the same order', (name) => {
    const { html, pdf, docx } = get(name);
    expect(html.flow.length).toBeGreaterThan(50);
    expect(pdf.flow).toEqual(html.flow);
    expect(docx.flow).toEqual(html.flow);
  });

  it.each(['sample', 'hostile'])('%s: LibreOffice opens the DOCX and finds the same words', (name) => {
    const { html, libreOffice } = get(name);
    expect(libreOffice.flow).toEqual(html.flow);
  });

  it('LibreOffice fills the running footer: number and "Página X de Y" on every page', () => {
    const { libreOfficeText } = get('sample');
    const pages = libreOfficeText.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, index) => {
      expect(page.trim().split('\n').slice(-3).join(' ')).toMatch(
        new RegExp(`No\\. 093/2023\\s+Página ${index + 1} de ${pages.length}$`),
      );
    });
  });

  it('the hostile text is plain text in the three formats, and the draft is marked in each', () => {
    const { html, pdf, docx, libreOffice, libreOfficeText } = get('hostile');
    const line = `${HOSTILE.script} ${HOSTILE.mustache} ${HOSTILE.quotes} ${HOSTILE.ampersand} ${HOSTILE.emoji}`;
    for (const words of [html, pdf, docx, libreOffice]) expect(words.flow.join(' ')).toContain(line);
    expect(html.running).toEqual(['BORRADOR']);
    expect(pdf.running[0]).toBe('BORRADOR');
    expect(docx.running[0]).toBe('BORRADOR');
    expect(libreOfficeText.trimStart().startsWith('BORRADOR')).toBe(true);
  });
});
