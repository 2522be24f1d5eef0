/** The dataset stage: load a jornada's file, validate it, and hand a typed Jornada to compose. */
export * from './schema.ts';
export * from './catalog.ts';
export { dataPaths } from './paths.ts';
