import { join } from 'node:path';

/** The repository root, found from this file so commands work from any working directory. */
export const repoRoot: string = join(import.meta.dirname, '..', '..');

/** Where Boletín keeps its data files. */
export const dataPaths = {
  catalog: join(repoRoot, 'data', 'catalogo', 'indicadores.yaml'),
  programmes: join(repoRoot, 'data', 'catalogo', 'programas.yaml'),
  schema: join(repoRoot, 'data', 'jornada.schema.json'),
  samples: join(repoRoot, 'data', 'jornadas'),
  template: join(repoRoot, 'data', 'plantilla', 'jornada.xlsx'),
} as const;
