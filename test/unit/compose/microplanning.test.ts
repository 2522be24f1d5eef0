import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { descending, summaryFigures } from '../../../src/compose/build-view.ts';
import { composeBulletin } from '../../../src/compose/compose-bulletin.ts';
import { loadTemplateSet } from '../../../src/compose/load-templates.ts';
import { packParagraphs } from '../../../src/compose/pack-paragraphs.ts';
import { plainText } from '../../../src/compose/parse-markup.ts';
import { createTemplateEngine } from '../../../src/compose/template-engine.ts';
import { loadCatalog } from '../../../src/dataset/catalog.ts';
import { type Jornada, jornadaSchema } from '../../../src/dataset/schema.ts';
import { bulletinStyle } from '../../../src/generate/bulletin-style.ts';
import { phrasingFor } from '../../../src/lang/index.ts';
import type { BulletinDocument } from '../../../src/model/bulletin-document.ts';
import { boletin, minimalJornada, useTempDirs } from '../dataset/helpers.ts';
import { typedDocument } from '../../support/typed-document.ts';

const catalog = loadCatalog();
const templates = loadTemplateSet('es');

function compose(data: Record<string, unknown>, settings: Parameters<typeof bulletinStyle>[1] = {}): BulletinDocument {
  const jornada: Jornada = jornadaSchema.parse({
    tipo: 'extraordinaria-continuidad',
    ordinal: 4,
    fechas: { inicio: '2023-02-24', fin: '2023-02-26' },
    cifras: { cirugias: 3029 },
    ...data,
  });
  const style = bulletinStyle(jornada, settings);
  // Wording tests compare with plain spaces; the no-break spaces are tested in compose-ties.test.ts.
  return typedDocument(
    composeBulletin(jornada, {
      templates,
      catalog,
      phrasing: phrasingFor('es', style.figureStyle, style.phrasingOptions),
      style: style.composeStyle,
      number: null,
      issueDate: '2023-03-01',
      draft: true,
      edition: 'nacional',
    }),
  );
}

const textOf = (doc: BulletinDocument): string =>
  [
    doc.headline,
    ...doc.bullets.map(plainText),
    ...doc.body.map((block) =>
      block.kind === 'list' ? block.items.map(plainText).join(' ') : plainText(block.content),
    ),
  ].join('\n');

describe('the programme is data', () => {
  test.each([
    ['nacional-continuidad-ordinarios', 'Cuarta Jornada Nacional de Continuidad de Servicios Ordinarios'],
    ['nacional-para-la-recuperacion', 'Cuarta Jornada Nacional para la Recuperación de los Servicios de Salud'],
    ['continuidad', 'Cuarta Jornada de Continuidad de Servicios de Salud'],
  ])('%s is named %j in the headline and the lead', (tipo, name) => {
    const doc = compose({ tipo });
    expect(doc.headline).toContain(`la ${name}`);
    expect(textOf(doc).split(name)).toHaveLength(3);
  });

  test('a plural programme takes plural articles and agreement', () => {
    const text = textOf(compose({ tipo: 'monotematica', ordinal: undefined }));
    expect(text).toContain(
      'llevó a cabo las jornadas monotemáticas de recuperación de servicios de salud, dedicadas a',
    );
    expect(text).toContain('Al cierre de las jornadas');
  });
});

describe('the goal prints what was given', () => {
  test.each([
    [
      { logradas: 197_144, planeadas: 163_110 },
      'el 120.9 por ciento de la meta',
      'por encima de las 163 mil 110 que tenía programadas',
    ],
    [
      { logradas: 197_144, porcentaje: 120.5 },
      'el 120.5 por ciento de la meta',
      'con lo que cumplió el 120.5 por ciento de su meta',
    ],
    [{ logradas: 900, planeadas: 1000 }, 'el 90 por ciento de la meta', 'frente a las mil que tenía programadas'],
  ])('%j', (meta, bullet, lead) => {
    const text = textOf(compose({ meta }));
    expect(text).toContain(bullet);
    expect(text).toContain(lead);
  });

  test('a published percentage derives no planned count', () => {
    const text = textOf(compose({ meta: { logradas: 197_144, porcentaje: 120.5 } }));
    expect(text).not.toContain('planead');
    expect(text).not.toContain('programad');
    expect(text).not.toContain('163 mil');
    expect(compose({ meta: { logradas: 197_144, porcentaje: 120.5 } }).headline).toMatch(/^Supera IMSS su meta/);
  });
});

