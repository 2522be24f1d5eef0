import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadJornada } from '../../src/dataset/load-jornada.ts';
import { newestSampleDataset } from '../../src/generate/default-dataset.ts';
import { phrasingFor } from '../../src/lang/index.ts';
import { datasetFigures } from '../support/dataset-figures.ts';
import { pdfToText } from '../support/extract-words.ts';
import { runCli, startCli } from '../support/run-cli.ts';
import { sampleFiles } from '../support/compose-sample.ts';
import { ARCHIVE_MARKER_FILE } from '../../src/publish/archive-identity.ts';

const run = promisify(execFile);
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'boletin-cli-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Every file under a folder, relative to it. */
async function filesUnder(folder: string): Promise<string[]> {
  try {
    return (
      (await readdir(folder, { recursive: true, withFileTypes: true }))
        // The archive's marker (.boletin-archivo.json) is checked by the registry tests; here, the bulletins.
        .filter((entry) => entry.isFile() && entry.name !== ARCHIVE_MARKER_FILE)
        .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
        .sort()
    );
  } catch {
    return [];
  }
}

describe('npm run boletin with no argument', () => {
  const out = () => join(work, 'default', 'salida');
  const data = () => join(work, 'default', 'datos');

  test('writes the HTML, PDF and DOCX of the newest sample, numbered, and prints the paths', async () => {
    const result = await runCli(['--salida', out(), '--datos', data()]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^No\. 093\/2023: /);
    const files = await filesUnder(out());
    expect(files).toEqual([
      '2023/093-extraordinaria-continuidad-2023-02-24.docx',
      '2023/093-extraordinaria-continuidad-2023-02-24.html',
      '2023/093-extraordinaria-continuidad-2023-02-24.pdf',
      // The figure-by-figure verification of the bulletin (src/verify), beside it.
      '2023/093-extraordinaria-continuidad-2023-02-24.verificacion.html',
      '2023/093-extraordinaria-continuidad-2023-02-24.verificacion.json',
    ]);
    for (const file of files) expect(result.stdout).toContain(join(out(), file));
  });

  test("the PDF's text carries every figure exactly as the phrasing module writes it", async () => {
    const pdf = await readFile(join(out(), '2023', '093-extraordinaria-continuidad-2023-02-24.pdf'));
    const text = (await pdfToText(pdf)).replace(/\s+/g, ' ');
    const phrasing = phrasingFor('es');
    const { jornada } = await loadJornada(newestSampleDataset());
    const figures = datasetFigures(jornada).filter((figure) => figure.value >= 10);
    expect(figures.length).toBeGreaterThan(15);
    // The bulletin ties a figure's words with no-break spaces; \s+ above made them plain, so compare plain.
    const plain = (written: string): string => written.replace(/\u00a0/g, ' ');
    for (const figure of figures) expect(text, figure.place).toContain(plain(phrasing.figure(figure.value)));
    expect(text).toContain(plain(phrasing.percent(197_144, 163_110)));
  });

  test('a second run finds the bulletin published: same number, same files, nothing rewritten', async () => {
    const before = await stat(join(out(), '2023', '093-extraordinaria-continuidad-2023-02-24.pdf'));
    const result = await runCli(['--salida', out(), '--datos', data(), '--json']);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as {
      boletines: { numero: number; reutilizado: boolean; archivos: unknown[] }[];
    };
    expect(summary.boletines).toHaveLength(1);
    expect(summary.boletines[0]).toMatchObject({ numero: 93, reutilizado: true });
    // HTML, PDF, DOCX and the verification report in JSON and HTML.
    expect(summary.boletines[0]?.archivos).toHaveLength(5);
    const after = await stat(join(out(), '2023', '093-extraordinaria-continuidad-2023-02-24.pdf'));
    expect(after.mtimeMs).toBe(before.mtimeMs);
  });

  test('a published file is not overwritten by a run that does not know it', async () => {
    const freshRegistry = join(work, 'default', 'otro-registro');
    const result = await runCli(['--salida', out(), '--datos', freshRegistry]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `El registro ${join(freshRegistry, 'registro.sqlite')} no es el de la carpeta de salida ${out()}`,
    );
    expect(result.stderr).toContain(`«boletin archivo reconstruir --salida ${out()} --datos`);
  });
});

