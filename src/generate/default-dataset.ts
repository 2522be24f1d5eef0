import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dataPaths } from '../dataset/paths.ts';

/**
 * The dataset `npm run boletin` renders when given none: the newest sample jornada. Sample files are
 * named `<año>-<mes>-<nombre>`, so the newest is the last by name. (A variant of a sample, built to show one
 * field, is named so that it sorts before the sample it varies: `2023-02-cuarta-jornada-con-meta-en-porcentaje`.)
 */
export function newestSampleDataset(folder: string = dataPaths.samples): string {
  const names = readdirSync(folder)
    .filter((name) => /^\d{4}-\d{2}-.+\.(json|ya?ml)$/.test(name))
    .sort();
  const newest = names.at(-1);
  if (newest === undefined) throw new Error(`No hay jornadas de ejemplo en ${folder}.`);
  return join(folder, newest);
}
