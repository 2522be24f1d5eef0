import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import type { CliIo } from '../../../src/cli/io.ts';
import { openRegistry, publishBulletin } from '../../../src/publish/index.ts';
import { baseRequest, countingRenderer, useTempDirs } from './helpers.ts';

const tempDir = useTempDirs();

async function boletin(args: string[], cwd: string, env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdin: async function* () {},
    cwd,
    env,
    signal: new AbortController().signal,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** A registry in <dir>/datos with No. 093 and 094/2023 published into <dir>/output. */
async function publishedTwo() {
  const dir = tempDir();
  const registry = openRegistry(join(dir, 'datos', 'registro.sqlite'));
  const request = baseRequest(registry, join(dir, 'output'), countingRenderer().render);
  const a = await publishBulletin({ ...request, explicitNumber: 93 });
  const b = await publishBulletin({
    ...request,
    datasetHash: 'b',
    slug: 'quinta-jornada',
    title: 'Quinta, "la última"',
  });
  registry.close();
  return { dir, a, b };
}

describe('boletin archivo', () => {
  test('listar, by year, with the next number', async () => {
    const { dir } = await publishedTwo();
    const listed = await boletin(['archivo', 'listar', '--datos', 'datos', '--anio', '2023'], dir);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(
      /^No\. 093\/2023  publicado  2023-03-01  cuarta-jornada-extraordinaria  Rebasa IMSS/m,
    );
    expect(listed.stdout).toMatch(/^No\. 094\/2023  publicado/m);
    expect(listed.stdout).toContain('Siguiente número de 2023: 95');
    const json = JSON.parse(
      (await boletin(['archivo', 'listar', '--json'], dir, { BOLETIN_DATOS: join(dir, 'datos') })).stdout,
    );
    expect(json.map((b: { number: number }) => b.number)).toEqual([93, 94]);
    expect((await boletin(['archivo', 'listar', '--anio', '2022', '--datos', 'datos'], dir)).stdout).toBe(
      'El registro no tiene boletines de 2022.\nSiguiente número de 2022: 1\n',
    );
  });

  test('listar on a registry that does not exist says so and creates nothing', async () => {
    const dir = tempDir();
    const listed = await boletin(['archivo', 'listar', '--datos', 'nada'], dir);
    expect(listed).toMatchObject({ code: 0, stdout: 'El registro no tiene boletines.\n' });
    expect(existsSync(join(dir, 'nada'))).toBe(false);
  });

  test('mostrar accepts 93/2023 and 093/2023; an unknown or malformed number is exit 2', async () => {
    const { dir } = await publishedTwo();
    const shown = await boletin(['archivo', 'mostrar', '093/2023', '--datos', 'datos'], dir);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Versión 1: publicado');
    expect(shown.stdout).toContain('html: 2023/093-cuarta-jornada-extraordinaria.html');
    expect((await boletin(['archivo', 'mostrar', '93/2023', '--datos', 'datos'], dir)).stdout).toBe(shown.stdout);
    expect(await boletin(['archivo', 'mostrar', '7/2023', '--datos', 'datos'], dir)).toMatchObject({
      code: 2,
      stderr: 'El No. 007/2023 no está en el registro.\n',
    });
    const bad = await boletin(['archivo', 'mostrar', '93-2023', '--datos', 'datos'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no es un número de boletín/);
  });

  test('verificar: 0 when everything matches, 1 with every missing or altered file named', async () => {
    const { dir, a, b } = await publishedTwo();
    expect(await boletin(['archivo', 'verificar', '--datos', 'datos'], dir)).toMatchObject({ code: 0, stderr: '' });
    rmSync(a.files[0]?.path ?? '');
    writeFileSync(b.files[1]?.path ?? '', 'a mano');
    const all = await boletin(['archivo', 'verificar', '--datos', 'datos'], dir);
    expect(all.code).toBe(1);
    expect(all.stdout).toContain(`FALTA         ${a.files[0]?.path} (No. 093/2023 v1)`);
    expect(all.stdout).toContain(`ALTERADO      ${b.files[1]?.path} (No. 094/2023 v1)`);
    expect(all.stdout).toMatch(/2 problemas en 4 archivos de 2 versiones/);
    const one = await boletin(['archivo', 'verificar', '94/2023', '--datos', 'datos'], dir);
    expect(one.code).toBe(1);
    expect(one.stdout).not.toContain('No. 093');
    expect(one.stdout).toMatch(/1 problema en 2 archivos de 1 versión\.$/m);
    const json = JSON.parse(
      (await boletin(['archivo', 'verificar', '93/2023', '--json', '--datos', 'datos'], dir)).stdout,
    );
    expect(json.problems).toBe(1);
    expect((await boletin(['archivo', 'verificar', '9/2023', '--datos', 'datos'], dir)).code).toBe(2);
  });

  test('exportar --csv to stdout or a file; without --csv it is exit 2', async () => {
    const { dir } = await publishedTwo();
    const out = await boletin(['archivo', 'exportar', '--csv', '--datos', 'datos'], dir);
    expect(out.code).toBe(0);
    expect(out.stdout.split('\r\n')[0]).toMatch(/^año,número,versión,estado,/);
    expect(out.stdout).toContain('"Quinta, ""la última"""');
    const toFile = await boletin(['archivo', 'exportar', '--csv', 'registro.csv', '--datos', 'datos'], dir);
    expect(toFile.code).toBe(0);
    expect(readFileSync(join(dir, 'registro.csv'), 'utf8')).toBe(out.stdout);
    expect((await boletin(['archivo', 'exportar', '--datos', 'datos'], dir)).code).toBe(2);
  });

  test('numeracion shows and sets the next number; a number already used is exit 2', async () => {
    const { dir } = await publishedTwo();
    expect((await boletin(['archivo', 'numeracion', '2023', '--datos', 'datos'], dir)).stdout).toBe(
      'Numeración de 2023: el siguiente número es el 95 (el más alto registrado: No. 094/2023).\n',
    );
    const set = await boletin(['archivo', 'numeracion', '2023', '--siguiente', '110', '--datos', 'datos'], dir);
    expect(set).toMatchObject({ code: 0 });
    expect(set.stdout).toContain('el siguiente número es el 110');
    const refused = await boletin(['archivo', 'numeracion', '2023', '--siguiente', '94', '--datos', 'datos'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('debe ser mayor que 94');
    expect((await boletin(['archivo', 'numeracion', '23', '--datos', 'datos'], dir)).code).toBe(2);
    expect((await boletin(['archivo', 'numeracion', '2023', '--siguiente', 'x', '--datos', 'datos'], dir)).code).toBe(
      2,
    );
  });

  test('liberar refuses a published bulletin with exit 2', async () => {
    const { dir } = await publishedTwo();
    const refused = await boletin(['archivo', 'liberar', '93/2023', '--datos', 'datos'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('no tiene ninguna publicación en proceso');
  });
});
