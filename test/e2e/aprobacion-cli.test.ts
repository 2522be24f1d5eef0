import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { openRegistry, findBulletin } from '../../src/publish/index.ts';
import { PROJECT_ROOT, runCli } from '../support/run-cli.ts';

// The approval workflow as an office runs it: the real CLI in real processes, the real pipeline with
// Chromium and LibreOffice-free DOCX, a real SQLite registry. Two people: the editor and the head.

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

test('subir, enviar, aprobar through the CLI: the draft has no number, approval publishes No. 001 under the head name', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'boletin-aprobacion-e2e-'));
  dirs.push(dir);
  const sample = JSON.parse(
    readFileSync(join(PROJECT_ROOT, 'data', 'jornadas', '2023-02-cuarta-jornada-extraordinaria.json'), 'utf8'),
  ) as Record<string, unknown>;
  delete sample['$schema'];
  sample['boletin'] = { fecha: '2023-03-01', lugar: 'Ciudad de México' };
  const dataset = join(dir, 'cuarta.json');
  writeFileSync(dataset, JSON.stringify(sample, null, 2));
  const common = ['--datos', join(dir, 'datos')];
  const output = join(dir, 'output');

  const submitted = await runCli([
    'aprobacion',
    ...common,
    '--persona',
    'Ana Redactora',
    'subir',
    dataset,
    '--salida',
    output,
    '--enviar',
  ]);
  expect(submitted.code, submitted.stderr).toBe(0);
  expect(submitted.stdout).toContain('Solicitud 1: por-aprobar');
  const draftPdf = /Borrador pdf: (.+\.pdf)/.exec(submitted.stdout)?.[1] ?? '';
  expect(draftPdf).toMatch(
    /\/solicitudes\/[0-9a-f]{16}\/2023\/borradores\/extraordinaria-continuidad-2023-02-24\.pdf$/,
  );

  const listed = await runCli(['aprobacion', ...common, 'listar']);
  expect(listed.stdout).toMatch(
    /^ {3}1 {2}por-aprobar {2}2023-03-01 {2}extraordinaria-continuidad-2023-02-24 {2}cuarta\.json {2}/,
  );

  const approved = await runCli(['aprobacion', ...common, '--persona', 'Beatriz Titular', 'aprobar', '1']);
  expect(approved.code, approved.stderr).toBe(0);
  expect(approved.stdout).toContain('Publicada como No. 001/2023 (versión 1)');
  expect(approved.stdout).toContain('Aprobada por Beatriz Titular');

  const again = await runCli(['aprobacion', ...common, 'aprobar', '1']);
  expect(again.code).toBe(2);
  expect(again.stderr).toContain('No se puede aprobar la solicitud 1: está «publicado»');

  const log = await runCli(['aprobacion', ...common, 'bitacora', '--boletin', '1/2023']);
  const lines = log.stdout
    .trim()
    .split('\n')
    .map((line) => line.replace(/^\S+ {2}/, ''));
  expect(lines).toEqual([
    'Ana Redactora  subir solicitud 1: cuarta.json (datos ' + sha(readFileSync(dataset)).slice(0, 12) + ')',
    'Ana Redactora  enviar solicitud 1',
    'Beatriz Titular  aprobar solicitud 1',
    'Beatriz Titular  publicar solicitud 1 No. 001/2023: No. 001/2023 v1',
  ]);

  using registry = openRegistry(join(dir, 'datos', 'registro.sqlite'));
  const version = findBulletin(registry, 2023, 1)?.versions[0];
  expect(version?.user).toBe('Beatriz Titular');
  expect(version?.files.map((file) => file.format).sort()).toEqual([
    'docx',
    'html',
    'pdf',
    'verificacion',
    'verificacion-html',
  ]);
  for (const file of version?.files ?? []) expect(sha(readFileSync(join(output, file.path)))).toBe(file.sha256);
  expect(readFileSync(join(output, '2023', '001-extraordinaria-continuidad-2023-02-24.html'), 'utf8')).toContain(
    '001/2023',
  );
  expect(readFileSync(draftPdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});

test('invalid data through the CLI: exit 2, the problems named by file and place, nothing recorded', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'boletin-aprobacion-e2e-'));
  dirs.push(dir);
  const dataset = join(dir, 'mala.json');
  writeFileSync(dataset, '{ "tipo": "extraordinaria-continuidad" }');
  const result = await runCli([
    'aprobacion',
    '--datos',
    join(dir, 'datos'),
    'subir',
    dataset,
    '--salida',
    join(dir, 'output'),
  ]);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('mala.json');
  expect(result.stderr).toContain('No se cambió nada.');
  const listed = await runCli(['aprobacion', '--datos', join(dir, 'datos'), 'listar']);
  expect(listed.stdout).toBe('No hay solicitudes.\n');
});

function sha(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
