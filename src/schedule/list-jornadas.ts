import { type ApprovalRequest, RequestState, findRequest } from '../approval/index.ts';
import type { Problem } from '../errors.ts';
import type { Registry } from '../publish/registry.ts';
import { localTime } from './decision-log.ts';
import { JornadaState, jornadaStateLabel } from './jornada-state.ts';
import type { Calendar, ScheduledJornada } from './load-calendar.ts';
import { type JornadaRecord, StoredState, readJornadaRecords } from './schedule-state.ts';

/** A calendar jornada with where it stands, for the download page and `boletin programa listar`. */
export interface JornadaStatus {
  readonly jornada: ScheduledJornada;
  readonly state: JornadaState;
  /** "esperando datos", "borrador listo"... */
  readonly label: string;
  readonly reason: string;
  /** The validation report when the data are invalid. */
  readonly problems: readonly Problem[];
  readonly attempts: number;
  readonly lastLook: string | null;
  readonly nextLook: string | null;
  readonly request: ApprovalRequest | undefined;
}

/** Every jornada of the calendar with its state, in calendar order. */
export function listJornadaStatuses(registry: Registry, calendar: Calendar, now: Date = new Date()): JornadaStatus[] {
  const records = readJornadaRecords(registry);
  return calendar.jornadas.map((jornada) => statusOf(registry, jornada, records.get(jornada.id), now));
}

function statusOf(
  registry: Registry,
  jornada: ScheduledJornada,
  record: JornadaRecord | undefined,
  now: Date,
): JornadaStatus {
  const request = record?.requestId == null ? undefined : findRequest(registry, record.requestId);
  const state = stateOf(jornada, record, request, now);
  return {
    jornada,
    state,
    label: jornadaStateLabel(state),
    reason: reasonOf(jornada, record, request, state),
    problems: record?.report == null ? [] : (JSON.parse(record.report) as Problem[]),
    attempts: record?.attempts ?? 0,
    lastLook: record?.lastLook ?? null,
    nextLook: record?.nextLook ?? (now < jornada.lookFrom ? jornada.lookFrom.toISOString() : null),
    request,
  };
}

function stateOf(
  jornada: ScheduledJornada,
  record: JornadaRecord | undefined,
  request: ApprovalRequest | undefined,
  now: Date,
): JornadaState {
  if (request !== undefined) {
    switch (request.state) {
      case RequestState.published:
        return JornadaState.published;
      case RequestState.approved:
        return JornadaState.approved;
      case RequestState.rejected:
        return JornadaState.rejected;
      default:
        return JornadaState.draftReady;
    }
  }
  if (record?.state === StoredState.expired || now >= jornada.lookUntil) return JornadaState.expired;
  if (record?.state === StoredState.invalid) return JornadaState.invalid;
  return JornadaState.waiting;
}

function reasonOf(
  jornada: ScheduledJornada,
  record: JornadaRecord | undefined,
  request: ApprovalRequest | undefined,
  state: JornadaState,
): string {
  if (request?.state === RequestState.rejected) return `rechazado: ${request.rejectionReason ?? ''}`;
  if (record !== undefined && record.reason !== '') return record.reason;
  if (state === JornadaState.expired) return 'no llegaron datos válidos a tiempo';
  return `la búsqueda empieza el ${localTime(jornada.lookFrom)} y termina el ${localTime(jornada.lookUntil)}`;
}
