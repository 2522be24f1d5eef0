import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, test } from 'vitest';
import {
  LATEST_SCHEMA_VERSION,
  RegistryError,
  findBulletin,
  listBulletins,
  migrations,
  openRegistry,
  publishBulletin,
  resolveDataFolder,
  resolveRegistryPath,
  verifyBulletins,
} from '../../../src/publish/index.ts';
import { PROJECT_DIR } from '../../../src/publish/data-folder.ts';
import { baseRequest, countingRenderer, useTempDirs } from './helpers.ts';

const tempDir = useTempDirs();

describe('openRegistry', () => {
  test('creates the folder and the database in WAL mode at the latest schema', () => {
    const path = join(tempDir(), 'datos', 'registro.sqlite');
    using registry = openRegistry(path);
    expect(registry.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBe(7);
    expect(registry.db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(registry.db.prepare('PRAGMA foreign_keys').get()).toEqual({ foreign_keys: 1 });
    expect((registry.db.prepare('PRAGMA busy_timeout').get() as { timeout: number }).timeout).toBeGreaterThan(0);
  });

  test('what was published survives closing and reopening', async () => {
    const dir = tempDir();
    const path = join(dir, 'registro.sqlite');
    const first = openRegistry(path);
    const published = await publishBulletin(baseRequest(first, join(dir, 'salida'), countingRenderer().render));
    first.close();
    using again = openRegistry(path);
    const bulletin = findBulletin(again, 2023, published.number ?? 0);
    expect(bulletin?.versions.map((v) => [v.state, v.files.length])).toEqual([['publicado', 2]]);
    const renderer = countingRenderer();
    const reused = await publishBulletin(baseRequest(again, join(dir, 'salida'), renderer.render));
    expect(reused).toMatchObject({ number: published.number, reused: true });
    expect(renderer.calls).toEqual([]);
  });

  test('refuses a database from a newer Boletín, in Spanish, and leaves it alone', () => {
    const path = join(tempDir(), 'registro.sqlite');
    const db = new DatabaseSync(path);
    db.exec(`PRAGMA user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openRegistry(path)).toThrow(RegistryError);
    expect(() => openRegistry(path)).toThrow(/más nueva.*actualice Boletín/);
  });

  test('a file that is not a database is a RegistryError naming it', () => {
    const path = join(tempDir(), 'registro.sqlite');
    writeFileSync(path, 'esto no es sqlite, pero es lo bastante largo para tener cabecera '.repeat(10));
    expect(() => openRegistry(path)).toThrow(RegistryError);
    expect(() => openRegistry(path)).toThrow(path);
  });
});

describe('migration from schema version 1', () => {
  test('a version-1 database becomes version 2 with every bulletin, file and sequence kept', async () => {
    const dir = tempDir();
    const path = join(dir, 'registro.sqlite');
    // A database exactly as the first schema left it.
    const v1 = new DatabaseSync(path);
    const first = migrations[0];
    expect(first?.version).toBe(1);
    first?.up(v1);
    v1.exec('PRAGMA user_version = 1');
    v1.exec(`
      INSERT INTO boletines (id, anio, numero, jornada, titulo, fecha, hash_datos, edicion, estilo, version_plantilla, estado, creado_en, usuario)
      VALUES (7, 2023, 93, 'cuarta-jornada', 'Rebasa IMSS meta', '2023-03-01', 'h93', 'nacional', 'estandar', 't1', 'publicado', '2023-03-01T12:00:00.000Z', 'prensa'),
             (8, 2023, 94, 'quinta-jornada', 'Otra', '2023-03-13', 'h94', 'nacional', 'estandar', 't1', 'en-proceso', '2023-03-13T12:00:00.000Z', 'prensa');
      INSERT INTO archivos (boletin_id, ruta, formato, sha256, bytes)
      VALUES (7, '2023/093-cuarta-jornada.html', 'html', 'sha-html', 10), (7, '2023/093-cuarta-jornada.pdf', 'pdf', 'sha-pdf', 20);
      INSERT INTO secuencias (anio, siguiente) VALUES (2023, 90);
    `);
    v1.close();

    using registry = openRegistry(path);
    expect(registry.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const [b93, b94] = listBulletins(registry, { year: 2023 });
    expect(b93).toMatchObject({ year: 2023, number: 93, createdAt: '2023-03-01T12:00:00.000Z' });
    expect(b93?.versions).toHaveLength(1);
    expect(b93?.versions[0]).toMatchObject({
      version: 1,
      slug: 'cuarta-jornada',
      title: 'Rebasa IMSS meta',
      datasetHash: 'h93',
      state: 'publicado',
      user: 'prensa',
      publishedAt: '2023-03-01T12:00:00.000Z',
      outputDir: null,
      owner: null,
      files: [
        { path: '2023/093-cuarta-jornada.html', format: 'html', sha256: 'sha-html', bytes: 10 },
        { path: '2023/093-cuarta-jornada.pdf', format: 'pdf', sha256: 'sha-pdf', bytes: 20 },
      ],
    });
    // An entry in progress under version 1 has no known owner: it counts as interrupted.
    expect(b94?.versions[0]).toMatchObject({ state: 'en-proceso', owner: null, publishedAt: null });
    const report = await verifyBulletins(registry, { year: 2023, fallbackOutputDir: join(dir, 'salida') });
    expect(report.versions.map((v) => [v.number, v.interrupted, v.files.map((f) => f.status)])).toEqual([
      [93, false, ['falta', 'falta']],
      [94, true, []],
    ]);
    // The v1 tables are gone and the new ones are in place; the sequence floor is kept.
    const tables = (
      registry.db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    // (Later migrations add their own tables; these are version 2's and version 3's.)
    expect(tables).toEqual(
      expect.arrayContaining([
        'archivo',
        'archivos',
        'boletines',
        'carpetas_salida',
        'numeros_liberados',
        'secuencias',
        'versiones',
      ]),
    );
    expect(tables.filter((name) => name.endsWith('_v1'))).toEqual([]);
    expect(registry.db.prepare('SELECT siguiente FROM secuencias WHERE anio = 2023').get()).toEqual({ siguiente: 90 });
  });

  test('the migrated registry goes on numbering after the highest number and finishes the interrupted entry', async () => {
    const dir = tempDir();
    const path = join(dir, 'registro.sqlite');
    const v1 = new DatabaseSync(path);
    migrations[0]?.up(v1);
    v1.exec('PRAGMA user_version = 1');
    v1.exec(`INSERT INTO boletines (anio, numero, jornada, titulo, fecha, hash_datos, edicion, estilo, version_plantilla, estado, creado_en, usuario)
             VALUES (2023, 94, 'quinta-jornada', 'Otra', '2023-03-01', 'h94', 'nacional', 'estandar', 't1', 'en-proceso', '2023-03-13T12:00:00.000Z', 'prensa')`);
    v1.close();
    using registry = openRegistry(path);
    const out = join(dir, 'salida');
    const fresh = await publishBulletin({
      ...baseRequest(registry, out, countingRenderer().render),
      datasetHash: 'nuevo',
    });
    expect(fresh.number).toBe(95);
    const finished = await publishBulletin({
      ...baseRequest(registry, out, countingRenderer().render),
      datasetHash: 'h94',
      slug: 'quinta-jornada',
      templateVersion: 't1',
    });
    expect(finished).toMatchObject({ number: 94, version: 1, recovered: true, reused: false });
  });
});

describe('data folder', () => {
  test('option, then BOLETIN_DATOS, then <project>/.boletin', () => {
    expect(resolveDataFolder({ option: 'd', env: { BOLETIN_DATOS: '/e' }, cwd: '/w' })).toBe('/w/d');
    expect(resolveDataFolder({ env: { BOLETIN_DATOS: '/e' }, cwd: '/w' })).toBe('/e');
    expect(resolveDataFolder({ env: {}, cwd: '/w' })).toBe(join(PROJECT_DIR, '.boletin'));
    expect(resolveRegistryPath({ option: '/d' })).toBe('/d/registro.sqlite');
  });
});
