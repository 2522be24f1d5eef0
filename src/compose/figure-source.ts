import type { FigureSource } from '../model/bulletin-document.ts';

/**
 * The dataset field behind a value the templates print, from the path the template names it by
 * (Handlebars' `trackIds` gives a helper the path of each argument: "grupos.consultas.total"). The view
 * reshapes the dataset (src/compose/build-view.ts); this table undoes the reshaping, so every figure
 * leaves compose with the dataset path it came from. Figures in lists carry their path themselves
 * (`FigureItem.fuente`). An unknown path gives no source, and the verification then refuses the figure.
 */
const COUNT_PATHS: ReadonlyArray<readonly [RegExp, (match: RegExpExecArray) => string]> = [
  [/^cifras\.\[?([a-z0-9-]+)\]?$/, (m) => `cifras.${m[1] ?? ''}`],
  [/^grupos\.\[?([a-z0-9-]+)\]?\.total$/, (m) => `cifras.${m[1] ?? ''}`],
  [/^meta\.(planeadas|logradas|porcentaje)$/, (m) => `meta.${m[1] ?? ''}`],
  [/^participacion\.(ooad|umae)$/, (m) => `participacion.${m[1] ?? ''}`],
  [/^participacion\.(ooadNombres|umaeNombres)\.length$/, (m) => `cuenta(participacion.${m[1] ?? ''})`],
];

const DATE_PATHS: Readonly<Record<string, string>> = {
  'jornada.inicio': 'fechas.inicio',
  'jornada.fin': 'fechas.fin',
  'jornada.dias': 'fechas.dias',
  'proxima.inicio': 'proxima.inicio',
  'proxima.fin': 'proxima.fin',
  'proxima.dias': 'proxima.dias',
  'programa.inicio': 'programa.inicio',
  'boletin.fecha': 'boletin.fecha',
};

export function countSource(path: unknown, context: unknown): FigureSource | undefined {
  if (typeof path !== 'string') return undefined;
  // Inside {{#each}} over figures: {{cantidad valor ...}} names the item's own value.
  // Inside {{#each}} over states named together: {{cantidad masDe de}} names the group's threshold.
  if (path === 'valor' || path === 'this.valor' || path === 'masDe') {
    const fuente = (context as { fuente?: unknown } | null)?.fuente;
    return typeof fuente === 'string' ? { kind: 'cifra', fields: [fuente] } : undefined;
  }
  // Inside a group's view ({{cantidad total totalId}}): the national total of that group.
  if (path === 'total') {
    const totalId = (context as { totalId?: unknown } | null)?.totalId;
    return typeof totalId === 'string' ? { kind: 'cifra', fields: [`cifras.${totalId}`] } : undefined;
  }
  for (const [pattern, field] of COUNT_PATHS) {
    const match = pattern.exec(path);
    if (match !== null) return { kind: 'cifra', fields: [field(match)] };
  }
  return undefined;
}

export function percentSource(partPath: unknown, wholePath: unknown, context: unknown): FigureSource | undefined {
  const part = countSource(partPath, context);
  const whole = countSource(wholePath, context);
  if (part === undefined || whole === undefined) return undefined;
  return { kind: 'porcentaje', fields: [...part.fields, ...whole.fields] };
}

export function dateSource(...paths: unknown[]): FigureSource | undefined {
  const fields = paths.map((path) => (typeof path === 'string' ? DATE_PATHS[path] : undefined));
  if (fields.some((field) => field === undefined)) return undefined;
  return { kind: 'fecha', fields: fields as string[] };
}

export function namedSource(kind: 'ordinal' | 'numero', path: unknown): FigureSource | undefined {
  if (kind === 'ordinal' && path === 'jornada.ordinal') return { kind, fields: ['ordinal'] };
  if (kind === 'numero' && path === 'boletin.numero') return { kind, fields: ['boletin.numero'] };
  return undefined;
}
