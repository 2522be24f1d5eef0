import { splitMarks, stripMarks } from '../../../src/compose/figure-marks.ts';
import { describe, expect, test } from 'vitest';
import { chooseBullets } from '../../../src/compose/build-view.ts';
import { fillPlaceholders } from '../../../src/compose/fill-placeholders.ts';
import { loadTemplateSet } from '../../../src/compose/load-templates.ts';
import { plainText } from '../../../src/compose/parse-markup.ts';
import { loadCatalog } from '../../../src/dataset/catalog.ts';
import type { Jornada } from '../../../src/dataset/schema.ts';
import { phrasingFor } from '../../../src/lang/index.ts';
import type { BulletinDocument } from '../../../src/model/bulletin-document.ts';
import { composeJornada } from '../../support/compose-jornada.ts';
import { typedDocument } from '../../support/typed-document.ts';

const catalog = loadCatalog();
const templates = loadTemplateSet('es');

function compose(
  data: Partial<Jornada>,
  options: { number?: number | null; draft?: boolean; style?: string } = {},
): BulletinDocument {
  // Wording tests compare with plain spaces; the no-break spaces are tested in compose-ties.test.ts.
  return typedDocument(composeJornada(data, options));
}

const textOf = (doc: BulletinDocument): string =>
  [
    doc.headline,
    ...doc.bullets.map(plainText),
    ...doc.body.map((block) =>
      block.kind === 'list' ? block.items.map(plainText).join(' ') : plainText(block.content),
    ),
  ].join('\n');

