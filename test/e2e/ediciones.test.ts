import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { unzipSync } from 'fflate';
import { type GeneratedBulletin, generateBulletins } from '../../src/generate/generate-bulletins.ts';
import { ARCHIVE_MARKER_FILE } from '../../src/publish/archive-identity.ts';
import { editionPackage } from '../../src/publish/edition-package.ts';
import { openRegistry } from '../../src/publish/registry.ts';
import { listBulletins, rebuildRegistry } from '../../src/publish/index.ts';
import { readArchiveStamp } from '../../src/render/read-archive-stamp.ts';
import type { VerificationReport } from '../../src/verify/verification-report.ts';
import { pdfToText } from '../support/extract-words.ts';
import { sampleFiles } from '../support/compose-sample.ts';

// Every edition of every sample jornada, through the real pipeline: real Chromium (one for the batch),
// SQLite registry, files on disk. Each edition's verification report is read back from its file.
let workDir: string;
let results: GeneratedBulletin[];
const files = new Map<string, string[]>();

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'boletin-ediciones-'));
  results = await generateBulletins({
    files: sampleFiles(),
    outputDir: join(workDir, 'salida'),
    registryPath: join(workDir, 'datos', 'registro.sqlite'),
    // The office's own bounds: a page that needs more than 60 s here is stuck, not slow (a card captured
    // on a page behind the others used to wait for a frame Chromium never drew; see BrowserSession.screenshot).
    editions: ['es', 'en', 'web', 'estados', 'tarjeta'],
  });
  for (const result of results) {
    files.set(
      result.source,
      (result.publication?.files ?? []).map((file) => file.relativePath),
    );
  }
}, 1_800_000);

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

const report = async (path: string): Promise<VerificationReport> =>
  JSON.parse(await readFile(join(workDir, 'salida', path), 'utf8')) as VerificationReport;

/** The edition a file belongs to, from its name: "093-slug.en.pdf" -> "en"; the Spanish one has none. */
const editionOf = (path: string): string => {
  const name = path.split('/').at(-1) ?? '';
  const parts = name.split('.');
  return parts.length > 2 && parts[1] !== 'verificacion' ? (parts[1] ?? '') : 'es';
};

