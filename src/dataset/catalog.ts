import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Gender, NounForms } from '../lang/phrasing.ts';
import { dataPaths } from './paths.ts';
import { closest } from './text-similarity.ts';

/**
 * The indicator catalog: every figure a jornada may report, with the words the bulletin writes for it.
 * It is a data file (data/catalogo/indicadores.yaml); adding an indicator needs no code.
 */

export const indicatorGroups = [
  'consultas',
  'cirugias',
  'trasplantes',
  'donaciones',
  'detecciones',
  'planificacion-familiar',
  'estudios',
  'vacunacion',
  'trabajo-social',
  'otros',
] as const;
export type IndicatorGroup = (typeof indicatorGroups)[number];

/** The Spanish words of an indicator. */
export interface SpanishForms extends NounForms {
  /** The short noun for terse lists: "un hígado, ocho riñones y dos córneas". */
  readonly corto?: NounForms;
  /**
   * The complement that follows an elided head noun: "12 de córnea" after "10 trasplantes renales"; an
   * adjective agrees in number: { singular: "renal", plural: "renales" } gives "10 renales", "uno renal".
   */
  readonly de?: string | { readonly singular: string; readonly plural: string };
}

export interface EnglishForms {
  readonly singular: string;
  readonly plural: string;
  readonly corto?: { readonly singular: string; readonly plural: string };
}

export interface Indicator {
  /** Stable id, the key in `cifras`: "trasplante-rinon". */
  readonly id: string;
  readonly grupo: IndicatorGroup;
  /** Display order across the whole catalog, smaller first. */
  readonly orden: number;
  /** Whether the figure counts as an "acción" of the jornada. */
  readonly accion: boolean;
  /** The total this figure is a part of: "trasplantes" for "trasplante-rinon". */
  readonly parteDe?: string;
  readonly es: SpanishForms;
  readonly en: EnglishForms;
}

export interface GroupInfo {
  readonly id: IndicatorGroup;
  readonly es: string;
  readonly en: string;
}

export interface Catalog {
  /** Every indicator, in display order. */
  readonly indicators: readonly Indicator[];
  readonly groups: readonly GroupInfo[];
  readonly ids: readonly string[];
  get(id: string): Indicator | undefined;
  has(id: string): boolean;
  /** The indicator, or a thrown Error: for code that already validated its ids. */
  require(id: string): Indicator;
  /** The known id an unknown one most likely meant ("trasplante-riñon" -> "trasplante-rinon"). */
  suggest(unknownId: string): string | undefined;
  /** The direct parts of a total, in display order. */
  partsOf(id: string): readonly Indicator[];
  /** The totals above an indicator, nearest first. */
  totalsAbove(id: string): readonly Indicator[];
  /** Sorts ids by display order; unknown ids go last, in their given order. */
  order(ids: Iterable<string>): string[];
}

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const genderSchema = z.enum(['f', 'm']);
const nounSchema = z.strictObject({ singular: z.string().min(1), plural: z.string().min(1), genero: genderSchema });

const catalogFileSchema = z.strictObject({
  grupos: z.array(z.strictObject({ id: z.enum(indicatorGroups), es: z.string().min(1), en: z.string().min(1) })),
  indicadores: z.array(
    z.strictObject({
      id: z.string().regex(idPattern),
      grupo: z.enum(indicatorGroups),
      orden: z.number(),
      accion: z.boolean(),
      parte_de: z.string().regex(idPattern).optional(),
      es: nounSchema.extend({
        corto: nounSchema.optional(),
        de: z
          .union([z.string().min(1), z.strictObject({ singular: z.string().min(1), plural: z.string().min(1) })])
          .optional(),
      }),
      en: z.strictObject({
        singular: z.string().min(1),
        plural: z.string().min(1),
        corto: z.strictObject({ singular: z.string().min(1), plural: z.string().min(1) }).optional(),
      }),
    }),
  ),
});

function nounForms(noun: { singular: string; plural: string; genero: Gender }): NounForms {
  return { singular: noun.singular, plural: noun.plural, gender: noun.genero };
}

/** Builds a catalog from the parsed contents of an indicator file; throws on a malformed catalog. */
export function buildCatalog(contents: unknown, source = 'catálogo'): Catalog {
  const parsed = catalogFileSchema.safeParse(contents);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(
      `${source}: catálogo de indicadores mal formado en ${first?.path.join('.') ?? '?'}: ${first?.message ?? ''}`,
    );
  }
  const indicators: Indicator[] = parsed.data.indicadores
    .map((entry) => {
      const es: SpanishForms = {
        ...nounForms(entry.es),
        ...(entry.es.corto ? { corto: nounForms(entry.es.corto) } : {}),
        ...(entry.es.de ? { de: entry.es.de } : {}),
      };
      const indicator: Indicator = {
        id: entry.id,
        grupo: entry.grupo,
        orden: entry.orden,
        accion: entry.accion,
        ...(entry.parte_de ? { parteDe: entry.parte_de } : {}),
        es,
        en: entry.en,
      };
      return indicator;
    })
    .sort((a, b) => a.orden - b.orden);
  const byId = new Map<string, Indicator>();
  for (const indicator of indicators) {
    if (byId.has(indicator.id)) throw new Error(`${source}: el indicador «${indicator.id}» está repetido`);
    byId.set(indicator.id, indicator);
  }
  for (const indicator of indicators) {
    const seen = new Set<string>([indicator.id]);
    let parent = indicator.parteDe;
    while (parent !== undefined) {
      if (!byId.has(parent)) throw new Error(`${source}: «${indicator.id}» es parte_de «${parent}», que no existe`);
      if (seen.has(parent)) throw new Error(`${source}: «${indicator.id}» forma un ciclo de parte_de`);
      seen.add(parent);
      parent = byId.get(parent)?.parteDe;
    }
  }
  const candidates = indicators.map((indicator) => ({
    value: indicator.id,
    names: [indicator.es.singular, indicator.es.plural, indicator.en.singular, indicator.en.plural],
  }));
  const rank = new Map(indicators.map((indicator, index) => [indicator.id, index]));
  return {
    indicators,
    groups: parsed.data.grupos,
    ids: indicators.map((indicator) => indicator.id),
    get: (id) => byId.get(id),
    has: (id) => byId.has(id),
    require(id) {
      const indicator = byId.get(id);
      if (indicator === undefined) throw new Error(`El indicador «${id}» no está en el catálogo.`);
      return indicator;
    },
    suggest: (unknownId) => closest(unknownId, candidates),
    partsOf: (id) => indicators.filter((indicator) => indicator.parteDe === id),
    totalsAbove(id) {
      const totals: Indicator[] = [];
      let parent = byId.get(id)?.parteDe;
      while (parent !== undefined) {
        const total = byId.get(parent);
        if (total === undefined) break;
        totals.push(total);
        parent = total.parteDe;
      }
      return totals;
    },
    order(ids) {
      const list = [...ids];
      return list
        .map((id, index) => ({ id, key: rank.get(id) ?? indicators.length + index }))
        .sort((a, b) => a.key - b.key)
        .map((entry) => entry.id);
    },
  };
}

const cache = new Map<string, Catalog>();

/** Loads the indicator catalog (the project's own by default); read once per path. */
export function loadCatalog(path: string = dataPaths.catalog): Catalog {
  const cached = cache.get(path);
  if (cached !== undefined) return cached;
  const catalog = buildCatalog(parse(readFileSync(path, 'utf8')), path);
  cache.set(path, catalog);
  return catalog;
}