describe('composeBulletin', () => {
  test('a jornada with a single figure reads naturally and says nothing of what it lacks', () => {
    const doc = compose({});
    const text = textOf(doc);
    expect(doc.headline).toBe(
      'Realiza IMSS la Segunda Jornada Nacional de Recuperación de los Servicios de Salud con 3 mil 729 cirugías',
    );
    expect(doc.dateline).toBe('Ciudad de México, lunes 17 de mayo de 2021');
    expect(doc.number).toBe('No. 012/2021');
    expect(text).toContain('En la jornada se realizaron 3 mil 729 cirugías');
    for (const absent of ['trasplante', 'consulta', 'detecci', 'donaci', 'UMAE', 'meta', 'próxima', 'Fotos'])
      expect(text).not.toContain(absent);
    expect(text).not.toMatch(/(^|\s)0\s/);
  });

  test('zeros are the same as absent figures', () => {
    const withZeros = compose({
      cifras: { cirugias: 3729, trasplantes: 0, 'trasplante-rinon': 0, 'consulta-especialidad': 0 },
    });
    expect(textOf(withZeros)).toBe(textOf(compose({})));
  });

  test('transplants list their organs after the shared noun, with the figure agreeing as a pronoun', () => {
    const doc = compose({
      cifras: {
        trasplantes: 25,
        'trasplante-rinon': 10,
        'trasplante-cornea': 12,
        'trasplante-celulas-hematopoyeticas': 2,
        'trasplante-higado': 1,
      },
    });
    // Descending order of count, the head noun said once.
    expect(textOf(doc)).toContain(
      'Se efectuaron 25 trasplantes: 12 de córnea, 10 renales, dos de células hematopoyéticas y uno de hígado.',
    );
  });

  test('a plan gives the percentage computed from the data, and the headline says the goal was passed', () => {
    const doc = compose({ meta: { planeadas: 163_110, logradas: 197_144 } });
    expect(doc.headline).toContain('Supera IMSS su meta');
    expect(textOf(doc)).toContain('el 120.9 por ciento de la meta');
  });

  test('a plan not reached is not called a success', () => {
    const doc = compose({ meta: { planeadas: 1000, logradas: 900 } });
    expect(doc.headline).toBe(
      'Realiza IMSS 900 acciones en la Segunda Jornada Nacional de Recuperación de los Servicios de Salud',
    );
    expect(textOf(doc)).toContain('el 90 por ciento de la meta');
  });

  test('a single day and non-consecutive days are written as such', () => {
    expect(textOf(compose({ fechas: { inicio: '2021-05-15', fin: '2021-05-15' } }))).toContain(
      'El 15 de mayo, las unidades médicas',
    );
    expect(
      textOf(
        compose({
          fechas: { inicio: '2021-05-14', fin: '2021-05-21', dias: ['2021-05-14', '2021-05-15', '2021-05-21'] },
        }),
      ),
    ).toContain('Los días 14, 15 y 21 de mayo, las unidades médicas');
  });

  test('per-state figures become one sentence; without states there is none', () => {
    const withStates = textOf(
      compose({
        estados: [
          { nombre: 'Nuevo León', cifras: { detecciones: 7245 } },
          { nombre: 'Veracruz', cifras: { 'consulta-especialidad': 3337 } },
        ],
      }),
    );
    expect(withStates).toContain(
      'Entre los resultados en los estados destacan 7 mil 245 detecciones de enfermedades prioritarias en Nuevo León y 3 mil 337 consultas de especialidad en Veracruz.',
    );
    expect(textOf(compose({}))).not.toContain('estados');
  });

  test('the next jornada, photos and video close the bulletin', () => {
    const doc = compose({
      proxima: { inicio: '2023-03-10', fin: '2023-03-12', dias: ['2023-03-10', '2023-03-11', '2023-03-12'] },
      enlaces: { fotos: 'https://bit.ly/3KIgH0Y', video: 'https://bit.ly/3F9mUQ7' },
    });
    expect(textOf(doc)).toContain('La próxima jornada se realizará los días 10, 11 y 12 de marzo.');
    expect(doc.body.at(-2)).toEqual({
      kind: 'paragraph',
      content: [
        { kind: 'text', text: 'Fotos: ' },
        { kind: 'link', href: 'https://bit.ly/3KIgH0Y', children: [{ kind: 'text', text: 'https://bit.ly/3KIgH0Y' }] },
      ],
    });
  });

  test('a draft takes no number', () => {
    const doc = compose({}, { number: null, draft: true });
    expect(doc.draft).toBe(true);
    expect(doc.number).toBe('');
  });

  test('the figure style reaches every figure', () => {
    expect(textOf(compose({ cifras: { cirugias: 7309 } }, { style: 'imss-letras' }))).toContain(
      'siete mil 309 cirugías',
    );
    expect(textOf(compose({ cifras: { cirugias: 154_000 } }, { style: 'rae' }))).toContain('154 000 cirugías');
  });

  test('labels and properties come from the templates, not from code', () => {
    const doc = compose({});
    expect(doc.lang).toBe('es-MX');
    expect(doc.labels).toEqual({
      institution: 'Instituto Mexicano del Seguro Social',
      documentKind: 'BOLETÍN DE PRENSA',
      page: 'Página',
      pageOf: 'de',
      draft: 'BORRADOR',
      logoAlt: templates.labels.logoAlt,
    });
    expect(doc.metadata.issuedAt).toBe('2021-05-17T12:00:00-05:00');
  });
});

describe('fillPlaceholders', () => {
  const phrasing = phrasingFor('es');
  test.each([
    ['{trasplante-cornea}', { cifras: { 'trasplante-cornea': 4 } }, 'cuatro trasplantes de córnea'],
    ['{trasplante-cornea|cifra}', { cifras: { 'trasplante-cornea': 4 } }, 'cuatro'],
    ['{trasplante-rinon|corto}', { cifras: { 'trasplante-rinon': 8 } }, 'ocho riñones'],
    ['{anual:trasplante-cornea|cifra}', { acumuladoAnual: { 'trasplante-cornea': 36 } }, '36'],
    ['{anual:trasplante-higado|ordinal}', { acumuladoAnual: { 'trasplante-higado': 2 } }, 'segundo'],
    ['{unidad}', { unidad: 'Hospital General de Zona 33' }, 'Hospital General de Zona 33'],
    ['{donacion-cadaverica}', { cifras: { 'donacion-cadaverica': 1 } }, 'una donación cadavérica'],
  ])('%s', (texto, extra, expected) => {
    expect(stripMarks(fillPlaceholders({ texto, ...extra }, phrasing, catalog, 'es'))).toBe(expected);
  });

  test('each figure written is marked with its field, the noun left plain', () => {
    const written = fillPlaceholders(
      {
        texto: 'Hubo {trasplante-cornea} y el {anual:trasplante-higado|ordinal}.',
        cifras: { 'trasplante-cornea': 4 },
        acumuladoAnual: { 'trasplante-higado': 2 },
      },
      phrasing,
      catalog,
      'es',
      'estados[3].destacados[1]',
    );
    expect(splitMarks(written)).toEqual([
      { text: 'Hubo ' },
      { text: 'cuatro', source: { kind: 'cifra', fields: ['estados[3].destacados[1].cifras.trasplante-cornea'] } },
      { text: ' trasplantes de córnea y el ' },
      {
        text: 'segundo',
        source: { kind: 'ordinal', fields: ['estados[3].destacados[1].acumuladoAnual.trasplante-higado'] },
      },
      { text: '.' },
    ]);
  });
});

