import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Cron } from 'croner';
import {
  type ApprovalContext,
  type ApprovalRequest,
  RequestState,
  approveRequest,
  correctRequest,
  listRequests,
  sendForApproval,
  submitDataset,
} from '../approval/index.ts';
import { InputError } from '../errors.ts';
import { bulletinLabel } from '../publish/registry-records.ts';
import type { Registry } from '../publish/registry.ts';
import type { BrowserOptions } from '../render/pdf/browser-session.ts';
import { PublishMode, SCHEDULE_ZONE } from './calendar-schema.ts';
import type { Decision, DecisionLog } from './decision-log.ts';
import { findDataset } from './find-dataset.ts';
import { JornadaState } from './jornada-state.ts';
import type { Calendar, ScheduledJornada } from './load-calendar.ts';
import type { Notifier } from './notify-webhook.ts';
import {
  type JornadaRecord,
  type LookOutcome,
  StoredState,
  claimJornada,
  recordLook,
  releaseJornada,
} from './schedule-state.ts';

/** The name the registry's log gives the scheduler when it submits, sends or publishes. */
export const SCHEDULER_PERSON = 'programador';

export interface PassOptions {
  readonly registry: Registry;
  readonly calendar: Calendar;
  /** The scheduler's clock: tests drive it; production passes none. */
  readonly clock?: (() => Date) | undefined;
  readonly log: DecisionLog;
  /** Where drafts and bulletins go when the calendar names no folder. */
  readonly outputDir: string;
  /** Overrides the calendar's publication setting for every jornada. */
  readonly publishMode?: PublishMode | undefined;
  /** Look at every open jornada now, whether or not its hour has come. */
  readonly force?: boolean | undefined;
  readonly notifier?: Notifier | undefined;
  readonly browser?: Omit<BrowserOptions, 'signal'> | undefined;
  readonly signal?: AbortSignal | undefined;
}

/** What a pass did: one decision per jornada it looked at. */
export interface PassSummary {
  readonly decisions: readonly Decision[];
}

/**
 * One pass over the calendar: each jornada that is due is claimed (so no other scheduler looks at it
 * meanwhile), looked at, and decided: still waiting, data being written, invalid data (with the report),
 * or a draft rendered (and, with direct publishing, published). Each decision is recorded in the
 * registry and logged as one line. Jornadas not due are left alone, so running passes more often than
 * the calendar's hours changes nothing.
 */
export async function runPass(options: PassOptions): Promise<PassSummary> {
  const decisions: Decision[] = [];
  const log: DecisionLog = (decision) => {
    decisions.push(decision);
    options.log(decision);
  };
  for (const jornada of options.calendar.jornadas) {
    options.signal?.throwIfAborted();
    const now = clockOf(options)();
    const claim = claimJornada(options.registry, {
      id: jornada.id,
      now,
      lookFrom: jornada.lookFrom,
      lookUntil: jornada.lookUntil,
      force: options.force === true,
    });
    if (claim.kind === 'not-due') continue;
    if (claim.kind === 'busy') {
      log({
        at: now,
        jornada: jornada.id,
        decision: 'ocupada',
        state: undefined,
        reason: `otro programador (proceso ${claim.pid ?? '?'}) la está revisando`,
      });
      continue;
    }
    if (claim.kind === 'expired') {
      log({
        at: now,
        jornada: jornada.id,
        decision: 'vencida',
        state: JornadaState.expired,
        reason: claim.record?.reason ?? 'venció el plazo',
        attempts: claim.record?.attempts,
      });
      continue;
    }
    try {
      log(await lookAt(jornada, claim.record, now, options));
    } catch (error) {
      releaseJornada(options.registry, jornada.id);
      throw error;
    }
  }
  return { decisions };
}

/** The next time the jornada's hours come after `now`. */
export function nextLookAfter(jornada: ScheduledJornada, now: Date): Date | null {
  return new Cron(jornada.hours, { timezone: SCHEDULE_ZONE }).nextRun(now);
}

