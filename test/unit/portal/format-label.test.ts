import { describe, expect, test } from 'vitest';
import { formatLabel } from '../../../src/portal/archive-views.ts';

// The registry formats a package's files carry (src/generate/render-editions.ts, verified-files.ts),
// and the name each gets on the download list.
describe('formatLabel', () => {
  test.each([
    ['pdf', 'PDF'],
    ['docx', 'Word (DOCX)'],
    ['html', 'HTML'],
    ['md', 'Markdown'],
    ['verificacion', 'Comprobación de cifras (JSON)'],
    ['verificacion-html', 'Comprobación de cifras'],
    ['en.pdf', 'Inglés: PDF'],
    ['en.verificacion-html', 'Inglés: comprobación de cifras'],
    ['web.md', 'Web: Markdown'],
    ['estatal-nuevo-leon.docx', 'Estatal (nuevo-leon): Word (DOCX)'],
    ['tarjeta.png-1200x675', 'Tarjeta: imagen 1200×675'],
    ['tarjeta.png-1080x1080', 'Tarjeta: imagen 1080×1080'],
    ['tarjeta.alt', 'Tarjeta: texto alternativo'],
    ['epub', 'EPUB'],
  ])('%s -> %s', (format, label) => {
    expect(formatLabel(format)).toBe(label);
  });
});
