import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { dataPaths } from '../../../src/dataset/paths.ts';
import { generateBulletins } from '../../../src/generate/generate-bulletins.ts';

/**
 * Found in review: three drafts of one jornada in one batch were all reported as written to the same
 * path, and only the last one was there.
 */
const dir = mkdtempSync(join(tmpdir(), 'boletin-borradores-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('drafts of one jornada in one batch', () => {
  test('are refused before anything is written, naming both files', async () => {
    const sample = JSON.parse(
      readFileSync(join(dataPaths.samples, '2023-02-cuarta-jornada-extraordinaria.json'), 'utf8'),
    ) as { cifras: Record<string, number> };
    const first = join(dir, 'a.json');
    const second = join(dir, 'b.json');
    writeFileSync(first, JSON.stringify(sample));
    writeFileSync(second, JSON.stringify({ ...sample, cifras: { ...sample.cifras, cirugias: 9999 } }));
    const output = join(dir, 'salida');
    await expect(
      generateBulletins({
        files: [first, second],
        outputDir: output,
        registryPath: join(dir, 'registro', 'boletines.sqlite'),
        formats: ['html'],
        draft: true,
      }),
    ).rejects.toThrow(
      `«${first}» y «${second}» son borradores de la misma jornada (2023/extraordinaria-continuidad-2023-02-24): el segundo reemplazaría al primero. Genere cada borrador por separado.`,
    );
    expect(existsSync(output)).toBe(false);
  });

  test('of different jornadas are written side by side', async () => {
    const results = await generateBulletins({
      files: [
        join(dataPaths.samples, '2023-02-cuarta-jornada-extraordinaria.json'),
        join(dataPaths.samples, '2021-12-decima-cuarta-jornada-nacional.json'),
      ],
      outputDir: join(dir, 'salida-2'),
      registryPath: join(dir, 'registro-2', 'boletines.sqlite'),
      formats: ['html'],
      draft: true,
    });
    expect(results.map((result) => result.error)).toEqual([undefined, undefined]);
  });
});
