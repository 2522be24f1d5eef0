/** The dataset stage: load a jornada's file, validate it, and hand a typed Jornada to compose. */
export * from './schema.ts';
export * from './catalog.ts';
export { dataPaths } from './paths.ts';
export { loadJornada, checkJornadaFile } from './load-jornada.ts';
export type { LoadOptions, LoadedJornada, DatasetReport } from './load-jornada.ts';
export { validateJornada } from './validate.ts';
export type { ValidationOptions, ValidationResult } from './validate.ts';
export { formatProblems, formatProblemLines, countText } from './format-problems.ts';
export { parseDestacadoTexto, placeholderForms } from './destacado-text.ts';
export type { DestacadoSegment, ParsedDestacado, PlaceholderForm } from './destacado-text.ts';
export { readEstadosCsv } from './csv-reader.ts';
export { daysOf, daysBetween } from './dates.ts';
export { writeJornadaWorkbook } from './excel-writer.ts';
export { jornadaJsonSchema, jornadaJsonSchemaText } from './json-schema.ts';