describe('chooseBullets', () => {
  const none = { meta: false, resumen: false, participacion: false, personal: false };
  const chosen = (available: Partial<typeof none>): string[] =>
    Object.entries(chooseBullets({ ...none, ...available }))
      .filter(([, on]) => on)
      .map(([kind]) => kind);

  test.each([
    [
      { meta: true, resumen: true, participacion: true, personal: true },
      ['meta', 'resumen', 'participacion', 'personal'],
    ],
    [{ resumen: true, participacion: true, personal: true }, ['resumen', 'participacion', 'personal']],
    [{ resumen: true, participacion: true }, ['resumen', 'participacion']],
    [{ resumen: true }, ['resumen', 'jornada']],
    [{}, ['jornada']],
  ])('%j -> %j', (available, expected) => {
    expect(chosen(available).sort()).toEqual([...expected].sort());
  });

  test('a jornada with a single figure still opens with two bullet points', () => {
    const doc = compose({});
    expect(doc.bullets.map(plainText)).toEqual([
      'Del 14 al 16 de mayo, las unidades médicas del Seguro Social atendieron a derechohabientes cuya atención se había diferido por la emergencia sanitaria.',
      'En la jornada se realizaron 3 mil 729 cirugías, entre otras acciones.',
    ]);
  });
});

describe('lists of figures drop a head noun already said', () => {
  test('detections, consultations and donations as IMSS writes them', () => {
    const text = textOf(
      compose({
        cifras: {
          cirugias: 3729,
          'deteccion-diabetes': 19_842,
          'deteccion-hipertension': 23_080,
          mastografia: 9517,
          'consulta-medicina-familiar': 70_067,
          'consulta-especialidad': 17_408,
          'donacion-cadaverica': 14,
          'donacion-tejidos': 13,
        },
      }),
    );
    // One flat list, as seed 001 writes it: the detections go on with commas, no "y" in the middle of it.
    expect(text).toContain(
      'Al cierre de la jornada se contabilizaron 23 mil 80 detecciones de hipertensión arterial, 19 mil 842 de ' +
        'diabetes mellitus, 9 mil 517 mastografías, 3 mil 729 cirugías, así como 70 mil 67 consultas de ' +
        'Medicina Familiar y 17 mil 408 de especialidad.',
    );
    expect(text).toContain('14 donaciones cadavéricas y 13 de tejidos');
  });
});

describe('found in review: a group without its total', () => {
  test('before another group, its parts go on with commas up to "así como"', () => {
    const text = textOf(compose({ cifras: { cirugias: 3729, mastografia: 9517, 'deteccion-diabetes': 19_842 } }));
    expect(text).toContain(
      'Al cierre de la jornada se contabilizaron 19 mil 842 detecciones de diabetes mellitus, 9 mil 517 ' +
        'mastografías, así como 3 mil 729 cirugías.',
    );
  });

  test('alone in the sentence, its parts close with their own "y"', () => {
    const text = textOf(compose({ cifras: { mastografia: 9517, 'deteccion-diabetes': 19_842 } }));
    expect(text).toContain(
      'Al cierre de la jornada se contabilizaron 19 mil 842 detecciones de diabetes mellitus y 9 mil 517 mastografías.',
    );
  });
});

