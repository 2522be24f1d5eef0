/** The states the office sees for each jornada of the calendar. */
export const JornadaState = {
  waiting: 'esperando-datos',
  invalid: 'datos-invalidos',
  draftReady: 'borrador-listo',
  approved: 'aprobado',
  published: 'publicado',
  /** A person turned the draft down; new data in the drop folder are drafted again. */
  rejected: 'rechazado',
  expired: 'vencido',
} as const;
export type JornadaState = (typeof JornadaState)[keyof typeof JornadaState];

const labels: Readonly<Record<JornadaState, string>> = {
  'esperando-datos': 'esperando datos',
  'datos-invalidos': 'datos inválidos',
  'borrador-listo': 'borrador listo',
  aprobado: 'aprobado',
  publicado: 'publicado',
  rechazado: 'rechazado',
  vencido: 'vencido',
};

/** How a page or a log line names the state. */
export function jornadaStateLabel(state: JornadaState): string {
  return labels[state];
}
