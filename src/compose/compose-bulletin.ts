import { DateTime } from 'luxon';
import type { Catalog } from '../dataset/catalog.ts';
import { type ProgrammeCatalog, loadProgrammeCatalog } from '../dataset/programme-catalog.ts';
import type { Jornada } from '../dataset/schema.ts';
import type { Phrasing } from '../lang/phrasing.ts';
import type { BulletinDocument } from '../model/bulletin-document.ts';
import { buildView } from './build-view.ts';
import type { TemplateSet } from './load-templates.ts';
import { plainText, parseMarkup } from './parse-markup.ts';
import { createTemplateEngine } from './template-engine.ts';
import { webPostMetadata } from './web-post-metadata.ts';

export interface ComposeOptions {
  readonly templates: TemplateSet;
  readonly catalog: Catalog;
  readonly phrasing: Phrasing;
  /** The bulletin's number in its year; null for a draft, which takes no number. */
  readonly number: number | null;
  /** ISO date of issue ("2023-03-01"). */
  readonly issueDate: string;
  /** Place of the dateline; the templates' default ("Ciudad de México") when absent. */
  readonly place?: string;
  readonly draft: boolean;
  readonly edition: string;
  /** The main template to run ("boletin" by default; "estatal" for a state's local bulletin). */
  readonly template?: string;
  /** The state a local bulletin is about (`local.nombre`), and whether the jornada was in every OOAD. */
  readonly local?: { readonly nombre: string; readonly todoElPais?: boolean };
  /** The programmes' names; the project's catalog by default. */
  readonly programmes?: ProgrammeCatalog;
  /** Style choices the templates apply (the figure style lives in the phrasing). */
  readonly style?: ComposeStyle;
}

/** The bulletin style settings that shape sentences rather than figures. */
export interface ComposeStyle {
  /** The jornada's ordinal: "Décima Cuarta" (palabras), "Decimocuarta" (unaPalabra), "14ª" (corta). */
  readonly ordinal?: 'palabras' | 'unaPalabra' | 'corta';
  /** The summary bullet as an open list: "A, B, C, entre otras". */
  readonly openLists?: boolean;
}

/**
 * Compose: a validated jornada becomes the document model. The templates write the words (in the
 * template markup); this function only runs them and parses what they wrote.
 */
export function composeBulletin(jornada: Jornada, options: ComposeOptions): BulletinDocument {
  const { templates, catalog, phrasing } = options;
  const lang = templates.lang === 'en' ? 'en' : 'es';
  const programme = (options.programmes ?? loadProgrammeCatalog()).require(jornada.tipo);
  // A language edition names the programme in its own words: its labels first, then the catalog's English name.
  const kindName =
    lang === 'en'
      ? (templates.labels.tiposDeJornada?.[jornada.tipo] ?? programme.en)
      : templates.labels.tiposDeJornada?.[jornada.tipo];
  // A programme added to the catalog without its English short name is still "day(s)", never "jornada".
  const kindShort =
    lang === 'en'
      ? (templates.labels.cortosDeJornada?.[jornada.tipo] ?? (programme.numero === 'plural' ? 'days' : 'day'))
      : undefined;
  const view = buildView(
    jornada,
    {
      number: options.number,
      issueDate: options.issueDate,
      place: options.place ?? templates.labels.lugar,
      draft: options.draft,
      lang,
      ...(options.local === undefined ? {} : { local: options.local }),
      programme,
      ...(kindName === undefined ? {} : { kindName }),
      ...(kindShort === undefined ? {} : { kindShort }),
      ...(templates.labels.nombresDeEstados === undefined ? {} : { stateNames: templates.labels.nombresDeEstados }),
      ...(options.style?.ordinal === undefined ? {} : { ordinalForm: options.style.ordinal }),
      ...(options.style?.openLists === undefined ? {} : { openLists: options.style.openLists }),
    },
    catalog,
    phrasing,
  );
  const engine = engineFor(templates, catalog, phrasing, lang);
  const parsed = parseMarkup(engine.render(options.template ?? 'boletin', view));
  const labels = templates.labels;
  return {
    lang: labels.idioma,
    edition: options.edition,
    draft: options.draft,
    labels: {
      institution: labels.institucion,
      documentKind: labels.tipoDocumento,
      page: labels.pagina,
      pageOf: labels.paginaDe,
      draft: labels.borrador,
      logoAlt: labels.logoAlt,
    },
    metadata: {
      title: parsed.headline,
      subject: labels.asunto,
      author: labels.autor,
      keywords: labels.palabrasClave,
      issuedAt: issueInstant(options.issueDate),
      description: parsed.bullets[0] === undefined ? labels.asunto : plainText(parsed.bullets[0]),
      ...(jornada.web?.seccion === undefined ? {} : { section: jornada.web.seccion }),
      post: webPostMetadata(jornada, catalog, parsed.headline),
    },
    dateline: parsed.dateline,
    number: options.draft ? '' : parsed.number,
    headline: parsed.headline,
    bullets: parsed.bullets,
    body: parsed.body,
    lines: options.draft ? { ...parsed.lines, number: [] } : parsed.lines,
  };
}

/** Noon of the issue date in Mexico City: the fixed date the files carry, so renders are reproducible. */
function issueInstant(issueDate: string): string {
  const instant = DateTime.fromISO(issueDate, { zone: 'America/Mexico_City' }).set({ hour: 12 });
  if (!instant.isValid) throw new RangeError(`Fecha de emisión inválida: «${issueDate}».`);
  return instant.toISO({ suppressMilliseconds: true });
}

/**
 * One template engine per set of templates, catalog and phrasing: Handlebars compiles a template on its
 * first use, and compiling took most of a compose's time when every bulletin of a batch built its own.
 */
const engines = new WeakMap<
  TemplateSet,
  WeakMap<Catalog, WeakMap<Phrasing, ReturnType<typeof createTemplateEngine>>>
>();

function engineFor(
  templates: TemplateSet,
  catalog: Catalog,
  phrasing: Phrasing,
  lang: 'es' | 'en',
): ReturnType<typeof createTemplateEngine> {
  let byCatalog = engines.get(templates);
  if (byCatalog === undefined) engines.set(templates, (byCatalog = new WeakMap()));
  let byPhrasing = byCatalog.get(catalog);
  if (byPhrasing === undefined) byCatalog.set(catalog, (byPhrasing = new WeakMap()));
  const cached = byPhrasing.get(phrasing);
  if (cached !== undefined) return cached;
  const nouns = (id: string) => {
    const indicator = catalog.get(id);
    if (indicator !== undefined) return lang === 'es' ? indicator.es : { ...indicator.en, gender: indicator.es.gender };
    return templates.nouns[id];
  };
  const engine = createTemplateEngine(templates, phrasing, nouns);
  byPhrasing.set(phrasing, engine);
  return engine;
}
