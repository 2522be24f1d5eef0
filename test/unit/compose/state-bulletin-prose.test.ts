import { describe, expect, test } from 'vitest';
import { composeBulletin } from '../../../src/compose/compose-bulletin.ts';
import { composeStateBulletin, statesWithData } from '../../../src/compose/compose-state-bulletin.ts';
import { loadTemplateSet } from '../../../src/compose/load-templates.ts';
import { plainText } from '../../../src/compose/parse-markup.ts';
import { loadCatalog } from '../../../src/dataset/catalog.ts';
import { loadJornada } from '../../../src/dataset/load-jornada.ts';
import { type Jornada, jornadaSchema } from '../../../src/dataset/schema.ts';
import { resolveIssueDate } from '../../../src/generate/issue-date.ts';
import { phrasingFor } from '../../../src/lang/index.ts';
import type { BulletinDocument } from '../../../src/model/bulletin-document.ts';
import { sampleFiles } from '../../support/compose-sample.ts';

/**
 * Found in a review of the state editions and the participation sentences: the jornada's article agrees
 * with its name ("las jornadas monotemáticas"), a state bulletin says "en todo el país" only of a jornada
 * held in every OOAD, and the verb of "un OOAD y una UMAE" is plural.
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

async function stateTexts(file: string): Promise<{ jornada: Jornada; texts: string[] }> {
  const { jornada } = await loadJornada(file, { catalog });
  const options = {
    templates: templates.es,
    catalog,
    phrasing: phrasingFor('es'),
    number: 93,
    issueDate: resolveIssueDate(jornada),
    draft: false,
  };
  const texts = statesWithData(jornada).map(({ index }) => textOf(composeStateBulletin(jornada, index, options)));
  return { jornada, texts };
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
  const jornada = jornadaSchema.parse({
    tipo: 'nacional-recuperacion',
    ordinal: 2,
    fechas: { inicio: '2021-05-14', fin: '2021-05-16' },
    cifras: { cirugias: 3729 },
    ...data,
  });
  return textOf(
    composeBulletin(jornada, {
      templates: templates[lang],
      catalog,
      phrasing: phrasingFor(lang),
      number: 12,
      issueDate: '2021-05-17',
      draft: false,
      edition: lang === 'es' ? 'nacional' : 'en',
    }),
  );
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

describe('the next jornada in English', () => {
  test.each([
    [{ inicio: '2021-06-11', fin: '2021-06-11' }, 'The next day of care will be held on June 11.'],
    [{ inicio: '2021-06-11', fin: '2021-06-13' }, 'The next day of care will be held from June 11 to 13.'],
  ])('%j', (proxima, sentence) => {
    expect(compose({ proxima }, 'en')).toContain(sentence);
  });
});
