import { realpath } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Catalog } from './catalog.ts';
import { readCountText } from './figure-text.ts';
import type { ProblemSink } from './problem.ts';
import type { CsvRecord } from './csv-records.ts';
import { columnLetter, csvPlace, readCsvRecords } from './csv-records.ts';
import { decodeText, readSource } from './source.ts';
import { slugify } from './text-similarity.ts';

/**
 * The per-state table as CSV: a header `nombre` and one column per indicator id, one row per state.
 * Comma, semicolon (Excel in Spanish locales) or tab separated; with or without a byte-order mark;
 * Windows or Unix line endings.
 */

export interface EstadosTable {
  /** Raw state entries ({ nombre, cifras }), still to be validated as part of a jornada. */
  readonly estados: readonly Record<string, unknown>[];
  /** Where an entry's path ([index, 'cifras', id]) is in the file: "fila 3, columna C". */
  readonly placeOf: (path: readonly PropertyKey[]) => string;
}

/**
 * The path of the states' CSV a dataset names, refused unless it is a .csv file in the dataset's folder (or
 * below it), links resolved: a dataset must not make Boletín read, and echo in its messages, another file
 * on the machine.
 */
export async function confinedCsvPath(
  folder: string,
  name: string,
): Promise<string | { message: string; fix: string }> {
  const fix =
    'Ponga el CSV en la carpeta del archivo de la jornada (o en una subcarpeta) y escriba su nombre: "estadosCsv": "estados.csv".';
  if (isAbsolute(name) || /^[a-z]:|^[\\/]/i.test(name))
    return { message: `«estadosCsv» debe ser una ruta relativa a la carpeta de la jornada, no «${name}»`, fix };
  if (extname(name).toLowerCase() !== '.csv')
    return { message: `«estadosCsv» debe nombrar un archivo .csv, no «${name}»`, fix };
  const path = resolve(folder, name);
  if (!inside(folder, path)) return { message: `«estadosCsv» («${name}») sale de la carpeta de la jornada`, fix };
  const [realFolder, realPath] = await Promise.all([
    realpath(folder).catch(() => folder),
    realpath(path).catch(() => path),
  ]);
  if (!inside(realFolder, realPath))
    return { message: `«estadosCsv» («${name}») es un enlace a un archivo fuera de la carpeta de la jornada`, fix };
  return path;
}

function inside(folder: string, path: string): boolean {
  const rest = relative(folder, path);
  return rest !== '' && rest !== '..' && !rest.startsWith(`..${sep}`) && !isAbsolute(rest);
}

export async function readEstadosCsv(
  path: string,
  sink: ProblemSink,
  catalog: Catalog,
  maxBytes?: number,
): Promise<EstadosTable | undefined> {
  const source = await readSource(path, sink, maxBytes);
  if (source === undefined) return undefined;
  if (source.format !== 'csv') {
    sink.error(
      '(archivo)',
      'la tabla de estados debe ser un archivo .csv',
      'Exporte la hoja como «CSV UTF-8 (delimitado por comas)».',
    );
    return undefined;
  }
  const text = decodeText(source.bytes, sink);
  if (text === undefined) return undefined;
  return parseEstadosCsv(text, sink, catalog);
}

export function parseEstadosCsv(text: string, sink: ProblemSink, catalog: Catalog): EstadosTable | undefined {
  const records = readCsvRecords(text, sink);
  if (records === undefined) return undefined;
  const [header, ...rows] = records;
  if (header === undefined) {
    sink.error(
      '(archivo)',
      'el CSV no tiene filas',
      'Escriba un encabezado («nombre» y los ids de los indicadores) y una fila por estado.',
    );
    return undefined;
  }
  const columns = header.cells.map((cell, index) => ({ index, name: cell.trim(), id: slugify(cell) }));
  if (!uniqueHeaders(columns, header, sink)) return undefined;
  const nameColumn = columns.find((column) => column.id === 'nombre' || column.id === 'estado');
  if (nameColumn === undefined) {
    sink.error(
      csvPlace(header),
      'falta la columna «nombre» en el encabezado del CSV',
      'Escriba «nombre» en la primera celda del encabezado y el nombre de cada estado debajo.',
    );
    return undefined;
  }
  const figureColumns: { index: number; id: string }[] = [];
  for (const column of columns) {
    if (column === nameColumn) continue;
    if (column.name === '') {
      // A figure under no heading would be dropped without a word: said at its cell instead.
      const filled = rows.find((record) => (record.cells[column.index] ?? '').trim() !== '');
      if (filled !== undefined) {
        sink.error(
          csvPlace(filled, column.index),
          `hay un valor («${(filled.cells[column.index] ?? '').trim()}») en una columna sin encabezado`,
          'Escriba en el encabezado el indicador de esa columna, o borre los valores que quedaron debajo.',
        );
      }
      continue;
    }
    if (!catalog.has(column.id)) {
      const suggestion = catalog.suggest(column.name);
      sink.error(
        csvPlace(header, column.index),
        `el encabezado «${column.name}» no es un indicador del catálogo`,
        `${suggestion === undefined ? '' : `¿Quiso decir «${suggestion}»? `}Los indicadores están en data/catalogo/indicadores.yaml.`,
      );
      continue;
    }
    figureColumns.push({ index: column.index, id: column.id });
  }
  const places = new Map<string, string>();
  const estados = rows.map((record, rowIndex) => {
    const entry: Record<string, unknown> = { nombre: (record.cells[nameColumn.index] ?? '').trim() };
    places.set(`${rowIndex}`, csvPlace(record));
    places.set(`${rowIndex}.nombre`, csvPlace(record, nameColumn.index));
    const cifras: Record<string, number> = {};
    for (const column of figureColumns) {
      const cell = (record.cells[column.index] ?? '').trim();
      const place = csvPlace(record, column.index);
      places.set(`${rowIndex}.cifras.${column.id}`, place);
      if (cell === '') continue;
      const reading = readCountText(cell);
      if (reading.ok) cifras[column.id] = reading.value;
      else
        sink.error(
          place,
          `${reading.message} («${column.id}» de ${String(entry['nombre']) || 'la fila'})`,
          reading.fix,
        );
    }
    if (Object.keys(cifras).length > 0) entry['cifras'] = cifras;
    return entry;
  });
  if (estados.length === 0) {
    sink.error(
      'fila 2',
      'el CSV tiene encabezado pero ninguna fila de estados',
      'Escriba una fila por estado bajo el encabezado.',
    );
  }
  return {
    estados,
    placeOf: (path) =>
      places.get(path.map(String).join('.')) ??
      places.get(path.slice(0, 2).map(String).join('.')) ??
      places.get(String(path[0])) ??
      `fila ${Number(path[0] ?? 0) + 2}`,
  };
}

/** Two columns with the same header (or "nombre" and "estado") would make one figure overwrite the other. */
function uniqueHeaders(
  columns: readonly { index: number; name: string; id: string }[],
  header: CsvRecord,
  sink: ProblemSink,
): boolean {
  const seen = new Map<string, number>();
  let unique = true;
  for (const column of columns) {
    if (column.name === '') continue;
    const key = column.id === 'estado' ? 'nombre' : column.id;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, column.index);
      continue;
    }
    unique = false;
    sink.error(
      csvPlace(header, column.index),
      `la columna ${columnLetter(column.index)} («${column.name}») repite la columna ${columnLetter(first)} («${columns[first]?.name ?? ''}»)`,
      'Deje una sola columna por indicador (y una sola de nombres): junte sus cifras o borre la repetida.',
    );
  }
  return unique;
}
