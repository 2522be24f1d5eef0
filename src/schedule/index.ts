/**
 * The scheduler: after each jornada of the calendar, it looks for the dataset at the calendar's hours,
 * and when the figures are there, complete and valid, it drafts the bulletin for approval (or publishes
 * it, as set). Its state lives in the registry. `boletin programa` and the download page are its faces.
 */
export {
  SCHEDULE_ZONE,
  PublishMode,
  calendarSchema,
  type CalendarFile,
  type CalendarJornada,
} from './calendar-schema.ts';
export {
  DEFAULT_CALENDAR_PATH,
  loadCalendar,
  parseCalendar,
  localInstant,
  type Calendar,
  type ScheduledJornada,
} from './load-calendar.ts';
export { decisionLogger, localTime, type Decision, type DecisionLog, type LogFormat } from './decision-log.ts';
export { JornadaState, jornadaStateLabel } from './jornada-state.ts';
export { listJornadaStatuses, type JornadaStatus } from './list-jornadas.ts';
export { nextWake } from './next-wake.ts';
export {
  noticeDecision,
  webhookNotifier,
  type BulletinNotice,
  type Notifier,
  type NotifierOptions,
} from './notify-webhook.ts';
export { runPass, requestOf, SCHEDULER_PERSON, type PassOptions, type PassSummary } from './run-pass.ts';
export { READY_SUFFIX } from './find-dataset.ts';
export { addCalendarJornada, nextJornadaEntry } from './add-calendar-jornada.ts';
export { CALENDAR_SCHEMA_PATH, calendarJsonSchemaText } from './calendar-json-schema.ts';
export { startScheduler, type RunningScheduler, type SchedulerOptions } from './start-scheduler.ts';
