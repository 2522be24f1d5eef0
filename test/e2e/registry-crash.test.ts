import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { findBulletin, listBulletins, openRegistry, verifyBulletins } from '../../src/publish/index.ts';
import { isTempFileName } from '../../src/publish/write-file-atomic.ts';
import { isCompleteFakeContent } from '../support/fake-content.ts';
import { resultOf, startPublisher, type PublisherRun } from '../support/publisher-process.ts';
import { ARCHIVE_MARKER_FILE, archiveIdentity, readArchiveMarker } from '../../src/publish/archive-identity.ts';

// A publisher killed with SIGKILL at each point of a publication, then the next runs.
// After the kill: the registry is consistent (no published version without its files; at most one
// 'en-proceso' entry, whose owner is dead) and no file under the output folder is partial.
// After the next run: the entry is finished with the same number and no temporary file is left.

const dirs: string[] = [];
const runs: PublisherRun[] = [];
afterEach(() => {
  for (const run of runs.splice(0)) if (run.child.exitCode === null) run.child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'boletin-choque-'));
  dirs.push(dir);
  const datos = join(dir, 'datos');
  const salida = join(dir, 'output');
  const publisher = (...args: string[]) => {
    const run = startPublisher(['--datos', datos, '--salida', salida, '--tamano', '200000', ...args]);
    runs.push(run);
    return run;
  };
  const publish = async (...args: string[]) => {
    const end = await publisher(...args).done;
    expect(end.code, end.stderr).toBe(0);
    return resultOf(end.stdout);
  };
  return { datos, salida, publisher, publish };
}

function filesUnder(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      // The archive's marker is checked on its own (expectConsistent); these are the bulletins' files.
      else if (name !== ARCHIVE_MARKER_FILE) found.push(path);
    }
  };
  walk(folder);
  return found.sort();
}

/** The invariants that must hold at any moment, whatever was killed where. */
async function expectConsistent(datos: string, salida: string) {
  using registry = openRegistry(join(datos, 'registro.sqlite'));
  const versions = listBulletins(registry).flatMap((b) => b.versions);
  const report = await verifyBulletins(registry);
  // Every published file is there with its recorded content.
  for (const check of report.versions) for (const file of check.files) expect(file.status, file.path).toBe('ok');
  // At most one unfinished entry, and its owner is dead.
  const unfinished = versions.filter((v) => v.state === 'en-proceso');
  expect(unfinished.length).toBeLessThanOrEqual(1);
  expect(report.versions.filter((v) => v.interrupted)).toHaveLength(unfinished.length);
  // The folder's marker names this registry's archive (written before any number is taken).
  if (versions.length > 0) expect(readArchiveMarker(salida)?.archivo).toBe(archiveIdentity(registry).id);
  // No file under output/ is partial, and every one of them is known to the registry.
  const recorded = new Set(versions.flatMap((v) => v.files.map((f) => f.path)));
  const temps: string[] = [];
  for (const path of filesUnder(salida)) {
    const rel = relative(salida, path).split(sep).join('/');
    if (isTempFileName(rel.split('/').at(-1) ?? '')) {
      temps.push(rel);
      continue;
    }
    expect(isCompleteFakeContent(readFileSync(path, 'utf8')), rel).toBe(true);
    expect(recorded.has(rel), `${rel} no está en el registro`).toBe(true);
  }
  return { unfinished, temps, published: versions.filter((v) => v.state === 'publicado') };
}

const victimFiles = ['2023/002-jornada-victima.html', '2023/002-jornada-victima.md', '2023/002-jornada-victima.txt'];

/** What each kill point leaves, before any other run. */
const points = [
  { point: 'asignacion', entry: false, filesOnDisk: 0, temps: 0, planned: 0 },
  { point: 'render', entry: true, filesOnDisk: 0, temps: 0, planned: 0 },
  { point: 'plan', entry: true, filesOnDisk: 0, temps: 0, planned: 0 },
  { point: 'escritura', entry: true, filesOnDisk: 0, temps: 1, planned: 3 },
  { point: 'entre-archivos', entry: true, filesOnDisk: 1, temps: 0, planned: 3 },
  { point: 'publicacion', entry: true, filesOnDisk: 3, temps: 0, planned: 3 },
] as const;

