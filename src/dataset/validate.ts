import type { Problem } from '../errors.ts';
import type { Catalog } from './catalog.ts';
import { loadCatalog } from './catalog.ts';
import { checkConsistency } from './consistency.ts';
import { digitsInText, numberWordsInText, parseDestacadoTexto } from './destacado-text.ts';
import type { ProblemSink } from './problem.ts';
import { isRecord, pathText, problemSink } from './problem.ts';
import type { Jornada } from './schema.ts';
import { jornadaFileSchema } from './schema.ts';
import { checkPublishable } from './publishable-values.ts';
import { checkTexts } from './text-checks.ts';
import { reportIssues } from './zod-issues.ts';

export interface ValidationOptions {
  /** The file the data came from, named in every problem. */
  readonly file: string;
  readonly catalog?: Catalog;
  /** Where a JSON path was typed: a sheet cell for Excel ("Nacional!B7"); the path itself by default. */
  readonly placeOf?: (path: readonly PropertyKey[]) => string;
}

export interface ValidationResult {
  /** The typed jornada, when there is no error (there may be warnings). */
  readonly jornada?: Jornada;
  /** Every problem found, errors and warnings. */
  readonly problems: readonly Problem[];
}

const datasetKeys = ['tipo', 'fechas', 'cifras'] as const;

/**
 * Checks a parsed dataset and returns the typed Jornada with every problem found at once.
 * Shape, indicator ids and highlight texts are always checked; consistency (dates, parts, totals) only
 * when the shape is right, since it needs the typed data.
 */
export function validateJornada(input: unknown, options: ValidationOptions): ValidationResult {
  const sink = problemSink(options.file);
  const placeOf = options.placeOf ?? pathText;
  const catalog = options.catalog ?? loadCatalog();
  if (!isRecord(input) || !datasetKeys.some((key) => key in input)) {
    sink.error(
      placeOf([]),
      `no es un conjunto de datos de una jornada: ${describeTopLevel(input)}`,
      'Un conjunto de datos es un objeto con al menos «tipo», «fechas» y «cifras»; vea docs/dataset.md o data/jornadas/.',
    );
    return { problems: sink.problems };
  }
  // Every text NFC-normalised, and invisible or unprintable characters refused, before anything reads them.
  const raw = checkTexts(input, sink, placeOf) as Record<string, unknown>;
  const parsed = jornadaFileSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) reportIssues(parsed.error.issues, jornadaFileSchema, sink, placeOf);
  checkIndicatorIds(raw, catalog, sink, placeOf);
  checkHighlights(raw, catalog, sink, placeOf);
  if (!parsed.success) return { problems: sink.problems };
  const { $schema: _schema, estadosCsv: _csv, ...jornada } = parsed.data;
  checkPublishable(jornada, sink, placeOf);
  if (!sink.problems.some((problem) => problem.severity === 'error')) checkConsistency(jornada, catalog, sink, placeOf);
  return sink.problems.some((problem) => problem.severity === 'error')
    ? { problems: sink.problems }
    : { jornada, problems: sink.problems };
}

function describeTopLevel(raw: unknown): string {
  if (Array.isArray(raw)) return 'es una lista, no un objeto';
  if (raw === null) return 'está vacío (null)';
  if (typeof raw !== 'object')
    return `es ${typeof raw === 'string' ? 'un texto suelto' : `un valor suelto (${String(raw)})`}`;
  const keys = Object.keys(raw);
  return keys.length === 0
    ? 'es un objeto vacío'
    : `no tiene «tipo», «fechas» ni «cifras» (tiene: ${keys.slice(0, 6).join(', ')})`;
}

interface FigureSet {
  readonly value: Record<string, unknown>;
  readonly path: readonly PropertyKey[];
}

/** Every object of figures in the raw dataset, wherever it is, with its path. */
function figureSets(raw: Record<string, unknown>): FigureSet[] {
  const sets: FigureSet[] = [];
  const take = (owner: Record<string, unknown>, key: string, path: readonly PropertyKey[]): void => {
    const value = owner[key];
    if (isRecord(value)) sets.push({ value, path: [...path, key] });
  };
  for (const key of ['cifras', 'cifrasUmae', 'acumuladoAnual']) take(raw, key, []);
  for (const { destacado, path } of rawHighlights(raw)) {
    take(destacado, 'cifras', path);
    take(destacado, 'acumuladoAnual', path);
  }
  for (const key of ['estados', 'hospitales']) {
    const list = raw[key];
    if (!Array.isArray(list)) continue;
    list.forEach((entity, index) => {
      if (isRecord(entity)) take(entity, 'cifras', [key, index]);
    });
  }
  return sets;
}

