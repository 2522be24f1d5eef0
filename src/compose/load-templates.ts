import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { NounForms } from '../lang/phrasing.ts';
import type { TemplateSources } from './template-engine.ts';

/**
 * The office's templates for one language: `templates/<lang>/boletin.hbs` (the bulletin, in the
 * template markup), `partials/*.hbs`, `etiquetas.yaml` (words printed around the content) and
 * `sustantivos.yaml` (nouns counted by the templates that are not indicators: acciones, OOAD...).
 */
export interface TemplateSet extends TemplateSources {
  readonly lang: string;
  readonly labels: TemplateLabels;
  readonly nouns: Readonly<Record<string, NounForms & { readonly siglas?: string }>>;
  /** A short hash of every file of the set: recorded with each bulletin so a change of wording is traceable. */
  readonly version: string;
}

const labelsSchema = z.strictObject({
  idioma: z.string().min(2),
  institucion: z.string().min(1),
  tipoDocumento: z.string().min(1),
  pagina: z.string().min(1),
  paginaDe: z.string().min(1),
  borrador: z.string().min(1),
  logoAlt: z.string().min(1),
  autor: z.string().min(1),
  asunto: z.string().min(1),
  palabrasClave: z.array(z.string().min(1)),
  lugar: z.string().min(1),
  /** A language edition's own names for the programmes; Spanish takes them from data/catalogo/programas.yaml. */
  tiposDeJornada: z.record(z.string(), z.string().min(1)).optional(),
  /** How that edition refers to each kind again ("the day", "the drive"); Spanish uses the catalog's «corto». */
  cortosDeJornada: z.record(z.string(), z.string().min(1)).optional(),
  /** A language edition's names for the states that have one ("Mexico City"); others keep their own. */
  nombresDeEstados: z.record(z.string(), z.string().min(1)).optional(),
});
export type TemplateLabels = z.infer<typeof labelsSchema>;

const nounsSchema = z.record(
  z.string(),
  z.strictObject({
    singular: z.string().min(1),
    plural: z.string().min(1),
    genero: z.enum(['f', 'm']),
    siglas: z.string().min(1).optional(),
  }),
);

export const templatesRoot: string = join(import.meta.dirname, '..', '..', 'templates');

export function loadTemplateSet(lang: string, root: string = templatesRoot): TemplateSet {
  const folder = join(root, lang);
  const hash = createHash('sha256');
  const read = (path: string): string => {
    const text = readFileSync(path, 'utf8');
    hash.update(`${basename(path)}\0${text}\0`);
    return text;
  };
  const templates = readHandlebarsFiles(folder, read);
  // A partial is used inside a sentence: the line break that ends its file is not part of it.
  const partials = Object.fromEntries(
    Object.entries(readHandlebarsFiles(join(folder, 'partials'), read)).map(([name, source]) => [
      name,
      source.replace(/\r?\n$/, ''),
    ]),
  );
  const labels = labelsSchema.parse(parse(read(join(folder, 'etiquetas.yaml'))));
  const nouns = Object.fromEntries(
    Object.entries(nounsSchema.parse(parse(read(join(folder, 'sustantivos.yaml'))))).map(([id, noun]) => [
      id,
      {
        singular: noun.singular,
        plural: noun.plural,
        gender: noun.genero,
        ...(noun.siglas === undefined ? {} : { siglas: noun.siglas }),
      },
    ]),
  );
  return { lang, templates, partials, labels, nouns, version: hash.digest('hex').slice(0, 12) };
}

function readHandlebarsFiles(folder: string, read: (path: string) => string): Record<string, string> {
  const names = readdirSync(folder)
    .filter((name) => name.endsWith('.hbs'))
    .sort();
  return Object.fromEntries(names.map((name) => [name.slice(0, -'.hbs'.length), read(join(folder, name))]));
}
