import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RenderError } from '../../../src/errors.ts';
import type { BulletinDocument } from '../../../src/model/bulletin-document.ts';
import { DEFAULT_TEMPLATES_DIR, loadLayoutAssets } from '../../../src/render/assets/layout-assets.ts';
import { renderHtml } from '../../../src/render/html/render-html.ts';
import {
  PAGE_COMPILE_OPTIONS,
  PAGE_RUNTIME_OPTIONS,
  compilePageTemplate,
} from '../../../src/render/html/page-template.ts';
import { wordsFromHtml } from '../../support/extract-words.ts';
import { HOSTILE, hostileDocument, sampleDocument } from '../../support/sample-document.ts';

const between = (html: string, open: string, close: string): string[] =>
  [...html.matchAll(new RegExp(`${open}([\\s\\S]*?)${close}`, 'g'))].map((match) => match[1] ?? '');

/** The HTML without the soft hyphens of justified paragraphs, for tests about markup and words. */
const unhyphenated = (html: string): string => html.replaceAll('\u00AD', '');

describe('renderHtml', () => {
  const doc = sampleDocument();
  const hyphenated = renderHtml(doc);
  const html = unhyphenated(hyphenated);

  it('hyphenates the justified body paragraphs only: not headings, lists, links, figures or acronyms', () => {
    const paragraphs = [...hyphenated.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((match) => match[1] ?? '');
    expect(paragraphs.join('')).toContain('Ins\u00ADti\u00ADtu\u00ADto');
    expect(paragraphs.join('')).toContain('(IMSS)');
    // A figure's words are joined by no-break spaces: "millones" inside one is never hyphenated.
    const tied = renderHtml({
      ...doc,
      body: [
        {
          kind: 'paragraph',
          content: [{ kind: 'text', text: 'con 4\u00A0millones\u00A0824\u00A0mil\u00A0171 consultas' }],
        },
      ],
    });
    expect(tied).toContain('con 4\u00A0millones\u00A0824\u00A0mil\u00A0171 con\u00ADsul\u00ADtas');
    const outside = hyphenated.replace(/<p>[\s\S]*?<\/p>/g, '').replace(/<a [^>]*>[^<]*<\/a>/g, '');
    expect(outside).not.toContain('\u00AD');
    for (const link of hyphenated.matchAll(/<a [^>]*>([^<]*)<\/a>/g)) expect(link[1]).not.toContain('\u00AD');
    expect(hyphenated).not.toMatch(/\d\u00AD|\u00AD\d/);
  });

  it('declares the document language, charset and a phone viewport', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="es-MX">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(renderHtml({ ...doc, lang: 'en-US' })).toContain('<html lang="en-US">');
    expect(html).toMatch(/@media screen and \(max-width: \d+px\)/);
  });

  it('has one h1, the headline, the summary bullets as a ul and real body headings and lists', () => {
    expect(between(html, '<h1>', '</h1>')).toEqual([doc.headline]);
    const summary = between(html, '<ul class="balazos">', '</ul>')[0] ?? '';
    expect(summary.match(/<li>/g)).toHaveLength(3);
    expect(summary).toContain('<strong>120.9 por ciento</strong>');
    expect(between(html, '<h2>', '</h2>')).toEqual(['Consultas, detecciones y cirugías']);
    expect(between(html, '<h3>', '</h3>')).toEqual(['Trasplantes y donaciones']);
    expect(html).toContain('<li>dos de células hematopoyéticas y uno de hígado;</li>');
    expect(html).toContain('<em>Cuarta Jornada Extraordinaria de Continuidad de Servicios de Salud</em>');
    expect(html).toContain('<a href="https://bit.ly/3KIgH0Y">https://bit.ly/3KIgH0Y</a>');
  });

  it('prints the letterhead words, dateline and number from the document, in reading order', () => {
    const flow = wordsFromHtml(html).flow.join(' ');
    expect(
      flow.startsWith(
        'Instituto Mexicano del Seguro Social BOLETÍN DE PRENSA Ciudad de México, miércoles 1 de marzo de 2023 No. 093/2023 Supera IMSS',
      ),
    ).toBe(true);
    expect(html).toContain('<p class="numero">No. 093/2023</p>');
    expect(html).toContain('alt="Logotipo del Instituto"');
  });

  it('takes every word around the content from the labels: another language, other words', () => {
    const english = renderHtml({
      ...doc,
      lang: 'en-US',
      labels: {
        institution: 'Mexican Social Security Institute',
        documentKind: 'PRESS RELEASE',
        page: 'Page',
        pageOf: 'of',
        draft: 'DRAFT',
        logoAlt: 'Institute logo',
      },
      draft: true,
    });
    const letterhead = english.slice(english.indexOf('<body'), english.indexOf('<h1>'));
    expect(letterhead).toContain('Mexican Social Security Institute');
    expect(letterhead).toContain('PRESS RELEASE');
    expect(letterhead).toContain('>DRAFT<');
    expect(letterhead).toContain('alt="Institute logo"');
    expect(letterhead).not.toMatch(/Instituto|BOLETÍN|PRENSA|BORRADOR|Logotipo/);
  });

  it('is self-contained: stylesheet and logo inlined, nothing fetched', () => {
    expect(html).toContain('font-family: "Liberation Sans", Arial');
    expect(html).toContain('@media print');
    expect(html).toMatch(/<img class="logo" src="data:image\/svg\+xml;base64,([A-Za-z0-9+/]|&#x3D;)+"/);
    expect(html).not.toMatch(/<link\b|<script\b|\ssrc="(?!data:)|url\((?!data:)/i);
  });

  it('sets the metadata in the head', () => {
    expect(html).toContain(`<title>${doc.metadata.title}</title>`);
    expect(html).toContain('<meta name="author" content="Coordinación de Comunicación Social">');
    expect(html).toContain('<meta name="keywords" content="IMSS, jornada, cirugías, trasplantes">');
  });

  it('shows the draft mark only on drafts, and leaves it out on request (the PDF prints its own)', () => {
    expect(html).not.toContain('BORRADOR');
    const draft = renderHtml({ ...doc, draft: true, number: '' });
    expect(draft).toContain('<p class="borrador" data-running>BORRADOR</p>');
    expect(draft).not.toContain('class="numero"');
    expect(renderHtml({ ...doc, draft: true }, { omitDraftMark: true })).not.toContain('class="borrador"');
  });

  it('gives the same bytes for the same document', () => {
    expect(unhyphenated(renderHtml(sampleDocument()))).toBe(html);
  });
});

describe('renderHtml with hostile text', () => {
  const html = renderHtml(hostileDocument());

  it('writes <script>, quotes and ampersands as text, never as markup', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Salud &amp; Bienestar &amp;amp; más');
    expect(html).toContain('&quot;comillas&quot; y &#39;apóstrofos&#39;');
    expect(html).toContain('<a href="https://example.org/?a=1&amp;b=2">');
  });

  it('leaves {{ untouched: data is never a template', () => {
    expect(html).toContain('{{constructor.constructor &quot;return 1&quot;}}');
  });

  it('reads back exactly the hostile words', () => {
    const flow = wordsFromHtml(html).flow.join(' ');
    expect(flow).toContain(
      `${HOSTILE.script} ${HOSTILE.mustache} ${HOSTILE.quotes} ${HOSTILE.ampersand} ${HOSTILE.emoji}`,
    );
    expect(flow).toContain(HOSTILE.markdown);
  });

  it('escapes the metadata in the head', () => {
    const head = html.slice(0, html.indexOf('<style>'));
    expect(head).not.toMatch(/<script|<b>/);
    expect(head).toContain(
      '<title>Jornada &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;comillas&quot;',
    );
  });

  it('refuses a link that is not http, https or mailto', () => {
    const doc: BulletinDocument = {
      ...sampleDocument(),
      body: [
        {
          kind: 'paragraph',
          content: [{ kind: 'link', href: 'javascript:alert(1)', children: [{ kind: 'text', text: 'x' }] }],
        },
      ],
    };
    expect(() => renderHtml(doc)).toThrow(RenderError);
  });

  it('refuses a logo that is not an image data URI', () => {
    const doc = { ...sampleDocument(), logo: { dataUri: 'javascript:alert(1)', mediaType: 'image/png' } };
    expect(() => renderHtml(doc)).toThrow(/data URI/);
    const lying = { ...sampleDocument(), logo: { dataUri: 'data:image/png;base64,AAAA', mediaType: 'image/svg+xml' } };
    expect(() => renderHtml(lying)).toThrow(RenderError);
  });
});

