import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/render/docx/render-docx.ts';
import { decodeEntities, textOfWordXml, wordsFromDocx, wordsFromHtml } from '../../support/extract-words.ts';
import { renderHtml } from '../../../src/render/html/render-html.ts';
import { HOSTILE, hostileDocument, sampleDocument } from '../../support/sample-document.ts';

async function parts(docx: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(docx);
  const texts: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    if (/\.(xml|rels)$/.test(name)) texts[name] = (await zip.file(name)?.async('string')) ?? '';
  }
  return texts;
}

const styleBlock = (styles: string, id: string): string =>
  new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';

describe('renderDocx', () => {
  const doc = sampleDocument();
  let docx: Uint8Array;
  let xml: Record<string, string>;
  beforeAll(async () => {
    docx = await renderDocx(doc);
    xml = await parts(docx);
  });
  const documentXml = (): string => xml['word/document.xml'] ?? '';

  it('uses real Word styles: Title for the headline, Heading 1 and 2 for the body headings', () => {
    const styles = xml['word/styles.xml'] ?? '';
    for (const id of ['Title', 'Heading1', 'Heading2', 'ListParagraph', 'BodyText', 'Hyperlink']) {
      expect(styleBlock(styles, id), id).not.toBe('');
    }
    expect(styleBlock(styles, 'Heading1')).toContain('<w:outlineLvl w:val="0"/>');
    expect(documentXml()).toMatch(
      /<w:pStyle w:val="Title"\/><\/w:pPr><w:r><w:t xml:space="preserve">Supera IMSS la meta/,
    );
    expect(documentXml()).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?Consultas, detecciones y cirugías/);
    expect(documentXml()).toMatch(/<w:pStyle w:val="Heading2"\/>[\s\S]*?Trasplantes y donaciones/);
  });

  it('never breaks COVID-19 at its hyphen, and hyphenates justified paragraphs with optional hyphens', () => {
    // Word's no-break hyphen: neither Word nor LibreOffice ends a line with "COVID-".
    expect(documentXml()).toContain('mia de COVID</w:t><w:noBreakHyphen/><w:t xml:space="preserve">19, es');
    expect(documentXml()).not.toMatch(/COVID-19/);
    // The same break points as the HTML, as <w:softHyphen/>: "Ins-ti-tu-to" in a body paragraph.
    expect(documentXml()).toMatch(/Ins<\/w:t><w:softHyphen\/><w:t xml:space="preserve">ti<\/w:t><w:softHyphen\/>/);
    const title = /<w:pStyle w:val="Title"\/>[\s\S]*?<\/w:p>/.exec(documentXml())?.[0] ?? '';
    expect(title).toContain('Supera IMSS');
    expect(title).not.toContain('softHyphen');
  });

  it('sets Liberation Sans and the document language as defaults', () => {
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(xml['word/styles.xml'] ?? '')?.[0] ?? '';
    expect(defaults).toContain('w:ascii="Liberation Sans"');
    expect(defaults).toContain('<w:lang w:val="es-MX"/>');
  });

  it('lists bullets with a bullet numbering definition, for the summary and body lists', () => {
    const numbering = xml['word/numbering.xml'] ?? '';
    expect(numbering).toMatch(/<w:numFmt w:val="bullet"\/>/);
    expect(numbering).toContain('<w:lvlText w:val="•"/>');
    const bulleted = documentXml().match(/<w:numPr>/g) ?? [];
    expect(bulleted).toHaveLength(doc.bullets.length + 3);
  });

  it('has a running footer with the number and PAGE / NUMPAGES fields between the labels', () => {
    const footer = Object.entries(xml).find(([name]) => /^word\/footer\d*\.xml$/.test(name))?.[1] ?? '';
    expect(textOfWordXml(footer).trim()).toMatch(/^No\. 093\/2023 +Página +de$/);
    expect(footer).toMatch(
      /<w:instrText[^>]*>PAGE<\/w:instrText>[\s\S]*de [\s\S]*<w:instrText[^>]*>NUMPAGES<\/w:instrText>/,
    );
    expect(documentXml()).toMatch(/<w:footerReference w:type="default"/);
    expect(documentXml()).toMatch(/<w:headerReference w:type="default"/);
  });

  it('is Letter paper with the margins of the print stylesheet', () => {
    expect(documentXml()).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
    expect(documentXml()).toMatch(/<w:pgMar w:top="1080" w:right="1296" w:bottom="1152" w:left="1296"/);
  });

  it('puts the logo in the letterhead, as SVG with its PNG rendition, with its alternative text', async () => {
    const media = await mediaFiles(docx);
    expect(media.filter((name) => name.endsWith('.svg'))).toHaveLength(1);
    expect(media.filter((name) => name.endsWith('.png'))).toHaveLength(1);
    expect(documentXml()).toContain('descr="Logotipo del Instituto"');
    expect(documentXml()).toContain('<asvg:svgBlip');
  });

  it('sets the document properties and the issue date as creation and modification date', () => {
    const core = xml['docProps/core.xml'] ?? '';
    const value = (tag: string): string =>
      decodeEntities(new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`).exec(core)?.[1] ?? '');
    expect(value('dc:title')).toBe(doc.metadata.title);
    expect(value('dc:subject')).toBe(doc.metadata.subject);
    expect(value('dc:creator')).toBe('Coordinación de Comunicación Social');
    expect(value('cp:lastModifiedBy')).toBe('Coordinación de Comunicación Social');
    expect(value('cp:keywords')).toBe('IMSS, jornada, cirugías, trasplantes');
    expect(value('dc:description')).toBe(doc.metadata.description);
    expect(value('dcterms:created')).toBe('2023-03-01T18:00:00Z');
    expect(value('dcterms:modified')).toBe('2023-03-01T18:00:00Z');
    expect(xml['docProps/app.xml']).toContain('<Application>Boletín</Application>');
  });

  it('links with deterministic relationship ids', () => {
    const rels = xml['word/_rels/document.xml.rels'] ?? '';
    expect(rels).toContain(
      'Id="rIdLink1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://bit.ly/3KIgH0Y" TargetMode="External"',
    );
    expect(documentXml()).toContain('<w:hyperlink w:history="1" r:id="rIdLink1">');
    const ids = [...rels.matchAll(/Id="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives the same bytes for the same document, with zip entries dated at the issue', async () => {
    const again = await renderDocx(sampleDocument());
    expect(Buffer.from(again).equals(Buffer.from(docx))).toBe(true);
    const zip = await JSZip.loadAsync(docx);
    const dates = new Set(Object.values(zip.files).map((file) => file.date.getTime()));
    expect(dates.size).toBe(1);
  });

  it('carries exactly the words of the HTML, with no draft mark on a final bulletin', async () => {
    const words = await wordsFromDocx(docx);
    expect(words.flow).toEqual(wordsFromHtml(renderHtml(doc)).flow);
    expect(words.running).toEqual(['No.', '093/2023', 'Página', 'de']);
  });
});

async function mediaFiles(docx: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(docx);
  return Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
}

describe('renderDocx with hostile text and a draft', () => {
  it('writes the hostile text as text runs, escaped XML, in every part', async () => {
    const hostile = hostileDocument();
    const docx = await renderDocx(hostile);
    const xml = await parts(docx);
    for (const [name, text] of Object.entries(xml)) {
      expect(text, name).not.toMatch(/<script|<b>/);
    }
    const words = await wordsFromDocx(docx);
    const flow = words.flow.join(' ');
    expect(flow).toContain(
      `${HOSTILE.script} ${HOSTILE.mustache} ${HOSTILE.quotes} ${HOSTILE.ampersand} ${HOSTILE.emoji}`,
    );
    expect(words.flow).toEqual(wordsFromHtml(renderHtml(hostile)).flow);
    expect(decodeEntities(/<dc:title>([^<]*)</.exec(xml['docProps/core.xml'] ?? '')?.[1] ?? '')).toBe(
      hostile.metadata.title,
    );
  });

  it('prints the draft mark in the running header and no number', async () => {
    const words = await wordsFromDocx(await renderDocx(hostileDocument()));
    expect(words.running).toEqual(['BORRADOR', 'Página', 'de']);
  });

  it('embeds a PNG logo as it comes', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR42mNk+M9Qz8DAwAAADhgCAaQLQSgAAAAASUVORK5CYII=',
      'base64',
    );
    const doc = {
      ...sampleDocument(),
      logo: { dataUri: `data:image/png;base64,${png.toString('base64')}`, mediaType: 'image/png' },
    };
    const docx = await renderDocx(doc);
    const media = await mediaFiles(docx);
    expect(media).toHaveLength(1);
    expect(media[0]).toMatch(/\.png$/);
    // Two pixels wide, one high: the letterhead keeps the proportion.
    const [, cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec((await parts(docx))['word/document.xml'] ?? '') ?? [];
    expect(Number(cx) / Number(cy)).toBeCloseTo(2, 1);
  });

  it('embeds an SVG logo with the PNG rendition the document brings', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100"><rect width="300" height="100"/></svg>',
    );
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR42mNk+M9Qz8DAwAAADhgCAaQLQSgAAAAASUVORK5CYII=',
      'base64',
    );
    const logo = {
      dataUri: `data:image/svg+xml;base64,${svg.toString('base64')}`,
      mediaType: 'image/svg+xml',
      pngDataUri: `data:image/png;base64,${png.toString('base64')}`,
    };
    const zip = await JSZip.loadAsync(await renderDocx({ ...sampleDocument(), logo }));
    const media = Object.keys(zip.files)
      .filter((name) => name.startsWith('word/media/'))
      .sort();
    expect(media.map((name) => name.replace(/^.*\./, ''))).toEqual(['png', 'svg']);
    expect(Buffer.from(await zip.file(media[0] ?? '')!.async('uint8array')).equals(png)).toBe(true);
    expect(Buffer.from(await zip.file(media[1] ?? '')!.async('uint8array')).equals(svg)).toBe(true);
    const [, cx, cy] =
      /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec((await zip.file('word/document.xml')?.async('string')) ?? '') ?? [];
    expect(Number(cx) / Number(cy)).toBeCloseTo(3, 1);
  });
});
