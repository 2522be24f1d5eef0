import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLI_NODE_ARGS, PROJECT_ROOT } from '../support/run-cli.ts';

// A lost registry as it happens in an office: truncated to zero bytes, deleted, overwritten with garbage,
// or a mistyped --datos. The real CLI, real files (HTML, Word and a PDF from Chromium), real SQLite:
// never a number given again beside a published one, always an error that says how to restore; then
// `archivo reconstruir` rebuilds from the files' own properties a registry that `archivo verificar` passes.

const FIRST = join(PROJECT_ROOT, 'data', 'jornadas', '2021-05-segunda-jornada-nacional.json');
const SECOND = join(PROJECT_ROOT, 'data', 'jornadas', '2021-06-periodo-plan-nacional.json');
let dir = '';

function boletin(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...CLI_NODE_ARGS, ...args], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, BOLETIN_DATOS: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const generar = (file: string, datos = 'datos', formatos = 'html,docx') =>
  boletin(['generar', file, '--datos', datos, '--salida', 'salida', '--formatos', formatos]);
const published = () => readdirSync(join(dir, 'salida', '2021')).sort();
const registryFile = () => join(dir, 'datos', 'registro.sqlite');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'boletin-restaurar-'));
  const first = await generar(FIRST, 'datos', 'html,docx,pdf');
  expect(first.code, first.stderr).toBe(0);
  expect(first.stdout).toContain('No. 001/2021');
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files = [
  '001-nacional-recuperacion-2021-05-14.docx',
  '001-nacional-recuperacion-2021-05-14.html',
  '001-nacional-recuperacion-2021-05-14.pdf',
  '001-nacional-recuperacion-2021-05-14.verificacion.html',
  '001-nacional-recuperacion-2021-05-14.verificacion.json',
];

describe.sequential('a lost registry never gives a published number again', () => {
  const damages: ReadonlyArray<readonly [string, () => void, RegExp]> = [
    ['truncated to zero bytes', () => writeFileSync(registryFile(), ''), /no es el de la carpeta de salida/],
    ['deleted', () => rmSync(registryFile()), /no es el de la carpeta de salida/],
    [
      'overwritten with garbage bytes',
      () => writeFileSync(registryFile(), Buffer.alloc(12_288, 'basura ')),
      /está dañado: no es una base de datos SQLite legible/,
    ],
  ];

  test.each(damages)(
    '%s: generar and verificar refuse, say how to restore, and write nothing',
    async (_what, damage, reason) => {
      const backup = join(dir, 'respaldo.sqlite');
      rmSync(backup, { force: true });
      const saved = await boletin(['archivo', 'respaldo', backup, '--datos', 'datos']);
      expect(saved.code, saved.stderr).toBe(0);
      expect(saved.stdout).toContain(`Respaldo del registro escrito en ${backup}`);
      damage();

      const run = await generar(SECOND);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(reason);
      expect(run.stderr).toContain(
        `«boletin archivo reconstruir --salida ${join(dir, 'salida')} --datos ${join(dir, 'datos')}»`,
      );
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(published()).toEqual(files);

      const check = await boletin(['archivo', 'verificar', '--datos', 'datos', '--salida', 'salida']);
      expect(check.code).toBe(1);
      expect(check.stdout).not.toContain('Todo en orden');
      expect(check.stderr).toContain('Para recuperarlo');

      // Put the backup back for the next case.
      for (const suffix of ['', '-wal', '-shm']) rmSync(registryFile() + suffix, { force: true });
      renameSync(backup, registryFile());
    },
    120_000,
  );

  test('a mistyped --datos: refused, the folder it names is not a registry of this archive', async () => {
    const run = await generar(SECOND, 'dattos');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /El registro .*dattos\/registro\.sqlite no es el de la carpeta de salida .*--datos \/ BOLETIN_DATOS equivocado/,
    );
    expect(published()).toEqual(files);
  }, 120_000);

  test('reconstruir rebuilds from the published files a registry that verificar passes and that knows their data', async () => {
    renameSync(registryFile(), `${registryFile()}.danado`);
    for (const suffix of ['-wal', '-shm']) rmSync(registryFile() + suffix, { force: true });
    const rebuilt = await boletin(['archivo', 'reconstruir', '--salida', 'salida', '--datos', 'datos']);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(rebuilt.stdout).toContain(`Registro reconstruido en ${registryFile()}: 1 boletín, 1 versión, 5 archivos.`);

    const check = await boletin(['archivo', 'verificar', '--datos', 'datos', '--salida', 'salida']);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain('Todo en orden: 5 archivos de 1 versión coinciden con el registro.');

    // The files' properties carried the data hash, style and templates: the same data are recognised.
    const again = await generar(FIRST);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(
      'No. 001/2021: Realiza IMSS la Segunda Jornada Nacional de Recuperación de los Servicios de Salud con 70 mil 67 consultas de Medicina Familiar (ya publicado; archivos verificados)',
    );
    const next = await generar(SECOND);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout).toContain('No. 002/2021');
  }, 180_000);
});
