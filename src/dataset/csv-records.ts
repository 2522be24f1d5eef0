import { CsvError, parse } from 'csv-parse/sync';
import type { ProblemSink } from './problem.ts';

/**
 * A CSV file's records, read by csv-parse (RFC 4180: quoted fields, "" escapes, line breaks inside quotes),
 * strictly: every row has as many cells as the header (a longer row would shift its figures into the wrong
 * columns), and a quote that never closes, or one in the middle of an unquoted cell, is an error at its line
 * rather than a field that swallows the rest of the file. Every bad row is reported, not just the first.
 */

export interface CsvRecord {
  readonly cells: readonly string[];
  /** The row as a spreadsheet numbers it: the header is row 1. */
  readonly row: number;
  /** The line of the file where the row starts (differs from `row` after a cell with a line break). */
  readonly line: number;
}

/** What csv-parse gives with `raw` and `info` on (its types do not say). */
interface ParsedRecord {
  readonly record: string[];
  readonly raw: string;
  readonly info: { readonly lines: number };
}

function lineOf(error: CsvError, fallback: number): number {
  const lines = error['lines'];
  return typeof lines === 'number' ? lines : fallback;
}

/** Longest cell read: a state's name or a figure is short; a cell this long is a broken file. */
const maxCellChars = 10_000;

export function readCsvRecords(text: string, sink: ProblemSink): CsvRecord[] | undefined {
  const records: CsvRecord[] = [];
  let lastLine = 0;
  let rows = 0;
  let errors = 0;
  try {
    parse(text, {
      delimiter: guessDelimiter(text),
      bom: true,
      skip_empty_lines: true,
      raw: true,
      info: true,
      max_record_size: maxCellChars,
      skip_records_with_error: true,
      // Both callbacks run in file order as csv-parse reads, so each knows where the previous record ended.
      on_record: (parsed) => {
        const { record, raw, info } = parsed as unknown as ParsedRecord;
        const line = lastLine + 1 + leadingBlankLines(raw);
        lastLine = info.lines;
        if (record.every((cell) => cell.trim() === '')) return null;
        rows += 1;
        records.push({ cells: record, row: rows, line });
        return null;
      },
      on_skip: (error, raw) => {
        rows += 1;
        errors += 1;
        if (error !== undefined) reportCsvError(error, lastLine + 1, raw ?? '', rows, sink);
        lastLine = error === undefined ? lastLine : lineOf(error, lastLine);
        return undefined;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    reportCsvError(error, lastLine + 1, '', rows + 1, sink);
    return undefined;
  }
  return errors > 0 ? undefined : records;
}

/** "fila 3, columna B", with the file's line when a cell with a line break made them differ. */
export function csvPlace(record: Pick<CsvRecord, 'row' | 'line'>, column?: number): string {
  const line = record.line === record.row ? '' : ` (línea ${record.line})`;
  return `fila ${record.row}${line}${column === undefined ? '' : `, columna ${columnLetter(column)}`}`;
}

function reportCsvError(error: CsvError, start: number, raw: string, row: number, sink: ProblemSink): void {
  const place = `línea ${start + leadingBlankLines(raw)}`;
  switch (error.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
      const record = error['record'];
      const found = Array.isArray(record) ? record.length : undefined;
      const expected = /expect (\d+)/.exec(error.message)?.[1];
      sink.error(
        csvPlace({ row, line: start + leadingBlankLines(raw) }),
        `la fila tiene ${found ?? 'otro número de'} celdas y el encabezado ${expected ?? 'otro número'}; sus cifras quedarían en columnas que no son las suyas`,
        found !== undefined && expected !== undefined && found > Number(expected)
          ? 'Quite las celdas de más: ¿una cifra con coma de miles (3,729) o un nombre con coma sin comillas? Escriba 3729, o el nombre entre comillas.'
          : 'Agregue las celdas que faltan (vacías si la cifra no se reportó), para que cada cifra quede bajo su encabezado.',
      );
      return;
    }
    case 'CSV_QUOTE_NOT_CLOSED':
      sink.error(
        `línea ${start + linesBeforeQuote(raw)}`,
        'unas comillas abren un texto y nunca se cierran, así que el resto del archivo quedaría dentro de una celda',
        'Cierre las comillas de esa celda, o quítelas.',
      );
      return;
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
      sink.error(
        `línea ${lineOf(error, start)}`,
        'hay unas comillas en medio de una celda',
        'Ponga la celda entera entre comillas y duplique las de dentro: "Hospital ""La Raza""", o quite las comillas.',
      );
      return;
    case 'CSV_MAX_RECORD_SIZE':
      sink.error(place, `una fila pasa de ${maxCellChars} caracteres, demasiado para una tabla de estados`, 'Revise que sea el archivo correcto y que sus comillas cierren.');
      return;
    default:
      sink.error(place, 'el CSV está mal formado', 'Vuelva a exportarlo desde Excel como «CSV UTF-8 (delimitado por comas)».');
  }
}

/** Excel writes "," or, in Spanish locales, ";" (or tabs): the header's most frequent one. */
function guessDelimiter(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 1)[0] ?? '';
  return [';', '\t', ','].reduce((best, candidate) => (count(firstLine, candidate) > count(firstLine, best) ? candidate : best), ',');
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

function leadingBlankLines(raw: string): number {
  return newlines(/^(?:[ \t]*(?:\r\n|\n|\r))*/.exec(raw)?.[0] ?? '');
}

function newlines(text: string): number {
  return text.match(/\r\n|\n|\r/g)?.length ?? 0;
}

function linesBeforeQuote(raw: string): number {
  const quote = raw.indexOf('"');
  return quote === -1 ? leadingBlankLines(raw) : newlines(raw.slice(0, quote));
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
