import type { Registry } from './registry.ts';
import { selectVersions } from './registry-records.ts';

/** Columns of the CSV export, one row per recorded file (a version with no file yet has one row). */
export const CSV_COLUMNS = [
  'año',
  'número',
  'versión',
  'estado',
  'jornada',
  'título',
  'fecha',
  'edición',
  'estilo',
  'versión_plantilla',
  'hash_datos',
  'creado_en',
  'usuario',
  'publicado_en',
  'carpeta_salida',
  'archivo',
  'formato',
  'sha256',
  'bytes',
] as const;

/** The registry as CSV (RFC 4180: CRLF line ends, fields with commas, quotes or line breaks quoted). */
export function exportRegistryCsv(registry: Registry, filter: { readonly year?: number | undefined } = {}): string {
  const versions =
    filter.year === undefined
      ? selectVersions(registry.db, '1 = 1')
      : selectVersions(registry.db, 'b.anio = ?', filter.year);
  const rows: (string | number | null)[][] = [];
  for (const v of versions) {
    const common = [
      v.year,
      v.number,
      v.version,
      v.state,
      v.slug,
      v.title,
      v.issueDate,
      v.edition,
      v.style,
      v.templateVersion,
      v.datasetHash,
      v.createdAt,
      v.user,
      v.publishedAt,
      v.outputDir,
    ];
    if (v.files.length === 0) rows.push([...common, null, null, null, null]);
    for (const f of v.files) rows.push([...common, f.path, f.format, f.sha256, f.bytes]);
  }
  return toCsv([[...CSV_COLUMNS], ...rows]);
}

export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'string' ? neutralizeFormula(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * OWASP's rule against CSV injection: a spreadsheet runs a cell that starts with =, +, -, @, a tab or a
 * carriage return as a formula, so such a text gets a leading apostrophe (titles and jornadas come
 * from datasets, which anyone may write). Numbers are written as numbers.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
