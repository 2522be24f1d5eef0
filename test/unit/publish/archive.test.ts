import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  CSV_COLUMNS,
  exportRegistryCsv,
  findBulletin,
  openRegistry,
  peekSequence,
  publishBulletin,
  releaseInterrupted,
  toCsv,
  verifyBulletins,
} from '../../../src/publish/index.ts';
import { baseRequest, countingRenderer, deadPid, useTempDirs } from './helpers.ts';

const tempDir = useTempDirs();

function setup() {
  const dir = tempDir();
  const registry = openRegistry(join(dir, 'registro.sqlite'));
  const out = join(dir, 'salida');
  return { dir, registry, out, request: baseRequest(registry, out, countingRenderer().render) };
}

describe('verifyBulletins', () => {
  test('reports a deleted file as missing and an edited one as altered', async () => {
    const { registry, request } = setup();
    const a = await publishBulletin(request);
    const b = await publishBulletin({ ...request, datasetHash: 'b', slug: 'otra' });
    expect((await verifyBulletins(registry)).problems).toBe(0);
    rmSync(a.files[0]?.path ?? '');
    writeFileSync(b.files[1]?.path ?? '', 'editado');
    const report = await verifyBulletins(registry);
    expect(report.problems).toBe(2);
    expect(report.versions.flatMap((v) => v.files.map((f) => [v.number, f.format, f.status]))).toEqual([
      [1, 'html', 'falta'],
      [1, 'pdf', 'ok'],
      [2, 'html', 'ok'],
      [2, 'pdf', 'alterado'],
    ]);
    const altered = report.versions[1]?.files[1];
    expect(altered).toMatchObject({ actualSha256: expect.stringMatching(/^[0-9a-f]{64}$/), actualBytes: 7 });
    expect(altered?.actualSha256).not.toBe(altered?.expectedSha256);
    // One bulletin only.
    expect((await verifyBulletins(registry, { year: 2023, number: 2 })).versions.map((v) => v.number)).toEqual([2]);
    registry.close();
  });

  test('looks in another output folder when asked', async () => {
    const { dir, registry, request } = setup();
    await publishBulletin(request);
    const report = await verifyBulletins(registry, { outputDir: join(dir, 'copia') });
    expect(report.versions[0]?.files.map((f) => f.status)).toEqual(['falta', 'falta']);
    registry.close();
  });
});

describe('releaseInterrupted', () => {
  test('frees the entry of a dead process, removes its files and gives its number back', async () => {
    const { registry, out, request } = setup();
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
    expect(findBulletin(registry, 2023, 2)?.versions[0]?.state).toBe('en-proceso');
    const verified = await verifyBulletins(registry);
    expect(verified.problems).toBe(1);
    expect(verified.versions[1]?.interrupted).toBe(true);
    const released = await releaseInterrupted(registry, 2023, 2);
    expect(released).toMatchObject({ number: 2, version: 1, numberFreed: true });
    expect(released.removedFiles).toEqual([
      '2023/002-cuarta-jornada-extraordinaria.html',
      '2023/002-cuarta-jornada-extraordinaria.pdf',
    ]);
    expect(findBulletin(registry, 2023, 2)).toBeUndefined();
    expect(peekSequence(registry, 2023).next).toBe(2);
    expect(() => readFileSync(join(out, '2023', '002-cuarta-jornada-extraordinaria.html'))).toThrow(/ENOENT/);
    await expect(releaseInterrupted(registry, 2023, 1)).rejects.toThrow(/no tiene ninguna publicación en proceso/);
    registry.close();
  });
});

describe('CSV export', () => {
  test('quotes fields per RFC 4180 and ends lines with CRLF', () => {
    expect(toCsv([['a', 'b,c', 'di "hola"', 'línea\nnueva', 3, null]])).toBe(
      'a,"b,c","di ""hola""","línea\nnueva",3,\r\n',
    );
  });

  test('one row per file with the version it belongs to; a title with commas and quotes reads back', async () => {
    const { registry, request } = setup();
    const title = 'Rebasa IMSS meta, con "197 mil 144" acciones';
    await publishBulletin({ ...request, title });
    const csv = exportRegistryCsv(registry);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    const record = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[1]?.[i]]));
    expect(record).toMatchObject({
      año: '2023',
      número: '1',
      versión: '1',
      estado: 'publicado',
      título: title,
      formato: 'html',
    });
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(exportRegistryCsv(registry, { year: 2024 })).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
    registry.close();
  });
});

/** A strict RFC 4180 reader, to check the export from the outside. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}
