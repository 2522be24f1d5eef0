import type { Registry } from '../publish/registry.ts';
import type { Calendar } from './load-calendar.ts';
import { isSettled, readJornadaRecords } from './schedule-state.ts';

/**
 * When the next pass has something to do: the earliest next look of an open jornada (its first look
 * when never looked at), or the end of its window, when it expires. Null when every jornada is done.
 * The running scheduler sleeps until then; a test's clock jumps to it.
 */
export function nextWake(registry: Registry, calendar: Calendar, now: Date): Date | null {
  const records = readJornadaRecords(registry);
  let earliest: number | null = null;
  for (const jornada of calendar.jornadas) {
    const record = records.get(jornada.id);
    if (record !== undefined && isSettled(record)) continue;
    const candidates = [
      jornada.lookUntil.getTime(),
      record?.nextLook == null ? jornada.lookFrom.getTime() : Date.parse(record.nextLook),
    ];
    const next = Math.max(now.getTime(), Math.min(...candidates));
    earliest = earliest === null ? next : Math.min(earliest, next);
  }
  return earliest === null ? null : new Date(earliest);
}
