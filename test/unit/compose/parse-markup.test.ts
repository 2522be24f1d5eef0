import { describe, expect, test } from 'vitest';
import { MarkupError, decodeEntities, parseMarkup } from '../../../src/compose/parse-markup.ts';

describe('parseMarkup', () => {
  test('reads the parts of a bulletin into the document model', () => {
    const parsed = parseMarkup(`
      <fecha>Ciudad de México, miércoles 1 de marzo de 2023</fecha>
      <numero>No. 093/2023</numero>
      <titulo>Rebasa IMSS meta
        con 197 mil 144 acciones</titulo>
      <balazo>Del 24 al 26 de febrero se realizaron <b>3 mil 29 cirugías</b>.</balazo>
      <balazo>   </balazo>
      <p>Primer párrafo.</p>
      <p></p>
      <h2>Enlaces</h2>
      <lista>
        <li><a href="https://bit.ly/3KIgH0Y">Fotos</a></li>
      </lista>`);
    expect(parsed.dateline).toBe('Ciudad de México, miércoles 1 de marzo de 2023');
    expect(parsed.number).toBe('No. 093/2023');
    expect(parsed.headline).toBe('Rebasa IMSS meta con 197 mil 144 acciones');
    expect(parsed.bullets).toEqual([
      [
        { kind: 'text', text: 'Del 24 al 26 de febrero se realizaron ' },
        { kind: 'strong', children: [{ kind: 'text', text: '3 mil 29 cirugías' }] },
        { kind: 'text', text: '.' },
      ],
    ]);
    expect(parsed.body).toEqual([
      { kind: 'paragraph', content: [{ kind: 'text', text: 'Primer párrafo.' }] },
      { kind: 'heading', level: 2, content: [{ kind: 'text', text: 'Enlaces' }] },
      {
        kind: 'list',
        items: [[{ kind: 'link', href: 'https://bit.ly/3KIgH0Y', children: [{ kind: 'text', text: 'Fotos' }] }]],
      },
    ]);
  });

  test('escaped data stays plain text, never structure', () => {
    const parsed = parseMarkup(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; {{x}} &quot;Águila&quot; &#x27;ok&#x27; 🏥</p>',
    );
    expect(parsed.body).toEqual([
      { kind: 'paragraph', content: [{ kind: 'text', text: '<script>alert(1)</script> & {{x}} "Águila" \'ok\' 🏥' }] },
    ]);
  });

  test.each([
    ['<p>sin cierre', /Falta el cierre <\/p>/],
    ['<p>a</b>', /Se esperaba <\/p>/],
    ['texto suelto', /Texto fuera de un elemento/],
    ['<tabla>x</tabla>', /Elemento desconocido/],
    ['<p><a href="javascript:alert(1)">x</a></p>', /Enlace sin dirección válida/],
    ['<lista><p>x</p></lista>', /solo van elementos <li>/],
    ['<p>a < b</p>', /Marcado mal formado/],
  ])('a template mistake is reported: %s', (markup, message) => {
    expect(() => parseMarkup(markup)).toThrow(MarkupError);
    expect(() => parseMarkup(markup)).toThrow(message);
  });

  test('decodes the entities Handlebars writes', () => {
    expect(decodeEntities('&amp;&lt;&gt;&quot;&#x27;&#x60;&#x3D;&#233;')).toBe('&<>"\'`=é');
    expect(decodeEntities('&nada;')).toBe('&nada;');
  });
});
