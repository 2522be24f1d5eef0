import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { renderDocx } from '../../src/render/docx/render-docx.ts';
import { renderHtml } from '../../src/render/html/render-html.ts';
import { renderMarkdown } from '../../src/render/markdown/render-markdown.ts';
import { withBrowser } from '../../src/render/pdf/browser-session.ts';
import { renderPdf } from '../../src/render/pdf/render-pdf.ts';
import { composeSample } from '../support/compose-sample.ts';
import { pdfToText, wordsFromDocx, wordsFromHtml } from '../support/extract-words.ts';

// Text a dataset may carry that must come out as plain text in every format: markup, template syntax,
// quotes, ampersands and emoji.
const HOSTILE = {
  script: '<script>alert("x")</script>',
  template: '{{boletin.numero}} {{#each x}}',
  quotes: `"Águila" 'Antorcha' & <b>negritas</b>`,
  emoji: 'Salud 🏥💉',
};

let work: string;
let html: string;
let pdfText: string;
let docxText: string;
let markdown: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'boletin-hostil-'));
  const sample = JSON.parse(
    await readFile(
      join(import.meta.dirname, '..', '..', 'data', 'jornadas', '2023-02-cuarta-jornada-extraordinaria.json'),
      'utf8',
    ),
  );
  sample.$schema = undefined;
  sample.estrategias = [HOSTILE.script, HOSTILE.quotes];
  sample.personal = [HOSTILE.template];
  sample.especialidades = { consultaExterna: [HOSTILE.emoji, 'Cardiología'] };
  sample.estados[0].nombre = 'Nuevo León & <i>Coahuila</i>';
  const file = join(work, 'hostil.json');
  await writeFile(file, JSON.stringify(sample));
  const { doc } = await composeSample(file);
  html = renderHtml(doc);
  markdown = renderMarkdown(doc);
  const pdf = await withBrowser((browser) => renderPdf(doc, { browser }));
  // In the order the PDF draws its text (-raw): pdftotext's layout order moves a colour emoji, taller than the
  // line, out of its sentence depending on where the line falls on the page (seen: "Salud y Cardiología. 🏥💉"
  // while the page shows "Salud 🏥💉 y Cardiología").
  pdfText = (await pdfToText(pdf, { raw: true })).replace(/\s+/g, ' ');
  docxText = (await wordsFromDocx(await renderDocx(doc))).flow.join(' ');
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

test('HTML: markup from the data is escaped text, never an element', () => {
  expect(html).not.toContain('<script>alert');
  expect(html).not.toContain('<b>negritas</b>');
  expect(html).not.toContain('<i>Coahuila</i>');
  expect(html).toContain('&lt;script&gt;alert(');
  const text = wordsFromHtml(html).flow.join(' ');
  for (const value of Object.values(HOSTILE)) expect(text).toContain(value.replace(/\s+/g, ' '));
  expect(text).toContain('Nuevo León & <i>Coahuila</i>');
});

test('PDF: the same characters, printed as text', () => {
  for (const value of Object.values(HOSTILE)) expect(pdfText).toContain(value);
});

test('DOCX: the same characters, as text runs', () => {
  for (const value of Object.values(HOSTILE)) expect(docxText).toContain(value);
});

test('Markdown: the characters survive, escaped so they are not markup', () => {
  expect(markdown).not.toContain('<script>');
  expect(markdown).toContain('🏥💉');
});
