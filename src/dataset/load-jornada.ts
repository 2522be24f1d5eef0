import { dirname, resolve } from 'node:path';
import type { Problem } from '../errors.ts';
import { InputError } from '../errors.ts';
import type { Catalog } from './catalog.ts';
import { loadCatalog } from './catalog.ts';
import { canonicalJson, sha256 } from './canonical.ts';
import { confinedCsvPath, readEstadosCsv } from './csv-reader.ts';
import { countText } from './format-problems.ts';
import type { ProblemSink } from './problem.ts';
import { hasErrors, isRecord, problemSink } from './problem.ts';
import type { Jornada } from './schema.ts';
import { decodeText, maxDatasetBytes, readSource } from './source.ts';
import { parseJsonText, parseYamlText } from './text-formats.ts';
import { validateJornada } from './validate.ts';

export interface LoadOptions {
  /** Warnings stop too. */
  readonly strict?: boolean;
  readonly catalog?: Catalog;
  /** Largest file read, in bytes (5 MB by default). */
  readonly maxBytes?: number;
}

export interface LoadedJornada {
  readonly jornada: Jornada;
  readonly warnings: readonly Problem[];
  readonly sourcePath: string;
  /** sha256 of the canonical dataset (sorted keys): the same data from JSON, YAML or Excel gives the same hash. */
  readonly hash: string;
}

export interface DatasetReport {
  readonly sourcePath: string;
  readonly problems: readonly Problem[];
  readonly loaded?: LoadedJornada;
}

/**
 * Loads and validates a jornada's dataset (JSON, YAML or .xlsx). Throws InputError carrying every
 * problem when there is an error (or, in strict mode, a warning).
 */
export async function loadJornada(path: string, options: LoadOptions = {}): Promise<LoadedJornada> {
  const report = await checkJornadaFile(path, options);
  if (report.loaded !== undefined && (!options.strict || report.problems.length === 0)) return report.loaded;
  const strictOnly = report.loaded !== undefined;
  throw new InputError(
    strictOnly
      ? `${path}: ${countText(report.problems)}; en modo estricto los avisos también detienen.`
      : `${path}: el conjunto de datos no es válido (${countText(report.problems)}).`,
    report.problems,
  );
}

/** Loads and validates a file without throwing: every problem, and the jornada when there is no error. */
export async function checkJornadaFile(path: string, options: LoadOptions = {}): Promise<DatasetReport> {
  const sourcePath = resolve(path);
  const sink = problemSink(path);
  const catalog = options.catalog ?? loadCatalog();
  const read = await readRaw(path, sink, options.maxBytes ?? maxDatasetBytes, catalog);
  if (read === undefined || hasErrors(sink.problems)) return { sourcePath, problems: sink.problems };
  const result = validateJornada(read.raw, { file: path, catalog, placeOf: read.placeOf });
  const problems = [...sink.problems, ...result.problems];
  if (result.jornada === undefined || hasErrors(problems)) return { sourcePath, problems };
  const warnings = problems.filter((problem) => problem.severity === 'aviso');
  return {
    sourcePath,
    problems,
    loaded: { jornada: result.jornada, warnings, sourcePath, hash: sha256(canonicalJson(result.jornada)) },
  };
}

interface RawDataset {
  readonly raw: unknown;
  readonly placeOf: (path: readonly PropertyKey[]) => string;
}

async function readRaw(
  path: string,
  sink: ProblemSink,
  maxBytes: number,
  catalog: Catalog,
): Promise<RawDataset | undefined> {
  const source = await readSource(path, sink, maxBytes);
  if (source === undefined) return undefined;
  if (source.format === 'xlsx') {
    // exceljs and its chain cost about half a second of start-up: only a workbook pays for them.
    const { readWorkbook } = await import('./excel-reader.ts');
    return readWorkbook(source.bytes, sink, catalog);
  }
  if (source.format === 'csv') {
    sink.error(
      '(archivo)',
      'un CSV tiene sólo la tabla de estados, no una jornada completa',
      'Cítelo desde el archivo de la jornada con "estadosCsv": "nombre.csv", o use `boletin validar` para revisar la tabla sola.',
    );
    return undefined;
  }
  const text = decodeText(source.bytes, sink);
  if (text === undefined) return undefined;
  const parsed = source.format === 'json' ? parseJsonText(text, sink) : parseYamlText(text, sink);
  if (parsed === undefined) return undefined;
  return resolveStatesCsv(parsed, path, sink, maxBytes, catalog);
}

/** A dataset may keep its per-state table in a CSV file beside it: read it in place of `estados`. */
async function resolveStatesCsv(
  parsed: RawDataset,
  path: string,
  sink: ProblemSink,
  maxBytes: number,
  catalog: Catalog,
): Promise<RawDataset | undefined> {
  const raw = parsed.raw;
  if (!isRecord(raw) || raw['estadosCsv'] === undefined) return parsed;
  const csvName = raw['estadosCsv'];
  if (typeof csvName !== 'string') return parsed;
  if (raw['estados'] !== undefined) {
    sink.error(parsed.placeOf(['estadosCsv']), 'hay «estados» y también «estadosCsv»', 'Deje sólo uno de los dos.');
    return undefined;
  }
  const csvPath = await confinedCsvPath(dirname(resolve(path)), csvName);
  if (typeof csvPath !== 'string') {
    sink.error(parsed.placeOf(['estadosCsv']), csvPath.message, csvPath.fix);
    return undefined;
  }
  const csvSink = problemSink(csvPath);
  const table = await readEstadosCsv(csvPath, csvSink, catalog, maxBytes);
  sink.problems.push(...csvSink.problems);
  if (table === undefined) return undefined;
  const { estadosCsv: _csv, ...rest } = raw;
  const csvPlaces = table.placeOf;
  return {
    raw: { ...rest, estados: table.estados },
    placeOf: (placePath) =>
      placePath[0] === 'estados' ? `${csvName}: ${csvPlaces(placePath.slice(1))}` : parsed.placeOf(placePath),
  };
}
