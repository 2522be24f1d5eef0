import { describe, expect, test } from 'vitest';
import { firstMention, procedureGroups, staffView } from '../../../src/compose/build-view.ts';
import { composeBulletin } from '../../../src/compose/compose-bulletin.ts';
import { composeStateBulletin, statesWithData } from '../../../src/compose/compose-state-bulletin.ts';
import { loadTemplateSet } from '../../../src/compose/load-templates.ts';
import { plainText } from '../../../src/compose/parse-markup.ts';
import { loadCatalog } from '../../../src/dataset/catalog.ts';
import { buildProgrammeCatalog, loadProgrammeCatalog } from '../../../src/dataset/programme-catalog.ts';
import { loadJornada } from '../../../src/dataset/load-jornada.ts';
import { type Jornada, jornadaSchema } from '../../../src/dataset/schema.ts';
import { resolveIssueDate } from '../../../src/generate/issue-date.ts';
import { findFigures, phrasingFor } from '../../../src/lang/index.ts';
import type { BulletinDocument } from '../../../src/model/bulletin-document.ts';
import { composeJornada } from '../../support/compose-jornada.ts';
import { sampleFiles } from '../../support/compose-sample.ts';

/**
 * What a review of every sample's editions found a press officer would have to rewrite, pinned: the
 * jornada's article agrees with its name ("las jornadas monotemáticas"), a state bulletin says "en todo
 * el país" only of a jornada held in every OOAD, verbs agree with what they speak of, a breakdown of one
 * part is said once, lists that share a head say it once (seeds 001 and 002).
 */

const catalog = loadCatalog();
const templates = { es: loadTemplateSet('es'), en: loadTemplateSet('en') };

const textOf = (doc: BulletinDocument): string =>
  [
    doc.headline,
    ...doc.bullets.map(plainText),
    ...doc.body.map((block) =>
      block.kind === 'list' ? block.items.map(plainText).join(' ') : plainText(block.content),
    ),
  ]
    .join('\n')
    // Wording is compared with plain spaces; the no-break spaces are tested in compose-ties.test.ts.
    .replace(/[\u00a0\u202f]/g, ' ');

/** A sample's state bulletins, composed as `generar --ediciones estados` does. */
async function stateDocs(file: string): Promise<{ jornada: Jornada; docs: BulletinDocument[] }> {
  const { jornada } = await loadJornada(file, { catalog });
  const options = {
    templates: templates.es,
    catalog,
    phrasing: phrasingFor('es'),
    number: 93,
    issueDate: resolveIssueDate(jornada),
    draft: false,
  };
  const docs = statesWithData(jornada).map(({ index }) => composeStateBulletin(jornada, index, options));
  return { jornada, docs };
}

async function stateTexts(file: string): Promise<{ jornada: Jornada; texts: string[] }> {
  const { jornada, docs } = await stateDocs(file);
  return { jornada, texts: docs.map(textOf) };
}

const withStates = sampleFiles().filter((file) => !/nacional-para-la-recuperacion|segunda-jornada/.test(file));

describe.each(withStates.map((file) => [file.split('/').at(-1) ?? file, file] as const))('%s', (_name, file) => {
  test('every state bulletin gives the jornada the article of its name', async () => {
    const { jornada, texts } = await stateTexts(file);
    expect(texts.length).toBeGreaterThan(0);
    const plural = jornada.tipo === 'monotematica';
    for (const text of texts) {
      expect(text).not.toMatch(/\b(?:la|el) jornadas\b/i);
      expect(text).not.toMatch(/\b(?:las|los) jornada\b/i);
      expect(text).not.toMatch(/\b(?:a|de) el\b/);
      expect(text).toContain(plural ? 'se sumó a las jornadas' : 'se sumó a la ');
      expect(text).toContain(plural ? 'Como parte de las jornadas' : 'Como parte de la ');
    }
  });

  test('every state headline names one figure at most, as the national one does', async () => {
    for (const { headline } of (await stateDocs(file)).docs) {
      const figures = findFigures(headline).filter((figure) => figure.kind === 'cifra');
      expect(figures.length, headline).toBeLessThanOrEqual(1);
    }
  });

  test('"en todo el país" only when every OOAD took part', async () => {
    const { jornada, texts } = await stateTexts(file);
    const everywhere = jornada.participacion?.ooad === 35;
    for (const text of texts) {
      if (everywhere) expect(text).toContain('realizó en todo el país');
      else expect(text).not.toContain('todo el país');
    }
  });
});

