import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { composeBulletin } from '../../../src/compose/compose-bulletin.ts';
import { composeStateBulletin, statesWithData } from '../../../src/compose/compose-state-bulletin.ts';
import { loadTemplateSet } from '../../../src/compose/load-templates.ts';
import { loadCatalog } from '../../../src/dataset/catalog.ts';
import { loadJornada } from '../../../src/dataset/load-jornada.ts';
import type { Jornada } from '../../../src/dataset/schema.ts';
import { parseEditions } from '../../../src/generate/editions.ts';
import { resolveIssueDate } from '../../../src/generate/issue-date.ts';
import { phrasingFor } from '../../../src/lang/index.ts';
import { NO_BREAK_SPACE } from '../../../src/lang/no-break-space.ts';
import { renderWebPost } from '../../../src/render/web/render-web-post.ts';
import { verifyEdition } from '../../../src/verify/verify-edition.ts';
import { sampleFiles } from '../../support/compose-sample.ts';

const catalog = loadCatalog();
const sample = (name: string): string => sampleFiles().find((file) => file.endsWith(name)) ?? name;
const SEEDS = join(import.meta.dirname, '..', '..', 'fixtures', 'seeds');

function edition(jornada: Jornada, lang: 'es' | 'en', name: string) {
  const phrasing = phrasingFor(lang);
  const issueDate = resolveIssueDate(jornada);
  const doc = composeBulletin(jornada, {
    templates: loadTemplateSet(lang),
    catalog,
    phrasing,
    number: 93,
    issueDate,
    draft: false,
    edition: name,
  });
  return { doc, report: verifyEdition(doc, { jornada, phrasing, number: 93, issueDate }) };
}

/** Front matter split by hand (the text between the first two "---" lines) and read by the yaml library. */
function frontMatter(text: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (match === null) throw new Error('sin front matter');
  return parse(match[1] ?? '') as Record<string, unknown>;
}

describe('every edition of every sample jornada passes its verification', () => {
  test.each(
    sampleFiles().flatMap(
      (file) =>
        [
          [file, 'es', 'nacional'],
          [file, 'en', 'en'],
          [file, 'es', 'web'],
        ] as const,
    ),
  )('%s, %s (%s)', async (file, lang, name) => {
    const { jornada } = await loadJornada(file, { catalog });
    const { report } = edition(jornada, lang, name);
    expect(report.errores).toEqual([]);
    expect(report.cifras).toBeGreaterThan(0);
  });
});

// The samples whose states report figures or highlights; the others get no local bulletin.
const withStates = (
  await Promise.all(
    sampleFiles().map(
      async (file) => [file, statesWithData((await loadJornada(file, { catalog })).jornada).length] as const,
    ),
  )
)
  .filter(([, count]) => count > 0)
  .map(([file]) => file);

describe('the local bulletins of the states', () => {
  test('every sample that reports states has local bulletins', () => {
    expect(withStates.map((file) => file.split('/').at(-1))).toEqual([
      '2021-06-periodo-plan-nacional.json',
      '2021-08-jornadas-monotematicas-estados-agrupados.json',
      '2021-08-jornadas-monotematicas.json',
      '2021-12-decima-cuarta-jornada-nacional.json',
      '2023-02-cuarta-jornada-con-meta-en-porcentaje.json',
      '2023-02-cuarta-jornada-extraordinaria.json',
    ]);
  });

  test('a jornada that reports no state has no local bulletin', async () => {
    const { jornada } = await loadJornada(sample('2021-05-segunda-jornada-nacional.json'), { catalog });
    expect(jornada.estados).toBeUndefined();
    expect(statesWithData(jornada)).toEqual([]);
  });

  test.each(withStates)('%s: every state with data has one, proven against its own fields', async (file) => {
    const { jornada } = await loadJornada(file, { catalog });
    const phrasing = phrasingFor('es');
    const issueDate = resolveIssueDate(jornada);
    const reports = statesWithData(jornada).map(({ index }) => {
      const doc = composeStateBulletin(jornada, index, {
        templates: loadTemplateSet('es'),
        catalog,
        phrasing,
        number: 93,
        issueDate,
        draft: false,
      });
      return { doc, report: verifyEdition(doc, { jornada, phrasing, number: 93, issueDate }), index };
    });
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.flatMap(({ report }) => report.errores)).toEqual([]);
    expect(reports.reduce((sum, { report }) => sum + report.cifras, 0)).toBeGreaterThan(0);
    for (const { doc, report, index } of reports) {
      const estado = jornada.estados?.[index];
      expect(doc.dateline.startsWith(`${estado?.lugar ?? estado?.nombre ?? ''}, `)).toBe(true);
      expect(doc.number).toBe(`No.${NO_BREAK_SPACE}093/${issueDate.slice(0, 4)}`);
      // Every sourced figure names a field of this state (or the jornada's dates and number).
      expect(
        report.filas.filter(
          (row) => row.tipo === 'cifra' && !(row.campo ?? '').startsWith(`estados[${String(index)}].`),
        ),
      ).toEqual([]);
    }
  });
});