describe('every edition of every sample jornada', () => {
  test('every dataset is published, with no error', () => {
    expect(results.map((result) => [result.source, result.error?.message])).toEqual(
      sampleFiles().map((file) => [file, undefined]),
    );
  });

  test.each(sampleFiles())(
    '%s: each edition is verified, with figures, and says its name in its files',
    async (file) => {
      const paths = files.get(file) ?? [];
      const reports = paths.filter((path) => path.endsWith('.verificacion.json'));
      const byEdition = new Map<string, number>();
      for (const path of reports) {
        const verified = await report(path);
        expect(verified.veredicto).toBe('aprobada');
        const family = verified.edicion.startsWith('estatal-') ? 'estados' : verified.edicion;
        byEdition.set(family, (byEdition.get(family) ?? 0) + verified.cifras);
      }
      const hasStates = !/2021-05-(segunda-jornada-nacional|jornada-nacional-para-la-recuperacion)\.json$/.test(file);
      expect([...byEdition.keys()].sort()).toEqual([
        'en',
        ...(hasStates ? ['estados'] : []),
        'nacional',
        'tarjeta',
        'web',
      ]);
      for (const count of byEdition.values()) expect(count).toBeGreaterThan(0);
      const pdfEditions = new Set(paths.filter((path) => path.endsWith('.pdf')).map(editionOf));
      expect(pdfEditions.has('es')).toBe(true);
      expect(pdfEditions.has('en')).toBe(true);
      expect([...pdfEditions].some((edition) => edition.startsWith('estatal-'))).toBe(hasStates);
      expect(paths.filter((path) => path.endsWith('.web.md'))).toHaveLength(1);
      expect(paths.filter((path) => /\.tarjeta\.(1200x675|1080x1080)\.png$/.test(path))).toHaveLength(2);
      expect(paths.filter((path) => path.endsWith('.tarjeta.alt.txt'))).toHaveLength(1);
    },
  );

  test("the English PDF of seed 004's jornada carries the Spanish bulletin's number and its figures", async () => {
    const file = sampleFiles().find((name) => name.endsWith('2021-12-decima-cuarta-jornada-nacional.json')) ?? '';
    const paths = files.get(file) ?? [];
    const spanish = paths.find((path) => /\/\d{3}-[a-z0-9-]+\.pdf$/.test(path)) ?? '';
    const english = paths.find((path) => path.endsWith('.en.pdf')) ?? '';
    const number = /\/(\d{3})-/.exec(spanish)?.[1] ?? '';
    expect(english.startsWith(spanish.replace(/\.pdf$/, ''))).toBe(true);
    const text = (await pdfToText(await readFile(join(workDir, 'salida', english)))).replace(/\s+/g, ' ');
    expect(text).toContain(`No. ${number}/2021`);
    expect(text).toContain('3,242 surgeries');
    expect(text).toContain('December 17 to 19');
    expect(text).toContain('the 14th National Day for the Recovery of Health Services');
  });

  test('the cards are PNG images of exactly 1200x675 and 1080x1080', async () => {
    const paths = [...files.values()].flat().filter((path) => path.endsWith('.png'));
    expect(paths.length).toBe(sampleFiles().length * 2);
    for (const path of paths) {
      const bytes = await readFile(join(workDir, 'salida', path));
      // The IHDR chunk holds width and height right after the 8-byte signature and its header.
      const size = `${String(bytes.readUInt32BE(16))}x${String(bytes.readUInt32BE(20))}`;
      expect(path.endsWith(`.tarjeta.${size}.png`)).toBe(true);
    }
  });

  test('the files of one jornada are all in its year folder, under one number', async () => {
    for (const paths of files.values()) {
      const numbers = new Set(paths.map((path) => /\/(\d{3})-/.exec(path)?.[1]));
      expect(numbers.size).toBe(1);
    }
    // Besides the year folders, only the archive's marker (see docs/registry.md).
    expect((await readdir(join(workDir, 'salida'))).sort()).toEqual([ARCHIVE_MARKER_FILE, '2021', '2023']);
  });

  test('each jornada is one package: one ZIP with every file, and the registry lists its editions', async () => {
    using registry = openRegistry(join(workDir, 'datos', 'registro.sqlite'));
    for (const result of results) {
      const paths = files.get(result.source) ?? [];
      const zips = paths.filter((path) => path.endsWith('.paquete.zip'));
      expect(zips).toHaveLength(1);
      const entries = Object.keys(unzipSync(await readFile(join(workDir, 'salida', zips[0] ?? ''))));
      expect(entries.sort()).toEqual(
        paths
          .filter((path) => !path.endsWith('.zip'))
          .map((path) => path.split('/').at(-1))
          .sort(),
      );
      const { number, year } = result.publication ?? { number: null, year: 0 };
      const editions = editionPackage(registry, year, number ?? 0);
      const reported = await Promise.all(
        paths.filter((path) => path.endsWith('.verificacion.json')).map(async (path) => (await report(path)).edicion),
      );
      expect(editions.map((edition) => edition.edition).sort()).toEqual(reported.sort());
      expect(editions.find((edition) => edition.edition === 'en')?.lang).toBe('en-US');
    }
  });

  test('a registry rebuilt from the folder (archivo reconstruir) records every file under the format it was published with', async () => {
    const formatsIn = (path: string): Map<string, string> => {
      using registry = openRegistry(path);
      return new Map(
        listBulletins(registry).flatMap((bulletin) =>
          bulletin.versions.flatMap((version) => version.files.map((file) => [file.path, file.format] as const)),
        ),
      );
    };
    const rebuilt = join(workDir, 'reconstruido', 'registro.sqlite');
    await rebuildRegistry({ registryPath: rebuilt, outputDir: join(workDir, 'salida'), readStamp: readArchiveStamp });
    const published = formatsIn(join(workDir, 'datos', 'registro.sqlite'));
    expect([...published.values()]).toContain('tarjeta.png-1200x675');
    expect(formatsIn(rebuilt)).toEqual(published);
  });
});
