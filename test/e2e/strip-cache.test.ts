import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../support/run-cli.ts';

// bin/strip-cache.js, which `npm run boletin` and the programme's other commands start with: a .ts
// file's stripped JavaScript is kept by the hash of its source, so later runs skip Node's stripper.
const HOOK = join(PROJECT_ROOT, 'bin', 'strip-cache.js');
let folder: string;
let cache: string;

const run = (file: string): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', HOOK, file], {
      env: { ...process.env, BOLETIN_CACHE_TS: cache },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

const SOURCE = [
  'interface Saludo {',
  '  readonly texto: string;',
  '}',
  'const saludo: Saludo = { texto: "hola" };',
  'console.log(saludo.texto satisfies string);',
  'if (process.argv.includes("--falla")) throw new Error("línea seis");',
  '',
].join('\n');

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'boletin-strip-cache-'));
  cache = join(folder, 'cache');
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the stripped-TypeScript cache', () => {
  test('a first run strips, prints only its own output and keeps one entry', async () => {
    const file = join(folder, 'saludo.ts');
    await writeFile(file, SOURCE);
    expect(await run(file)).toEqual({ code: 0, stdout: 'hola\n', stderr: '' });
    expect(await readdir(cache)).toHaveLength(1);
  });

  test('a later run takes the kept JavaScript instead of stripping again', async () => {
    const [entry] = await readdir(cache);
    const kept = join(cache, entry ?? '');
    // Altering the kept entry shows in the output only if the run read it.
    await writeFile(kept, (await readFile(kept, 'utf8')).replace('"hola"', '"hola desde la caché"'));
    expect((await run(join(folder, 'saludo.ts'))).stdout).toBe('hola desde la caché\n');
  });

  test('a changed source is stripped anew, not served from an older entry', async () => {
    const file = join(folder, 'saludo.ts');
    await writeFile(file, SOURCE.replace('"hola"', '"adiós"'));
    expect((await run(file)).stdout).toBe('adiós\n');
    expect(await readdir(cache)).toHaveLength(2);
  });

  test('errors keep the line numbers of the TypeScript source', async () => {
    const file = join(folder, 'falla.ts');
    await writeFile(file, SOURCE.replace('process.argv.includes("--falla")', 'true'));
    const result = await run(file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}:6`);
  });
});
