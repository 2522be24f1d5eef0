import type { Catalog } from '../dataset/catalog.ts';
import type { Destacado } from '../dataset/schema.ts';
import type { Phrasing } from '../lang/phrasing.ts';
import { markFigure } from './figure-marks.ts';
import { markedCount } from './template-engine.ts';

/**
 * Writes a highlight's text with its figures: "{trasplante-cornea|cifra}" becomes "cuatro" through the
 * phrasing module, so a figure in a highlight is written in the same style as every other figure.
 * Validation has already refused unknown placeholders; an unknown one here is a programming error.
 */
export function fillPlaceholders(
  destacado: Destacado,
  phrasing: Phrasing,
  catalog: Catalog,
  lang: 'es' | 'en',
  /** The highlight's dataset path ("estados[2].destacados[0]"): each figure written is marked with its field. */
  path = 'destacado',
): string {
  const text = lang === 'en' && destacado.textoEn !== undefined ? destacado.textoEn : destacado.texto;
  return text.replace(/\{([^{}]+)\}/g, (_whole, body: string) =>
    writePlaceholder(body, destacado, phrasing, catalog, lang, path),
  );
}

function writePlaceholder(
  body: string,
  destacado: Destacado,
  phrasing: Phrasing,
  catalog: Catalog,
  lang: 'es' | 'en',
  path: string,
): string {
  if (body === 'unidad') return required(destacado.unidad, body);
  const [reference = '', form = 'completa'] = body.split('|');
  const annual = reference.startsWith('anual:');
  const id = annual ? reference.slice('anual:'.length) : reference;
  const figures = annual ? destacado.acumuladoAnual : destacado.cifras;
  const value = required(figures?.[id], body);
  const indicator = catalog.require(id);
  const noun = lang === 'es' ? indicator.es : { ...indicator.en, gender: indicator.es.gender };
  const shortNoun =
    lang === 'es' ? indicator.es.corto : indicator.en.corto && { ...indicator.en.corto, gender: indicator.es.gender };
  const field = `${path}.${annual ? 'acumuladoAnual' : 'cifras'}.${id}`;
  const source = { kind: 'cifra', fields: [field] } as const;
  const figure = phrasing.figure(value, { gender: noun.gender });
  switch (form) {
    case 'completa':
      return markedCount(phrasing.count(value, noun), figure, source);
    case 'cifra':
      return markFigure(figure, source);
    case 'corto':
      return markedCount(
        phrasing.count(value, shortNoun ?? noun),
        phrasing.figure(value, { gender: (shortNoun ?? noun).gender }),
        source,
      );
    case 'ordinal':
      return markFigure(phrasing.ordinal(value, noun.gender).toLocaleLowerCase(phrasing.lang), {
        kind: 'ordinal',
        fields: [field],
      });
    default:
      throw new Error(`Forma de marcador desconocida: {${body}}`);
  }
}

function required<T>(value: T | undefined, placeholder: string): T {
  if (value === undefined) throw new Error(`El marcador {${placeholder}} no tiene su cifra.`);
  return value;
}