describe('found in review: agreement, empty lists, years, breakdowns', () => {
  test('a figure of one takes a singular verb', () => {
    const text = textOf(
      compose({
        cifras: { cirugias: 1, 'trasplante-higado': 1 },
        estados: [{ nombre: 'Sonora', cifras: { cirugias: 1 } }],
      }),
    );
    expect(text).toContain('En la jornada se realizaron una cirugía y un trasplante de hígado, entre otras acciones.');
    expect(textOf(compose({ cifras: { cirugias: 1 } }))).toContain(
      'En la jornada se realizó una cirugía, entre otras acciones.',
    );
    expect(text).toContain('Al cierre de la jornada se contabilizó una cirugía.');
    expect(text).toContain('Se efectuó un trasplante de hígado.');
    expect(text).toContain('Entre los resultados en los estados destaca una cirugía en Sonora.');
    expect(text).not.toMatch(/se contabilizaron una|Se efectuaron un|destacan una/);
  });

  test('a state with only a highlight leaves no empty list behind', () => {
    const text = textOf(
      compose({
        estados: [{ nombre: 'Sonora', destacados: [{ texto: 'En Sonora se reforzó la consulta externa.' }] }],
      }),
    );
    expect(text).toContain('En Sonora se reforzó la consulta externa.');
    expect(text).not.toContain('destacan');
  });

  test('a place with figures and a highlight is told once, by its highlight', () => {
    const text = textOf(
      compose({
        estados: [
          {
            nombre: 'Jalisco',
            cifras: { mastografia: 1565 },
            destacados: [{ texto: 'En Jalisco se realizaron {mastografia}.', cifras: { mastografia: 1565 } }],
          },
        ],
      }),
    );
    expect(text.split('mil 565 mastografías')).toHaveLength(2);
  });

  test('a jornada across two years writes both years', () => {
    expect(textOf(compose({ fechas: { inicio: '2022-12-30', fin: '2023-01-02' } }))).toContain(
      'Del 30 de diciembre de 2022 al 2 de enero de 2023, las unidades médicas',
    );
  });

  test('parts that do not add up to their total are not presented as the whole breakdown', () => {
    const partial = textOf(compose({ cifras: { trasplantes: 50, 'trasplante-rinon': 8, 'trasplante-cornea': 2 } }));
    expect(partial).toContain('Se efectuaron 50 trasplantes, entre ellos ocho renales y dos de córnea.');
    const whole = textOf(compose({ cifras: { trasplantes: 10, 'trasplante-rinon': 8, 'trasplante-cornea': 2 } }));
    expect(whole).toContain('Se efectuaron 10 trasplantes: ocho renales y dos de córnea.');
  });

  test('a hospital named as a UMAE takes "la"', () => {
    const text = textOf(
      compose({ hospitales: [{ nombre: 'UMAE Hospital de Especialidades de Puebla', cifras: { cirugias: 40 } }] }),
    );
    expect(text).toContain('40 cirugías en la UMAE Hospital de Especialidades de Puebla');
  });

  test('a goal met exactly is met, not passed; a goal missed by a hair is not 100 per cent', () => {
    expect(compose({ meta: { planeadas: 1000, logradas: 1000 } }).headline).toMatch(/^Cumple IMSS su meta/);
    const missed = compose({ meta: { planeadas: 10_000, logradas: 9996 } });
    expect(missed.headline).toMatch(/^Realiza IMSS/);
    expect(textOf(missed)).toContain('el 99.9 por ciento de la meta');
  });
});

test('states whose name takes an article keep it', () => {
  const text = textOf(
    compose({
      estados: [
        { nombre: 'Ciudad de México', cifras: { cirugias: 332 } },
        { nombre: 'Estado de México Poniente', cifras: { cirugias: 40 } },
      ],
    }),
  );
  expect(text).toContain('332 cirugías en la Ciudad de México y 40 cirugías en el Estado de México Poniente');
});
