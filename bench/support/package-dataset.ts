import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dataPaths } from '../../src/dataset/paths.ts';

/**
 * A jornada's whole package for the benchmarks: the national figures of the sample of seed 004, and
 * for each of `states` OOAD (35, every one of the IMSS) a share of them, so the package is the
 * national bulletin plus one local bulletin per state.
 */

/** The 35 OOAD of the IMSS, one local bulletin each. */
export const OOAD = [
  'Aguascalientes',
  'Baja California',
  'Baja California Sur',
  'Campeche',
  'Coahuila',
  'Colima',
  'Chiapas',
  'Chihuahua',
  'Ciudad de México Norte',
  'Ciudad de México Sur',
  'Durango',
  'Guanajuato',
  'Guerrero',
  'Hidalgo',
  'Jalisco',
  'Estado de México Oriente',
  'Estado de México Poniente',
  'Michoacán',
  'Morelos',
  'Nayarit',
  'Nuevo León',
  'Oaxaca',
  'Puebla',
  'Querétaro',
  'Quintana Roo',
  'San Luis Potosí',
  'Sinaloa',
  'Sonora',
  'Tabasco',
  'Tamaulipas',
  'Tlaxcala',
  'Veracruz Norte',
  'Veracruz Sur',
  'Yucatán',
  'Zacatecas',
] as const;
/** The national figures each state gets a share of. */
const SHARED = [
  'cirugias',
  'consulta-especialidad',
  'consulta-medicina-familiar',
  'deteccion-diabetes',
  'mastografia',
] as const;

export async function writePackageDataset(folder: string, states: number = OOAD.length): Promise<string> {
  const sample = join(dataPaths.samples, '2021-12-decima-cuarta-jornada-nacional.json');
  const national = JSON.parse(readFileSync(sample, 'utf8')) as {
    cifras: Record<string, number>;
    estados?: unknown;
    boletin?: unknown;
  };
  const estados = OOAD.slice(0, states).map((nombre, index) => ({
    nombre,
    // A share of each national figure that differs by state, never above the national figure once summed.
    cifras: Object.fromEntries(
      SHARED.filter((id) => (national.cifras[id] ?? 0) > 0).map((id) => [
        id,
        Math.max(1, Math.floor(((national.cifras[id] ?? 0) * (index + 5)) / 1000)),
      ]),
    ),
  }));
  await mkdir(folder, { recursive: true });
  const file = join(folder, `jornada-${String(states)}-estados.json`);
  await writeFile(file, JSON.stringify({ ...national, $schema: undefined, estados, boletin: undefined }, null, 2));
  return file;
}
