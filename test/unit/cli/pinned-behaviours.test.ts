import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { findBulletin, listBulletins, openRegistry } from '../../../src/publish/index.ts';
import { fakeIo } from '../../support/fake-io.ts';

// Behaviours a review found unpinned: a changed --fecha and a batch given out of date order.
// The real CLI in-process, real SQLite and files (HTML only, so no browser is needed).

const jornadas = join(import.meta.dirname, '..', '..', '..', 'data', 'jornadas');
const MAY = join(jornadas, '2021-05-segunda-jornada-nacional.json');
const AUGUST = join(jornadas, '2021-08-jornadas-monotematicas.json');
const DECEMBER = join(jornadas, '2021-12-decima-cuarta-jornada-nacional.json');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'boletin-fijado-'));
  dirs.push(dir);
  const run = async (...args: string[]) => {
    const io = fakeIo({ cwd: dir });
    const code = await main(['generar', ...args, '--datos', 'datos', '--salida', 'salida', '--formatos', 'html'], io);
    return { code, out: io.out(), err: io.err() };
  };
  return { dir, run, files: () => readdirSync(join(dir, 'salida', '2021')).sort() };
}

describe('a changed --fecha never silently reuses a published bulletin', () => {
  test('the same data with another issue date is refused (exit 2, nothing written); with --correccion it is version 2', async () => {
    const { dir, run, files } = workspace();
    const first = await run(MAY);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain('No. 001/2021: ');
    const before = files();

    const moved = await run(MAY, '--fecha', '2021-05-20');
    expect(moved.code).toBe(2);
    expect(moved.err).toContain('Estos datos ya se publicaron como No. 001/2021 con estilo «imss», plantilla «');
    expect(moved.err).toMatch(
      /y fecha 2021-05-17\. Para publicar una nueva versión de ese número use la corrección \(--correccion\)\./,
    );
    expect(moved.out).not.toContain('ya publicado');
    expect(files()).toEqual(before);

    const corrected = await run(MAY, '--fecha', '2021-05-20', '--correccion');
    expect(corrected.code, corrected.err).toBe(0);
    expect(corrected.out).toContain('No. 001/2021: ');
    expect(files()).toEqual(
      [
        ...before,
        '001-nacional-recuperacion-2021-05-14.v2.html',
        '001-nacional-recuperacion-2021-05-14.v2.verificacion.html',
        '001-nacional-recuperacion-2021-05-14.v2.verificacion.json',
      ].sort(),
    );
    using registry = openRegistry(join(dir, 'datos', 'registro.sqlite'));
    expect(findBulletin(registry, 2021, 1)?.versions.map((v) => [v.version, v.issueDate, v.state])).toEqual([
      [1, '2021-05-17', 'reemplazado'],
      [2, '2021-05-20', 'publicado'],
    ]);
  });
});

describe('a batch given out of date order', () => {
  test('numbers follow the issue dates, not the order of the files', async () => {
    const { dir, run } = workspace();
    const batch = await run(DECEMBER, MAY, AUGUST);
    expect(batch.code, batch.err).toBe(0);
    using registry = openRegistry(join(dir, 'datos', 'registro.sqlite'));
    expect(listBulletins(registry).map((b) => [b.number, b.versions[0]?.issueDate, b.versions[0]?.slug])).toEqual([
      [1, '2021-05-17', 'nacional-recuperacion-2021-05-14'],
      [2, '2021-09-01', 'monotematica-2021-08-27'],
      [3, '2021-12-20', 'nacional-recuperacion-2021-12-17'],
    ]);
    expect(batch.out.indexOf('No. 001/2021')).toBeLessThan(batch.out.indexOf('No. 002/2021'));
    expect(batch.out.indexOf('No. 002/2021')).toBeLessThan(batch.out.indexOf('No. 003/2021'));
  });
});
