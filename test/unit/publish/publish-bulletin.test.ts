import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../../src/errors.ts';
import {
  PublishConflictError,
  RegistryBusyError,
  RegistryError,
  findBulletin,
  listBulletins,
  openRegistry,
  peekSequence,
  publishBulletin,
  PublishStep,
  sha256Hex,
  verifyBulletins,
  type PublishRequest,
} from '../../../src/publish/index.ts';
import { editionPackage, recordEditionPackage } from '../../../src/publish/edition-package.ts';
import { baseRequest, countingRenderer, deadPid, useTempDirs } from './helpers.ts';

const tempDir = useTempDirs();

function setup() {
  const dir = tempDir();
  const registry = openRegistry(join(dir, 'registro.sqlite'));
  const out = join(dir, 'salida');
  const renderer = countingRenderer();
  const request = (extra: Partial<PublishRequest> = {}): PublishRequest => ({
    ...baseRequest(registry, out, renderer.render),
    ...extra,
  });
  return { dir, registry, out, renderer, request };
}

/** A renderer whose bytes change on every call, to tell a rewritten file from a kept one. */
function changingRenderer(extensions: readonly string[] = ['html', 'pdf']) {
  let call = 0;
  return async () => {
    call += 1;
    return extensions.map((extension) => ({
      format: extension,
      extension,
      bytes: new TextEncoder().encode(`${extension} llamada ${call}`),
    }));
  };
}

