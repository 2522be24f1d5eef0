import type { Jornada } from '../dataset/schema.ts';

/** What a field path can name besides the dataset: the bulletin's own number and issue date. */
export interface BulletinFacts {
  readonly number: number | null;
  readonly issueDate: string;
}

/**
 * The value at a field path of the dataset: "cifras.cirugias", "estados[3].cifras.consultas",
 * "destacados[0].acumuladoAnual.trasplante-higado", "cuenta(participacion.ooadNombres)" (a list's
 * length), "boletin.numero" and "boletin.fecha" (the bulletin's, which the dataset may not fix).
 * Undefined when the path names nothing.
 */
export function resolveField(jornada: Jornada, facts: BulletinFacts, path: string): unknown {
  if (path === 'boletin.numero') return facts.number ?? undefined;
  if (path === 'boletin.fecha') return facts.issueDate;
  const count = /^cuenta\((.+)\)$/.exec(path);
  if (count !== null) {
    const list = resolveField(jornada, facts, count[1] ?? '');
    return Array.isArray(list) ? list.length : undefined;
  }
  let value: unknown = jornada;
  for (const segment of path.split('.')) {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(segment);
    if (match === null) return undefined;
    value = own(value, match[1] ?? '');
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g))
      value = Array.isArray(value) ? value[Number(index[1])] : undefined;
  }
  return value;
}

function own(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
  return (value as Record<string, unknown>)[key];
}

/** Every string of the dataset with its path: numbers a bulletin copies with a name ("Zona 33"). */
export function datasetStrings(value: unknown, path = ''): Array<{ readonly path: string; readonly text: string }> {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => datasetStrings(item, `${path}[${String(index)}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => datasetStrings(item, path === '' ? key : `${path}.${key}`));
  }
  return [];
}
