import { DateTime } from 'luxon';
import { parseDestacadoTexto } from './destacado-text.ts';
import type { ProblemSink } from './problem.ts';
import type { Destacado, Jornada } from './schema.ts';

/**
 * The limits of what the later stages can write, checked here so that `validar` and `generar` agree: a
 * dataset that passes validation composes and renders. Each limit is the one a later stage enforces:
 * - ordinals: the phrasing module writes 1 to 99 ("Nonagésima Novena");
 * - bulletin numbers: "No. 001" to "No. 9999";
 * - years: the Word file is a zip, whose entries carry a DOS date (fflate writes 1980 to 2099), and the
 *   number's year is four digits; every date is held to the same years so the default issue date (the day
 *   after the jornada) is always writable;
 * - links: the renderers refuse spaces, quotes and angle brackets in an address (see render/text/safe-href.ts).
 */
export const publishableLimits = {
  ordinal: { min: 1, max: 99 },
  bulletinNumber: { min: 1, max: 9999 },
  year: { first: 1980, last: 2099 },
} as const;

type PlaceOf = (path: readonly PropertyKey[]) => string;

/** The day a bulletin is issued when nothing else says: the one the office fixed, else the day after the jornada. */
export function defaultIssueDate(jornada: Jornada): string {
  if (jornada.boletin?.fecha !== undefined) return jornada.boletin.fecha;
  const dayAfter = DateTime.fromISO(jornada.fechas.fin, { zone: 'America/Mexico_City' }).plus({ days: 1 });
  return dayAfter.toISODate() ?? jornada.fechas.fin;
}

/** Why a year-month-day date cannot be published, or undefined when it can. */
export function unpublishableDate(date: string): string | undefined {
  const year = Number(date.slice(0, date.indexOf('-', 1)));
  const { first, last } = publishableLimits.year;
  if (Number.isInteger(year) && year >= first && year <= last) return undefined;
  return `el año ${year} está fuera de los que Boletín publica (${first} a ${last})`;
}

export function checkPublishable(jornada: Jornada, sink: ProblemSink, placeOf: PlaceOf): void {
  checkOrdinal(jornada.ordinal, ['ordinal'], 'el ordinal de la jornada', sink, placeOf);
  const numero = jornada.boletin?.numero;
  if (numero !== undefined && numero > publishableLimits.bulletinNumber.max) {
    sink.error(
      placeOf(['boletin', 'numero']),
      `el número de boletín ${numero} no cabe en «No. 001/AAAA»: va de ${publishableLimits.bulletinNumber.min} a ${publishableLimits.bulletinNumber.max}`,
      'Revise «boletin.numero».',
    );
  }
  for (const { date, path } of datesOf(jornada)) {
    const reason = unpublishableDate(date);
    if (reason !== undefined) sink.error(placeOf(path), `la fecha ${date}: ${reason}`, 'Revise el año de la fecha.');
  }
  const issue = defaultIssueDate(jornada);
  if (jornada.boletin?.fecha === undefined && unpublishableDate(jornada.fechas.fin) === undefined) {
    const reason = unpublishableDate(issue);
    if (reason !== undefined) {
      sink.error(placeOf(['fechas', 'fin']), `el boletín saldría el ${issue}, el día siguiente a la jornada: ${reason}`, 'Escriba «boletin.fecha» o revise «fechas.fin».');
    }
  }
  for (const key of ['fotos', 'video'] as const) {
    const link = jornada.enlaces?.[key];
    if (link === undefined) continue;
    const problem = unsafeLink(link);
    if (problem !== undefined) sink.error(placeOf(['enlaces', key]), `el enlace «${link}» ${problem}`, 'Copie la dirección completa desde la barra del navegador (https://...).');
  }
  for (const { destacado, path } of highlightsOf(jornada)) checkHighlightOrdinals(destacado, path, sink, placeOf);
}

function checkOrdinal(value: number | undefined, path: readonly PropertyKey[], what: string, sink: ProblemSink, placeOf: PlaceOf): void {
  if (value === undefined) return;
  const { min, max } = publishableLimits.ordinal;
  if (value >= min && value <= max) return;
  sink.error(placeOf(path), `${what} es ${value}, y un ordinal se escribe con letras sólo de ${min} a ${max} («Primera» a «Nonagésima Novena»)`, `Revise «${path.map(String).join('.')}».`);
}

/** A highlight's `{id|ordinal}` writes its figure as an ordinal, so that figure must be one. */
function checkHighlightOrdinals(destacado: Destacado, path: readonly PropertyKey[], sink: ProblemSink, placeOf: PlaceOf): void {
  for (const key of ['texto', 'textoEn'] as const) {
    const texto = destacado[key];
    if (texto === undefined) continue;
    for (const segment of parseDestacadoTexto(texto).segments) {
      if (segment.kind !== 'cifra' || segment.forma !== 'ordinal') continue;
      const field = segment.alcance === 'anual' ? 'acumuladoAnual' : 'cifras';
      const value = destacado[field]?.[segment.id];
      checkOrdinal(value, [...path, field, segment.id], `la cifra que ${segment.raw} escribe como ordinal`, sink, placeOf);
    }
  }
}

/**
 * Why a link cannot go in the bulletin, or undefined when it can: an absolute http(s) address with a host,
 * and nothing a renderer refuses or a reader would not see (spaces, quotes, brackets, invisible characters).
 */
export function unsafeLink(link: string): string | undefined {
  if (!/^https?:\/\//i.test(link)) return 'no empieza con http:// o https://';
  const bad = /[\s<>"'`{}|\\^\p{Cc}\p{Cf}]/u.exec(link);
  if (bad !== null) return `lleva ${bad[0].trim() === '' ? 'un espacio' : `el carácter «${bad[0]}» (U+${codePoint(bad[0])})`}, que una dirección no puede llevar`;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return 'no es una dirección válida';
  }
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') return `no tiene un dominio válido («${url.hostname}»)`;
  if (url.username !== '' || url.password !== '') return 'lleva usuario o contraseña, que no se publican';
  return undefined;
}

function codePoint(char: string): string {
  return (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}

function datesOf(jornada: Jornada): { date: string; path: PropertyKey[] }[] {
  const dates: { date: string; path: PropertyKey[] }[] = [];
  for (const key of ['fechas', 'proxima'] as const) {
    const range = jornada[key];
    if (range === undefined) continue;
    dates.push({ date: range.inicio, path: [key, 'inicio'] }, { date: range.fin, path: [key, 'fin'] });
    range.dias?.forEach((date, index) => dates.push({ date, path: [key, 'dias', index] }));
  }
  if (jornada.programa?.inicio !== undefined) dates.push({ date: jornada.programa.inicio, path: ['programa', 'inicio'] });
  if (jornada.boletin?.fecha !== undefined) dates.push({ date: jornada.boletin.fecha, path: ['boletin', 'fecha'] });
  return dates;
}

function highlightsOf(jornada: Jornada): { destacado: Destacado; path: PropertyKey[] }[] {
  const found: { destacado: Destacado; path: PropertyKey[] }[] = [];
  jornada.destacados?.forEach((destacado, index) => found.push({ destacado, path: ['destacados', index] }));
  for (const key of ['estados', 'hospitales'] as const) {
    jornada[key]?.forEach((entity, entityIndex) =>
      entity.destacados?.forEach((destacado, index) => found.push({ destacado, path: [key, entityIndex, 'destacados', index] })),
    );
  }
  return found;
}