describe('publishBulletin', () => {
  test('takes a number, writes every file atomically under <año>/ and records it as published', async () => {
    const { registry, out, renderer, request } = setup();
    const result = await publishBulletin(request());
    expect(result).toMatchObject({ number: 1, year: 2023, version: 1, reused: false, recovered: false });
    expect(renderer.calls).toEqual([{ number: 1, year: 2023, version: 1 }]);
    expect(result.files.map((f) => f.relativePath)).toEqual([
      '2023/001-cuarta-jornada-extraordinaria.html',
      '2023/001-cuarta-jornada-extraordinaria.pdf',
    ]);
    for (const file of result.files) {
      const bytes = readFileSync(file.path);
      expect(sha256Hex(bytes)).toBe(file.sha256);
      expect(bytes.byteLength).toBe(file.bytes);
    }
    expect(readdirSync(join(out, '2023')).sort()).toEqual([
      '001-cuarta-jornada-extraordinaria.html',
      '001-cuarta-jornada-extraordinaria.pdf',
    ]);
    const [version] = findBulletin(registry, 2023, 1)?.versions ?? [];
    expect(version).toMatchObject({
      state: 'publicado',
      owner: null,
      user: userInfo().username,
      datasetHash: 'a'.repeat(64),
      edition: 'nacional',
      style: 'estandar',
      templateVersion: 't1',
      issueDate: '2023-03-01',
      title: 'Rebasa IMSS meta con 197 mil 144 acciones',
      outputDir: out,
    });
    expect(version?.files.map((f) => f.sha256)).toEqual(result.files.map((f) => f.sha256));
    registry.close();
  });

  test('the same dataset, edition, style and templates again: same number and files, nothing rendered', async () => {
    const { registry, renderer, request } = setup();
    const first = await publishBulletin(request());
    const second = await publishBulletin(request());
    expect(second).toEqual({ ...first, reused: true });
    expect(renderer.calls).toHaveLength(1);
    registry.close();
  });

  test('a deleted file is rendered again; the files that verify are not touched', async () => {
    const { registry, request } = setup();
    const render = changingRenderer();
    const first = await publishBulletin(request({ render }));
    const [html, pdf] = first.files;
    rmSync(html?.path ?? '');
    const second = await publishBulletin(request({ render }));
    expect(second).toMatchObject({ number: 1, version: 1, reused: false });
    expect(readFileSync(html?.path ?? '', 'utf8')).toBe('html llamada 2');
    expect(readFileSync(pdf?.path ?? '', 'utf8')).toBe('pdf llamada 1');
    expect((await verifyBulletins(registry)).problems).toBe(0);
    registry.close();
  });

  test('a file edited by hand is never overwritten silently; with overwrite it is written again and recorded', async () => {
    const { registry, request } = setup();
    const render = changingRenderer();
    const first = await publishBulletin(request({ render }));
    const pdf = first.files[1]?.path ?? '';
    writeFileSync(pdf, 'editado a mano');
    await expect(publishBulletin(request({ render }))).rejects.toThrow(PublishConflictError);
    await expect(publishBulletin(request({ render }))).rejects.toThrow(/no coincide con el registro.*--sobrescribir/);
    expect(readFileSync(pdf, 'utf8')).toBe('editado a mano');
    const again = await publishBulletin(request({ render, overwrite: true }));
    expect(readFileSync(pdf, 'utf8')).toMatch(/^pdf llamada/);
    expect(again.files[1]?.sha256).toBe(sha256Hex(readFileSync(pdf)));
    expect((await verifyBulletins(registry)).problems).toBe(0);
    registry.close();
  });

  test('a format asked for later is added to the same version', async () => {
    const { registry, request } = setup();
    await publishBulletin(request({ render: countingRenderer(['html']).render }));
    const more = await publishBulletin(
      request({ render: countingRenderer(['html', 'docx']).render, formats: ['html', 'docx'] }),
    );
    expect(more).toMatchObject({ number: 1, version: 1 });
    expect(more.files.map((f) => f.format).sort()).toEqual(['docx', 'html']);
    expect(findBulletin(registry, 2023, 1)?.versions).toHaveLength(1);
    registry.close();
  });

  test('drafts take no number, go to borradores/, may be overwritten and are not recorded', async () => {
    const { registry, out, renderer, request } = setup();
    const draft = await publishBulletin(request({ draft: true }));
    expect(draft).toMatchObject({ number: null, version: 0 });
    expect(renderer.calls).toEqual([{ number: null, year: 2023, version: 0 }]);
    expect(draft.files.map((f) => f.relativePath)).toEqual([
      '2023/borradores/cuarta-jornada-extraordinaria.html',
      '2023/borradores/cuarta-jornada-extraordinaria.pdf',
    ]);
    const again = await publishBulletin(request({ draft: true, render: changingRenderer() }));
    expect(readFileSync(again.files[0]?.path ?? '', 'utf8')).toBe('html llamada 1');
    expect(listBulletins(registry)).toEqual([]);
    expect(peekSequence(registry, 2023).next).toBe(1);
    expect(existsSync(join(out, '2023', 'borradores'))).toBe(true);
    await expect(publishBulletin(request({ draft: true, explicitNumber: 5 }))).rejects.toThrow(InputError);
    registry.close();
  });

  test('a bad slug is refused before any number is taken', async () => {
    const { registry, request } = setup();
    await expect(publishBulletin(request({ slug: 'Cuarta Jornada' }))).rejects.toThrow(InputError);
    expect(listBulletins(registry)).toEqual([]);
    registry.close();
  });

  test('an unrecorded file at the target path is not overwritten; the number is given back', async () => {
    const { registry, out, request } = setup();
    // A first bulletin marks the folder as this archive's, so the check of the target path is what refuses.
    await publishBulletin(request({ slug: 'otra-jornada', datasetHash: 'c'.repeat(64) }));
    const stranger = join(out, '2023', '002-cuarta-jornada-extraordinaria.pdf');
    writeFileSync(stranger, 'de otro registro');
    await expect(publishBulletin(request())).rejects.toThrow(
      /Ya existe .*002-cuarta-jornada-extraordinaria\.pdf» y el registro no lo tiene .*El número 002\/2023 quedó libre/,
    );
    expect(readFileSync(stranger, 'utf8')).toBe('de otro registro');
    expect(existsSync(join(out, '2023', '002-cuarta-jornada-extraordinaria.html'))).toBe(false);
    expect(listBulletins(registry).map((b) => b.number)).toEqual([1]);
    const forced = await publishBulletin(request({ overwrite: true }));
    expect(forced.number).toBe(2);
    expect(readFileSync(stranger, 'utf8')).toMatch(/^No\. 2\/2023/);
    registry.close();
  });
});

