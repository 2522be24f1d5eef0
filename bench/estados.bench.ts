/**
 * Benchmark (a script, not a test): the national bulletin and the local bulletins of 35 states (every
 * OOAD of the IMSS) for one jornada, in HTML, PDF and Word, in one batch with one browser. The dataset is
 * made from the sample of seed 004: its national figures, and for each OOAD a share of them
 * (support/package-dataset.ts, the dataset of `npm run bench` too).
 * Run with `npm run bench:estados`; prints the time, the files written and the verified figures.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateBulletins } from '../src/generate/generate-bulletins.ts';
import { OOAD, writePackageDataset } from './support/package-dataset.ts';

const folder = mkdtempSync(join(tmpdir(), 'boletin-estados-'));
const dataset = await writePackageDataset(folder, OOAD.length);

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
