import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { composeBulletin } from '../../src/compose/compose-bulletin.ts';
import { loadTemplateSet } from '../../src/compose/load-templates.ts';
import { loadCatalog } from '../../src/dataset/catalog.ts';
import { type LoadedJornada, loadJornada } from '../../src/dataset/load-jornada.ts';
import { dataPaths } from '../../src/dataset/paths.ts';
import { bulletinStyle } from '../../src/generate/bulletin-style.ts';
import { resolveIssueDate } from '../../src/generate/issue-date.ts';
import { phrasingFor } from '../../src/lang/index.ts';
import type { BulletinDocument } from '../../src/model/bulletin-document.ts';

/** The sample jornadas shipped in data/jornadas (JSON), by file name. */
export function sampleFiles(): string[] {
  return readdirSync(dataPaths.samples)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(dataPaths.samples, name));
}

export interface ComposedSample {
  readonly file: string;
  readonly loaded: LoadedJornada;
  readonly doc: BulletinDocument;
}

/** Loads, validates and composes a dataset as the pipeline does, with the number it would get. */
export async function composeSample(file: string, number: number | null = 93, style?: string): Promise<ComposedSample> {
  const catalog = loadCatalog();
  const loaded = await loadJornada(file, { catalog });
  // The dataset's own style settings, as `generar` applies them.
  const chosen = bulletinStyle(loaded.jornada);
  const doc = composeBulletin(loaded.jornada, {
    templates: loadTemplateSet('es'),
    catalog,
    phrasing: phrasingFor('es', style ?? chosen.figureStyle, chosen.phrasingOptions),
    style: chosen.composeStyle,
    number: loaded.jornada.boletin?.numero ?? number,
    issueDate: resolveIssueDate(loaded.jornada),
    ...(loaded.jornada.boletin?.lugar ? { place: loaded.jornada.boletin.lugar } : {}),
    draft: number === null,
    edition: 'nacional',
  });
  return { file, loaded, doc };
}