describe('conflicts and corrections', () => {
  test('a number used by other data is refused; with correction it becomes version 2 and version 1 is kept', async () => {
    const { registry, request } = setup();
    const first = await publishBulletin(request({ explicitNumber: 93 }));
    const changed = request({ explicitNumber: 93, datasetHash: 'b'.repeat(64) });
    await expect(publishBulletin(changed)).rejects.toThrow(PublishConflictError);
    await expect(publishBulletin(changed)).rejects.toThrow(/No\. 093\/2023 ya es otro boletín.*--correccion/);
    const corrected = await publishBulletin({ ...changed, correction: true });
    expect(corrected).toMatchObject({ number: 93, version: 2, reused: false });
    expect(corrected.files.map((f) => f.relativePath)).toEqual([
      '2023/093-cuarta-jornada-extraordinaria.v2.html',
      '2023/093-cuarta-jornada-extraordinaria.v2.pdf',
    ]);
    for (const file of first.files) expect(existsSync(file.path)).toBe(true);
    const versions = findBulletin(registry, 2023, 93)?.versions ?? [];
    expect(versions.map((v) => [v.version, v.state, v.datasetHash[0]])).toEqual([
      [1, 'reemplazado', 'a'],
      [2, 'publicado', 'b'],
    ]);
    expect((await verifyBulletins(registry)).problems).toBe(0);
    // The corrected data again is idempotent; the replaced data again needs a correction.
    expect(await publishBulletin({ ...changed, correction: true })).toMatchObject({ version: 2, reused: true });
    await expect(publishBulletin(request())).rejects.toThrow(/versión 1.*reemplazó/);
    registry.close();
  });

  test('the same data with another template needs a correction, which finds the number by itself', async () => {
    const { registry, request } = setup();
    await publishBulletin(request());
    await expect(publishBulletin(request({ templateVersion: 't2' }))).rejects.toThrow(
      /ya se publicaron como No\. 001\/2023.*plantilla «t1»/,
    );
    expect(await publishBulletin(request({ templateVersion: 't2', correction: true }))).toMatchObject({
      number: 1,
      version: 2,
    });
    expect(peekSequence(registry, 2023).next).toBe(2);
    registry.close();
  });

  test('a correction of changed data without a number finds the jornada of that year', async () => {
    const { registry, request } = setup();
    await publishBulletin(request());
    const fixed = await publishBulletin(request({ datasetHash: 'c'.repeat(64), correction: true }));
    expect(fixed).toMatchObject({ number: 1, version: 2 });
    await expect(
      publishBulletin(request({ slug: 'otra-jornada', datasetHash: 'd'.repeat(64), correction: true })),
    ).rejects.toThrow(/No hay en 2023 un boletín de la jornada «otra-jornada» que corregir/);
    registry.close();
  });

  test('data already published cannot take a second number', async () => {
    const { registry, request } = setup();
    await publishBulletin(request());
    await expect(publishBulletin(request({ explicitNumber: 5 }))).rejects.toThrow(/ya son el No\. 001\/2023/);
    registry.close();
  });
});

