import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findFigures } from '../../src/lang/index.ts';
import { withPlainSpaces } from '../../src/lang/no-break-space.ts';
import type { BulletinDocument, Inline } from '../../src/model/bulletin-document.ts';
import { resolveIssueDate } from '../../src/generate/issue-date.ts';
import { renderDocx } from '../../src/render/docx/render-docx.ts';
import { renderHtml } from '../../src/render/html/render-html.ts';
import { type BrowserSession, launchBrowser } from '../../src/render/pdf/browser-session.ts';
import { renderPdf } from '../../src/render/pdf/render-pdf.ts';
import { type ComposedSample, composeSample, sampleFiles } from '../support/compose-sample.ts';
import { datasetFigures, datasetTexts } from '../support/dataset-figures.ts';
import { pdfToText, wordsFromDocx, wordsFromHtml, wordsFromPdfText } from '../support/extract-words.ts';

const run = promisify(execFile);

interface RenderedSample extends ComposedSample {
  readonly html: string;
  readonly pdf: Uint8Array;
  readonly docx: Uint8Array;
}

const samples = new Map<string, RenderedSample>();
let browser: BrowserSession;
let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'boletin-jornadas-'));
  browser = await launchBrowser();
  for (const file of sampleFiles()) {
    const composed = await composeSample(file);
    const [pdf, docx] = await Promise.all([renderPdf(composed.doc, { browser }), renderDocx(composed.doc)]);
    samples.set(file, { ...composed, html: renderHtml(composed.doc), pdf, docx });
  }
});

afterAll(async () => {
  await browser?.close();
  await rm(workDir, { recursive: true, force: true });
});

/**
 * pdftotext's text with the breaks of justified paragraphs undone: a word broken at a soft hyphen
 * (U+00AD) ends its line with "‐" (U+2010) in Chromium's PDF and with "-" in LibreOffice's, and is one
 * word again; a hyphen before a digit ("COVID-\n19") is a real one and is kept. No-break spaces (U+00A0,
 * "No. 093/2023") become plain ones, as pdftotext may print either.
 */
const unbrokenPdfText = (text: string): string =>
  withPlainSpaces(text)
    .replace(/(\p{L})\u00AD*\u2010\n(?=\p{L})/gu, '$1')
    .replace(/(\p{L})\u00AD*-\n(?=\p{L})/gu, '$1')
    .replace(/\u00AD/g, '');

/**
 * The words of a PDF's text; the running footer's number is matched with plain spaces, as in the text.
 * Breaks are undone after the running lines are out: LibreOffice may hyphenate a page's last word, and
 * the footer then sits between its halves ("trata-", "No. 093/2023 Página 1 de 2", "miento").
 */
const pdfWords = (text: string, doc: BulletinDocument) =>
  wordsFromPdfText(withPlainSpaces(text), { ...doc, number: withPlainSpaces(doc.number) }, unbrokenPdfText);

const seed002 = (): RenderedSample => {
  const sample = [...samples.values()].find((candidate) =>
    candidate.file.endsWith('2023-02-cuarta-jornada-extraordinaria.json'),
  );
  if (sample === undefined) throw new Error('falta la jornada de ejemplo de febrero de 2023');
  return sample;
};

const flowText = (sample: RenderedSample): string => wordsFromHtml(sample.html).flow.join(' ');

const inlineText = (inlines: readonly Inline[]): string =>
  inlines.map((inline) => (inline.kind === 'text' ? inline.text : inlineText(inline.children))).join('');

