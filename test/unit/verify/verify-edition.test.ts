import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { composeBulletin } from '../../../src/compose/compose-bulletin.ts';
import { loadTemplateSet, templatesRoot } from '../../../src/compose/load-templates.ts';
import { loadCatalog } from '../../../src/dataset/catalog.ts';
import { loadJornada } from '../../../src/dataset/load-jornada.ts';
import type { Jornada } from '../../../src/dataset/schema.ts';
import { resolveIssueDate } from '../../../src/generate/issue-date.ts';
import { phrasingFor } from '../../../src/lang/index.ts';
import { verifyEdition } from '../../../src/verify/verify-edition.ts';
import { sampleFiles } from '../../support/compose-sample.ts';

const catalog = loadCatalog();
const phrasing = phrasingFor('es');
const SEED_004 = sampleFiles().find((file) => file.endsWith('2021-12-decima-cuarta-jornada-nacional.json')) ?? '';

function compose(jornada: Jornada, root = templatesRoot) {
  return composeBulletin(jornada, {
    templates: loadTemplateSet('es', root),
    catalog,
    phrasing,
    number: 7,
    issueDate: resolveIssueDate(jornada),
    draft: false,
    edition: 'nacional',
  });
}

const facts = (jornada: Jornada) => ({ jornada, phrasing, number: 7, issueDate: resolveIssueDate(jornada) });

describe('verifyEdition', () => {
  test.each(sampleFiles())('every figure of the Spanish edition of %s is tied to its field', async (file) => {
    const { jornada } = await loadJornada(file, { catalog });
    const report = verifyEdition(compose(jornada), facts(jornada));
    expect(report.errores).toEqual([]);
    expect(report.veredicto).toBe('aprobada');
    expect(report.cifras).toBeGreaterThan(0);
  });

  test('a printed figure carries the dataset field it came from, and is read back to its value', async () => {
    const { jornada } = await loadJornada(SEED_004, { catalog });
    const report = verifyEdition(compose(jornada), facts(jornada));
    const consultations = report.filas.find((row) => row.campo === 'cifras.consultas' && row.lugar === 'el título');
    expect(consultations).toEqual({
      lugar: 'el título',
      // As printed: the figure's words tied by no-break spaces.
      texto: '65\u00a0mil\u00a0211',
      tipo: 'cifra',
      campo: 'cifras.consultas',
      leido: 65211,
      dato: 65211,
      correcta: true,
    });
  });

  test('a figure whose field says another value fails, naming the figure, the place and the field', async () => {
    const { jornada } = await loadJornada(SEED_004, { catalog });
    const changed: Jornada = { ...jornada, cifras: { ...jornada.cifras, consultas: 65212 } };
    const report = verifyEdition(compose(jornada), facts(changed));
    expect(report.veredicto).toBe('rechazada');
    expect(report.errores[0]).toBe(
      'La cifra «65\u00a0mil\u00a0211» en el título se lee 65211, pero cifras.consultas vale 65212 en los datos.',
    );
  });

  describe('a number typed into a template', () => {
    const root = mkdtempSync(join(tmpdir(), 'plantillas-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    test('fails the verification, naming the figure and the place', async () => {
      cpSync(templatesRoot, root, { recursive: true });
      const partial = join(root, 'es', 'partials', 'participacion.hbs');
      const original = readFileSync(partial, 'utf8');
      const typed = original.replace(
        '{{nombre "ooad" cantidad=participacion.ooad}}',
        '35 Órganos de Operación Administrativa Desconcentrada (OOAD)',
      );
      expect(typed).not.toBe(original);
      writeFileSync(partial, typed);
      const { jornada } = await loadJornada(SEED_004, { catalog });
      const report = verifyEdition(compose(jornada, root), facts(jornada));
      expect(report.veredicto).toBe('rechazada');
      expect(report.errores).toEqual([
        'La cifra «35» en el párrafo 2 no viene de ningún dato de la jornada (¿se escribió a mano en la plantilla?).',
      ]);
    });
  });
});