describe('several datasets', () => {
  test('one run numbers each, prints a progress line per document, and writes only the asked formats', async () => {
    const out = join(work, 'lote', 'salida');
    const files = sampleFiles().filter((file) => !file.includes('2023-02'));
    const result = await runCli([
      ...files,
      '--salida',
      out,
      '--datos',
      join(work, 'lote', 'datos'),
      '--formatos',
      'html,md',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(files.length);
    expect(result.stderr.startsWith(`[1/${files.length}] `)).toBe(true);
    const written = await filesUnder(out);
    // Each bulletin: its HTML and Markdown, and its verification report in JSON and HTML.
    expect(written).toHaveLength(files.length * 4);
    expect(
      written.every((file) => /^\d{4}\/\d{3}-[a-z0-9-]+\.(html|md|verificacion\.html|verificacion\.json)$/.test(file)),
    ).toBe(true);
  });
});

describe('drafts and corrections through the real pipeline', () => {
  const base = () => join(work, 'correcciones');

  test('a draft carries the BORRADOR mark, takes no number and goes to borradores/', async () => {
    const out = join(base(), 'salida');
    const result = await runCli([
      newestSampleDataset(),
      '--borrador',
      '--formatos',
      'html,pdf',
      '--salida',
      out,
      '--datos',
      join(base(), 'datos'),
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Borrador: /);
    expect(await filesUnder(out)).toEqual([
      '2023/borradores/extraordinaria-continuidad-2023-02-24.html',
      '2023/borradores/extraordinaria-continuidad-2023-02-24.pdf',
      '2023/borradores/extraordinaria-continuidad-2023-02-24.verificacion.html',
      '2023/borradores/extraordinaria-continuidad-2023-02-24.verificacion.json',
    ]);
    const text = await pdfToText(
      await readFile(join(out, '2023', 'borradores', 'extraordinaria-continuidad-2023-02-24.pdf')),
    );
    expect(text).toContain('BORRADOR');
    expect(text).not.toContain('No. 093/2023');
  });

  test('changed data under a published number needs --correccion, and keeps the first version', async () => {
    const out = join(base(), 'salida');
    const data = join(base(), 'datos');
    const first = await runCli([newestSampleDataset(), '--formatos', 'html', '--salida', out, '--datos', data]);
    expect(first.code).toBe(0);
    const changed = JSON.parse(await readFile(newestSampleDataset(), 'utf8')) as {
      cifras: Record<string, number>;
      $schema?: string;
    };
    changed.cifras['cirugias'] = 3030;
    delete changed.$schema;
    const file = join(base(), 'corregida.json');
    await writeFile(file, JSON.stringify(changed));
    const refused = await runCli([file, '--formatos', 'html', '--salida', out, '--datos', data]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--correccion');
    const corrected = await runCli([file, '--formatos', 'html', '--salida', out, '--datos', data, '--correccion']);
    expect(corrected.code).toBe(0);
    const published = (await filesUnder(out)).filter(
      (name) => !name.includes('borradores') && !name.includes('.verificacion.'),
    );
    expect(published).toEqual([
      '2023/093-extraordinaria-continuidad-2023-02-24.html',
      '2023/093-extraordinaria-continuidad-2023-02-24.v2.html',
    ]);
    // A figure's words are tied with no-break spaces in the HTML.
    const htmlText = async (name: string | undefined): Promise<string> =>
      (await readFile(join(out, name ?? ''), 'utf8')).replace(/\u00a0|&nbsp;/g, ' ');
    expect(await htmlText(published[1])).toContain('3 mil 30 cirugías');
    expect(await htmlText(published[0])).toContain('3 mil 29 cirugías');
    const listed = await runCli(['archivo', 'mostrar', '93/2023', '--datos', data]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('\nVersión 1: reemplazado\n');
    expect(listed.stdout).toContain('\nVersión 2: publicado\n');
  });
});

describe('a batch where one bulletin is refused', () => {
  test('the others are published, nothing is left held, and the run ends with exit 2', async () => {
    const base = join(work, 'lote-conflicto');
    const out = join(base, 'salida');
    const data = join(base, 'datos');
    const [may, december] = [
      sampleFiles().find((f) => f.includes('2021-05-segunda-jornada-nacional')) ?? '',
      sampleFiles().find((f) => f.includes('2021-12')) ?? '',
    ];
    expect((await runCli([may, '--formatos', 'pdf', '--salida', out, '--datos', data])).code).toBe(0);
    // The same data again in another figure style is a correction: refused without --correccion.
    const result = await runCli([
      december,
      may,
      '--formatos',
      'pdf',
      '--estilo',
      'rae',
      '--salida',
      out,
      '--datos',
      data,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('2021-05-segunda-jornada-nacional.json: no se publicó.');
    expect(result.stdout).toMatch(/^No\. 002\/2021: /);
    const listed = await runCli(['archivo', 'listar', '--datos', data]);
    expect(listed.stdout).not.toContain('en-proceso');
    expect(listed.stdout.trim().split('\n')).toHaveLength(2);
  });
});

describe('bad input', () => {
  test('a bad dataset stops the batch with a Spanish message, exit 2, and nothing written', async () => {
    const out = join(work, 'malo', 'salida');
    const bad = join(work, 'malo.json');
    await writeFile(
      bad,
      '{ "tipo": "nacional-recuperacion", "fechas": { "inicio": "26/02/2023", "fin": "2023-02-24" }, "cifras": {} }',
    );
    const result = await runCli([newestSampleDataset(), bad, '--salida', out, '--datos', join(work, 'malo', 'datos')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('malo.json');
    expect(result.stderr).toContain('No se escribió ningún archivo.');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await filesUnder(out)).toEqual([]);
  });

  test('an unknown format is refused with exit 2', async () => {
    const result = await runCli(['--formatos', 'pdf,odt', '--salida', join(work, 'x'), '--datos', join(work, 'x')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('odt');
  });
});

describe('killed in the middle of a PDF', () => {
  /** Chromium processes whose command line names this folder (their profile lives in it). */
  async function chromiumUnder(folder: string): Promise<number> {
    const { stdout } = await run('ps', ['-eo', 'args']).catch(() => ({ stdout: '' }));
    return stdout.split('\n').filter((line) => line.includes(folder) && /chrom/i.test(line)).length;
  }

  async function waitFor(condition: () => Promise<boolean>, ms: number): Promise<boolean> {
    for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(100)) if (await condition()) return true;
    return condition();
  }

  test.each(['SIGKILL', 'SIGTERM', 'SIGINT'] as const)(
    '%s leaves no partial file and no Chromium behind',
    async (signal) => {
      const base = join(work, `muerte-${signal}`);
      const profiles = join(base, 'tmp');
      await run('mkdir', ['-p', profiles]);
      const out = join(base, 'salida');
      const { child, done } = startCli(['--salida', out, '--datos', join(base, 'datos'), '--formatos', 'pdf'], {
        env: { TMPDIR: profiles },
      });
      expect(await waitFor(async () => (await chromiumUnder(profiles)) > 0, 60_000)).toBe(true);
      child.kill(signal);
      const result = await done;
      expect(result.code === 0).toBe(false);
      expect(await waitFor(async () => (await chromiumUnder(profiles)) === 0, 15_000)).toBe(true);
      const left = await filesUnder(out);
      // Either nothing, or (if the PDF was already complete) the finished file: never a temporary one.
      expect(left.filter((file) => !/^2023\/093-[a-z0-9-]+\.pdf$/.test(file))).toEqual([]);
      for (const file of left)
        expect((await readFile(join(out, file))).subarray(-6).toString('latin1')).toContain('%%EOF');
    },
  );
});
