import { existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, test } from 'vitest';
import {
  ARCHIVE_MARKER_FILE,
  RegistryError,
  archiveIdentity,
  backupRegistry,
  exportRegistryCsv,
  findBulletin,
  listBulletins,
  neutralizeFormula,
  openRegistry,
  publishBulletin,
  rebuildRegistry,
  releaseInterrupted,
  resolveArchivePath,
  verifyBulletins,
} from '../../../src/publish/index.ts';
import { baseRequest, countingRenderer, deadPid, useTempDirs } from './helpers.ts';

const tempDir = useTempDirs();

function setup() {
  const dir = tempDir();
  const registryPath = join(dir, 'datos', 'registro.sqlite');
  const registry = openRegistry(registryPath);
  const out = join(dir, 'salida');
  return { dir, registryPath, registry, out, request: baseRequest(registry, out, countingRenderer().render) };
}

describe('the archive knows itself', () => {
  test('the first publication marks the output folder with the registry identity', async () => {
    const { registry, registryPath, out, request } = setup();
    await publishBulletin(request);
    const marker = JSON.parse(readFileSync(join(out, ARCHIVE_MARKER_FILE), 'utf8')) as Record<string, string>;
    expect(marker).toMatchObject({
      aplicacion: 'boletin',
      archivo: archiveIdentity(registry).id,
      registro: registryPath,
    });
    expect(archiveIdentity(registry).id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    registry.close();
  });

  test('a new, empty registry beside a marked folder takes no number: it says how to restore one', async () => {
    const { dir, registry, out, request } = setup();
    await publishBulletin(request);
    registry.close();
    using empty = openRegistry(join(dir, 'otros-datos', 'registro.sqlite'));
    const attempt = publishBulletin({
      ...baseRequest(empty, out, countingRenderer().render),
      datasetHash: 'b'.repeat(64),
    });
    await expect(attempt).rejects.toThrow(RegistryError);
    await expect(
      publishBulletin({ ...baseRequest(empty, out, countingRenderer().render), datasetHash: 'b'.repeat(64) }),
    ).rejects.toThrow(/no es el de la carpeta de salida .*archivo reconstruir --salida/);
    expect(listBulletins(empty)).toEqual([]);
    expect(readFileSync(join(out, '2023', '001-cuarta-jornada-extraordinaria.html'), 'utf8')).toBe(
      'No. 1/2023 v1 html\n',
    );
  });

  test('published files without a marker that the registry does not know are refused too', async () => {
    const { dir, registry, out, request } = setup();
    await publishBulletin(request);
    registry.close();
    writeFileSync(join(out, ARCHIVE_MARKER_FILE), '');
    using empty = openRegistry(join(dir, 'otros-datos', 'registro.sqlite'));
    await expect(publishBulletin(baseRequest(empty, out, countingRenderer().render))).rejects.toThrow(
      /La marca del archivo .* está dañada/,
    );
    mkdirSync(join(dir, 'copia', '2023'), { recursive: true });
    writeFileSync(join(dir, 'copia', '2023', '001-cuarta-jornada-extraordinaria.pdf'), 'publicado');
    await expect(publishBulletin(baseRequest(empty, join(dir, 'copia'), countingRenderer().render))).rejects.toThrow(
      /tiene 1 archivos de boletines publicados que el registro .* no conoce \(por ejemplo «2023\/001-cuarta-jornada-extraordinaria\.pdf»\)/,
    );
    expect(listBulletins(empty)).toEqual([]);
  });

  test("garbage bytes, another program's database and a damaged page are refused on open with the way back", async () => {
    const dir = tempDir();
    const garbage = join(dir, 'basura.sqlite');
    writeFileSync(garbage, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 251)));
    expect(() => openRegistry(garbage)).toThrow(
      /El registro .*basura\.sqlite está dañado: no es una base de datos SQLite legible \(el archivo no es una base de datos\)\..*archivo reconstruir/,
    );

    const foreign = join(dir, 'ajena.sqlite');
    const other = new DatabaseSync(foreign);
    other.exec('CREATE TABLE clientes (id INTEGER PRIMARY KEY)');
    other.close();
    expect(() => openRegistry(foreign)).toThrow(
      /es una base de datos SQLite, pero no un registro de Boletín \(tiene las tablas «clientes»\)/,
    );

    const damaged = join(dir, 'danada.sqlite');
    const registry = openRegistry(damaged);
    registry.db.exec('PRAGMA journal_mode = DELETE');
    for (let i = 0; i < 200; i++) {
      registry.db
        .prepare('INSERT INTO numeros_liberados (anio, numero, liberado_en) VALUES (?, ?, ?)')
        .run(2000 + (i % 50), i, 'x'.repeat(200));
    }
    const { rootpage } = registry.db
      .prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'numeros_liberados'`)
      .get() as { rootpage: number };
    registry.close();
    const bytes = readFileSync(damaged);
    const pageSize = bytes.readUInt16BE(16);
    // The table's root page keeps its type byte and gets garbage everywhere else.
    bytes.fill(0x5a, (rootpage - 1) * pageSize + 1, rootpage * pageSize);
    writeFileSync(damaged, bytes);
    expect(() => openRegistry(damaged)).toThrow(/danada\.sqlite está dañado.*Para recuperarlo/);
  });
});

describe('paths read from the registry stay inside the archive', () => {
  test.each([
    ['../fuera.txt', /no tiene la forma/],
    ['2023/../../fuera.txt', /no tiene la forma/],
    ['/etc/passwd', /no tiene la forma/],
    ['2023\\..\\..\\fuera.txt', /no tiene la forma/],
    ['2023/001-x.html\0', /no tiene la forma/],
  ])('%j is refused', (path, reason) => {
    expect(() => resolveArchivePath('/srv/salida', path)).toThrow(reason);
  });

  test('a path that a symbolic link takes outside is refused; an ordinary one resolves', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'salida'));
    mkdirSync(join(dir, 'fuera'));
    symlinkSync(join(dir, 'fuera'), join(dir, 'salida', '2024'));
    expect(() => resolveArchivePath(join(dir, 'salida'), '2024/001-x.pdf')).toThrow(
      /un enlace simbólico la lleva fuera/,
    );
    expect(resolveArchivePath(join(dir, 'salida'), '2023/001-x.pdf')).toBe(join(dir, 'salida', '2023', '001-x.pdf'));
  });

  test('a crafted row never makes «liberar» delete a file outside the archive', async () => {
    const { dir, registry, out, request } = setup();
    await publishBulletin({ ...request, datasetHash: 'antes' });
    const dead = deadPid();
    await expect(
      publishBulletin({
        ...request,
        hooks: {
          afterFile: () => {
            registry.db
              .prepare(`UPDATE versiones SET dueno_pid = ?, dueno_inicio = NULL WHERE estado = 'en-proceso'`)
              .run(dead);
            throw new Error('muerto');
          },
        },
      }),
    ).rejects.toThrow('muerto');
    const victim = join(dir, 'victima.txt');
    writeFileSync(victim, 'no se toca');
    registry.db
      .prepare(`UPDATE archivos SET ruta = '../victima.txt' WHERE ruta = '2023/002-cuarta-jornada-extraordinaria.html'`)
      .run();
    await expect(releaseInterrupted(registry, 2023, 2)).rejects.toThrow(/«\.\.\/victima\.txt» \(no tiene la forma/);
    expect(readFileSync(victim, 'utf8')).toBe('no se toca');

    // A well-shaped path under a folder that is not the archive's (no marker): refused as well.
    const elsewhere = join(dir, 'otra-carpeta');
    mkdirSync(join(elsewhere, '2023'), { recursive: true });
    const target = join(elsewhere, '2023', '002-cuarta-jornada-extraordinaria.html');
    writeFileSync(target, 'no se toca');
    registry.db
      .prepare(`UPDATE archivos SET ruta = '2023/002-cuarta-jornada-extraordinaria.html' WHERE ruta = '../victima.txt'`)
      .run();
    registry.db.prepare(`UPDATE versiones SET carpeta_salida = ? WHERE estado = 'en-proceso'`).run(elsewhere);
    await expect(releaseInterrupted(registry, 2023, 2)).rejects.toThrow(/no lleva la marca de este archivo/);
    expect(readFileSync(target, 'utf8')).toBe('no se toca');
    expect(findBulletin(registry, 2023, 2)?.versions[0]?.state).toBe('en-proceso');
    expect(existsSync(join(out, '2023', '002-cuarta-jornada-extraordinaria.html'))).toBe(true);
    registry.close();
  });
});

describe('CSV export neutralises formulas (OWASP)', () => {
  test.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+52 55', `'+52 55`],
    ['-1', `'-1`],
    ['@SUMA(A1)', `'@SUMA(A1)`],
    ['\tTab', `'\tTab`],
    ['\rCR', `'\rCR`],
    ['Rebasa IMSS meta', 'Rebasa IMSS meta'],
    ['2023-03-01', '2023-03-01'],
  ])('%j -> %j', (text, expected) => {
    expect(neutralizeFormula(text)).toBe(expected);
  });

  test('a title that starts with = is exported as text', async () => {
    const { registry, request } = setup();
    await publishBulletin({ ...request, title: '=cmd|"/c calc"!A1' });
    const csv = exportRegistryCsv(registry);
    expect(csv).toContain(`,"'=cmd|""/c calc""!A1",`);
    expect(csv).not.toContain(',=cmd');
    registry.close();
  });
});