describe('the page template', () => {
  it('runs with the safe Handlebars settings', () => {
    expect(PAGE_COMPILE_OPTIONS).toEqual({ strict: true, knownHelpersOnly: true, noEscape: false });
    expect(PAGE_RUNTIME_OPTIONS).toEqual({ allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  });

  it('has no triple-stash, and a template with one is refused', () => {
    const source = readFileSync(join(DEFAULT_TEMPLATES_DIR, 'layout', 'pagina.html.hbs'), 'utf8');
    expect(source).not.toMatch(/\{\{\{|\{\{&/);
    expect(() => compilePageTemplate('<p>{{{body}}}</p>')).toThrow(RenderError);
  });

  it('fails on a missing value (strict) and on an unknown helper', () => {
    expect(() => compilePageTemplate('<p>{{nope}}</p>')({})).toThrow(RenderError);
    expect(() => compilePageTemplate('<p>{{lookup this "x"}}{{shout x}}</p>')({ x: 1 })).toThrow(
      'La plantilla de página falló: You specified knownHelpersOnly, but used the unknown helper shout',
    );
  });

  it('escapes values and does not reach prototypes', () => {
    expect(compilePageTemplate('<p>{{x}}</p>')({ x: '<i>&' })).toBe('<p>&lt;i&gt;&amp;</p>');
    expect(() => compilePageTemplate('<p>{{x.constructor.name}}</p>')({ x: {} })).toThrow(RenderError);
  });

  it('renders with another office’s layout files', () => {
    const layout = {
      ...loadLayoutAssets(),
      pageTemplate: '<html lang="{{lang}}"><h1>{{headline}}</h1>{{body}}</html>',
    };
    expect(unhyphenated(renderHtml(sampleDocument(), { layout }))).toMatch(
      /^<html lang="es-MX"><h1>Supera IMSS[^<]*<\/h1><p>El Instituto/,
    );
  });
});
