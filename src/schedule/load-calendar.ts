import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { DateTime } from 'luxon';
import { InputError } from '../errors.ts';
import { countText } from '../dataset/format-problems.ts';
import { hasErrors, problemSink } from '../dataset/problem.ts';
import { parseYamlText } from '../dataset/text-formats.ts';
import { reportIssues } from '../dataset/zod-issues.ts';
import { repoRoot } from '../dataset/paths.ts';
import type { OutputFormat } from '../generate/output-format.ts';
import { type CalendarFile, type PublishMode, SCHEDULE_ZONE, calendarSchema } from './calendar-schema.ts';

/** Where the office keeps its calendar. */
export const DEFAULT_CALENDAR_PATH = join(repoRoot, 'data', 'calendario.yaml');

/** One jornada as the scheduler works with it: paths resolved, window and hours decided. */
export interface ScheduledJornada {
  readonly id: string;
  readonly kind: string;
  readonly programme: string | undefined;
  readonly ordinal: number | undefined;
  readonly start: string;
  readonly end: string;
  /** Absolute drop folder. */
  readonly folder: string;
  readonly pattern: string;
  /** When looking starts and ends (instants). */
  readonly lookFrom: Date;
  readonly lookUntil: Date;
  /** Cron pattern of the hours to look, in SCHEDULE_ZONE. */
  readonly hours: string;
  readonly publishMode: PublishMode;
}

export interface Calendar {
  readonly path: string;
  readonly jornadas: readonly ScheduledJornada[];
  readonly settleMinutes: number;
  readonly formats: readonly OutputFormat[] | undefined;
  /** Absolute output folder, when the calendar names one. */
  readonly outputDir: string | undefined;
  readonly webhook: { readonly url: string; readonly attempts: number } | undefined;
}

/** Reads and checks the calendar; every problem is reported with its line, and nothing runs on a bad one. */
export async function loadCalendar(path: string = DEFAULT_CALENDAR_PATH): Promise<Calendar> {
  const absolute = resolve(path);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT'
        ? `${absolute}: el calendario no existe. Cree uno a partir de data/calendario.yaml, o indique otro con --calendario.`
        : `${absolute}: no se pudo leer el calendario (${code ?? 'error'}).`,
    );
  }
  return parseCalendar(text, absolute);
}

export function parseCalendar(text: string, path: string): Calendar {
  const sink = problemSink(path);
  const parsed = parseYamlText(text, sink);
  if (parsed === undefined || hasErrors(sink.problems)) throw invalid(path, sink.problems);
  const result = calendarSchema.safeParse(parsed.raw ?? {});
  if (!result.success) {
    reportIssues(result.error.issues, calendarSchema, sink, parsed.placeOf);
    throw invalid(path, sink.problems);
  }
  const file = result.data;
  const seen = new Set<string>();
  file.jornadas.forEach((jornada, index) => {
    if (seen.has(jornada.id))
      sink.error(
        parsed.placeOf(['jornadas', index, 'id']),
        `la jornada «${jornada.id}» aparece dos veces`,
        'Dé a cada jornada un id distinto.',
      );
    seen.add(jornada.id);
    if (jornada.fechas.fin < jornada.fechas.inicio) {
      sink.error(
        parsed.placeOf(['jornadas', index, 'fechas']),
        'el fin es anterior al inicio',
        'Revise las fechas de la jornada.',
      );
    }
  });
  const jornadas = file.jornadas.map((jornada) => resolveJornada(jornada, file, dirname(path)));
  jornadas.forEach((jornada, index) => {
    if (jornada.lookUntil <= jornada.lookFrom) {
      sink.error(
        parsed.placeOf(['jornadas', index, 'buscar']),
        'la búsqueda termina antes de empezar',
        'Revise «desde» y «hasta».',
      );
    }
  });
  if (hasErrors(sink.problems)) throw invalid(path, sink.problems);
  return {
    path,
    jornadas,
    settleMinutes: file.espera,
    formats: file.formatos,
    outputDir: file.salida === undefined ? undefined : resolve(dirname(path), file.salida),
    webhook: file.aviso === undefined ? undefined : { url: file.aviso.url, attempts: file.aviso.intentos },
  };
}

function resolveJornada(
  jornada: CalendarFile['jornadas'][number],
  file: CalendarFile,
  folder: string,
): ScheduledJornada {
  const dayAfterEnd = DateTime.fromISO(jornada.fechas.fin, { zone: SCHEDULE_ZONE }).plus({ days: 1 });
  return {
    id: jornada.id,
    kind: jornada.tipo,
    programme: jornada.programa,
    ordinal: jornada.ordinal,
    start: jornada.fechas.inicio,
    end: jornada.fechas.fin,
    folder: resolve(folder, jornada.carpeta),
    pattern: jornada.patron ?? file.patron,
    lookFrom: jornada.buscar?.desde === undefined ? dayAfterEnd.toJSDate() : localInstant(jornada.buscar.desde),
    lookUntil:
      jornada.buscar?.hasta === undefined
        ? dayAfterEnd.plus({ days: 7 }).toJSDate()
        : untilInstant(jornada.buscar.hasta),
    hours: jornada.buscar?.horario ?? file.horario,
    publishMode: jornada.publicacion ?? file.publicacion,
  };
}

/** "2023-03-13" or "2023-03-13T08:00" in America/Mexico_City, as an instant. */
export function localInstant(text: string): Date {
  return DateTime.fromISO(text, { zone: SCHEDULE_ZONE }).toJSDate();
}

/** "hasta" with a date alone means to the end of that day. */
function untilInstant(text: string): Date {
  const start = DateTime.fromISO(text, { zone: SCHEDULE_ZONE });
  return (text.includes('T') ? start : start.plus({ days: 1 })).toJSDate();
}

function invalid(path: string, problems: InputError['problems']): InputError {
  return new InputError(`${path}: el calendario no es válido (${countText(problems)}).`, problems);
}
