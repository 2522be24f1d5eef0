import { describe, expect, test } from 'vitest';
import { composeBulletin } from '../../../src/compose/compose-bulletin.ts';
import { composeStateBulletin, statesWithData } from '../../../src/compose/compose-state-bulletin.ts';
import { loadTemplateSet } from '../../../src/compose/load-templates.ts';
import { loadCatalog } from '../../../src/dataset/catalog.ts';
import { loadJornada } from '../../../src/dataset/load-jornada.ts';
import type { Jornada } from '../../../src/dataset/schema.ts';
import { resolveIssueDate } from '../../../src/generate/issue-date.ts';
import { renderEditions, type EditionsRequest } from '../../../src/generate/render-editions.ts';
import { phrasingFor } from '../../../src/lang/index.ts';
import type { BrowserSession } from '../../../src/render/pdf/browser-session.ts';
import { sampleFiles } from '../../support/compose-sample.ts';

const catalog = loadCatalog();
const phrasing = phrasingFor('es');
const templates = loadTemplateSet('es');
const SEED_004 = sampleFiles().find((file) => file.endsWith('2021-12-decima-cuarta-jornada-nacional.json')) ?? '';

/** The editions of seed 004's jornada as the batch asks for them, composed from `composedFrom`. */
function request(jornada: Jornada, composedFrom: Jornada, overrides: Partial<EditionsRequest>): EditionsRequest {
  const issueDate = resolveIssueDate(jornada);
  const options = { templates, catalog, phrasing, number: 7, issueDate, draft: false };
  return {
    jornada,
    editions: ['es', 'estados'],
    formats: ['html', 'docx'],
    number: 7,
    issueDate,
    compose: () => composeBulletin(composedFrom, { ...options, edition: 'nacional' }),
    composeCard: () => {
      throw new Error('no card in this test');
    },
    composeState: (index) => composeStateBulletin(composedFrom, index, options),
    phrasing: () => phrasing,
    browser: () => Promise.reject(new Error('no browser in this test')),
    ...overrides,
  };
}

describe('renderEditions', () => {
  test('the files come back in the order of the editions, each state after the national bulletin', async () => {
    const { jornada } = await loadJornada(SEED_004, { catalog });
    const { files, editions } = await renderEditions(request(jornada, jornada, { concurrency: 4 }));
    const states = statesWithData(jornada).length;
    expect(states).toBeGreaterThan(2);
    expect(editions).toHaveLength(states + 1);
    expect(editions[0]?.edition).toBe('nacional');
    expect(editions.slice(1).every((edition) => edition.edition.startsWith('estatal-'))).toBe(true);
    // Each edition's HTML, DOCX and two verification files, edition by edition, whatever rendered first.
    const expected = editions.flatMap(({ edition }) => {
      const prefix = edition === 'nacional' ? '' : `${edition}.`;
      return ['html', 'docx', 'verificacion.json', 'verificacion.html'].map((extension) => `${prefix}${extension}`);
    });
    expect(files.map((file) => file.extension)).toEqual(expected);
    expect(files).toHaveLength(4 * (states + 1));
  });

  test("a state's figure that does not match its data stops the package before anything is printed", async () => {
    const { jornada } = await loadJornada(SEED_004, { catalog });
    const last = statesWithData(jornada).at(-1);
    if (last === undefined) throw new Error('seed 004 has states with figures');
    const [field, value] = Object.entries(last.estado.cifras ?? {}).find(([, figure]) => figure > 0) ?? ['', 0];
    // The data say one more than what was composed: the last state's edition fails its verification.
    const changed: Jornada = {
      ...jornada,
      estados: (jornada.estados ?? []).map((estado, index) =>
        index === last.index ? { ...estado, cifras: { ...estado.cifras, [field]: value + 1 } } : estado,
      ),
    };
    let asked = 0;
    const browser = (): Promise<BrowserSession> => {
      asked += 1;
      return Promise.reject(new Error('no browser in this test'));
    };
    await expect(renderEditions(request(changed, jornada, { formats: ['pdf'], browser }))).rejects.toThrow(
      `vale ${String(value + 1)} en los datos`,
    );
    expect(asked).toBe(0);
  });
});
