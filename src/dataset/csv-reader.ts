import type { Catalog } from './catalog.ts';
import { readCountText } from './figure-text.ts';
import type { ProblemSink } from './problem.ts';
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

export async function readEstadosCsv(path: string, sink: ProblemSink, catalog: Catalog, maxBytes?: number): Promise<EstadosTable | undefined> {
  const source = await readSource(path, sink, maxBytes);
  if (source === undefined) return undefined;
  if (source.format !== 'csv') {
    sink.error('(archivo)', 'la tabla de estados debe ser un archivo .csv', 'Exporte la hoja como «CSV UTF-8 (delimitado por comas)».');
    return undefined;
  }
  const text = decodeText(source.bytes, sink);
  if (text === undefined) return undefined;
  return parseEstadosCsv(text, sink, catalog);
}

export function parseEstadosCsv(text: string, sink: ProblemSink, catalog: Catalog): EstadosTable | undefined {
  const records = parseCsv(text).filter((record) => record.some((cell) => cell.trim() !== ''));
  const header = records[0];
  if (header === undefined) {
    sink.error('(archivo)', 'el CSV no tiene filas', 'Escriba un encabezado («nombre» y los ids de los indicadores) y una fila por estado.');
    return undefined;
  }
  const columns = header.map((cell, index) => ({ index, name: cell.trim(), id: slugify(cell) }));
  const nameColumn = columns.find((column) => column.id === 'nombre' || column.id === 'estado');
  if (nameColumn === undefined) {
    sink.error('fila 1', 'falta la columna «nombre» en el encabezado del CSV', 'Escriba «nombre» en la primera celda del encabezado y el nombre de cada estado debajo.');
    return undefined;
  }
  const figureColumns: { index: number; id: string }[] = [];
  for (const column of columns) {
    if (column === nameColumn || column.name === '') continue;
    if (!catalog.has(column.id)) {
      const suggestion = catalog.suggest(column.name);
      sink.error(
        `fila 1, columna ${columnLetter(column.index)}`,
        `el encabezado «${column.name}» no es un indicador del catálogo`,
        `${suggestion === undefined ? '' : `¿Quiso decir «${suggestion}»? `}Los indicadores están en data/catalogo/indicadores.yaml.`,
      );
      continue;
    }
    figureColumns.push({ index: column.index, id: column.id });
  }
  const places = new Map<string, string>();
  const estados = records.slice(1).map((record, rowIndex) => {
    const row = rowIndex + 2;
    const entry: Record<string, unknown> = { nombre: (record[nameColumn.index] ?? '').trim() };
    places.set(`${rowIndex}.nombre`, `fila ${row}, columna ${columnLetter(nameColumn.index)}`);
    const cifras: Record<string, number> = {};
    for (const column of figureColumns) {
      const cell = (record[column.index] ?? '').trim();
      const place = `fila ${row}, columna ${columnLetter(column.index)}`;
      places.set(`${rowIndex}.cifras.${column.id}`, place);
      if (cell === '') continue;
      const reading = readCountText(cell);
      if (reading.ok) cifras[column.id] = reading.value;
      else sink.error(place, `${reading.message} («${column.id}» de ${String(entry['nombre']) || 'la fila'})`, reading.fix);
    }
    if (Object.keys(cifras).length > 0) entry['cifras'] = cifras;
    return entry;
  });
  if (estados.length === 0) {
    sink.error('fila 2', 'el CSV tiene encabezado pero ninguna fila de estados', 'Escriba una fila por estado bajo el encabezado.');
  }
  return {
    estados,
    placeOf: (path) => places.get(path.map(String).join('.')) ?? places.get(path.slice(0, 2).map(String).join('.')) ?? `fila ${Number(path[0] ?? 0) + 2}`,
  };
}

/** RFC 4180 CSV: quoted fields with "" escapes and line breaks; the delimiter is guessed from the header. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  const delimiter = [';', '\t', ','].reduce((best, candidate) => (count(firstLine, candidate) > count(firstLine, best) ? candidate : best), ',');
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
    } else if (char === delimiter) {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** 0 -> "A", 26 -> "AA". */
export function columnLetter(index: number): string {
  let letters = '';
  let rest = index + 1;
  while (rest > 0) {
    const remainder = (rest - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}