describe('backup and rebuild', () => {
  test('respaldo writes a consistent copy that opens with the same bulletins and identity', async () => {
    const { dir, registry, request } = setup();
    await publishBulletin(request);
    await publishBulletin({ ...request, datasetHash: 'b', slug: 'otra' });
    const copy = await backupRegistry(registry, join(dir, 'respaldo.sqlite'));
    expect(copy.bytes).toBe(statSync(join(dir, 'respaldo.sqlite')).size);
    await expect(backupRegistry(registry, join(dir, 'respaldo.sqlite'))).rejects.toThrow(
      /Ya existe .*respaldo\.sqlite; no se reemplazó/,
    );
    using restored = openRegistry(join(dir, 'respaldo.sqlite'));
    expect(listBulletins(restored).map((b) => [b.number, b.versions[0]?.slug])).toEqual([
      [1, 'cuarta-jornada-extraordinaria'],
      [2, 'otra'],
    ]);
    expect(archiveIdentity(restored)).toEqual(archiveIdentity(registry));
    registry.close();
  });

  test('files without a record keep their numbers after a rebuild: the next bulletin is not 001', async () => {
    const { registryPath, registry, out, request } = setup();
    await publishBulletin(request);
    const id = archiveIdentity(registry).id;
    registry.close();
    await expect(rebuildRegistry({ registryPath, outputDir: out, readStamp: async () => undefined })).rejects.toThrow(
      /Ya existe .*registro\.sqlite: apártelo antes de reconstruir/,
    );
    for (const suffix of ['', '-wal', '-shm'])
      if (existsSync(registryPath + suffix)) writeFileSync(registryPath + suffix, '');
    const { rmSync } = await import('node:fs');
    rmSync(registryPath);
    const report = await rebuildRegistry({ registryPath, outputDir: out, readStamp: async () => undefined });
    expect(report).toMatchObject({ archiveId: id, bulletins: 1, versions: 1, files: 2, unstamped: ['001/2023 v1'] });
    using rebuilt = openRegistry(registryPath);
    expect((await verifyBulletins(rebuilt)).problems).toBe(0);
    const next = await publishBulletin({
      ...baseRequest(rebuilt, out, countingRenderer().render),
      datasetHash: 'nuevo',
    });
    expect(next.number).toBe(2);
  });
});
