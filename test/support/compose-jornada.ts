import { composeBulletin } from '../../src/compose/compose-bulletin.ts';
import { loadTemplateSet } from '../../src/compose/load-templates.ts';
import { loadCatalog } from '../../src/dataset/catalog.ts';
import { type Jornada, jornadaSchema } from '../../src/dataset/schema.ts';
import { phrasingFor } from '../../src/lang/index.ts';
import type { BulletinDocument } from '../../src/model/bulletin-document.ts';

/**
 * The May 2021 Segunda Jornada (3 mil 729 cirugías), changed by `data`, composed as the national bulletin
 * (or the English edition) No. 012, issued on 17 May 2021: the base of the wording tests.
 */
export function composeJornada(
  data: Partial<Jornada>,
  options: { lang?: 'es' | 'en'; number?: number | null; draft?: boolean; style?: string } = {},
): BulletinDocument {
  const lang = options.lang ?? 'es';
  const jornada = jornadaSchema.parse({
    tipo: 'nacional-recuperacion',
    ordinal: 2,
    fechas: { inicio: '2021-05-14', fin: '2021-05-16' },
    cifras: { cirugias: 3729 },
    ...data,
  });
  return composeBulletin(jornada, {
    templates: loadTemplateSet(lang),
    catalog: loadCatalog(),
    phrasing: phrasingFor(lang, options.style),
    number: options.number === undefined ? 12 : options.number,
    issueDate: '2021-05-17',
    draft: options.draft ?? false,
    edition: lang === 'es' ? 'nacional' : 'en',
  });
}
