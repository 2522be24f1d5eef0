import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findFigures } from '../../src/lang/index.ts';
import type { BulletinDocument } from '../../src/model/bulletin-document.ts';
import { renderDocx } from '../../src/render/docx/render-docx.ts';
import { renderHtml } from '../../src/render/html/render-html.ts';
import { launchBrowser, type BrowserSession } from '../../src/render/pdf/browser-session.ts';
import { renderPdf } from '../../src/render/pdf/render-pdf.ts';
import { readFile } from 'node:fs/promises';
import { composeSample, sampleFiles } from '../support/compose-sample.ts';
import { brokenUnits, layoutText, printedLines, wordGaps } from '../support/typeset-lines.ts';

/**
 * The type of every sample bulletin (every JSON in data/jornadas, so new samples are covered as they
 * arrive), in the PDF printed by Chromium and in the DOCX as LibreOffice prints it:
 * - no line of `pdftotext -layout` ends inside a figure, a day range or the bulletin number;
 * - no full line of a justified paragraph has a word gap over twice a space (the definitions of "full
 *   line" and "space" are in test/support/typeset-lines.ts: measured from `pdftotext -bbox-layout` word
 *   boxes, the space taken from the document's own unjustified lines);
 * - the PDF's bookmarks keep the spaces of their headings;
 * - on a phone (390 CSS px wide) no figure of the HTML is split across two lines.
 * Everything is rendered once, in beforeAll: one browser, one LibreOffice run for all the DOCX files.
 */
const run = promisify(execFile);
const PHONE_WIDTH = 390;

interface Sample {
  readonly doc: BulletinDocument;
  readonly html: string;
  readonly pdf: string;
  readonly docxPdf: string;
}

const files = sampleFiles();
const samples = new Map<string, Sample>();
let folder: string;
let browser: BrowserSession;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'boletin-tipografia-'));
  browser = await launchBrowser();
  const docxFiles: string[] = [];
  for (const file of files) {
    const { doc } = await composeSample(file);
    const name = basename(file, '.json');
    const pdf = join(folder, `${name}.pdf`);
    await writeFile(pdf, await renderPdf(doc, { browser }));
    const docx = join(folder, `${name}-docx.docx`);
    await writeFile(docx, await renderDocx(doc));
    docxFiles.push(docx);
    samples.set(file, { doc, html: renderHtml(doc), pdf, docxPdf: docx.replace(/\.docx$/, '.pdf') });
  }
  const profile = pathToFileURL(join(folder, 'perfil')).href;
  await run(
    'soffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', folder, ...docxFiles],
    {
      timeout: 170_000,
    },
  );
});

afterAll(async () => {
  await browser?.close();
  if (folder !== undefined) await rm(folder, { recursive: true, force: true });
});

const sample = (file: string): Sample => {
  const found = samples.get(file);
  if (found === undefined) throw new Error(`sin render: ${file}`);
  return found;
};

describe.each(files.map((file) => [basename(file), file] as const))('%s', (_name, file) => {
  describe.each([
    ['PDF (Chromium)', 'pdf'],
    ['DOCX (LibreOffice)', 'docxPdf'],
  ] as const)('%s', (_format, key) => {
    test('no line ends inside a figure, a day range or the bulletin number', async () => {
      const layout = await layoutText(sample(file)[key]);
      expect(layout).toContain('mil');
      expect(brokenUnits(layout)).toEqual([]);
    });

    test('no full justified line has a word gap over twice a space', async () => {
      const report = wordGaps(await printedLines(sample(file)[key]));
      // The measure itself: a space is about a quarter of a line's height in Liberation Sans
      // (0.278 em over 1.117 em), and there are justified lines to look at.
      expect(report.space).toBeGreaterThan(0.2);
      expect(report.space).toBeLessThan(0.3);
      expect(report.fullLines).toBeGreaterThan(5);
      expect(report.over).toEqual([]);
    });
  });

  test('the PDF bookmarks are the headings, with their spaces', async () => {
    const { doc, pdf } = sample(file);
    const titles = outlineTitles(await PDFDocument.load(await readFile(pdf)));
    expect(titles[0]).toBe(doc.headline.replace(/\u00A0/g, ' '));
    for (const title of titles) expect(title).not.toMatch(/\p{Ll}\p{Lu}|[a-záéíóúñ](?:de|del|los|las|con|y)(?=\s)/u);
  });

  test('on a phone, 390 px wide, no figure of the HTML splits across lines', async () => {
    const blocks = await browser.withPage(async (page) => {
      await page.setViewport({ width: PHONE_WIDTH, height: 844 });
      await page.setJavaScriptEnabled(false);
      await page.setContent(sample(file).html, { waitUntil: 'load' });
      // For each block of text, its characters (soft hyphens left out) and the line each one is on.
      return page.evaluate(() => {
        const result: Array<{ text: string; lines: number[] }> = [];
        for (const element of Array.from(
          document.querySelectorAll('h1, .numero, .balazos li, .cuerpo p, .cuerpo li'),
        )) {
          let text = '';
          const lines: number[] = [];
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
            const content = node.textContent ?? '';
            for (let offset = 0; offset < content.length; offset += 1) {
              if (content[offset] === '\u00AD') continue;
              const range = document.createRange();
              range.setStart(node, offset);
              range.setEnd(node, offset + 1);
              const rect = range.getClientRects()[0];
              text += content[offset];
              lines.push(rect === undefined ? Number.NaN : Math.round(rect.top + rect.height / 2));
            }
          }
          result.push({ text, lines });
        }
        return result;
      });
    });
    expect(blocks.length).toBeGreaterThan(5);
    const split: string[] = [];
    let wrapped = 0;
    for (const block of blocks) {
      if (new Set(block.lines.filter((line) => !Number.isNaN(line))).size > 1) wrapped += 1;
      for (const figure of findFigures(block.text)) {
        if (figure.kind === 'fecha' && !/\s(?:al|y el)\s/.test(figure.text)) continue;
        const lines = new Set(
          block.lines
            .slice(figure.start, figure.end)
            .filter((line, index) => !/\s/.test(figure.text[index] ?? '') && !Number.isNaN(line)),
        );
        if (lines.size > 1) split.push(figure.text);
      }
      for (const range of block.text.matchAll(/\b\d{1,2}\s(?:al|y\sel)\s\d{1,2}\b/gu)) {
        const lines = new Set(
          block.lines
            .slice(range.index, range.index + range[0].length)
            .filter((_, index) => !/\s/.test(range[0][index] ?? '')),
        );
        if (lines.size > 1) split.push(range[0]);
      }
    }
    // The phone layout really wraps (so the check can fail), and no figure is split.
    expect(wrapped).toBeGreaterThan(3);
    expect(split).toEqual([]);
  });
});

function outlineTitles(pdf: PDFDocument): string[] {
  const titles: string[] = [];
  const visit = (node: PDFDict): void => {
    for (
      let item = node.lookupMaybe(PDFName.of('First'), PDFDict);
      item !== undefined;
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict)
    ) {
      titles.push(item.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText() ?? '');
      visit(item);
    }
  };
  const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  if (outlines !== undefined) visit(outlines);
  return titles;
}