describe('concurrency and recovery in one process', () => {
  test('five simultaneous calls for one dataset render once and return the same number and files', async () => {
    const { registry, renderer, request } = setup();
    const results = await Promise.all(Array.from({ length: 5 }, () => publishBulletin(request())));
    expect(renderer.calls).toHaveLength(1);
    expect(new Set(results.map((r) => r.number))).toEqual(new Set([1]));
    expect(results.filter((r) => !r.reused)).toHaveLength(1);
    expect(new Set(results.map((r) => JSON.stringify(r.files))).size).toBe(1);
    registry.close();
  });

  test('simultaneous calls for different datasets get consecutive numbers', async () => {
    const { registry, request } = setup();
    const results = await Promise.all(
      ['1', '2', '3', '4'].map((h) => publishBulletin(request({ datasetHash: h, slug: `j-${h}` }))),
    );
    expect(results.map((r) => r.number).sort()).toEqual([1, 2, 3, 4]);
    registry.close();
  });

  test('an entry whose owner died is taken over and finished with the same number', async () => {
    const { registry, out, request } = setup();
    const dead = deadPid();
    // The owner "dies" while rendering: its row now names a dead process, and this run can no longer finish.
    const dying = publishBulletin(
      request({
        render: async () => {
          registry.db.prepare('UPDATE versiones SET dueno_pid = ?, dueno_inicio = NULL').run(dead);
          return [{ format: 'html', extension: 'html', bytes: new TextEncoder().encode('x') }];
        },
      }),
    );
    await expect(dying).rejects.toThrow(RegistryError);
    expect(findBulletin(registry, 2023, 1)?.versions[0]).toMatchObject({ state: 'en-proceso', owner: { pid: dead } });
    const recovered = await publishBulletin(request());
    expect(recovered).toMatchObject({ number: 1, version: 1, recovered: true, reused: false });
    expect(readdirSync(join(out, '2023')).sort()).toEqual([
      '001-cuarta-jornada-extraordinaria.html',
      '001-cuarta-jornada-extraordinaria.pdf',
    ]);
    registry.close();
  });

  test('a live owner is waited for, within a bound', async () => {
    const { registry, request } = setup();
    await expect(
      publishBulletin(
        request({
          render: async () => {
            // PID 1 is alive and not this process: this entry looks like another process's work.
            registry.db.prepare('UPDATE versiones SET dueno_pid = 1, dueno_inicio = NULL').run();
            throw new Error('soltado');
          },
        }),
      ),
    ).rejects.toThrow('soltado');
    await expect(publishBulletin(request({ waitTimeoutMs: 200 }))).rejects.toThrow(RegistryBusyError);
    await expect(publishBulletin(request({ waitTimeoutMs: 0 }))).rejects.toThrow(/lo está publicando el proceso 1/);
    registry.close();
  });

  test('an abort while rendering gives the number back and leaves no file', async () => {
    const { registry, out, request } = setup();
    const controller = new AbortController();
    const aborted = publishBulletin(
      request({
        signal: controller.signal,
        render: async () => {
          controller.abort(new Error('cancelado'));
          return [{ format: 'html', extension: 'html', bytes: new Uint8Array(3) }];
        },
      }),
    );
    await expect(aborted).rejects.toThrow('cancelado');
    expect(listBulletins(registry)).toEqual([]);
    expect(readdirSync(join(out, '2023'))).toEqual([]);
    registry.close();
  });

  test('a failure after some files are written removes them and gives the number back', async () => {
    const { registry, out, request } = setup();
    const failing = publishBulletin(
      request({
        hooks: {
          afterFile: (_path, index) => {
            if (index === 0) throw new Error('disco lleno');
          },
        },
      }),
    );
    await expect(failing).rejects.toThrow('disco lleno');
    expect(readdirSync(join(out, '2023'))).toEqual([]);
    expect(listBulletins(registry)).toEqual([]);
    registry.close();
  });
});

describe('recordOnPublish: what else a version holds lands with its publication', () => {
  const editions = [
    { edition: 'nacional', lang: 'es', figures: 12 },
    { edition: 'en', lang: 'en', figures: 11 },
  ];
  const rows = (registry: ReturnType<typeof openRegistry>) =>
    registry.db.prepare('SELECT edicion, idioma, cifras FROM ediciones ORDER BY rowid').all();

  test('the editions are recorded with the published version, in its transaction', async () => {
    const { registry, request } = setup();
    const result = await publishBulletin(
      request({ recordOnPublish: (db, versionId) => recordEditionPackage(db, versionId, editions) }),
    );
    expect(editionPackage(registry, 2023, result.number ?? 0)).toEqual(editions);
    expect(rows(registry)).toEqual([
      { edicion: 'nacional', idioma: 'es', cifras: 12 },
      { edicion: 'en', idioma: 'en', cifras: 11 },
    ]);
  });

  test('a crash before that commit leaves neither a published version nor its editions', async () => {
    const { registry, request } = setup();
    const crash = new Error('corte de luz antes del COMMIT');
    await expect(
      publishBulletin(
        request({
          recordOnPublish: (db, versionId) => recordEditionPackage(db, versionId, editions),
          hooks: {
            beforeCommit: (step) => {
              if (step === PublishStep.finish) throw crash;
            },
          },
        }),
      ),
    ).rejects.toThrow('corte de luz antes del COMMIT');
    expect(rows(registry)).toEqual([]);
    // The number was given back: no version of the bulletin is left.
    expect(listBulletins(registry, { year: 2023 })).toEqual([]);
  });
});