describe('gathered figures', () => {
  test('donations: "de las cuales" for several multi-organ ones, the dash aside for one', () => {
    expect(
      textOf(compose({ cifras: { 'donacion-cadaverica': 14, 'donacion-multiorganica': 3, 'donacion-tejidos': 13 } })),
    ).toContain('Se concretaron 14 donaciones cadavéricas, de las cuales tres fueron multiorgánicas, y 13 de tejidos.');
    expect(textOf(compose({ cifras: { 'donacion-cadaverica': 14, 'donacion-multiorganica': 1 } }))).toContain(
      'Se concretaron 14 donaciones cadavéricas —una de ellas multiorgánica—.',
    );
  });

  test('"uno de corazón" after its head noun, "un corazón" in the short form', () => {
    const text = textOf(compose({ cifras: { trasplantes: 3, 'trasplante-rinon': 2, 'trasplante-corazon': 1 } }));
    expect(text).toContain('Se efectuaron tres trasplantes: dos renales y uno de corazón.');
    expect(text).toContain('con tres trasplantes');
    const engine = createTemplateEngine(
      { templates: { t: '{{listaCantidades items forma="corta"}}' }, partials: {} },
      phrasingFor('es'),
      (id) => catalog.get(id)?.es,
    );
    expect(engine.render('t', { items: [{ id: 'trasplante-corazon', valor: 1 }] })).toBe('un corazón');
  });

  test('a long name with its acronym once, then the acronym; the article when all took part', () => {
    const text = textOf(compose({ participacion: { ooad: 35, umae: 25 }, cifrasUmae: { cirugias: 770 } }));
    expect(text).toContain(
      'Participaron los 35 Órganos de Operación Administrativa Desconcentrada (OOAD) y las 25 Unidades Médicas de Alta Especialidad (UMAE)',
    );
    expect(text).toContain('informó que los 35 OOAD y las 25 UMAE dieron prioridad');
    expect(text).toContain('En las UMAE se registraron 770 cirugías.');
    expect(textOf(compose({ participacion: { ooad: 33, umae: 23 } }))).toContain('Participaron 33 Órganos');
  });

  test('state groups: a threshold in each, or a shared statement', () => {
    const text = textOf(
      compose({
        gruposDeEstados: [
          { estados: ['Jalisco', 'Nuevo León'], masDe: 10_000 },
          { estados: ['Oaxaca'], masDe: 500, de: 'cirugias' },
          { estados: ['Sonora', 'Yucatán'], enunciado: 'cumplieron su meta' },
        ],
      }),
    );
    expect(text).toContain(
      'Jalisco y Nuevo León sumaron cada uno más de 10 mil acciones. Oaxaca sumó más de 500 cirugías. Sonora y Yucatán cumplieron su meta.',
    );
  });

  test('style settings reach the bulletin from the dataset, and an option wins over them', () => {
    const data = {
      ordinal: 14,
      cifras: { cirugias: 90_034, trasplantes: 3 },
      boletin: { ordinal: 'corta', relleno: true, listasAbiertas: true },
    };
    const text = textOf(compose(data));
    expect(text).toContain('14ª Jornada Extraordinaria');
    expect(text).toContain('90 mil 034 cirugías');
    expect(text).toContain('En la jornada se realizaron 90 mil 034 cirugías, tres trasplantes, entre otras.');
    expect(textOf(compose(data, { ordinal: 'palabras', relleno: false }))).toContain(
      'Décima Cuarta Jornada Extraordinaria',
    );
    expect(textOf(compose(data, { ordinal: 'palabras', relleno: false }))).toContain('90 mil 34 cirugías');
  });

  test('no verb opens two sentences in a row', () => {
    const doc = compose(minimalJornada());
    const sentences = doc.body
      .flatMap((block) => (block.kind === 'list' ? [] : plainText(block.content).split(/(?<=\.)\s+/)))
      .map(
        (sentence) =>
          sentence
            .match(/\b(se \p{L}+|llevó|informó|dieron|acumula|destacan?|sobresalen?|sumaron|da)\b/iu)?.[0]
            ?.toLowerCase() ?? '',
      );
    const repeats = sentences.filter((verb, index) => verb !== '' && verb === sentences[index - 1]);
    expect(repeats).toEqual([]);
  });
});

describe('paragraph packing', () => {
  const sentence = (words: number): string => Array.from({ length: words }, () => 'palabra').join(' ');
  test.each([
    [[10, 10, 10], [[10, 10, 10]]],
    [
      [30, 30],
      [[30], [30]],
    ],
    [
      [10, 90, 10],
      [[10], [90], [10]],
    ],
    [[10, 60, 10], [[10, 60, 10]]],
    [[20, 5], [[20, 5]]],
    [[], []],
  ])('%j words -> %j', (lengths, expected) => {
    const packed = packParagraphs(lengths.map(sentence)).map((paragraph) =>
      paragraph.map((text) => text.split(' ').length),
    );
    expect(packed).toEqual(expected);
  });
});

describe('breakdowns and summaries', () => {
  test('descending by count, stable for equal counts', () => {
    expect(
      descending([
        { id: 'a', valor: 1, fuente: 'cifras.a' },
        { id: 'b', valor: 12, fuente: 'cifras.b' },
        { id: 'c', valor: 10, fuente: 'cifras.c' },
        { id: 'd', valor: 10, fuente: 'cifras.d' },
      ]).map((item) => item.id),
    ).toEqual(['b', 'c', 'd', 'a']);
  });

  test('the summary takes one figure per group, its total first, largest first, at most four', () => {
    const view = (total: number, partes: { id: string; valor: number }[]) => ({
      grupo: 'x',
      total,
      totalId: 'x',
      femenino: true,
      partes,
      completo: false,
    });
    const grupos = {
      consultas: view(0, [{ id: 'consulta-medicina-familiar', valor: 91_878 }]),
      detecciones: view(68_721, []),
      cirugias: view(3029, []),
      trasplantes: view(25, [{ id: 'trasplante-cornea', valor: 12 }]),
      donaciones: view(0, [{ id: 'donacion-cadaverica', valor: 14 }]),
    };
    expect(summaryFigures(grupos as never).map((item) => `${item.id} ${item.valor}`)).toEqual([
      'consulta-medicina-familiar 91878',
      'x 68721',
      'x 3029',
      'x 25',
    ]);
  });
});

describe('validar --estricto', () => {
  const tempDir = useTempDirs();
  test('accepts a dataset whose total is services plus transplants (donations are not actions)', async () => {
    const dir = tempDir();
    const data = {
      ...minimalJornada(),
      meta: { planeadas: 3000, logradas: 3054 },
      cifras: { cirugias: 3029, trasplantes: 25, 'donacion-cadaverica': 14, 'donacion-tejidos': 13 },
    };
    writeFileSync(join(dir, 'jornada.json'), JSON.stringify(data));
    const result = await boletin(['validar', '--estricto', 'jornada.json'], dir);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
  });
});
