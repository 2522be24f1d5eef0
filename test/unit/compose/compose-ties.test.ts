import { describe, expect, test } from 'vitest';
import { plainText } from '../../../src/render/text/text-runs.ts';
import type { BulletinDocument } from '../../../src/model/bulletin-document.ts';
import { composeSample, sampleFiles } from '../../support/compose-sample.ts';
import { breakableUnits } from '../lang/support/ties.ts';

/** Every text of a document a reader sees, one string per paragraph, headline and bullet. */
function paragraphs(doc: BulletinDocument): string[] {
  return [
    doc.headline,
    doc.number,
    ...doc.bullets.map(plainText),
    ...doc.body.flatMap((block) => (block.kind === 'list' ? block.items.map(plainText) : [plainText(block.content)])),
  ];
}

/**
 * The no-break spaces the phrasing writes inside figures, day ranges and the number survive composing
 * (templates, markup, whitespace collapsing) in every sample: no unit is left breakable.
 */
describe.each(sampleFiles())('%s', (file) => {
  test('no figure, day range or bulletin number can break across lines', async () => {
    const { doc } = await composeSample(file);
    const texts = paragraphs(doc);
    expect(texts.flatMap(breakableUnits)).toEqual([]);
    expect(doc.number).toMatch(/^No\.\u00A0\d{3,4}\/\d{4}$/);
    expect(texts.join('\n')).toContain('\u00A0mil\u00A0');
  });
});