describe.each(sampleFiles().map((file) => [file.split('/').at(-1), file] as const))('%s', (_name, file) => {
  const sample = (): RenderedSample => {
    const found = samples.get(file);
    if (found === undefined) throw new Error(`no se generó ${file}`);
    return found;
  };

  test('HTML, PDF and DOCX say the same words in the same order', async () => {
    const { html, pdf, docx, doc } = sample();
    const fromHtml = wordsFromHtml(html).flow;
    expect(fromHtml.length).toBeGreaterThan(100);
    expect(pdfWords(await pdfToText(pdf), doc as BulletinDocument).flow).toEqual(fromHtml);
    expect((await wordsFromDocx(docx)).flow).toEqual(fromHtml);
  });

  test('every figure of the dataset is printed, as the reader finds it in the text', () => {
    const printed = new Set(findFigures(flowText(sample())).map((figure) => figure.value));
    const missing = datasetFigures(sample().loaded.jornada).filter((figure) => !printed.has(figure.value));
    expect(missing).toEqual([]);
  });

  test('each bullet prints the figures of its own data, so a figure dropped from a bullet fails even when the body repeats it', () => {
    const { doc, loaded } = sample();
    const { jornada } = loaded;
    const bullets = doc.bullets.map((bullet) => inlineText(bullet).replace(/\s+/g, ' '));
    const figuresOf = (text: string) =>
      findFigures(text)
        .filter((figure) => figure.kind === 'cifra')
        .map((figure) => figure.value);
    const checked: string[] = [];
    for (const text of bullets) {
      if (text.startsWith('El Seguro Social tenía planeadas')) {
        const meta = jornada.meta;
        expect(meta, text).toBeDefined();
        const percent = Math.round(((meta?.logradas ?? 0) / (meta?.planeadas ?? 1)) * 1000) / 10;
        expect(figuresOf(text), text).toEqual([meta?.planeadas, meta?.logradas, percent]);
        checked.push('meta');
      } else if (/^Particip(?:ó|aron) /.test(text)) {
        const { ooad, umae } = jornada.participacion ?? { ooad: 0 };
        expect(figuresOf(text), text).toEqual(umae ? [ooad, umae] : [ooad]);
        checked.push('participacion');
      } else if (!/llevó a cabo la/.test(text) && !/^Colabor(?:ó|aron) /.test(text)) {
        // Summary, consultations, prevention (not the jornada's name or its staff): each gives figures.
        expect(figuresOf(text).length, text).toBeGreaterThan(0);
        checked.push('cifras');
      }
    }
    expect(checked.length).toBeGreaterThan(0);
  });

  test('every figure printed comes from the data: a dataset figure, the percentage of the plan, or a name', () => {
    const { jornada } = sample().loaded;
    const allowed = new Set(datasetFigures(jornada).map((figure) => figure.value));
    // Numbers that are part of a name the dataset gives ("150 Días de Recuperación...").
    for (const text of datasetTexts(jornada)) for (const figure of findFigures(text)) allowed.add(figure.value);
    // The count of named states, said in the headline ("en nueve entidades").
    if (jornada.participacion?.ooadNombres) allowed.add(jornada.participacion.ooadNombres.length);
    const printed = findFigures(flowText(sample())).filter((figure) => figure.kind === 'cifra');
    expect(printed.length).toBeGreaterThan(8);
    const percents = printed.filter((figure) => figure.percent);
    const unexplained = printed.filter((figure) => !figure.percent && !allowed.has(figure.value));
    expect(unexplained.map((figure) => figure.text)).toEqual([]);
    if (jornada.meta) {
      const expected =
        jornada.meta.porcentaje ?? Math.round((jornada.meta.logradas / (jornada.meta.planeadas ?? 0)) * 1000) / 10;
      expect(percents.map((figure) => figure.value)).toEqual(percents.map(() => expected));
    } else {
      expect(percents).toEqual([]);
    }
  });

  test('two to four bullet points, a headline and a dateline', () => {
    const { doc } = sample();
    expect(doc.bullets.length).toBeGreaterThanOrEqual(2);
    expect(doc.bullets.length).toBeLessThanOrEqual(4);
    expect(doc.headline).not.toBe('');
    // The weekday and month of the issue date, computed here without luxon.
    const [year, month, day] = resolveIssueDate(sample().loaded.jornada).split('-').map(Number) as [
      number,
      number,
      number,
    ];
    const weekday = ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'][
      new Date(Date.UTC(year, month - 1, day)).getUTCDay()
    ];
    const monthName = [
      'enero',
      'febrero',
      'marzo',
      'abril',
      'mayo',
      'junio',
      'julio',
      'agosto',
      'septiembre',
      'octubre',
      'noviembre',
      'diciembre',
    ][month - 1];
    expect(doc.dateline).toBe(`Ciudad de México, ${weekday} ${day} de ${monthName} de ${year}`);
  });

  test('no trace of a zero, an empty list or a dangling conjunction', () => {
    const text = flowText(sample());
    expect(text).not.toMatch(/(^|\s)0 /);
    expect(text).not.toMatch(/(?<![\p{L}\p{N}])(y|e|o|u|de|en|con|así como)\s*[.,;:]/u);
    expect(text).not.toMatch(/\s[,.;:]/);
    expect(text).not.toMatch(/,\s*,|\.\s*\./);
  });
});

describe('seed 002 (Cuarta Jornada Extraordinaria)', () => {
  test('prints the figures, dates and number as the seed prints them', async () => {
    const text = unbrokenPdfText(await pdfToText(seed002().pdf)).replace(/\s+/g, ' ');
    for (const phrase of [
      '197 mil 144',
      '163 mil 110',
      '68 mil 721',
      '3 mil 29 cirugías',
      '91 mil 878',
      '28 mil 800',
      'del 24 al 26 de febrero',
      'miércoles 1 de marzo de 2023',
      'No. 093/2023',
    ]) {
      expect(text).toContain(phrase);
    }
  });

  test('computes the percentage from the data: 120.9 where the seed misprinted 120.5', async () => {
    const text = unbrokenPdfText(await pdfToText(seed002().pdf)).replace(/\s+/g, ' ');
    expect(text).toContain('120.9 por ciento');
    expect(text).not.toContain('120.5');
  });

  test('LibreOffice opens the DOCX and reads the same words', async () => {
    const { docx, doc, html } = seed002();
    const folder = join(workDir, 'libreoffice');
    const input = join(workDir, 'boletin.docx');
    await writeFile(input, docx);
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${join(workDir, 'perfil-lo')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        folder,
        input,
      ],
      { timeout: 120_000 },
    );
    const converted = await readFile(join(folder, 'boletin.pdf'));
    const fromLibreOffice = pdfWords(await pdfToText(converted, { raw: true }), doc as BulletinDocument).flow;
    expect(fromLibreOffice).toEqual(wordsFromHtml(html).flow);
  });
});