describe('SIGKILL at every point of a publication', () => {
  test.each(points)('killed at «$point»', async ({ point, entry, filesOnDisk, temps, planned }) => {
    const { datos, salida, publisher, publish } = workspace();
    expect((await publish('--hash', 'previo')).number).toBe(1);

    const victim = publisher('--hash', 'victima', '--pausa', point);
    await victim.line(`PAUSA ${point}`);
    victim.child.kill('SIGKILL');
    expect((await victim.done).signal).toBe('SIGKILL');

    const after = await expectConsistent(datos, salida);
    expect(after.temps).toHaveLength(temps);
    expect(after.published.map((v) => v.number)).toEqual([1]);
    expect(after.unfinished.map((v) => [v.number, v.datasetHash, v.files.length])).toEqual(
      entry ? [[2, 'victima', planned]] : [],
    );
    const victimOnDisk = filesUnder(salida).filter(
      (p) => p.includes('002-jornada-victima') && !isTempFileName(p.split(sep).at(-1) ?? ''),
    );
    expect(victimOnDisk).toHaveLength(filesOnDisk);

    // Another dataset does not take the interrupted number.
    const other = await publish('--hash', 'otro');
    expect(other.number).toBe(entry ? 3 : 2);
    await expectConsistent(datos, salida);

    // The next run of the same data finishes it, with the number it had.
    const next = await publish('--hash', 'victima');
    expect(next).toMatchObject({ number: entry ? 2 : 3, version: 1, reused: false, recovered: entry });
    const final = await expectConsistent(datos, salida);
    expect(final.unfinished).toEqual([]);
    expect(final.temps).toEqual([]);
    expect(final.published.map((v) => v.number).sort()).toEqual([1, 2, 3]);
    if (entry) expect(next.files.map((f) => f.relativePath)).toEqual(victimFiles);
    expect(filesUnder(salida)).toHaveLength(9);
  });

  test('a correction killed between its files keeps version 1 published; the next run finishes version 2', async () => {
    const { datos, salida, publisher, publish } = workspace();
    await publish('--hash', 'original', '--slug', 'jornada', '--numero', '93');
    const victim = publisher(
      '--hash',
      'corregido',
      '--slug',
      'jornada',
      '--numero',
      '93',
      '--correccion',
      '--pausa',
      'entre-archivos',
    );
    await victim.line('PAUSA entre-archivos');
    victim.child.kill('SIGKILL');
    await victim.done;

    const after = await expectConsistent(datos, salida);
    expect(after.published.map((v) => [v.number, v.version, v.datasetHash])).toEqual([[93, 1, 'original']]);
    expect(after.unfinished.map((v) => [v.number, v.version])).toEqual([[93, 2]]);

    // Without the correction flag the changed data is refused (exit 2), and nothing changes.
    const refused = await publisher('--hash', 'corregido', '--slug', 'jornada', '--numero', '93').done;
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/corrección/);

    const next = await publish('--hash', 'corregido', '--slug', 'jornada', '--numero', '93', '--correccion');
    expect(next).toMatchObject({ number: 93, version: 2, recovered: true });
    const final = await expectConsistent(datos, salida);
    expect(final.unfinished).toEqual([]);
    using registry = openRegistry(join(datos, 'registro.sqlite'));
    expect(findBulletin(registry, 2023, 93)?.versions.map((v) => [v.version, v.state])).toEqual([
      [1, 'reemplazado'],
      [2, 'publicado'],
    ]);
    expect(filesUnder(join(salida, '2023')).map((p) => p.split(sep).at(-1))).toEqual([
      '093-jornada.html',
      '093-jornada.md',
      '093-jornada.txt',
      '093-jornada.v2.html',
      '093-jornada.v2.md',
      '093-jornada.v2.txt',
    ]);
  });

  test('a process waiting for a killed owner takes over as soon as the owner is gone', async () => {
    const { datos, salida, publisher } = workspace();
    const owner = publisher('--hash', 'compartido', '--pausa', 'render');
    await owner.line('PAUSA render');
    const waiting = publisher('--hash', 'compartido');
    await waiting.line(`ESPERA ${owner.child.pid}`);
    owner.child.kill('SIGKILL');
    const end = await waiting.done;
    expect(end.code, end.stderr).toBe(0);
    expect(resultOf(end.stdout)).toMatchObject({ number: 1, recovered: true, reused: false });
    const final = await expectConsistent(datos, salida);
    expect(final.unfinished).toEqual([]);
    expect(final.published).toHaveLength(1);
  });
});