function compose(data: Partial<Jornada>, lang: 'es' | 'en' = 'es'): string {
  return textOf(composeJornada(data, { lang }));
}

describe('participation: the verb agrees with the OOAD and the UMAE together', () => {
  test.each([
    [{ ooad: 1 }, 'Participó un Órgano', 'que un OOAD dio prioridad'],
    [{ ooad: 1, umae: 1 }, 'Participaron un Órgano', 'que un OOAD y una UMAE dieron prioridad'],
    [{ ooad: 2 }, 'Participaron dos Órganos', 'que dos OOAD dieron prioridad'],
  ])('%j', (participacion, bullet, body) => {
    const text = compose({ participacion, cifras: { cirugias: 3729, 'consulta-especialidad': 100 } });
    expect(text).toContain(bullet);
    expect(text).toContain(body);
  });
});

describe('the last jornada of the year', () => {
  test('is said of the jornada, not of a pronoun with nothing to refer to (found in review: «Con ésta»)', () => {
    expect(compose({ ultimaDelAnio: true })).toContain('Esta fue la última jornada del año.');
  });
});

describe('the next jornada in English', () => {
  test.each([
    [{ inicio: '2021-06-11', fin: '2021-06-11' }, 'The next day of care will be held on June 11.'],
    [{ inicio: '2021-06-11', fin: '2021-06-13' }, 'The next day of care will be held from June 11 to 13.'],
  ])('%j', (proxima, sentence) => {
    expect(compose({ proxima }, 'en')).toContain(sentence);
  });
});

describe('a breakdown of one part is said once, by the part (found in review: "un trasplante: uno de hígado")', () => {
  test.each([
    [
      'es',
      { trasplantes: 1, 'trasplante-higado': 1, 'donacion-cadaverica': 1, 'donacion-multiorganica': 1 },
      'Se efectuó un trasplante de hígado. Además, se concretó una donación cadavérica multiorgánica.',
    ],
    [
      'es',
      { trasplantes: 1000, 'trasplante-rinon': 1000, 'donacion-cadaverica': 14, 'donacion-multiorganica': 14 },
      'Se efectuaron mil trasplantes renales. Además, se concretaron 14 donaciones cadavéricas —todas multiorgánicas—.',
    ],
    [
      'es',
      {
        trasplantes: 5,
        'trasplante-rinon': 3,
        'trasplante-higado': 2,
        'donacion-cadaverica': 14,
        'donacion-multiorganica': 1,
      },
      'Se efectuaron cinco trasplantes: tres renales y dos de hígado. Además, se concretaron 14 donaciones cadavéricas —una de ellas multiorgánica—.',
    ],
    ['en', { trasplantes: 1, 'trasplante-higado': 1 }, 'Surgical teams performed one liver transplant.'],
    [
      'en',
      { 'donacion-cadaverica': 14, 'donacion-multiorganica': 14 },
      'The day also brought 14 deceased-donor donations; all the deceased-donor donations were multi-organ.',
    ],
  ] as const)('%s %j', (lang, figures, sentence) => {
    expect(compose({ cifras: { cirugias: 10, ...figures } }, lang)).toContain(sentence);
  });

  test('in the main figures, a total with its one part is the part', () => {
    expect(compose({ cifras: { cirugias: 10, consultas: 100, 'consulta-especialidad': 100 } })).toContain(
      'Al cierre de la jornada se contabilizaron 10 cirugías, así como 100 consultas de especialidad.',
    );
  });
});

