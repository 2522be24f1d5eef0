import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { auditLogOfRequest, listRequests, rejectRequest } from '../../../src/approval/index.ts';
import { listBulletins, openRegistry, type Registry } from '../../../src/publish/index.ts';
import {
  type Decision,
  listJornadaStatuses,
  loadCalendar,
  localTime,
  nextWake,
  runPass,
} from '../../../src/schedule/index.ts';
import { fortnightCalendar, fortnightEvents, jornadaDataset, mx, writeAt } from '../../support/schedule-fixtures.ts';

// A simulated fortnight on a real registry and real files, driven by an injected clock: the clock jumps
// to the next moment anything happens (a look, or a file arriving), so no test waits for real time.

const dirs: string[] = [];
const registries: Registry[] = [];
afterEach(() => {
  for (const registry of registries.splice(0)) registry.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function simulate(calendarText: string) {
  const dir = mkdtempSync(join(tmpdir(), 'boletin-programa-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'calendario.yaml'), calendarText);
  const calendar = await loadCalendar(join(dir, 'calendario.yaml'));
  const registry = openRegistry(join(dir, 'datos', 'registro.sqlite'));
  registries.push(registry);
  const events = fortnightEvents(dir);
  const decisions: Decision[] = [];
  let now = mx('2023-03-12T00:00');
  const end = mx('2023-04-01T00:00');
  for (;;) {
    const wake = nextWake(registry, calendar, now);
    const next = Math.min(wake?.getTime() ?? Infinity, events[0]?.at.getTime() ?? Infinity);
    if (next === Infinity || next > end.getTime()) break;
    now = new Date(next);
    while (events[0] !== undefined && events[0].at.getTime() <= now.getTime()) events.shift()?.apply();
    await runPass({
      registry,
      calendar,
      clock: () => now,
      log: (decision) => decisions.push(decision),
      outputDir: join(dir, 'no-usada'),
    });
  }
  const of = (jornada: string) =>
    decisions.filter((d) => d.jornada === jornada).map((d) => `${localTime(d.at)} ${d.decision}`);
  return { dir, registry, calendar, decisions, of, end };
}

describe('a simulated fortnight with three jornadas', () => {
  test('drafts await approval: one late, one invalid then corrected, one written slowly; right states and retries', async () => {
    const { dir, registry, calendar, decisions, of, end } = await simulate(fortnightCalendar());

    expect(of('quinta-extraordinaria')).toEqual([
      '2023-03-13 00:00 sin-datos',
      '2023-03-13 08:00 sin-datos',
      '2023-03-13 14:00 sin-datos',
      '2023-03-13 20:00 sin-datos',
      '2023-03-14 08:00 sin-datos',
      '2023-03-14 14:00 sin-datos',
      '2023-03-14 20:00 sin-datos',
      '2023-03-15 08:00 sin-datos',
      '2023-03-15 14:00 archivo-escribiendose',
      '2023-03-15 14:05 borrador',
    ]);
    expect(of('sexta-extraordinaria')).toEqual([
      '2023-03-20 00:00 sin-datos',
      '2023-03-20 08:00 archivo-escribiendose',
      '2023-03-20 08:05 datos-invalidos',
      '2023-03-20 14:00 datos-invalidos',
      '2023-03-20 20:00 archivo-escribiendose',
      '2023-03-20 20:05 borrador',
    ]);
    expect(of('septima-extraordinaria')).toEqual([
      '2023-03-27 00:00 sin-datos',
      '2023-03-27 08:00 archivo-escribiendose',
      '2023-03-27 08:05 archivo-escribiendose',
      '2023-03-27 08:10 borrador',
    ]);
    const invalid = decisions.filter((d) => d.decision === 'datos-invalidos');
    expect(invalid.map((d) => [d.reason, d.state, d.file])).toEqual([
      ['datos.json: el conjunto de datos no es válido (1 error).', 'datos-invalidos', 'datos.json'],
      // The same bytes at the next look: not validated again, said as such.
      [
        'datos.json no cambió y sigue sin ser válido: datos.json: el conjunto de datos no es válido (1 error).',
        'datos-invalidos',
        'datos.json',
      ],
    ]);

    const statuses = listJornadaStatuses(registry, calendar, end);
    expect(statuses.map((s) => [s.jornada.id, s.label, s.attempts, s.request?.state])).toEqual([
      ['quinta-extraordinaria', 'borrador listo', 9, 'por-aprobar'],
      ['sexta-extraordinaria', 'borrador listo', 5, 'por-aprobar'],
      ['septima-extraordinaria', 'borrador listo', 3, 'por-aprobar'],
    ]);
    const requests = listRequests(registry).reverse();
    expect(requests.map((r) => [r.origin, r.createdBy, r.createdAt, r.slug])).toEqual([
      [
        'programa:quinta-extraordinaria',
        'programador',
        mx('2023-03-15T14:05').toISOString(),
        'extraordinaria-continuidad-2023-03-10',
      ],
      [
        'programa:sexta-extraordinaria',
        'programador',
        mx('2023-03-20T20:05').toISOString(),
        'extraordinaria-continuidad-2023-03-17',
      ],
      [
        'programa:septima-extraordinaria',
        'programador',
        mx('2023-03-27T08:10').toISOString(),
        'extraordinaria-continuidad-2023-03-24',
      ],
    ]);
    // The corrected figures are the ones drafted, and the slowly written file was read whole.
    const sexta = readFileSync(join(dir, 'salida', requests[1]?.draftFiles[0]?.path ?? ''), 'utf8');
    expect(sexta).toContain('BORRADOR');
    expect(sexta).toContain('3\u00a0mil\u00a0100');
    for (const request of requests)
      expect(existsSync(join(dir, 'salida', request.draftFiles[0]?.path ?? ''))).toBe(true);
    expect(listBulletins(registry)).toEqual([]);
  });

  test('with direct publishing: three bulletins with consecutive numbers, in the order the data arrived', async () => {
    const { registry, calendar, end } = await simulate(fortnightCalendar({ publicacion: 'directa' }));
    const bulletins = listBulletins(registry);
    expect(
      bulletins.map((b) => [
        b.number,
        b.year,
        b.versions[0]?.slug,
        b.versions[0]?.issueDate,
        b.versions[0]?.user,
        b.versions[0]?.state,
      ]),
    ).toEqual([
      [1, 2023, 'extraordinaria-continuidad-2023-03-10', '2023-03-13', 'programador', 'publicado'],
      [2, 2023, 'extraordinaria-continuidad-2023-03-17', '2023-03-20', 'programador', 'publicado'],
      [3, 2023, 'extraordinaria-continuidad-2023-03-24', '2023-03-27', 'programador', 'publicado'],
    ]);
    expect(listJornadaStatuses(registry, calendar, end).map((s) => [s.label, s.request?.number])).toEqual([
      ['publicado', 1],
      ['publicado', 2],
      ['publicado', 3],
    ]);
  });

  test('a jornada whose data never arrive becomes vencido at the end of its window, and passes after that do nothing', async () => {
    const calendarText = fortnightCalendar().replace(
      'buscar: { hasta: 2023-03-17 }',
      'buscar: { hasta: 2023-03-14T12:00 }',
    );
    const { registry, calendar, of, end } = await simulate(calendarText);
    expect(of('quinta-extraordinaria')).toEqual([
      '2023-03-13 00:00 sin-datos',
      '2023-03-13 08:00 sin-datos',
      '2023-03-13 14:00 sin-datos',
      '2023-03-13 20:00 sin-datos',
      '2023-03-14 08:00 sin-datos',
      '2023-03-14 12:00 vencida',
    ]);
    const quinta = listJornadaStatuses(registry, calendar, end)[0];
    expect([quinta?.label, quinta?.attempts, quinta?.reason]).toEqual([
      'vencido',
      5,
      `la carpeta ${calendar.jornadas[0]?.folder} todavía no existe`,
    ]);
  });
});

describe('a rejected scheduled draft', () => {
  test('waits for corrected data in the drop folder, then the same request is corrected and sent again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'boletin-programa-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'calendario.yaml'), fortnightCalendar());
    const calendar = await loadCalendar(join(dir, 'calendario.yaml'));
    const registry = openRegistry(join(dir, 'datos', 'registro.sqlite'));
    registries.push(registry);
    const file = join(dir, 'entrada', 'quinta', 'datos.json');
    writeAt(file, jornadaDataset('2023-03-10', '2023-03-12', 5), mx('2023-03-12T22:00'));
    writeFileSync(`${file}.listo`, '');
    const decisions: Decision[] = [];
    const pass = (at: string) =>
      runPass({
        registry,
        calendar: { ...calendar, jornadas: calendar.jornadas.slice(0, 1) },
        clock: () => mx(at),
        log: (d) => decisions.push(d),
        outputDir: dir,
      });
    await pass('2023-03-13T00:00');
    const [request] = listRequests(registry);
    rejectRequest(
      { registry, clock: () => mx('2023-03-13T07:00') },
      request?.id ?? 0,
      'Beatriz Titular',
      'Las cirugías no cuadran',
    );
    expect(listJornadaStatuses(registry, calendar, mx('2023-03-13T07:30'))[0]?.label).toBe('rechazado');
    await pass('2023-03-13T08:00');
    writeAt(
      file,
      jornadaDataset(
        '2023-03-10',
        '2023-03-12',
        5,
        (data) => ((data['cifras'] as Record<string, number>)['cirugias'] = 3100),
      ),
      mx('2023-03-13T10:00'),
    );
    await pass('2023-03-13T11:00');
    await pass('2023-03-13T14:00');
    expect(decisions.map((d) => `${localTime(d.at)} ${d.decision}`)).toEqual([
      '2023-03-13 00:00 borrador',
      '2023-03-13 08:00 esperando-correccion',
      '2023-03-13 14:00 borrador',
    ]);
    expect(decisions[1]?.reason).toBe(
      'rechazado (Las cirugías no cuadran); esperando datos corregidos (datos.json es el mismo que se rechazó)',
    );
    const requests = listRequests(registry);
    expect(requests.map((r) => [r.id, r.state])).toEqual([[request?.id, 'por-aprobar']]);
    expect(auditLogOfRequest(registry, request?.id ?? 0).map((e) => [e.person, e.action])).toEqual([
      ['programador', 'subir'],
      ['programador', 'enviar'],
      ['Beatriz Titular', 'rechazar'],
      ['programador', 'corregir'],
      ['programador', 'enviar'],
    ]);
    expect(listJornadaStatuses(registry, calendar, mx('2023-03-13T15:00'))[0]?.label).toBe('borrador listo');
  });
});
