import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import {
  ApprovalError,
  AuditAction,
  RequestState,
  approveRequest,
  auditLogOfBulletin,
  auditLogOfRequest,
  correctRequest,
  findRequest,
  listRequests,
  rejectRequest,
  sendForApproval,
  submitDataset,
} from '../../../src/approval/index.ts';
import { InputError } from '../../../src/errors.ts';
import { findBulletin, openRegistry, type Registry } from '../../../src/publish/index.ts';

// The workflow on a real SQLite registry and the real pipeline, in HTML only (no browser needed here;
// the e2e test renders every format).

const SAMPLE = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'data',
  'jornadas',
  '2023-02-cuarta-jornada-extraordinaria.json',
);
const dirs: string[] = [];
const registries: Registry[] = [];
afterEach(() => {
  for (const registry of registries.splice(0)) registry.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'boletin-aprobacion-'));
  dirs.push(dir);
  const registry = openRegistry(join(dir, 'datos', 'registro.sqlite'));
  registries.push(registry);
  let tick = Date.parse('2023-03-01T15:00:00.000Z');
  const clock = () => new Date((tick += 60_000));
  return { dir, registry, context: { registry, clock }, outputDir: join(dir, 'output') };
}

/** The sample dataset with its fixed number removed and, when given, figures changed. */
function sampleBytes(change: (data: Record<string, unknown>) => void = () => {}): Uint8Array {
  const data = JSON.parse(readFileSync(SAMPLE, 'utf8')) as Record<string, unknown>;
  delete data['$schema'];
  data['boletin'] = { fecha: '2023-03-01', lugar: 'Ciudad de México' };
  change(data);
  return new TextEncoder().encode(JSON.stringify(data, null, 2));
}

const html = { formats: ['html' as const] };

describe('approving what was reviewed', () => {
  test('a request corrected after the page was opened is not published: 409-style error, nothing changes', async () => {
    const { registry, context, outputDir } = setup();
    const first = await submitDataset(context, {
      bytes: sampleBytes(),
      fileName: 'cuarta.json',
      person: 'Ana Redactora',
      outputDir,
      options: html,
    });
    sendForApproval(context, first.id, 'Ana Redactora');
    const seen = first.bytesSha256;
    await correctRequest(context, first.id, {
      bytes: sampleBytes((data) => {
        (data['cifras'] as Record<string, number>)['cirugias'] = 9999;
      }),
      fileName: 'cuarta-b.json',
      person: 'Ana Redactora',
      options: html,
    });
    sendForApproval(context, first.id, 'Ana Redactora');
    await expect(approveRequest(context, first.id, 'Beatriz Titular', seen)).rejects.toThrow(
      `Los datos de la solicitud ${String(first.id)} cambiaron desde que abrió la página (se corrigieron o se volvieron a enviar): revise el borrador nuevo y apruebe otra vez.`,
    );
    expect(findRequest(registry, first.id)?.state).toBe(RequestState.awaitingApproval);
    expect(findBulletin(registry, 2023, 1)).toBeUndefined();
    const now = findRequest(registry, first.id)?.bytesSha256 ?? '';
    const approved = await approveRequest(context, first.id, 'Beatriz Titular', now);
    expect(approved.request.state).toBe(RequestState.published);
  });
});

