import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DateTime } from 'luxon';

const SAMPLE = join(import.meta.dirname, '..', '..', 'data', 'jornadas', '2023-02-cuarta-jornada-extraordinaria.json');

/** A valid dataset for a jornada of these dates, from the sample: no fixed number or issue date. */
export function jornadaDataset(
  inicio: string,
  fin: string,
  ordinal: number,
  change: (data: Record<string, unknown>) => void = () => {},
): string {
  const data = JSON.parse(readFileSync(SAMPLE, 'utf8')) as Record<string, unknown>;
  delete data['$schema'];
  delete data['proxima'];
  data['ordinal'] = ordinal;
  data['fechas'] = { inicio, fin };
  data['boletin'] = { lugar: 'Ciudad de México' };
  change(data);
  return JSON.stringify(data, null, 2);
}

/** An instant from a local time in Mexico City: "2023-03-13T08:00". */
export function mx(text: string): Date {
  return DateTime.fromISO(text, { zone: 'America/Mexico_City' }).toJSDate();
}

/** Writes (or appends to) a file as if at `at`: its mtime is the simulated instant, not the machine's. */
export function writeAt(path: string, text: string, at: Date, mode: 'write' | 'append' = 'write'): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text, { flag: mode === 'append' ? 'a' : 'w' });
  utimesSync(path, at, at);
}

/** The calendar of the simulated fortnight: three jornadas after each other, looked for at 8, 14 and 20 h. */
export function fortnightCalendar(
  options: { publicacion?: 'aprobacion' | 'directa'; formatos?: readonly string[]; extra?: string } = {},
): string {
  return `horario: "0 8,14,20 * * *"
espera: 5
patron: "*.json"
publicacion: ${options.publicacion ?? 'aprobacion'}
formatos: [${(options.formatos ?? ['html']).join(', ')}]
salida: salida
${options.extra ?? ''}
jornadas:
  - id: quinta-extraordinaria
    tipo: extraordinaria-continuidad
    programa: Jornadas Extraordinarias de Continuidad de Servicios de Salud
    ordinal: 5
    fechas: { inicio: 2023-03-10, fin: 2023-03-12 }
    carpeta: entrada/quinta
    buscar: { hasta: 2023-03-17 }
  - id: sexta-extraordinaria
    tipo: extraordinaria-continuidad
    ordinal: 6
    fechas: { inicio: 2023-03-17, fin: 2023-03-19 }
    carpeta: entrada/sexta
  - id: septima-extraordinaria
    tipo: extraordinaria-continuidad
    ordinal: 7
    fechas: { inicio: 2023-03-24, fin: 2023-03-26 }
    carpeta: entrada/septima
`;
}

export interface FortnightEvent {
  readonly at: Date;
  readonly what: string;
  readonly apply: () => void;
}

/** What arrives in the drop folders during the fortnight: one late, one invalid then fixed, one written slowly. */
export function fortnightEvents(dir: string): FortnightEvent[] {
  const quinta = jornadaDataset('2023-03-10', '2023-03-12', 5);
  const sextaBad = jornadaDataset(
    '2023-03-17',
    '2023-03-19',
    6,
    (data) => ((data['cifras'] as Record<string, unknown>)['cirugias'] = 'tres mil'),
  );
  const sextaGood = jornadaDataset(
    '2023-03-17',
    '2023-03-19',
    6,
    (data) => ((data['cifras'] as Record<string, unknown>)['cirugias'] = 3100),
  );
  const septima = jornadaDataset('2023-03-24', '2023-03-26', 7);
  const half = Math.floor(septima.length / 2);
  const file = (folder: string) => join(dir, 'entrada', folder, 'datos.json');
  return [
    {
      at: mx('2023-03-15T10:00'),
      what: 'quinta llega tarde',
      apply: () => writeAt(file('quinta'), quinta, mx('2023-03-15T10:00')),
    },
    {
      at: mx('2023-03-20T07:00'),
      what: 'sexta llega inválida',
      apply: () => writeAt(file('sexta'), sextaBad, mx('2023-03-20T07:00')),
    },
    {
      at: mx('2023-03-20T16:00'),
      what: 'sexta corregida',
      apply: () => writeAt(file('sexta'), sextaGood, mx('2023-03-20T16:00')),
    },
    {
      at: mx('2023-03-27T07:58'),
      what: 'séptima, primera mitad',
      apply: () => writeAt(file('septima'), septima.slice(0, half), mx('2023-03-27T07:58')),
    },
    {
      at: mx('2023-03-27T08:03'),
      what: 'séptima, segunda mitad',
      apply: () => writeAt(file('septima'), septima.slice(half), mx('2023-03-27T08:03'), 'append'),
    },
  ];
}
