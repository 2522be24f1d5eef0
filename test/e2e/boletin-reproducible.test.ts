import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { newestSampleDataset } from '../../src/generate/default-dataset.ts';
import { generateBulletins } from '../../src/generate/generate-bulletins.ts';
import { pdfToText } from '../support/extract-words.ts';

const run = promisify(execFile);
let work: string;
const files: Record<string, Buffer>[] = [];
const pdfPaths: string[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'boletin-reproducible-'));
  // Two independent installations (own output and own registry) render the same dataset.
  for (const name of ['a', 'b']) {
    const [result] = await generateBulletins({
      files: [newestSampleDataset()],
      outputDir: join(work, name, 'salida'),
      registryPath: join(work, name, 'registro.sqlite'),
      formats: ['html', 'pdf', 'docx', 'md'],
    });
    const byFormat: Record<string, Buffer> = {};
    if (result?.error !== undefined) throw result.error;
    for (const file of result?.publication?.files ?? []) {
      byFormat[file.format] = await readFile(file.path);
      if (file.format === 'pdf') pdfPaths.push(file.path);
    }
    files.push(byFormat);
  }
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

test.each(['html', 'docx', 'md'])('the same dataset and templates give a byte-identical %s', (format) => {
  const [first, second] = files;
  expect(first?.[format]?.length).toBeGreaterThan(1000);
  expect(second?.[format]?.equals(first?.[format] ?? Buffer.alloc(0))).toBe(true);
});

test('and a PDF with identical text and properties', async () => {
  const [first, second] = files;
  expect(await pdfToText(second?.['pdf'] ?? Buffer.alloc(0))).toBe(await pdfToText(first?.['pdf'] ?? Buffer.alloc(0)));
  const info = async (path: string): Promise<string> =>
    (await run('pdfinfo', ['-isodates', path])).stdout.replace(/^File size:.*$/m, '');
  const [infoA, infoB] = [await info(pdfPaths[0] ?? ''), await info(pdfPaths[1] ?? '')];
  expect(infoB).toBe(infoA);
  expect(infoA).toContain('CreationDate:    2023-03-01T');
});
