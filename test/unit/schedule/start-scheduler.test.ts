import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, expect, test } from 'vitest';
import { listRequests } from '../../../src/approval/index.ts';
import { openRegistry } from '../../../src/publish/index.ts';
import { type Decision, startScheduler } from '../../../src/schedule/index.ts';
import { jornadaDataset, writeAt } from '../../support/schedule-fixtures.ts';

// The scheduler a server starts in-process: its first pass runs at once, passNow queues another, and
// stop leaves nothing running. Nothing here waits for an hour to come.

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

test('startScheduler drafts a due jornada on its first pass, does nothing more on the next, and stops cleanly', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'boletin-programador-'));
  dirs.push(dir);
  const today = DateTime.now().setZone('America/Mexico_City');
  writeFileSync(
    join(dir, 'calendario.yaml'),
    `patron: "*.json"\nformatos: [html]\njornadas:\n  - id: hoy\n    tipo: extraordinaria-continuidad\n    fechas: { inicio: 2023-03-10, fin: 2023-03-12 }\n    carpeta: entrada\n    buscar: { desde: "${today.minus({ days: 1 }).toISODate()}", hasta: "${today.plus({ days: 3 }).toISODate()}" }\n`,
  );
  writeAt(join(dir, 'entrada', 'datos.json'), jornadaDataset('2023-03-10', '2023-03-12', 5), new Date());
  writeFileSync(join(dir, 'entrada', 'datos.json.listo'), '');
  const decisions: Decision[] = [];
  const errors: unknown[] = [];
  const scheduler = startScheduler({
    registryPath: join(dir, 'datos', 'registro.sqlite'),
    calendarPath: join(dir, 'calendario.yaml'),
    outputDir: join(dir, 'salida'),
    log: (decision) => decisions.push(decision),
    onError: (error) => errors.push(error),
  });
  const second = await scheduler.passNow();
  await scheduler.stop();
  expect(errors).toEqual([]);
  expect(decisions.map((d) => [d.jornada, d.decision])).toEqual([['hoy', 'borrador']]);
  expect(second?.decisions).toEqual([]);
  using registry = openRegistry(join(dir, 'datos', 'registro.sqlite'));
  expect(listRequests(registry).map((r) => [r.origin, r.state])).toEqual([['programa:hoy', 'por-aprobar']]);
});
