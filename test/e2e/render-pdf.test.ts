import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulletinDocument } from '../../src/model/bulletin-document.ts';
import { launchBrowser, type BrowserSession } from '../../src/render/pdf/browser-session.ts';
import { renderPdf } from '../../src/render/pdf/render-pdf.ts';
import { pdfToText, wordsFromPdfText } from '../support/extract-words.ts';
import { HOSTILE, hostileDocument, sampleDocument } from '../support/sample-document.ts';

const run = promisify(execFile);

/** Runs a poppler tool on the PDF bytes and returns its output. */
async function poppler(tool: string, args: string[], pdf: Uint8Array): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'boletin-pdf-test-'));
  try {
    const file = join(folder, 'b.pdf');
    await writeFile(file, pdf);
    return (await run(tool, [...args, file])).stdout;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function info(output: string): Record<string, string> {
  return Object.fromEntries(
    output
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => [match[1] ?? '', match[2] ?? '']),
  );
}

describe('renderPdf with real Chromium', () => {
  let browser: BrowserSession;
  const doc: BulletinDocument = sampleDocument();
  let pdf: Uint8Array;
  let text: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    pdf = await renderPdf(doc, { browser });
    text = await pdfToText(pdf);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is a PDF whose text carries the letterhead, dateline, number and headline', () => {
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const flow = wordsFromPdfText(text, doc).flow.join(' ');
    expect(
      flow.startsWith(
        'Instituto Mexicano del Seguro Social BOLETÍN DE PRENSA Ciudad de México, miércoles 1 de marzo de 2023 No. 093/2023',
      ),
    ).toBe(true);
    expect(flow).toContain(doc.headline);
    expect(flow).toContain('91 mil 878 consultas de Medicina Familiar');
  });

  it('has the document properties, Letter pages and a tagged structure (pdfinfo)', async () => {
    const properties = info(await poppler('pdfinfo', ['-isodates'], pdf));
    expect(properties['Title']).toBe(doc.metadata.title);
    expect(properties['Author']).toBe(doc.metadata.author);
    expect(properties['Subject']).toBe(doc.metadata.subject);
    expect(properties['Keywords']).toBe('IMSS jornada cirugías trasplantes');
    expect(properties['Creator']).toBe('Boletín');
    expect(properties['Tagged']).toBe('yes');
    expect(properties['Page size']).toBe('612 x 792 pts (letter)');
    expect(properties['CreationDate']).toBe('2023-03-01T18:00:00Z');
    expect(properties['ModDate']).toBe(properties['CreationDate']);
    expect(Number(properties['Pages'])).toBeGreaterThanOrEqual(2);
  });

  it('declares the document language in the catalog', async () => {
    const { PDFDocument, PDFName, PDFString } = await import('@cantoo/pdf-lib');
    const loaded = await PDFDocument.load(pdf, { updateMetadata: false });
    const lang = loaded.catalog.lookup(PDFName.of('Lang'));
    expect(lang instanceof PDFString ? lang.decodeText() : String(lang)).toBe('es-MX');
  });

  it('prints the number and "Página X de Y" at the foot of every page', async () => {
    const pages = Number(info(await poppler('pdfinfo', [], pdf))['Pages']);
    const perPage = text.split('\f').filter((page) => page.trim() !== '');
    expect(perPage).toHaveLength(pages);
    perPage.forEach((page, index) => {
      const tail = page.trim().split('\n').slice(-3).join(' ');
      expect(tail).toMatch(new RegExp(`No\\. 093/2023\\s+Página ${index + 1} de ${pages}$`));
    });
    expect(wordsFromPdfText(text, doc).running.join(' ')).toContain('Página 1 de');
  });

  it('embeds its fonts, Liberation Sans', async () => {
    const fonts = (await poppler('pdffonts', [], pdf))
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '');
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      expect(line).toMatch(/LiberationSans/);
      expect(line).toMatch(/\byes\s+yes\s+yes\b/);
    }
  });

  it('prints hostile text as plain text, the draft mark on top, no number', async () => {
    const hostile = hostileDocument();
    const hostileText = await pdfToText(await renderPdf(hostile, { browser }));
    const words = wordsFromPdfText(hostileText, hostile);
    const flow = words.flow.join(' ');
    expect(flow).toContain(
      `${HOSTILE.script} ${HOSTILE.mustache} ${HOSTILE.quotes} ${HOSTILE.ampersand} ${HOSTILE.emoji}`,
    );
    expect(flow).toContain(HOSTILE.markdown);
    expect(hostileText.trimStart().startsWith('BORRADOR')).toBe(true);
    expect(words.running).toEqual(['BORRADOR', 'Página', '1', 'de', '1']);
    expect(hostileText).not.toContain('No. 093/2023');
  });

  it('gives the same bytes for the same document, in the same browser or a new one', async () => {
    expect(Buffer.from(await renderPdf(sampleDocument(), { browser })).equals(Buffer.from(pdf))).toBe(true);
    const fresh = await launchBrowser();
    try {
      expect(Buffer.from(await renderPdf(sampleDocument(), { browser: fresh })).equals(Buffer.from(pdf))).toBe(true);
    } finally {
      await fresh.close();
    }
  });

  it('serves several documents at once on the one browser', async () => {
    const texts = await Promise.all(
      ['No. 001/2024', 'No. 002/2024', 'No. 003/2024'].map(async (number) =>
        pdfToText(await renderPdf({ ...doc, number }, { browser })),
      ),
    );
    texts.forEach((pageText, index) => expect(pageText).toContain(`No. 00${index + 1}/2024`));
  });
});