describe('the social card', () => {
  test.each(sampleFiles())('%s: three headline figures, each proven', async (file) => {
    const { jornada } = await loadJornada(file, { catalog });
    const phrasing = phrasingFor('es');
    const issueDate = resolveIssueDate(jornada);
    const doc = composeBulletin(jornada, {
      templates: loadTemplateSet('tarjeta'),
      catalog,
      phrasing,
      number: 93,
      issueDate,
      draft: false,
      edition: 'tarjeta',
      template: 'tarjeta',
    });
    const report = verifyEdition(doc, { jornada, phrasing, number: 93, issueDate });
    expect(report.errores).toEqual([]);
    expect(report.cifras).toBe(3);
  });
});

describe('the English edition', () => {
  test("seed 004's jornada: no printed figure differs from the dataset", async () => {
    const { jornada } = await loadJornada(sample('2021-12-decima-cuarta-jornada-nacional.json'), { catalog });
    const { doc, report } = edition(jornada, 'en', 'en');
    const counts = report.filas.filter((row) => row.tipo === 'cifra');
    expect(counts.filter((row) => row.leido !== row.dato)).toEqual([]);
    expect(counts.find((row) => row.campo === 'cifras.consultas')?.texto).toBe('65,211');
    expect(doc.headline).toBe(
      'IMSS holds the 14th National Day for the Recovery of Health Services, with 65,211 consultations',
    );
    expect(doc.dateline).toBe('Mexico City, Monday, December 20, 2021');
  });
});

describe('the web post', () => {
  test("seed 000's jornada: its front matter parses and has seed 000's keys", async () => {
    const seed = readFileSync(join(SEEDS, '000_ec4b71678f8f752d.txt'), 'utf8');
    const { jornada } = await loadJornada(sample('2021-08-jornadas-monotematicas.json'), { catalog });
    const post = frontMatter(renderWebPost(edition(jornada, 'es', 'web').doc));
    expect(Object.keys(post)).toEqual(Object.keys(frontMatter(seed)));
    expect(post).toMatchObject({
      layout: 'post',
      image: '/uploads/2021/images-IMG_9999.jpeg',
      section: 'Local',
      front: false,
      redirect_from: '/news/187342',
    });
    expect(renderWebPost(edition(jornada, 'es', 'web').doc)).toContain('\ndate: 2021-09-01T12:00:00.000-06:00\n');
  });

  test('a title with quotes, a colon and a line break stays one YAML string', async () => {
    const { jornada } = await loadJornada(sample('2021-08-jornadas-monotematicas.json'), { catalog });
    const { doc } = edition(jornada, 'es', 'web');
    const title = 'IMSS: "150 días"\nde recuperación';
    const post = frontMatter(renderWebPost({ ...doc, metadata: { ...doc.metadata, title } }));
    expect(post['title']).toBe(title);
  });
});

describe('parseEditions', () => {
  test.each([
    ['todas', ['es', 'en', 'web', 'estados', 'tarjeta']],
    ['en,es', ['es', 'en']],
    ['web', ['web']],
  ])('%s', (text, expected) => {
    expect(parseEditions(text)).toEqual(expected);
  });

  test('an unknown edition is refused in Spanish, naming it', () => {
    expect(() => parseEditions('es,fr')).toThrow(
      'Edición desconocida: «fr». Use «todas» o una lista separada por comas de: es, en, web, estados, tarjeta.',
    );
  });
});
