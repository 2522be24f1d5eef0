import { DateTime } from 'luxon';
import { SCHEDULE_ZONE } from './calendar-schema.ts';
import { type JornadaState, jornadaStateLabel } from './jornada-state.ts';

/** One decision of the scheduler about one jornada: one log line each. */
export interface Decision {
  readonly at: Date;
  readonly jornada: string;
  /** What was decided, in a word: "sin-datos", "archivo-escribiendose", "datos-invalidos", "borrador", "publicado"... */
  readonly decision: string;
  readonly state: JornadaState | undefined;
  readonly reason: string;
  readonly file?: string | undefined;
  readonly request?: number | undefined;
  readonly bulletin?: string | undefined;
  readonly attempts?: number | undefined;
  readonly nextLook?: Date | null | undefined;
}

export type DecisionLog = (decision: Decision) => void;

export type LogFormat = 'texto' | 'json';

/** Writes each decision as one line: text for staff, or JSON lines for a log collector. */
export function decisionLogger(write: (line: string) => void, format: LogFormat = 'texto'): DecisionLog {
  return (decision) => write(`${format === 'json' ? jsonLine(decision) : textLine(decision)}\n`);
}

function jsonLine(decision: Decision): string {
  return JSON.stringify({
    momento: decision.at.toISOString(),
    jornada: decision.jornada,
    decision: decision.decision,
    estado: decision.state ?? null,
    motivo: decision.reason,
    archivo: decision.file ?? null,
    solicitud: decision.request ?? null,
    boletin: decision.bulletin ?? null,
    intentos: decision.attempts ?? null,
    siguienteBusqueda: decision.nextLook?.toISOString() ?? null,
  });
}

function textLine(decision: Decision): string {
  const at = localTime(decision.at);
  const state = decision.state === undefined ? decision.decision : jornadaStateLabel(decision.state);
  const next = decision.nextLook == null ? '' : ` (siguiente búsqueda: ${localTime(decision.nextLook)})`;
  return `${at} ${decision.jornada}: ${state}: ${decision.reason}${next}`;
}

/** "2023-03-13 08:00" in the schedule's zone. */
export function localTime(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: SCHEDULE_ZONE }).toFormat('yyyy-LL-dd HH:mm');
}
