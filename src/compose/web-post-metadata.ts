import type { Catalog } from '../dataset/catalog.ts';
import type { Jornada } from '../dataset/schema.ts';
import type { WebPostMetadata } from '../model/bulletin-document.ts';

/** The headline groups whose names become tags when the jornada reports them. */
const TAG_GROUPS = ['cirugias', 'consultas', 'trasplantes', 'detecciones'] as const;

/**
 * The web post's front matter from the data (seed 000): tags are "IMSS", the names of the headline
 * figures the jornada reports ("Cirugías"), the states named, then the dataset's own `web.etiquetas`;
 * the image, its alternative text, front page, section and former address come from `web`.
 */
export function webPostMetadata(jornada: Jornada, catalog: Catalog, title: string): WebPostMetadata {
  const web = jornada.web ?? {};
  const groups = TAG_GROUPS.filter((id) => (jornada.cifras[id] ?? 0) > 0).map((id) =>
    capitalize(catalog.get(id)?.es.plural ?? id),
  );
  const tags = [
    ...new Set(['IMSS', ...groups, ...(jornada.participacion?.ooadNombres ?? []), ...(web.etiquetas ?? [])]),
  ];
  return {
    tags,
    image: web.imagen ?? null,
    alt: web.alt ?? title,
    front: web.portada ?? false,
    author: web.autor ?? null,
    video: jornada.enlaces?.video ?? null,
    ...(web.redirectFrom === undefined ? {} : { redirectFrom: web.redirectFrom }),
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('es-MX') + text.slice(1);
}
