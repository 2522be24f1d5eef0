import type { Destacado, Jornada } from '../../src/dataset/schema.ts';

/** One figure of a dataset, with where it is, for messages that point at the data. */
export interface DatasetFigure {
  readonly place: string;
  readonly value: number;
}

/**
 * Every figure of a jornada that the bulletin prints: national figures, the plan, participation,
 * figures of the UMAE as a whole, the year's accumulated ones, states, hospitals and the figures named
 * by placeholders in highlights (except ordinals, which are words, not figures).
 */
export function datasetFigures(jornada: Jornada): DatasetFigure[] {
  const figures: DatasetFigure[] = [];
  const add = (place: string, record: Readonly<Record<string, number>> | undefined): void => {
    for (const [id, value] of Object.entries(record ?? {}))
      if (value > 0) figures.push({ place: `${place}.${id}`, value });
  };
  add('cifras', jornada.cifras);
  add('cifrasUmae', jornada.cifrasUmae);
  add('acumuladoAnual', jornada.acumuladoAnual);
  if (jornada.meta) add('meta', { planeadas: jornada.meta.planeadas ?? 0, logradas: jornada.meta.logradas });
  (jornada.gruposDeEstados ?? []).forEach((grupo, index) =>
    add(`gruposDeEstados.${index}`, { masDe: grupo.masDe ?? 0 }),
  );
  if (jornada.participacion)
    add('participacion', { ooad: jornada.participacion.ooad, umae: jornada.participacion.umae ?? 0 });
  const highlights = (place: string, destacados: readonly Destacado[] | undefined): void => {
    (destacados ?? []).forEach((destacado, index) => {
      for (const match of destacado.texto.matchAll(/\{(anual:)?([a-z0-9-]+)(?:\|([a-z]+))?\}/g)) {
        const [, annual, id = '', form] = match;
        if (id === 'unidad' || form === 'ordinal') continue;
        const value = (annual ? destacado.acumuladoAnual : destacado.cifras)?.[id];
        if (value !== undefined && value > 0) figures.push({ place: `${place}.destacados[${index}].${id}`, value });
      }
    });
  };
  highlights('jornada', jornada.destacados);
  (jornada.estados ?? []).forEach((estado, index) => {
    add(`estados[${index}].cifras`, estado.cifras);
    highlights(`estados[${index}]`, estado.destacados);
  });
  (jornada.hospitales ?? []).forEach((hospital, index) => {
    add(`hospitales[${index}].cifras`, hospital.cifras);
    highlights(`hospitales[${index}]`, hospital.destacados);
  });
  return figures;
}

/** Every string of a dataset (names, highlights, programme...), to tell numbers that are part of a name. */
export function datasetTexts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(datasetTexts);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(datasetTexts);
  return [];
}
