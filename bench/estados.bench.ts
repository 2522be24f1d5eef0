/**
 * Benchmark (a script, not a test): the national bulletin and the local bulletins of 35 states (every
 * OOAD of the IMSS) for one jornada, in HTML, PDF and Word, in one batch with one browser. The dataset is
 * made from the sample of seed 004: its national figures, and for each OOAD a share of them.
 * Run with `npm run bench:estados`; prints the time, the files written and the verified figures.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateBulletins } from '../src/generate/generate-bulletins.ts';

const OOAD = [
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
const SHARED = [
  'cirugias',
  'consulta-especialidad',
  'consulta-medicina-familiar',
  'deteccion-diabetes',
  'mastografia',
] as const;

const sample = join(import.meta.dirname, '..', 'data', 'jornadas', '2021-12-decima-cuarta-jornada-nacional.json');
const national = JSON.parse(readFileSync(sample, 'utf8')) as {
  cifras: Record<string, number>;
  estados?: unknown;
  boletin?: unknown;
};
const estados = OOAD.map((nombre, index) => ({
  nombre,
  // A share of each national figure that differs by state, never above the national figure once summed.
  cifras: Object.fromEntries(
    SHARED.filter((id) => (national.cifras[id] ?? 0) > 0).map((id) => [
      id,
      Math.max(1, Math.floor(((national.cifras[id] ?? 0) * (index + 5)) / 1000)),
    ]),
  ),
}));
const folder = mkdtempSync(join(tmpdir(), 'boletin-estados-'));
const dataset = join(folder, 'jornada-35-estados.json');
writeFileSync(dataset, JSON.stringify({ ...national, $schema: undefined, estados, boletin: undefined }, null, 2));

const started = performance.now();
try {
  const [result] = await generateBulletins({
    files: [dataset],
    outputDir: join(folder, 'salida'),
    registryPath: join(folder, 'datos', 'registro.sqlite'),
    editions: ['es', 'estados'],
  });
  const seconds = (performance.now() - started) / 1000;
  if (result?.error !== undefined) throw result.error;
  const written = readdirSync(join(folder, 'salida', '2021'));
  const pdfs = written.filter((name) => name.endsWith('.pdf')).length;
  const reports = written.filter((name) => name.endsWith('.verificacion.json'));
  const figures = reports.reduce(
    (sum, name) =>
      sum + (JSON.parse(readFileSync(join(folder, 'salida', '2021', name), 'utf8')) as { cifras: number }).cifras,
    0,
  );
  console.log(
    `1 boletín nacional + ${String(OOAD.length)} estatales: ${seconds.toFixed(1)} s, ${String(written.length)} archivos (${String(pdfs)} PDF), ${String(reports.length)} verificaciones aprobadas, ${String(figures)} cifras comprobadas, un navegador.`,
  );
} finally {
  rmSync(folder, { recursive: true, force: true });
}
