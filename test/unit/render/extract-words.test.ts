import { describe, expect, it } from 'vitest';
import { textOfWordXml, wordsFromHtml, wordsFromPdfText } from '../../support/extract-words.ts';
import { sampleDocument } from '../../support/sample-document.ts';

describe('the words extractor used to compare formats', () => {
  it('reads HTML body text: entities decoded, inline tags joined, block tags and running marks apart', () => {
    const html =
      '<html><head><title>no</title><style>p{}</style></head><body><p class="b" data-running>BORRADOR</p>' +
      '<h1>Salud &amp; <em>bien</em>estar</h1><ul><li>uno</li><li>dos&nbsp;&#x1F600;</li></ul><script>x()</script></body></html>';
    expect(wordsFromHtml(html)).toEqual({
      flow: ['Salud', '&', 'bienestar', 'uno', 'dos', '😀'],
      running: ['BORRADOR'],
    });
  });

  it('strips running lines only at the edges of each PDF page, and rejoins a word broken at a hyphen', () => {
    const doc = sampleDocument();
    const text = [
      'Instituto\nNo. 093/2023\nla pandemia de COVID-\n19 y más\n\nNo. 093/2023\n\nPágina 1 de 2\n',
      'BORRADOR\nsegunda página\nNo. 093/2023 Página 2 de 2\n',
      '',
    ].join('\f');
    const words = wordsFromPdfText(text, doc);
    expect(words.flow).toEqual([
      'Instituto',
      'No.',
      '093/2023',
      'la',
      'pandemia',
      'de',
      'COVID-19',
      'y',
      'más',
      'segunda',
      'página',
    ]);
    expect(words.running).toEqual([
      'No.',
      '093/2023',
      'Página',
      '1',
      'de',
      '2',
      'BORRADOR',
      'No.',
      '093/2023',
      'Página',
      '2',
      'de',
      '2',
    ]);
  });

  it('drops bullet glyphs, which the PDF draws and the HTML does not', () => {
    expect(wordsFromPdfText('• uno\n· dos\n', sampleDocument()).flow).toEqual(['uno', 'dos']);
  });

  it('reads Word paragraphs: runs joined, tabs as spaces, field codes left out', () => {
    const xml =
      '<w:p><w:r><w:t>Sa</w:t></w:r><w:r><w:t xml:space="preserve">lud &amp; </w:t></w:r><w:r><w:tab/></w:r>' +
      '<w:r><w:instrText>PAGE</w:instrText></w:r></w:p><w:p><w:r><w:t>otro</w:t></w:r></w:p>';
    expect(textOfWordXml(xml).split(/\s+/).filter(Boolean)).toEqual(['Salud', '&', 'otro']);
  });
});
