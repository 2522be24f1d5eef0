import { describe, expect, it } from 'vitest';
import type { Block, Inline } from '../../../src/model/bulletin-document.ts';
import { blocksToParagraphs } from '../../../src/render/docx/docx-content.ts';
import { blocksToHtml } from '../../../src/render/html/blocks-to-html.ts';
import { TRACKING_STEP_PT, paragraphTrackingSteps, piecesOf, worstGap } from '../../../src/render/text/fit-tracking.ts';
import { Document, Packer } from 'docx';
import JSZip from 'jszip';

/** Text with its figures joined by no-break spaces, as the phrasing writes them ("4~mil~803"). */
const text = (words: string): Inline[] => [{ kind: 'text', text: words.replace(/~/g, '\u00A0') }];

// The gathered figures of the May 2021 samples: first-fit, "4 mil 803" does not fit after "y" and the
// line before it stretched to 2.02 spaces in Chromium and 2.38 in LibreOffice.
const LOOSE = text(
  'Al cierre de la jornada se contabilizaron 23~mil~80 detecciones de hipertensión arterial, 19~mil~842 ' +
    'de diabetes mellitus, 10~mil~166 exploraciones clínicas de mama, 9~mil~517 mastografías y ' +
    '4~mil~803 detecciones de cáncer cervicouterino, 3~mil~729 cirugías, así como 70~mil~67 consultas ' +
    'de Medicina Familiar y 17~mil~408 de especialidad.',
);
const ORDINARY = text(
  'La Dirección de Prestaciones Médicas (DPM) informó que los 35 OOAD y las 25 UMAE dieron prioridad a las ' +
    'especialidades con mayor diferimiento en Consulta Externa y cirugía, así como a las acciones preventivas ' +
    'y a la consulta de Medicina Familiar en el Primer Nivel de atención.',
);

describe('paragraph tracking', () => {
  it('foresees the loose line of the May samples and finds a tracking that keeps it under two spaces', () => {
    const pieces = piecesOf(LOOSE, 'es');
    expect(worstGap(pieces, 0)).toBeGreaterThan(2);
    const steps = paragraphTrackingSteps(LOOSE, 'es');
    expect(steps).not.toBe(0);
    expect(Math.abs(steps)).toBeLessThanOrEqual(3);
    expect(worstGap(pieces, steps * TRACKING_STEP_PT)).toBeLessThan(2);
  });

  it('leaves a paragraph whose lines are not loose as it is', () => {
    expect(worstGap(piecesOf(ORDINARY, 'es'), 0)).toBeLessThan(1.8);
    expect(paragraphTrackingSteps(ORDINARY, 'es')).toBe(0);
  });

  it('gives the HTML paragraph the class of its tracking and the DOCX runs the same spacing', async () => {
    const steps = paragraphTrackingSteps(LOOSE, 'es');
    const blocks: Block[] = [
      { kind: 'paragraph', content: LOOSE },
      { kind: 'paragraph', content: ORDINARY },
    ];
    const html = blocksToHtml(blocks, 'es');
    const classes = [...html.matchAll(/<p(?: class="([^"]*)")?>/g)].map((match) => match[1]);
    expect(classes).toEqual([`${steps < 0 ? 'apretado' : 'holgado'}-${Math.abs(steps)}`, undefined]);

    const docx = new Document({ sections: [{ children: blocksToParagraphs(blocks, 'es') }] });
    const xml = await (await JSZip.loadAsync(await Packer.toBuffer(docx))).file('word/document.xml')!.async('string');
    const paragraphs = xml.split('</w:p>').filter((part) => part.includes('<w:t'));
    expect(paragraphs).toHaveLength(2);
    // One DOCX unit (a twentieth of a point) per step, on every run of the loose paragraph only.
    const spacings = (xml: string): string[] =>
      [...xml.matchAll(/<w:spacing w:val="(-?\d+)"\/>/g)].map((m) => m[1] ?? '');
    const runs = (paragraphs[0] ?? '').split('<w:r>').length - 1;
    expect(spacings(paragraphs[0] ?? '')).toEqual(Array.from({ length: runs }, () => String(steps)));
    expect(spacings(paragraphs[1] ?? '')).toEqual([]);
  });
});