function rawHighlights(raw: Record<string, unknown>): { destacado: Record<string, unknown>; path: PropertyKey[] }[] {
  const found: { destacado: Record<string, unknown>; path: PropertyKey[] }[] = [];
  const take = (list: unknown, path: PropertyKey[]): void => {
    if (!Array.isArray(list)) return;
    list.forEach((destacado, index) => {
      if (isRecord(destacado)) found.push({ destacado, path: [...path, index] });
    });
  };
  take(raw['destacados'], ['destacados']);
  for (const key of ['estados', 'hospitales']) {
    const list = raw[key];
    if (!Array.isArray(list)) continue;
    list.forEach((entity, index) => {
      if (isRecord(entity)) take(entity['destacados'], [key, index, 'destacados']);
    });
  }
  return found;
}

function unknownIndicator(id: string, catalog: Catalog): { message: string; fix: string } {
  const suggestion = catalog.suggest(id);
  return {
    message: `«${id}» no es un indicador del catálogo`,
    fix: `${suggestion === undefined ? '' : `¿Quiso decir «${suggestion}»? `}Los indicadores están en data/catalogo/indicadores.yaml; para uno nuevo, agréguelo ahí.`,
  };
}

function checkIndicatorIds(
  raw: Record<string, unknown>,
  catalog: Catalog,
  sink: ProblemSink,
  placeOf: (path: readonly PropertyKey[]) => string,
): void {
  for (const set of figureSets(raw)) {
    for (const id of Object.keys(set.value)) {
      if (catalog.has(id)) continue;
      const { message, fix } = unknownIndicator(id, catalog);
      sink.error(placeOf([...set.path, id]), message, fix);
    }
  }
}

/** Highlight texts carry no figures: each figure is a placeholder with its value in `cifras`. */
function checkHighlights(
  raw: Record<string, unknown>,
  catalog: Catalog,
  sink: ProblemSink,
  placeOf: (path: readonly PropertyKey[]) => string,
): void {
  for (const { destacado, path } of rawHighlights(raw)) {
    const cifras = isRecord(destacado['cifras']) ? destacado['cifras'] : {};
    const anuales = isRecord(destacado['acumuladoAnual']) ? destacado['acumuladoAnual'] : {};
    const used = { jornada: new Set<string>(), anual: new Set<string>() };
    for (const key of ['texto', 'textoEn'] as const) {
      const texto = destacado[key];
      if (typeof texto !== 'string') continue;
      const place = placeOf([...path, key]);
      const parsed = parseDestacadoTexto(texto);
      for (const error of parsed.errors)
        sink.error(
          place,
          `en el texto del destacado, ${error}`,
          'Corrija el marcador; vea «Destacados» en docs/dataset.md.',
        );
      const digits = digitsInText(parsed.segments);
      if (digits.length > 0) {
        sink.error(
          place,
          `el texto del destacado lleva cifras escritas (${digits.map((digit) => `«${digit}»`).join(', ')})`,
          'Ponga cada cifra en «cifras» del destacado y nómbrela en el texto con {id} (por ejemplo {trasplante-cornea}); si el número es parte de un nombre (Hospital General de Zona 33), ponga el nombre en «unidad» y escriba {unidad}.',
        );
      }
      if (key === 'texto') {
        const words = numberWordsInText(parsed.segments);
        if (words.length > 0) {
          sink.warn(
            place,
            `el texto del destacado tiene números escritos con letras (${words.map((word) => `«${word}»`).join(', ')})`,
            'Si son cifras, póngalas en «cifras» y nómbrelas con {id}, para que el boletín las escriba en su estilo.',
          );
        }
      }
      for (const segment of parsed.segments) {
        if (segment.kind === 'unidad') {
          if (typeof destacado['unidad'] !== 'string')
            sink.error(
              place,
              `el texto usa ${segment.raw} pero el destacado no tiene «unidad»`,
              'Escriba el nombre de la unidad en «unidad».',
            );
          continue;
        }
        if (segment.kind !== 'cifra') continue;
        if (!catalog.has(segment.id)) {
          const { message, fix } = unknownIndicator(segment.id, catalog);
          sink.error(place, `el marcador ${segment.raw}: ${message}`, fix);
          continue;
        }
        const source = segment.alcance === 'anual' ? anuales : cifras;
        used[segment.alcance].add(segment.id);
        if (!(segment.id in source)) {
          const field = segment.alcance === 'anual' ? 'acumuladoAnual' : 'cifras';
          sink.error(
            place,
            `el marcador ${segment.raw} no tiene su cifra en «${field}» del destacado`,
            `Agregue "${segment.id}": <número> en «${pathText([...path, field])}».`,
          );
        }
      }
    }
    for (const [field, values, scope] of [
      ['cifras', cifras, 'jornada'],
      ['acumuladoAnual', anuales, 'anual'],
    ] as const) {
      for (const id of Object.keys(values)) {
        if (catalog.has(id) && !used[scope].has(id)) {
          sink.warn(
            placeOf([...path, field, id]),
            `la cifra «${id}» del destacado no aparece en su texto`,
            `Nómbrela en el texto con {${scope === 'anual' ? 'anual:' : ''}${id}}, o quítela.`,
          );
        }
      }
    }
  }
}
