import type { FastifyBaseLogger } from 'fastify';
import { JornadaState, listJornadaStatuses, loadCalendar } from '../schedule/index.ts';
import type { Registry } from '../publish/registry.ts';
import { phrasingFor } from '../lang/index.ts';

const phrasing = phrasingFor('es');

/**
 * The scheduler's jornadas that have not become a bulletin yet, for the list: its calendar and its state
 * in the registry, read through `src/schedule`. A calendar that cannot be read leaves the list without
 * them (and a line in the log), never without the bulletins.
 */
export async function pendingJornadas(
  registry: Registry,
  calendarPath: string | null,
  now: Date,
  log: FastifyBaseLogger,
) {
  if (calendarPath === null) return [];
  try {
    const calendar = await loadCalendar(calendarPath);
    return listJornadaStatuses(registry, calendar, now)
      .filter((status) => status.state !== JornadaState.published && status.state !== JornadaState.expired)
      .map((status) => ({
        nombre: status.jornada.id,
        fechas: phrasing.dateRange(status.jornada.start, status.jornada.end, { year: 'always' }),
        estado: status.label,
      }));
  } catch (error) {
    log.warn(
      { calendario: calendarPath, error: (error as Error).message },
      'no se pudo leer el calendario del programador',
    );
    return [];
  }
}