describe('approval workflow', () => {
  test('submit drafts without a number, send, approve publishes with a number and the approver as publisher', async () => {
    const { registry, context, outputDir } = setup();
    const bytes = sampleBytes();
    const submitted = await submitDataset(context, {
      bytes,
      fileName: 'cuarta.json',
      person: 'Ana Redactora',
      outputDir,
      options: html,
    });
    expect(submitted).toMatchObject({
      state: 'borrador',
      fileName: 'cuarta.json',
      bytesSha256: createHash('sha256').update(bytes).digest('hex'),
      slug: 'extraordinaria-continuidad-2023-02-24',
      issueDate: '2023-03-01',
      createdBy: 'Ana Redactora',
      number: null,
    });
    // The bulletin and its figure-by-figure verification (json and html) beside it.
    expect(submitted.draftFiles.map((file) => file.path.split('/').at(-1))).toEqual([
      'extraordinaria-continuidad-2023-02-24.html',
      'extraordinaria-continuidad-2023-02-24.verificacion.html',
      'extraordinaria-continuidad-2023-02-24.verificacion.json',
    ]);
    const draftPath = join(outputDir, submitted.draftFiles[0]?.path ?? '');
    expect(submitted.draftFiles[0]?.path).toMatch(
      /^solicitudes\/[0-9a-f]{16}\/2023\/borradores\/extraordinaria-continuidad-2023-02-24\.html$/,
    );
    const draftHtml = readFileSync(draftPath, 'utf8');
    expect(draftHtml).toContain('BORRADOR');
    expect(createHash('sha256').update(readFileSync(draftPath)).digest('hex')).toBe(submitted.draftFiles[0]?.sha256);
    expect(listBulletinsCount(registry)).toBe(0);

    expect(sendForApproval(context, submitted.id, 'Ana Redactora').state).toBe('por-aprobar');
    const { request, publication } = await approveRequest(context, submitted.id, 'Beatriz Titular');
    expect(request).toMatchObject({
      state: 'publicado',
      approvedBy: 'Beatriz Titular',
      year: 2023,
      number: 1,
      version: 1,
    });
    expect(publication.files.map((file) => file.relativePath)).toEqual([
      '2023/001-extraordinaria-continuidad-2023-02-24.html',
      '2023/001-extraordinaria-continuidad-2023-02-24.verificacion.html',
      '2023/001-extraordinaria-continuidad-2023-02-24.verificacion.json',
    ]);
    const bulletin = findBulletin(registry, 2023, 1);
    expect(bulletin?.versions[0]).toMatchObject({
      state: 'publicado',
      user: 'Beatriz Titular',
      datasetHash: submitted.datasetHash,
    });
    expect(
      readFileSync(join(outputDir, '2023', '001-extraordinaria-continuidad-2023-02-24.html'), 'utf8'),
    ).not.toContain('BORRADOR');

    const log = auditLogOfRequest(registry, submitted.id).map((entry) => [entry.person, entry.action, entry.number]);
    expect(log).toEqual([
      ['Ana Redactora', 'subir', null],
      ['Ana Redactora', 'enviar', null],
      ['Beatriz Titular', 'aprobar', null],
      ['Beatriz Titular', 'publicar', 1],
    ]);
    expect(auditLogOfBulletin(registry, 2023, 1).map((entry) => entry.action)).toEqual([
      'subir',
      'enviar',
      'aprobar',
      'publicar',
    ]);
    const times = auditLogOfRequest(registry, submitted.id).map((entry) => entry.at);
    expect(times).toEqual([...times].sort());
  });

  test('invalid data is refused with the problems named by the uploaded file name, and nothing is recorded', async () => {
    const { registry, context, outputDir } = setup();
    const bytes = sampleBytes((data) => ((data['cifras'] as Record<string, unknown>)['cirugias'] = -3));
    const error = await submitDataset(context, {
      bytes,
      fileName: '../../etc/mala.json',
      person: 'Ana',
      outputDir,
      options: html,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    const problems = (error as InputError).problems;
    expect(problems.length).toBeGreaterThan(0);
    expect(new Set(problems.map((problem) => problem.file))).toEqual(new Set(['mala.json']));
    expect(problems.map((problem) => problem.place)).toContain('cifras.cirugias (línea 22)');
    expect((error as InputError).message).not.toContain(tmpdir());
    expect(listRequests(registry)).toEqual([]);
  });

  test('reject needs a reason; a correction goes back to borrador and is logged as such; states are enforced', async () => {
    const { registry, context, outputDir } = setup();
    const first = await submitDataset(context, {
      bytes: sampleBytes(),
      fileName: 'cuarta.json',
      person: 'Ana',
      outputDir,
      options: html,
    });
    await expect(approveRequest(context, first.id, 'Beatriz')).rejects.toThrow(
      `No se puede aprobar la solicitud ${first.id}: está «borrador» y sólo se aprueba una solicitud por aprobar (envíe antes el borrador).`,
    );
    sendForApproval(context, first.id, 'Ana');
    expect(() => rejectRequest(context, first.id, 'Beatriz', '  ')).toThrow(ApprovalError);
    const rejected = rejectRequest(context, first.id, 'Beatriz', 'Las cirugías no cuadran con el acumulado');
    expect(rejected).toMatchObject({ state: 'rechazado', rejectionReason: 'Las cirugías no cuadran con el acumulado' });
    expect(() => sendForApproval(context, first.id, 'Ana')).toThrow(
      `No se puede enviar a aprobación la solicitud ${first.id}: está «rechazado»`,
    );

    const fixed = sampleBytes((data) => ((data['cifras'] as Record<string, number>)['cirugias'] = 3030));
    const corrected = await correctRequest(context, first.id, {
      bytes: fixed,
      fileName: 'cuarta-v2.json',
      person: 'Ana',
    });
    expect(corrected).toMatchObject({ state: 'borrador', fileName: 'cuarta-v2.json', rejectionReason: null });
    expect(corrected.bytesSha256).not.toBe(first.bytesSha256);
    expect(corrected.draftFiles[0]?.path).not.toBe(first.draftFiles[0]?.path);
    const correction = auditLogOfRequest(registry, first.id).at(-1);
    expect(correction).toMatchObject({ action: AuditAction.correct, person: 'Ana' });
    expect(correction?.detail).toBe(
      `cuarta-v2.json: datos ${first.bytesSha256.slice(0, 12)} -> ${corrected.bytesSha256.slice(0, 12)}`,
    );

    sendForApproval(context, first.id, 'Ana');
    const { request } = await approveRequest(context, first.id, 'Beatriz');
    expect(request.state).toBe(RequestState.published);
    expect(findBulletin(registry, 2023, 1)?.versions[0]?.datasetHash).toBe(corrected.datasetHash);
    expect(() => rejectRequest(context, first.id, 'Beatriz', 'tarde')).toThrow(
      `No se puede rechazar la solicitud ${first.id}: está «publicado»`,
    );
    expect(listRequests(registry, { state: RequestState.published }).map((r) => r.id)).toEqual([first.id]);
    expect(listRequests(registry, { state: RequestState.draft })).toEqual([]);
  });

  test('a request publishing a correction of a number becomes its version 2, logged as a correction', async () => {
    const { registry, context, outputDir } = setup();
    const original = await submitDataset(context, {
      bytes: sampleBytes(),
      fileName: 'a.json',
      person: 'Ana',
      outputDir,
      options: html,
    });
    sendForApproval(context, original.id, 'Ana');
    await approveRequest(context, original.id, 'Beatriz');
    const changed = sampleBytes((data) => ((data['cifras'] as Record<string, number>)['cirugias'] = 3100));
    const fix = await submitDataset(context, {
      bytes: changed,
      fileName: 'a-corregido.json',
      person: 'Ana',
      outputDir,
      options: { ...html, number: 1, correction: true },
    });
    sendForApproval(context, fix.id, 'Ana');
    const { request } = await approveRequest(context, fix.id, 'Beatriz');
    expect(request).toMatchObject({ number: 1, version: 2, state: 'publicado' });
    expect(findBulletin(registry, 2023, 1)?.versions.map((v) => v.state)).toEqual(['reemplazado', 'publicado']);
    expect(
      auditLogOfBulletin(registry, 2023, 1)
        .filter((e) => e.action.startsWith('publicar'))
        .map((e) => [e.action, e.version]),
    ).toEqual([
      ['publicar', 1],
      ['publicar-correccion', 2],
    ]);
  });

  test('a failed publication sends the request back to por-aprobar with the reason in the log', async () => {
    const { registry, context, outputDir } = setup();
    const first = await submitDataset(context, {
      bytes: sampleBytes(),
      fileName: 'a.json',
      person: 'Ana',
      outputDir,
      options: { ...html, number: 5 },
    });
    sendForApproval(context, first.id, 'Ana');
    await approveRequest(context, first.id, 'Beatriz');
    const other = sampleBytes((data) => ((data['cifras'] as Record<string, number>)['cirugias'] = 1));
    const second = await submitDataset(context, {
      bytes: other,
      fileName: 'b.json',
      person: 'Ana',
      outputDir,
      options: { ...html, number: 5 },
    });
    sendForApproval(context, second.id, 'Ana');
    const error = await approveRequest(context, second.id, 'Beatriz').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain('El No. 005/2023 ya es otro boletín');
    expect(findRequest(registry, second.id)?.state).toBe('por-aprobar');
    expect(auditLogOfRequest(registry, second.id).at(-1)).toMatchObject({
      action: 'error-publicacion',
      person: 'Beatriz',
    });
  });

  test('approval publishes the stored bytes: stored bytes that no longer match their hash are refused', async () => {
    const { registry, context, outputDir } = setup();
    const first = await submitDataset(context, {
      bytes: sampleBytes(),
      fileName: 'a.json',
      person: 'Ana',
      outputDir,
      options: html,
    });
    sendForApproval(context, first.id, 'Ana');
    registry.db.prepare('UPDATE solicitudes SET datos = ? WHERE id = ?').run(
      sampleBytes((d) => (d['ordinal'] = 5)),
      first.id,
    );
    await expect(approveRequest(context, first.id, 'Beatriz')).rejects.toThrow(
      `Los datos guardados de la solicitud ${first.id} no coinciden con su huella: no se publica lo que no se revisó.`,
    );
    expect(findBulletin(registry, 2023, 1)).toBeUndefined();
  });

  test('a person must be named', async () => {
    const { context, outputDir } = setup();
    await expect(
      submitDataset(context, { bytes: sampleBytes(), fileName: 'a.json', person: ' ', outputDir }),
    ).rejects.toThrow('Falta el nombre de la persona que hace el cambio');
  });
});

function listBulletinsCount(registry: Registry): number {
  return (registry.db.prepare('SELECT COUNT(*) AS n FROM versiones').get() as { n: number }).n;
}
