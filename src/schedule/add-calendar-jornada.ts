import { readFile } from 'node:fs/promises';
import { isMap, isSeq, parseDocument } from 'yaml';
import { InputError } from '../errors.ts';
import type { Jornada } from '../dataset/schema.ts';
import { bulletinSlug } from '../generate/bulletin-slug.ts';
import { writeFileAtomic } from '../publish/write-file-atomic.ts';
import type { CalendarJornada } from './calendar-schema.ts';
import { type Calendar, parseCalendar } from './load-calendar.ts';

/**
 * Adds one jornada to the calendar file, keeping its comments and layout, after checking that the
 * result is a valid calendar (so a bad entry never replaces a good file). The download page and
 * `boletin programa proxima` both add through here.
 */
export async function addCalendarJornada(calendarPath: string, entry: CalendarJornada): Promise<Calendar> {
  const text = await readFile(calendarPath, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`${calendarPath}: no se pudo leer el calendario (${error.code ?? 'error'}).`);
  });
  const document = parseDocument(text);
  if (document.errors.length > 0)
    throw new InputError(`${calendarPath}: el calendario no es YAML válido; corríjalo antes de añadir jornadas.`);
  if (document.contents !== null && !isMap(document.contents)) {
    throw new InputError(
      `${calendarPath}: el calendario debe ser un mapa de claves (horario, jornadas...); corríjalo antes de añadir jornadas.`,
    );
  }
  const jornadas = document.get('jornadas');
  const existing = isSeq(jornadas) ? (jornadas.toJSON() as { id?: string; fechas?: { inicio?: string } }[]) : [];
  const clash = existing.find((other) => other.id === entry.id || other.fechas?.inicio === entry.fechas.inicio);
  if (clash !== undefined) {
    throw new InputError(
      `La jornada «${clash.id ?? entry.id}» (${entry.fechas.inicio}) ya está en el calendario ${calendarPath}: no se añadió otra vez.`,
    );
  }
  if (isSeq(jornadas)) jornadas.add(document.createNode(entry));
  else document.set('jornadas', document.createNode([entry]));
  const updated = document.toString();
  const calendar = parseCalendar(updated, calendarPath);
  await writeFileAtomic(calendarPath, new TextEncoder().encode(updated));
  return calendar;
}

/**
 * The calendar entry for the jornada a bulletin announces ("la próxima Jornada se realizará el 10, 11
 * y 12 de marzo"): its dates, the same kind and programme, the next ordinal, and a drop folder of its own.
 */
export function nextJornadaEntry(jornada: Jornada, folderBase = 'entrada'): CalendarJornada {
  const next = jornada.proxima;
  if (next === undefined) {
    throw new InputError(
      'Estos datos no anuncian la próxima jornada (falta «proxima» con sus fechas): no hay qué añadir al calendario.',
    );
  }
  const id = bulletinSlug({ ...jornada, fechas: { inicio: next.inicio, fin: next.fin } });
  const programme = jornada.programa?.nombre ?? jornada.programa?.plan;
  return {
    id,
    tipo: jornada.tipo,
    ...(programme === undefined ? {} : { programa: programme }),
    ...(jornada.ordinal === undefined ? {} : { ordinal: jornada.ordinal + 1 }),
    fechas: { inicio: next.inicio, fin: next.fin },
    carpeta: `${folderBase}/${id}`,
  };
}
