/**
 * The text of a highlight (destacado) carries no figure: it names them with placeholders that compose
 * fills through the phrasing module. This module parses that small grammar, for validation and compose:
 *
 *   {id}              the figure with the indicator's full noun: "cuatro trasplantes de córnea"
 *   {id|cifra}        the figure alone, agreeing with the full noun's gender: "cuatro"
 *   {id|corto}        the figure with the short noun: "ocho riñones"
 *   {id|ordinal}      the ordinal, agreeing with the full noun: "segundo"
 *   {anual:id...}     the same, from the highlight's `acumuladoAnual` instead of its `cifras`
 *   {unidad}          the highlight's `unidad` (a unit's name, which may contain digits)
 */

export const placeholderForms = ['completo', 'cifra', 'corto', 'ordinal'] as const;
export type PlaceholderForm = (typeof placeholderForms)[number];

export type DestacadoSegment =
  | { readonly kind: 'texto'; readonly text: string }
  | {
      readonly kind: 'cifra';
      readonly id: string;
      readonly alcance: 'jornada' | 'anual';
      readonly forma: PlaceholderForm;
      readonly raw: string;
    }
  | { readonly kind: 'unidad'; readonly raw: string };

export interface ParsedDestacado {
  readonly segments: readonly DestacadoSegment[];
  /** Placeholders that cannot be read, in Spanish: "«{cirugias|largo}»: forma desconocida «largo»". */
  readonly errors: readonly string[];
}

const placeholderPattern = /^(?:(anual):)?([a-z0-9]+(?:-[a-z0-9]+)*)(?:\|([a-z]+))?$/;

export function parseDestacadoTexto(texto: string): ParsedDestacado {
  const segments: DestacadoSegment[] = [];
  const errors: string[] = [];
  let rest = texto;
  while (rest.length > 0) {
    const open = rest.indexOf('{');
    const strayClose = rest.indexOf('}');
    if (strayClose !== -1 && (open === -1 || strayClose < open)) {
      errors.push('hay una llave «}» sin su «{»');
      pushText(segments, rest.replace('}', ''));
      break;
    }
    if (open === -1) {
      pushText(segments, rest);
      break;
    }
    pushText(segments, rest.slice(0, open));
    const close = rest.indexOf('}', open);
    if (close === -1) {
      errors.push(`la llave «{» de «${rest.slice(open, open + 30)}» no se cierra`);
      break;
    }
    const raw = rest.slice(open, close + 1);
    const inner = raw.slice(1, -1).trim();
    rest = rest.slice(close + 1);
    if (inner === 'unidad') {
      segments.push({ kind: 'unidad', raw });
      continue;
    }
    const match = placeholderPattern.exec(inner);
    if (match === null) {
      errors.push(
        `«${raw}» no es un marcador válido: escriba {id}, {id|cifra}, {id|corto}, {id|ordinal}, {anual:id} o {unidad}`,
      );
      continue;
    }
    const [, anual, id = '', form] = match;
    const forma = (form ?? 'completo') as PlaceholderForm;
    if (!placeholderForms.includes(forma)) {
      errors.push(`«${raw}»: la forma «${form ?? ''}» no existe; use cifra, corto u ordinal`);
      continue;
    }
    segments.push({ kind: 'cifra', id, alcance: anual === undefined ? 'jornada' : 'anual', forma, raw });
  }
  return { segments, errors };
}

function pushText(segments: DestacadoSegment[], text: string): void {
  if (text !== '') segments.push({ kind: 'texto', text });
}

/** Digits typed in the free text (not in placeholders), in any script; "COVID-19" is a name, not a figure. */
export function digitsInText(segments: readonly DestacadoSegment[]): string[] {
  const found: string[] = [];
  for (const segment of segments) {
    if (segment.kind !== 'texto') continue;
    const text = segment.text.replace(/COVID-19/gi, 'COVID');
    // Digits of every script: a full-width "３７２９" is as much a typed figure as "3729".
    for (const match of text.matchAll(/[\p{L}]*\p{Nd}[\p{Nd}.,\p{L}-]*/gu)) found.push(match[0]);
  }
  return found;
}

const numberWordPattern =
  /(?<![\p{L}\d])(dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|dieciséis|diecisiete|dieciocho|diecinueve|veinte|veinti\p{L}+|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|cien|ciento|doscient[oa]s|trescient[oa]s|cuatrocient[oa]s|quinient[oa]s|seiscient[oa]s|setecient[oa]s|ochocient[oa]s|novecient[oa]s|mil|millón|millones)(?![\p{L}\d])/giu;

/** Numbers written in words in the free text: likely figures that belong in `cifras`. */
export function numberWordsInText(segments: readonly DestacadoSegment[]): string[] {
  const found: string[] = [];
  for (const segment of segments) {
    if (segment.kind !== 'texto') continue;
    for (const match of segment.text.matchAll(numberWordPattern)) found.push(match[0]);
  }
  return found;
}
