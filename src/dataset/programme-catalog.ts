import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Gender } from '../lang/phrasing.ts';
import { dataPaths } from './paths.ts';

/**
 * The catalog of programmes (data/catalogo/programas.yaml): the names IMSS gave its series of jornadas
 * over the years, with the grammar a sentence needs to name one. A dataset's `tipo` is an id of this
 * catalog, so a programme renamed next year is one entry in a data file, not code.
 */
export interface Programme {
  /** Stable id, the dataset's `tipo`: "extraordinaria-continuidad". */
  readonly id: string;
  /** The name as the office writes it, after the ordinal if any: "Jornada Extraordinaria de Continuidad de Servicios de Salud". */
  readonly nombre: string;
  /** The short form for a second mention: "jornada", "jornadas". */
  readonly corto: string;
  readonly genero: Gender;
  readonly numero: 'singular' | 'plural';
  /** The longest accepted jornada of this programme, in days. */
  readonly dias: number;
  /** The English name, for the English edition. */
  readonly en?: string;
}

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const programmeFileSchema = z.strictObject({
  programas: z
    .array(
      z.strictObject({
        id: z.string().regex(idPattern),
        nombre: z.string().trim().min(1),
        corto: z.string().trim().min(1),
        genero: z.enum(['f', 'm']),
        numero: z.enum(['singular', 'plural']),
        dias: z.int().positive().max(366),
        en: z.string().trim().min(1).optional(),
      }),
    )
    .min(1),
});

export interface ProgrammeCatalog {
  readonly programmes: readonly Programme[];
  readonly ids: readonly [string, ...string[]];
  get(id: string): Programme | undefined;
  /** The programme, or a thrown Error: for code that already validated the dataset. */
  require(id: string): Programme;
}

/** Builds the catalog from the parsed contents of a programme file; throws on a malformed one. */
export function buildProgrammeCatalog(contents: unknown, source = 'catálogo de programas'): ProgrammeCatalog {
  const parsed = programmeFileSchema.safeParse(contents);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(
      `${source}: catálogo de programas mal formado en ${first?.path.join('.') ?? '?'}: ${first?.message ?? ''}`,
    );
  }
  const byId = new Map<string, Programme>();
  for (const entry of parsed.data.programas) {
    if (byId.has(entry.id)) throw new Error(`${source}: el programa «${entry.id}» está repetido`);
    const { en, ...rest } = entry;
    byId.set(entry.id, en === undefined ? rest : { ...rest, en });
  }
  const programmes = [...byId.values()];
  const ids = programmes.map((programme) => programme.id) as [string, ...string[]];
  return {
    programmes,
    ids,
    get: (id) => byId.get(id),
    require(id) {
      const programme = byId.get(id);
      if (programme === undefined) throw new Error(`El programa «${id}» no está en el catálogo de programas.`);
      return programme;
    },
  };
}

const cache = new Map<string, ProgrammeCatalog>();

/** Loads the programme catalog (the project's own by default); read once per path. */
export function loadProgrammeCatalog(path: string = dataPaths.programmes): ProgrammeCatalog {
  const cached = cache.get(path);
  if (cached !== undefined) return cached;
  const catalog = buildProgrammeCatalog(parse(readFileSync(path, 'utf8')), path);
  cache.set(path, catalog);
  return catalog;
}