async function lookAt(
  jornada: ScheduledJornada,
  record: JornadaRecord | undefined,
  now: Date,
  options: PassOptions,
): Promise<Decision> {
  const adopted = requestOf(options.registry, jornada.id);
  if (adopted !== undefined && adopted.state !== RequestState.rejected)
    return finish(jornada, adopted, now, options, 'adoptada');
  if (adopted !== undefined) return lookForCorrection(jornada, adopted, record, now, options);

  const look = await findDataset(jornada.folder, jornada.pattern);
  if (look.kind === 'none') {
    return recordDecision(
      options,
      jornada,
      now,
      {
        state: record?.state === StoredState.invalid ? StoredState.invalid : StoredState.waiting,
        reason: look.reason,
        nextLook: nextLookAfter(jornada, now),
        attempt: true,
      },
      { decision: 'sin-datos', reason: look.reason },
    );
  }
  const { dataset } = look;
  const seenBefore = record?.seen;
  const stable =
    seenBefore !== null &&
    seenBefore !== undefined &&
    seenBefore.name === dataset.name &&
    seenBefore.size === dataset.size &&
    seenBefore.modified === dataset.modified;
  if (!dataset.markedReady && !stable && options.calendar.settleMinutes > 0) {
    const nextLook = new Date(now.getTime() + options.calendar.settleMinutes * 60_000);
    const reason = `${dataset.name} (${dataset.size} bytes) acaba de llegar o se está escribiendo: se vuelve a mirar en ${options.calendar.settleMinutes} min`;
    const seen = { name: dataset.name, size: dataset.size, modified: dataset.modified, sha256: null };
    return recordDecision(
      options,
      jornada,
      now,
      {
        state: record?.state === StoredState.invalid ? StoredState.invalid : StoredState.waiting,
        reason,
        seen,
        nextLook,
        attempt: true,
      },
      { decision: 'archivo-escribiendose', reason, file: dataset.name },
    );
  }

  const bytes = await readFile(dataset.path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const seen = { name: dataset.name, size: bytes.byteLength, modified: dataset.modified, sha256 };
  if (record?.state === StoredState.invalid && record.seen?.sha256 === sha256) {
    return recordDecision(
      options,
      jornada,
      now,
      { state: StoredState.invalid, reason: record.reason, seen, nextLook: nextLookAfter(jornada, now), attempt: true },
      {
        decision: 'datos-invalidos',
        state: JornadaState.invalid,
        reason: `${dataset.name} no cambió y sigue sin ser válido: ${record.reason}`,
        file: dataset.name,
      },
    );
  }
  let request: ApprovalRequest;
  try {
    request = await submitDataset(approvalContext(options), {
      bytes,
      fileName: dataset.name,
      person: SCHEDULER_PERSON,
      outputDir: options.calendar.outputDir ?? options.outputDir,
      options: options.calendar.formats === undefined ? {} : { formats: options.calendar.formats },
      origin: originOf(jornada.id),
    });
  } catch (error) {
    const nextLook = nextLookAfter(jornada, now);
    if (error instanceof InputError) {
      return recordDecision(
        options,
        jornada,
        now,
        {
          state: StoredState.invalid,
          reason: error.message,
          report: JSON.stringify(error.problems),
          seen,
          nextLook,
          attempt: true,
        },
        { decision: 'datos-invalidos', state: JornadaState.invalid, reason: error.message, file: dataset.name },
      );
    }
    const reason = `falló la generación del borrador: ${error instanceof Error ? error.message : String(error)}`;
    return recordDecision(
      options,
      jornada,
      now,
      { state: record?.state ?? StoredState.waiting, reason, seen, nextLook, attempt: true },
      { decision: 'error', reason, file: dataset.name },
    );
  }
  return finish(jornada, request, now, options, 'nueva');
}

/**
 * A person rejected the scheduled draft: new data in the drop folder (complete, and not the rejected
 * bytes) correct the same request, which goes back for approval; until then the jornada waits.
 */
async function lookForCorrection(
  jornada: ScheduledJornada,
  rejected: ApprovalRequest,
  record: JornadaRecord | undefined,
  now: Date,
  options: PassOptions,
): Promise<Decision> {
  const base = { at: now, jornada: jornada.id, request: rejected.id };
  const look = await findDataset(jornada.folder, jornada.pattern);
  const waiting = (reason: string, seen: LookOutcome['seen'], nextLook: Date | null): Decision => {
    const saved = save(options, jornada, now, { state: StoredState.rendered, reason, seen, nextLook, attempt: true });
    return {
      ...base,
      decision: 'esperando-correccion',
      state: JornadaState.rejected,
      reason,
      attempts: saved?.attempts,
      nextLook,
    };
  };
  const rejectedText = `rechazado (${rejected.rejectionReason ?? 'sin motivo'})`;
  if (look.kind === 'none') return waiting(`${rejectedText}; ${look.reason}`, undefined, nextLookAfter(jornada, now));
  const { dataset } = look;
  const seenBefore = record?.seen;
  const stable =
    seenBefore != null &&
    seenBefore.name === dataset.name &&
    seenBefore.size === dataset.size &&
    seenBefore.modified === dataset.modified;
  const seen = { name: dataset.name, size: dataset.size, modified: dataset.modified, sha256: null };
  if (!dataset.markedReady && !stable && options.calendar.settleMinutes > 0) {
    return waiting(
      `${rejectedText}; ${dataset.name} acaba de llegar o se está escribiendo`,
      seen,
      new Date(now.getTime() + options.calendar.settleMinutes * 60_000),
    );
  }
  const bytes = await readFile(dataset.path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 === rejected.bytesSha256)
    return waiting(
      `${rejectedText}; esperando datos corregidos (${dataset.name} es el mismo que se rechazó)`,
      { ...seen, sha256 },
      nextLookAfter(jornada, now),
    );
  try {
    const corrected = await correctRequest(approvalContext(options), rejected.id, {
      bytes,
      fileName: dataset.name,
      person: SCHEDULER_PERSON,
    });
    return await finish(jornada, corrected, now, options, 'corregida');
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return waiting(
      `${rejectedText}; los datos nuevos tampoco son válidos: ${error.message}`,
      { ...seen, sha256 },
      nextLookAfter(jornada, now),
    );
  }
}

/**
 * A request exists for the jornada (just made, or left by a scheduler that died): send it for
 * approval, publish it when the setting says so, record it and send the notice.
 */
async function finish(
  jornada: ScheduledJornada,
  request: ApprovalRequest,
  now: Date,
  options: PassOptions,
  how: 'nueva' | 'adoptada' | 'corregida',
): Promise<Decision> {
  const context = approvalContext(options);
  let current = request;
  let problem = '';
  if (current.state === RequestState.draft) current = sendForApproval(context, current.id, SCHEDULER_PERSON);
  const mode = options.publishMode ?? jornada.publishMode;
  if (
    mode === PublishMode.direct &&
    (current.state === RequestState.awaitingApproval || current.state === RequestState.approved)
  ) {
    try {
      current = (await approveRequest(context, current.id, SCHEDULER_PERSON)).request;
    } catch (error) {
      if (options.signal?.aborted === true) throw error;
      problem = `; no se pudo publicar al instante: ${error instanceof Error ? error.message : String(error)}`;
      current = requestOf(options.registry, jornada.id) ?? current;
    }
  }
  const published = current.state === RequestState.published && current.number !== null && current.year !== null;
  const label = published ? bulletinLabel(current.number ?? 0, current.year ?? 0) : undefined;
  const reason = `${published ? `publicado como ${label}` : 'borrador listo para aprobación'}: ${current.title} (solicitud ${current.id}, ${current.fileName})${how === 'adoptada' ? ', retomada de una pasada interrumpida' : how === 'corregida' ? ', con los datos corregidos' : ''}${problem}`;
  save(options, jornada, now, {
    state: StoredState.rendered,
    reason,
    nextLook: null,
    requestId: current.id,
    attempt: false,
  });
  options.notifier?.notify({
    jornada: jornada.id,
    estado: published ? JornadaState.published : JornadaState.draftReady,
    titulo: current.title,
    fecha: current.issueDate,
    solicitud: current.id,
    numero: label ?? null,
    archivos: current.draftFiles.map((file) => ({ formato: file.format, ruta: file.path, sha256: file.sha256 })),
  });
  return {
    at: now,
    jornada: jornada.id,
    decision: published ? 'publicado' : 'borrador',
    state: published ? JornadaState.published : JornadaState.draftReady,
    reason,
    file: current.fileName,
    request: current.id,
    bulletin: label,
  };
}

function save(
  options: PassOptions,
  jornada: ScheduledJornada,
  now: Date,
  outcome: LookOutcome,
): JornadaRecord | undefined {
  return recordLook(options.registry, jornada.id, now, outcome);
}

/**
 * Records this look in the registry and says it as the pass's decision on the jornada: the state said is
 * the one given, or else what the record now holds.
 */
function recordDecision(
  options: PassOptions,
  jornada: ScheduledJornada,
  now: Date,
  outcome: LookOutcome,
  said: { readonly decision: string; readonly reason: string; readonly file?: string; readonly state?: JornadaState },
): Decision {
  const saved = save(options, jornada, now, outcome);
  return {
    at: now,
    jornada: jornada.id,
    decision: said.decision,
    state: said.state ?? stateOf(saved),
    reason: said.reason,
    ...(said.file === undefined ? {} : { file: said.file }),
    attempts: saved?.attempts,
    nextLook: outcome.nextLook,
  };
}

function stateOf(record: JornadaRecord | undefined): JornadaState {
  return record?.state === StoredState.invalid ? JornadaState.invalid : JornadaState.waiting;
}

/** The request the scheduler made for a jornada (the newest, if corrected data made another). */
export function requestOf(registry: Registry, jornadaId: string): ApprovalRequest | undefined {
  return listRequests(registry, { origin: originOf(jornadaId) })[0];
}

export function originOf(jornadaId: string): string {
  return `programa:${jornadaId}`;
}

function approvalContext(options: PassOptions): ApprovalContext {
  return { registry: options.registry, clock: clockOf(options), browser: options.browser, signal: options.signal };
}

function clockOf(options: PassOptions): () => Date {
  return options.clock ?? (() => new Date());
}
