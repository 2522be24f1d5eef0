import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { InputError } from '../../../src/errors.ts';
import {
  CALENDAR_SCHEMA_PATH,
  DEFAULT_CALENDAR_PATH,
  calendarJsonSchemaText,
  decisionLogger,
  loadCalendar,
  parseCalendar,
} from '../../../src/schedule/index.ts';
import { fakeIo } from '../../support/fake-io.ts';
import { jornadaDataset, mx } from '../../support/schedule-fixtures.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'boletin-calendario-'));
  dirs.push(dir);
  return dir;
}

describe('the calendar', () => {
  test('the shipped calendar loads, with its window read in Mexico City time and defaults applied', async () => {
    const calendar = await loadCalendar(DEFAULT_CALENDAR_PATH);
    const [first] = calendar.jornadas;
    expect(first).toMatchObject({
      id: 'extraordinaria-continuidad-2023-03-10',
      ordinal: 5,
      pattern: '*.xlsx',
      hours: '0 8,12,16,20 * * *',
      publishMode: 'aprobacion',
    });
    expect(first?.lookFrom.toISOString()).toBe('2023-03-13T14:00:00.000Z');
    // "hasta" with a date alone runs to the end of that day.
    expect(first?.lookUntil.toISOString()).toBe('2023-03-21T06:00:00.000Z');
    expect(calendar.settleMinutes).toBe(2);
  });

  test('defaults: looking starts the day after the jornada ends and lasts seven days', () => {
    const calendar = parseCalendar(
      'jornadas:\n  - { id: a, tipo: monotematica, fechas: { inicio: 2021-08-27, fin: 2021-08-29 }, carpeta: x }\n',
      '/tmp/c.yaml',
    );
    expect([calendar.jornadas[0]?.lookFrom, calendar.jornadas[0]?.lookUntil]).toEqual([
      mx('2021-08-30T00:00'),
      mx('2021-09-06T00:00'),
    ]);
    expect(calendar.jornadas[0]?.folder).toBe('/tmp/x');
  });

  test.each([
    ['horario: "cada hora"\n', 'horario', 'no es un horario cron válido'],
    [
      'jornadas:\n  - { id: a, tipo: t, fechas: { inicio: 2023-03-10, fin: 2023-03-12 }, carpeta: x }\n  - { id: a, tipo: t, fechas: { inicio: 2023-03-17, fin: 2023-03-19 }, carpeta: y }\n',
      'jornadas[1].id (línea 3)',
      'la jornada «a» aparece dos veces',
    ],
    [
      'jornadas:\n  - { id: a, tipo: t, fechas: { inicio: 2023-03-12, fin: 2023-03-10 }, carpeta: x }\n',
      'jornadas[0].fechas (línea 2)',
      'el fin es anterior al inicio',
    ],
    [
      'jornadas:\n  - { id: A b, tipo: t, fechas: { inicio: 2023-03-10, fin: 2023-03-12 }, carpeta: x }\n',
      'jornadas[0].id (línea 2)',
      'no tiene el formato esperado',
    ],
    ['publicacion: ya\n', 'publicacion', ''],
  ])('a bad calendar is refused with the place of the problem: %j', (text, place, message) => {
    const error = (() => {
      try {
        parseCalendar(text, '/tmp/calendario.yaml');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InputError);
    const problem = (error as InputError).problems[0];
    expect(problem?.file).toBe('/tmp/calendario.yaml');
    expect(problem?.place.startsWith(place)).toBe(true);
    expect(problem?.message).toContain(message);
  });

  test('data/calendario.schema.json is the one the code generates', () => {
    expect(readFileSync(CALENDAR_SCHEMA_PATH, 'utf8')).toBe(calendarJsonSchemaText());
  });
});

describe('decision log', () => {
  const decision = {
    at: mx('2023-03-13T08:00'),
    jornada: 'quinta',
    decision: 'sin-datos',
    state: 'esperando-datos' as const,
    reason: 'no hay ningún archivo',
    attempts: 2,
    nextLook: mx('2023-03-13T14:00'),
  };
  test('one text line per decision, in Mexico City time', () => {
    let out = '';
    decisionLogger((line) => (out += line))(decision);
    expect(out).toBe(
      '2023-03-13 08:00 quinta: esperando datos: no hay ningún archivo (siguiente búsqueda: 2023-03-13 14:00)\n',
    );
  });
  test('or one JSON line', () => {
    let out = '';
    decisionLogger((line) => (out += line), 'json')(decision);
    expect(out.endsWith('\n')).toBe(true);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(out)).toEqual({
      momento: '2023-03-13T14:00:00.000Z',
      jornada: 'quinta',
      decision: 'sin-datos',
      estado: 'esperando-datos',
      motivo: 'no hay ningún archivo',
      archivo: null,
      solicitud: null,
      boletin: null,
      intentos: 2,
      siguienteBusqueda: '2023-03-13T20:00:00.000Z',
    });
  });
});

describe('boletin programa proxima', () => {
  test('turns the "próxima jornada" of a dataset into a calendar entry, keeping comments; twice is refused', async () => {
    const dir = tempDir();
    const calendarPath = join(dir, 'calendario.yaml');
    writeFileSync(calendarPath, '# El calendario de la oficina\nhorario: "0 9 * * *"\njornadas: []\n');
    const dataset = join(dir, 'cuarta.json');
    writeFileSync(
      dataset,
      jornadaDataset(
        '2023-02-24',
        '2023-02-26',
        4,
        (data) => (data['proxima'] = { inicio: '2023-03-10', fin: '2023-03-12' }),
      ),
    );
    const io = fakeIo({ cwd: dir });
    expect(await main(['programa', '--calendario', calendarPath, 'proxima', dataset], io)).toBe(0);
    expect(io.out()).toBe(
      `Añadida al calendario ${calendarPath}: extraordinaria-continuidad-2023-03-10 (2023-03-10 a 2023-03-12); sus datos, en ../entrada/extraordinaria-continuidad-2023-03-10/\n`,
    );
    const text = readFileSync(calendarPath, 'utf8');
    expect(text.startsWith('# El calendario de la oficina\n')).toBe(true);
    const calendar = await loadCalendar(calendarPath);
    expect(calendar.jornadas.map((j) => [j.id, j.kind, j.ordinal, j.start, j.end, j.folder])).toEqual([
      [
        'extraordinaria-continuidad-2023-03-10',
        'extraordinaria-continuidad',
        5,
        '2023-03-10',
        '2023-03-12',
        join(dir, '..', 'entrada', 'extraordinaria-continuidad-2023-03-10'),
      ],
    ]);
    const again = fakeIo({ cwd: dir });
    expect(await main(['programa', '--calendario', calendarPath, 'proxima', dataset], again)).toBe(2);
    expect(again.err()).toBe(
      `La jornada «extraordinaria-continuidad-2023-03-10» (2023-03-10) ya está en el calendario ${calendarPath}: no se añadió otra vez.\n`,
    );
  });

  test('data that announce no next jornada are refused', async () => {
    const dir = tempDir();
    const calendarPath = join(dir, 'calendario.yaml');
    writeFileSync(calendarPath, 'jornadas: []\n');
    const dataset = join(dir, 'sin-proxima.json');
    writeFileSync(dataset, jornadaDataset('2023-02-24', '2023-02-26', 4));
    const io = fakeIo({ cwd: dir });
    expect(await main(['programa', '--calendario', calendarPath, 'proxima', dataset], io)).toBe(2);
    expect(io.err()).toContain('Estos datos no anuncian la próxima jornada');
    expect(readFileSync(calendarPath, 'utf8')).toBe('jornadas: []\n');
  });
});
