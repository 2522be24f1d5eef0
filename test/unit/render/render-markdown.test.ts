import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../../src/render/markdown/escape-markdown.ts';
import { inlinesToMarkdown, renderMarkdown } from '../../../src/render/markdown/render-markdown.ts';
import { textRuns } from '../../../src/render/text/text-runs.ts';
import { HOSTILE, hostileDocument, sampleDocument } from '../../support/sample-document.ts';

function split(markdown: string): { front: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(markdown);
  if (match === null) throw new Error('sin front matter');
  return { front: parse(match[1] ?? '') as Record<string, unknown>, body: match[2] ?? '' };
}

/** What a CommonMark reader shows for escaped text: backslash escapes and our brace entities undone. */
const unescape = (markdown: string): string =>
  markdown
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&#123;/g, '{')
    .replace(/&#125;/g, '}');

describe('renderMarkdown', () => {
  const doc = sampleDocument();
  const { front, body } = split(renderMarkdown(doc));

  it('writes the front matter of a web post like seed 000', () => {
    expect(front).toEqual({
      title: doc.metadata.title,
      date: '2023-03-01T12:00:00-06:00',
      description: doc.metadata.description,
      tags: ['IMSS', 'jornada', 'cirugías', 'trasplantes'],
      section: 'Nacional',
      lang: 'es-MX',
      author: 'Coordinación de Comunicación Social',
      number: 'No. 093/2023',
    });
    expect(renderMarkdown(doc)).toContain('\ndate: 2023-03-01T12:00:00-06:00\n');
  });

  it('keeps the no-break spaces of a figure (U+00A0, not an entity) in the title, the number and the text', () => {
    const tied = {
      ...doc,
      number: 'No.\u00A0093/2023',
      metadata: { ...doc.metadata, title: 'Supera IMSS su meta con 197\u00A0mil\u00A0144 acciones' },
      body: [
        {
          kind: 'paragraph' as const,
          content: [
            { kind: 'text' as const, text: 'Del 24\u00A0al\u00A026 de febrero, 3\u00A0mil\u00A0729 cirugías.' },
          ],
        },
      ],
    };
    const markdown = split(renderMarkdown(tied));
    // The web site renders the post as HTML, where U+00A0 keeps the figure on one line on a phone too.
    expect(markdown.front['title']).toBe('Supera IMSS su meta con 197\u00A0mil\u00A0144 acciones');
    expect(markdown.front['number']).toBe('No.\u00A0093/2023');
    expect(markdown.body).toContain('Del 24\u00A0al\u00A026 de febrero, 3\u00A0mil\u00A0729 cirugías.');
    expect(markdown.body).not.toContain('&nbsp;');
  });

  it('leaves out what the document does not have, and marks a draft unpublished and visibly', () => {
    const draft = split(
      renderMarkdown({
        ...doc,
        draft: true,
        number: '',
        metadata: { ...doc.metadata, keywords: [], section: undefined, description: undefined },
      }),
    );
    expect(draft.body.startsWith(`**${doc.labels.draft}**\n\n`)).toBe(true);
    expect(split(renderMarkdown(doc)).body).not.toContain(doc.labels.draft);
    const bare = draft.front;
    expect(bare).not.toHaveProperty('tags');
    expect(bare).not.toHaveProperty('section');
    expect(bare).not.toHaveProperty('number');
    expect(bare['description']).toBe(doc.metadata.subject);
    expect(bare['published']).toBe(false);
  });

  it('writes the bullets, headings, lists, emphasis and links in Markdown', () => {
    expect(body).toContain(
      '- Se tenían planeadas 163 mil 110 acciones; se alcanzó el **120.9 por ciento** de la meta original.\n',
    );
    expect(body).toContain('\n\n## Consultas, detecciones y cirugías\n\n');
    expect(body).toContain('\n\n### Trasplantes y donaciones\n\n- 10 trasplantes renales y 12 de córnea;\n- dos de');
    expect(body).toContain('*Cuarta Jornada Extraordinaria de Continuidad de Servicios de Salud*,');
    expect(body).toContain('Fotos: [https://bit.ly/3KIgH0Y](https://bit.ly/3KIgH0Y)');
  });

  it('keeps hostile text as text: no tag, no Liquid, no emphasis or link from data', () => {
    const markdown = renderMarkdown(hostileDocument());
    const { front: hostileFront, body: hostileBody } = split(markdown);
    expect(hostileFront['title']).toBe(hostileDocument().metadata.title);
    expect(hostileFront['tags']).toContain(HOSTILE.script);
    expect(hostileBody).not.toMatch(/(?<!\\)<(script|b>)|\{\{|\{%|(?<!\\)\]\(javascript/);
    expect(hostileBody).toContain('\\<script\\>alert("x")\\</script\\>');
    expect(hostileBody).toContain('&#123;&#123;constructor.constructor "return 1"&#125;&#125;');
    expect(hostileBody).toContain('Salud \\& Bienestar \\&amp; más 😀');
    expect(hostileBody).toContain('- \\# \\*no\\* \\_es\\_ \\[enlace\\](javascript:alert(1)) \\`código\\` \\<b\\>');
    expect(unescape(hostileBody)).toContain(
      `${HOSTILE.script} ${HOSTILE.mustache} ${HOSTILE.quotes} ${HOSTILE.ampersand}`,
    );
  });

  it('escapes a paragraph that would start a list, heading or rule', () => {
    const line = (text: string): string => inlinesToMarkdown([{ kind: 'text', text }]);
    expect(line('- no es lista')).toBe('\\- no es lista');
    expect(line('---')).toBe('\\---');
    expect(line('# no es título')).toBe('\\# no es título');
    expect(line('2023. Año')).toBe('2023\\. Año');
    expect(line('+ más')).toBe('\\+ más');
  });

  it('escapes any text so that a reader gets it back, with no special character left bare', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const escaped = escapeMarkdown(text);
        expect(unescape(escaped)).toBe(text);
        expect(escaped.replace(/\\[!-/:-@[-`{-~]/g, '').replace(/&#12[35];/g, '')).not.toMatch(/[\\`*_[\]<>&~|{}!]/);
      }),
    );
  });
});

describe('textRuns', () => {
  it('collapses whitespace across runs as a browser does', () => {
    const runs = textRuns([
      { kind: 'text', text: '  Se realizaron \n ' },
      { kind: 'strong', children: [{ kind: 'text', text: ' 3 mil 29 ' }] },
      { kind: 'text', text: '  cirugías.  ' },
    ]);
    expect(runs.map((run) => [run.text, run.bold])).toEqual([
      ['Se realizaron ', false],
      ['3 mil 29 ', true],
      ['cirugías.', false],
    ]);
  });

  it('keeps the runs of one link together and nested formatting', () => {
    const runs = textRuns([
      {
        kind: 'link',
        href: 'https://a.mx',
        children: [
          { kind: 'em', children: [{ kind: 'text', text: 'uno' }] },
          { kind: 'text', text: ' dos' },
        ],
      },
    ]);
    expect(runs).toHaveLength(2);
    expect(runs[0]?.link).toBe(runs[1]?.link);
    expect(runs[0]?.italic).toBe(true);
    expect(
      inlinesToMarkdown([
        {
          kind: 'link',
          href: 'https://a.mx/(x)',
          children: [{ kind: 'strong', children: [{ kind: 'text', text: 'a' }] }],
        },
      ]),
    ).toBe('[**a**](https://a.mx/%28x%29)');
  });
});
