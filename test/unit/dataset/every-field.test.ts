import { describe, expect, test } from 'vitest';
import { composeBulletin } from '../../../src/compose/compose-bulletin.ts';
import { loadTemplateSet } from '../../../src/compose/load-templates.ts';
import { plainText } from '../../../src/compose/parse-markup.ts';
import { loadCatalog } from '../../../src/dataset/catalog.ts';
import { validateJornada } from '../../../src/dataset/validate.ts';
import { bulletinStyle } from '../../../src/generate/bulletin-style.ts';
import { phrasingFor } from '../../../src/lang/index.ts';
import type { BulletinDocument } from '../../../src/model/bulletin-document.ts';
import type { Json } from './field-givers.ts';
import { base, givers, schemaFieldPaths } from './field-givers.ts';

/**
 * No field is silently dropped: for every field of the schema (walked from the generated JSON Schema, so
 * a new field fails here until it is listed), a dataset that gives it either writes a different bulletin
 * than one without it, or gets a warning naming it. The few fields that by design say nothing in the
 * Spanish bulletin are listed with the reason.
 */

const catalog = loadCatalog();
const templates = loadTemplateSet('es');

/** Fields that by design write nothing in the Spanish bulletin, and why. */
const silentByDesign: Readonly<Record<string, string>> = {
  notas: 'internal notes, never published (docs/dataset.md)',
  'estados[].lugar': "the dateline of the state's local bulletin (edition estados)",
  'web.imagen': "the web post's front matter (edition web)",
  'web.alt': "the web post's front matter (edition web)",
  'web.seccion': "the web post's front matter (edition web)",
  'web.portada': "the web post's front matter (edition web)",
  'web.autor': "the web post's front matter (edition web)",
  'web.etiquetas': "the web post's front matter (edition web)",
  'web.redirectFrom': "the web post's front matter (edition web)",
  'destacados[].textoEn': 'the English edition writes it',
  'estados[].destacados[].textoEn': 'the English edition writes it',
  'hospitales[].destacados[].textoEn': 'the English edition writes it',
  'hospitales[].ciudad': 'where the unit is: kept for per-state editions and the registry, not for the national text',
  'hospitales[].estado': 'where the unit is: kept for per-state editions and the registry, not for the national text',
  'hospitales[].nombre':
    'with "siglas" the sentence names the unit by them; without, by this name (see the siglas case)',
};

/** The bulletin's words for a raw dataset, with the warnings validation gave it. */
function written(raw: Json): { text: string; warnings: string[] } {
  const result = validateJornada(raw, { file: 'prueba.json', catalog });
  const errors = result.problems.filter((problem) => problem.severity === 'error');
  if (result.jornada === undefined)
    throw new Error(`dataset inválido: ${errors.map((problem) => `${problem.place}: ${problem.message}`).join('; ')}`);
  const style = bulletinStyle(result.jornada);
  const doc: BulletinDocument = composeBulletin(result.jornada, {
    templates,
    catalog,
    phrasing: phrasingFor('es', style.figureStyle, style.phrasingOptions),
    style: style.composeStyle,
    number: result.jornada.boletin?.numero ?? null,
    issueDate: result.jornada.boletin?.fecha ?? '2023-02-27',
    ...(result.jornada.boletin?.lugar ? { place: result.jornada.boletin.lugar } : {}),
    draft: false,
    edition: 'nacional',
  });
  const text = [
    doc.dateline,
    doc.number,
    doc.headline,
    ...doc.bullets.map(plainText),
    ...doc.body.map((block) =>
      block.kind === 'list' ? block.items.map(plainText).join(' ') : plainText(block.content),
    ),
  ].join('\n');
  return {
    text,
    warnings: result.problems.filter((problem) => problem.severity === 'aviso').map((problem) => problem.place),
  };
}

const paths = schemaFieldPaths();

describe('every field given is printed or warned about', () => {
  test('the walk finds the schema fields, and every one has a way to give it', () => {
    expect(paths.length).toBeGreaterThan(50);
    expect(paths.filter((path) => givers[path] === undefined)).toEqual([]);
  });

  test.each(paths.filter((path) => silentByDesign[path] === undefined))('%s', (path) => {
    const without = written(base());
    const raw = base();
    givers[path]?.(raw);
    const withField = written(raw);
    const field = path.replace(/\[\]/g, '');
    const named = withField.warnings.some((place) =>
      place.replace(/\[\d+\]/g, '').startsWith(field.split('.')[0] ?? field),
    );
    expect({ changed: withField.text !== without.text || named }).toEqual({ changed: true });
  });

  test('a state listed with only its name is warned about, by name', () => {
    const raw = base();
    givers['estados[].nombre']?.(raw);
    expect(written(raw).warnings).toEqual(['estados[0].nombre']);
  });
});