describe('staff: a shared first word said once, a collective noun in the singular (seed 002)', () => {
  test.each([
    [['personal de base', 'personal de confianza'], ['personal de base', 'de confianza'], 1],
    [['personal médico directivo', 'Médicos Residentes'], ['personal médico directivo', 'Médicos Residentes'], 2],
    [['Médicos Residentes', 'médicos internos'], ['Médicos Residentes', 'internos'], 2],
    [['personal de base'], ['personal de base'], 1],
    [['personal', 'personal de confianza'], ['personal', 'personal de confianza'], 1],
    [['Médicos Residentes'], ['Médicos Residentes'], 2],
  ])('%j', (items, personal, personalNumero) => {
    expect(staffView(items)).toEqual({ personal, personalNumero });
  });

  test('in the bullet', () => {
    expect(compose({ personal: ['personal de base', 'personal de confianza'] })).toContain(
      'Colaboró personal de base y de confianza del Instituto.',
    );
  });
});

describe('procedures: a shared head said once, specialties not named twice (seed 001)', () => {
  test('procedureGroups', () => {
    expect(
      procedureGroups(
        ['Urología', 'trasplantes de córnea', 'trasplantes de riñón', 'colocación de marcapasos', 'vasectomías'],
        ['Urología'],
      ),
    ).toEqual([
      { cabeza: 'trasplantes de', resto: ['córnea', 'riñón'], sigue: true },
      { cabeza: '', resto: ['colocación de marcapasos'], sigue: true },
      { cabeza: '', resto: ['vasectomías'], sigue: false },
    ]);
  });

  test('in the sentence', () => {
    const text = compose({
      especialidades: { cirugia: ['Urología'] },
      procedimientos: [
        'Urología',
        'trasplantes de córnea',
        'trasplantes de riñón',
        'trasplantes de hígado',
        'vasectomías',
      ],
    });
    expect(text).toContain('La atención incluyó también trasplantes de córnea, riñón, hígado y vasectomías.');
    expect(text.match(/Urología/g)?.length).toBe(1);
  });
});

describe('a hospital is named in full with its acronym, as seed 002 does (found in review: acronym only)', () => {
  test.each([
    [
      'Hospital de Traumatología y Ortopedia Magdalena de las Salinas',
      'HTO Magdalena de las Salinas',
      'Hospital de Traumatología y Ortopedia (HTO) Magdalena de las Salinas',
    ],
    ['Centro Médico Nacional Siglo XXI', 'CMN Siglo XXI', 'Centro Médico Nacional (CMN) Siglo XXI'],
    [
      'UMAE Hospital de Especialidades de Torreón',
      'HE Torreón',
      'UMAE Hospital de Especialidades de Torreón (HE Torreón)',
    ],
    ['UMAE Hospital de Especialidades 25', 'HE 25 Monterrey', 'UMAE Hospital de Especialidades 25 (HE 25 Monterrey)'],
    ['UMAE de Puebla', undefined, 'UMAE de Puebla'],
  ])('%s / %s', (nombre, siglas, mention) => {
    expect(firstMention(nombre, siglas)).toBe(mention);
  });

  test.each([
    ['a name that is its acronym', 'CMN La Raza', 'CMN La Raza', 'CMN La Raza'],
    [
      'a name that does not split',
      'Centro Médico Nacional La Raza (Norte)',
      'CMN La Raza',
      'Centro Médico Nacional La Raza (Norte) (CMN La Raza)',
    ],
  ])('an acronym already used, through %s, is not spelled out later', (_how, nombre, siglas, first) => {
    const introduced = new Set<string>();
    expect(firstMention(nombre, siglas, introduced)).toBe(first);
    expect(firstMention('Centro Médico Nacional Siglo XXI', 'CMN Siglo XXI', introduced)).toBe('CMN Siglo XXI');
  });

  test('an acronym spelled out once in the sentence is not spelled out again', () => {
    const text = compose({
      cifras: { cirugias: 770 },
      hospitales: [
        { nombre: 'Centro Médico Nacional Siglo XXI', siglas: 'CMN Siglo XXI', cifras: { cirugias: 100 } },
        { nombre: 'Centro Médico Nacional de Occidente', siglas: 'CMN de Occidente', cifras: { cirugias: 90 } },
      ],
    });
    expect(text).toContain(
      '100 cirugías en el Centro Médico Nacional (CMN) Siglo XXI y 90 cirugías en el CMN de Occidente.',
    );
  });
});

