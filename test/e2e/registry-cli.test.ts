import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { resultOf, startPublisher, type PublisherRun } from '../support/publisher-process.ts';
import { CLI_NODE_ARGS } from '../support/run-cli.ts';

// The archive commands as an office runs them: `node src/cli.ts archivo ...` in a real process,
// on a registry written by other real processes.

const dirs: string[] = [];
const runs: PublisherRun[] = [];
afterEach(() => {
  for (const run of runs.splice(0)) if (run.child.exitCode === null) run.child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function boletin(
  args: readonly string[],
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...CLI_NODE_ARGS, ...args], {
      cwd,
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

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'boletin-archivo-'));
  dirs.push(dir);
  const common = ['--datos', join(dir, 'datos'), '--salida', join(dir, 'output')];
  const publisher = (...args: string[]) => {
    const run = startPublisher([...common, ...args]);
    runs.push(run);
    return run;
  };
  return { dir, publisher };
}

test('verificar reports a deleted and a hand-edited file with exit 1; a clean archive is exit 0', async () => {
  const { dir, publisher } = workspace();
  const a = resultOf((await publisher('--hash', 'uno').done).stdout);
  const b = resultOf((await publisher('--hash', 'dos').done).stdout);
  const clean = await boletin(['archivo', 'verificar', '--datos', 'datos'], dir);
  expect(clean.code, clean.stderr).toBe(0);
  expect(clean.stdout).toContain('Todo en orden: 6 archivos de 2 versiones coinciden con el registro.');

  rmSync(a.files[0]?.path ?? '');
  const edited = b.files[2]?.path ?? '';
  writeFileSync(edited, readFileSync(edited, 'utf8').replace('linea 3', 'línea 3'));
  const dirty = await boletin(['archivo', 'verificar', '--datos', 'datos'], dir);
  expect(dirty.code).toBe(1);
  expect(dirty.stdout).toContain(`FALTA         ${a.files[0]?.path} (No. 001/2023 v1)`);
  expect(dirty.stdout).toContain(`ALTERADO      ${edited} (No. 002/2023 v1)`);
  expect(dirty.stdout).toContain('2 problemas en 6 archivos de 2 versiones.');
  expect((await boletin(['archivo', 'verificar', '1/2023', '--datos', 'datos'], dir)).code).toBe(1);

  // Re-running the dataset of the deleted file writes it back; the edited one is refused without --sobrescribir.
  expect((await publisher('--hash', 'uno').done).code).toBe(0);
  const refused = await publisher('--hash', 'dos').done;
  expect(refused.code).toBe(2);
  expect(refused.stderr).toMatch(/no coincide con el registro/);
  expect((await publisher('--hash', 'dos', '--sobrescribir').done).code).toBe(0);
  expect((await boletin(['archivo', 'verificar', '--datos', 'datos'], dir)).code).toBe(0);
});

test('an interrupted entry is listed as such, reported by verificar, and freed by liberar', async () => {
  const { dir, publisher } = workspace();
  await publisher('--hash', 'uno').done;
  const victim = publisher('--hash', 'dos', '--pausa', 'entre-archivos');
  await victim.line('PAUSA entre-archivos');
  victim.child.kill('SIGKILL');
  await victim.done;

  const listed = await boletin(['archivo', 'listar', '--datos', 'datos', '--anio', '2023'], dir);
  expect(listed.stdout).toMatch(/^No\. 002\/2023  en-proceso \(interrumpido\)/m);
  expect(listed.stdout).toContain('Siguiente número de 2023: 3');
  const verified = await boletin(['archivo', 'verificar', '--datos', 'datos'], dir);
  expect(verified.code).toBe(1);
  expect(verified.stdout).toMatch(/INTERRUMPIDO  No\. 002\/2023 v1/);

  const freed = await boletin(['archivo', 'liberar', '2/2023', '--datos', 'datos'], dir);
  expect(freed.code, freed.stderr).toBe(0);
  expect(freed.stdout).toContain('el número 2 queda libre');
  expect(freed.stdout).toContain('archivos sin terminar borrados: 3');
  expect((await boletin(['archivo', 'numeracion', '2023', '--datos', 'datos'], dir)).stdout).toContain(
    'el siguiente número es el 2',
  );
  expect((await boletin(['archivo', 'verificar', '--datos', 'datos'], dir)).code).toBe(0);
  expect(resultOf((await publisher('--hash', 'tres').done).stdout).number).toBe(2);
});

test('numeracion sets where the year goes on; exportar writes the CSV', async () => {
  const { dir, publisher } = workspace();
  const set = await boletin(['archivo', 'numeracion', '2023', '--siguiente', '94', '--datos', 'datos'], dir);
  expect(set.code, set.stderr).toBe(0);
  expect(resultOf((await publisher('--hash', 'uno').done).stdout).number).toBe(94);
  const exported = await boletin(['archivo', 'exportar', '--csv', 'registro.csv', '--datos', 'datos'], dir);
  expect(exported.code, exported.stderr).toBe(0);
  const rows = readFileSync(join(dir, 'registro.csv'), 'utf8').split('\r\n');
  expect(rows).toHaveLength(5); // header, three files, and the final empty string after the last CRLF
  expect(rows[1]).toMatch(/^2023,94,1,publicado,jornada-uno,Boletín de prueba uno,2023-03-01,nacional,/);
  const bad = await boletin(['archivo', 'mostrar', 'noventa', '--datos', 'datos'], dir);
  expect(bad.code).toBe(2);
  expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/);
});