describe('the English edition refers to each kind of jornada by its own word (found in review: "The day" for a week)', () => {
  test('every programme of the catalog has one', () => {
    const missing = loadProgrammeCatalog().ids.filter((id) => templates.en.labels.cortosDeJornada?.[id] === undefined);
    expect(missing).toEqual([]);
  });

  test.each([
    ['periodo-plan', 'The drive involved 19 regional offices'],
    ['monotematica', 'The days involved nine regional offices'],
    ['nacional-recuperacion', 'The day involved 19 regional offices'],
  ])('%s', (tipo, sentence) => {
    const text = compose(
      {
        tipo,
        ...(tipo === 'nacional-recuperacion' ? {} : { ordinal: undefined }),
        participacion: { ooad: tipo === 'monotematica' ? 9 : 19 },
        cifras: { cirugias: 3729, 'consulta-especialidad': 100 },
      },
      'en',
    );
    expect(text).toContain(sentence);
  });
});

describe('the English edition names states in English where they have a name (found in review: "in Ciudad de México")', () => {
  test.each([
    ['Ciudad de México', '332 surgeries in Mexico City'],
    ['Estado de México Poniente', '332 surgeries in the State of Mexico West'],
    ['Nuevo León', '332 surgeries in Nuevo León'],
  ])('%s', (nombre, words) => {
    const text = compose({ cifras: { cirugias: 3729 }, estados: [{ nombre, cifras: { cirugias: 332 } }] }, 'en');
    expect(text).toContain(words);
  });
});

describe('a programme added to the catalog without its English short name', () => {
  test('is still "day(s)" in the English edition, never the Spanish "jornada"', () => {
    const programmes = buildProgrammeCatalog({
      programas: [
        {
          id: 'nacional-recuperacion',
          nombre: 'Jornada Nacional de Prueba',
          corto: 'jornada',
          genero: 'f',
          numero: 'singular',
          dias: 3,
          en: 'National Test Day',
        },
      ],
    });
    const jornada = jornadaSchema.parse({
      tipo: 'nacional-recuperacion',
      fechas: { inicio: '2021-05-14', fin: '2021-05-16' },
      participacion: { ooad: 19 },
      cifras: { cirugias: 3729, 'consulta-especialidad': 100 },
    });
    const english = { ...templates.en, labels: { ...templates.en.labels, cortosDeJornada: {} } };
    const text = textOf(
      composeBulletin(jornada, {
        templates: english,
        catalog,
        programmes,
        phrasing: phrasingFor('en'),
        number: 12,
        issueDate: '2021-05-17',
        draft: false,
        edition: 'en',
      }),
    );
    expect(text).toContain('The day involved 19 regional offices');
    expect(text).not.toContain('jornada');
  });
});

describe('the English edition says what a group of states recorded (found in review: it was left out)', () => {
  test('a group with a threshold', () => {
    const text = compose(
      {
        cifras: { cirugias: 3729 },
        gruposDeEstados: [{ estados: ['Nuevo León', 'Ciudad de México'], masDe: 7000, de: 'detecciones' }],
      },
      'en',
    );
    expect(text).toContain('Nuevo León and Mexico City each recorded more than 7,000 screenings');
  });
});

describe('a state whose figures are all family planning still has them in its headline and bullets', () => {
  test('Sinaloa with 162 OTB and 15 vasectomies (found in review: «Participa IMSS Sinaloa», no figures)', () => {
    const jornada = jornadaSchema.parse({
      tipo: 'nacional-recuperacion',
      ordinal: 2,
      fechas: { inicio: '2021-05-14', fin: '2021-05-16' },
      cifras: { cirugias: 3729 },
      estados: [{ nombre: 'Sinaloa', cifras: { 'oclusion-tubaria-bilateral': 162, vasectomia: 15 } }],
    });
    const doc = composeStateBulletin(jornada, 0, {
      templates: templates.es,
      catalog,
      phrasing: phrasingFor('es'),
      number: 12,
      issueDate: '2021-05-17',
      draft: false,
    });
    expect(doc.headline).toMatch(/^Suma IMSS Sinaloa 162 /);
    expect(textOf(doc)).toContain('15 vasectomías');
  });
});
