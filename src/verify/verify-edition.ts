import type { Jornada } from '../dataset/schema.ts';
import { percentTenths } from '../lang/index.ts';
import type { FoundFigure } from '../lang/index.ts';
import type { Phrasing } from '../lang/phrasing.ts';
import type { BulletinDocument, FigureSource, Inline } from '../model/bulletin-document.ts';
import { type FigureReader, readerFor } from './figure-reader.ts';
import { type BulletinFacts, datasetStrings, resolveField } from './resolve-field.ts';
import type { VerificationReport, VerifiedFigure } from './verification-report.ts';

export interface VerifyContext extends BulletinFacts {
  readonly jornada: Jornada;
  /** The edition's phrasing: ordinals are words, checked by writing the field's value again. */
  readonly phrasing: Phrasing;
}

interface Place {
  readonly lugar: string;
  readonly content: readonly Inline[];
}

interface Run {
  readonly text: string;
  readonly start: number;
  readonly source?: FigureSource;
}

/**
 * Proves an edition figure by figure: every number printed in its dateline, number, headline, bullets
 * and body is read back with the phrasing module's reader. A figure compose marked with its source is
 * compared with that dataset field; any other count or date must be part of a dataset text the edition
 * quotes ("Hospital General de Zona 33"), or it has no source. Either failure rejects the edition.
 */
export function verifyEdition(doc: BulletinDocument, context: VerifyContext): VerificationReport {
  const reader = readerFor(doc.lang);
  const strings = datasetStrings(context.jornada);
  const rows = places(doc).flatMap((place) => verifyPlace(place, reader, context, strings));
  const errores = rows.filter((row) => !row.correcta).map((row) => row.motivo ?? `«${row.texto}» en ${row.lugar}`);
  return {
    edicion: doc.edition,
    idioma: doc.lang,
    veredicto: errores.length === 0 ? 'aprobada' : 'rechazada',
    cifras: rows.filter((row) => row.correcta && (row.tipo === 'cifra' || row.tipo === 'porcentaje')).length,
    filas: rows,
    errores,
  };
}

function places(doc: BulletinDocument): Place[] {
  const text = (value: string): Inline[] => (value === '' ? [] : [{ kind: 'text', text: value }]);
  const result: Place[] = [
    { lugar: 'la fecha', content: doc.lines?.dateline ?? text(doc.dateline) },
    { lugar: 'el número', content: doc.lines?.number ?? text(doc.number) },
    { lugar: 'el título', content: doc.lines?.headline ?? text(doc.headline) },
    ...doc.bullets.map((content, index) => ({ lugar: `el balazo ${String(index + 1)}`, content })),
  ];
  let paragraph = 0;
  let heading = 0;
  let list = 0;
  for (const block of doc.body) {
    if (block.kind === 'paragraph')
      result.push({ lugar: `el párrafo ${String((paragraph += 1))}`, content: block.content });
    else if (block.kind === 'heading')
      result.push({ lugar: `el subtítulo ${String((heading += 1))}`, content: block.content });
    else {
      list += 1;
      block.items.forEach((content, index) =>
        result.push({ lugar: `la lista ${String(list)}, elemento ${String(index + 1)}`, content }),
      );
    }
  }
  return result;
}

function flatten(content: readonly Inline[], into: Run[] = [], offset = { at: 0 }): Run[] {
  for (const inline of content) {
    if (inline.kind === 'text') {
      into.push({ text: inline.text, start: offset.at, ...(inline.source ? { source: inline.source } : {}) });
      offset.at += inline.text.length;
    } else flatten(inline.children, into, offset);
  }
  return into;
}

function verifyPlace(
  place: Place,
  reader: FigureReader,
  context: VerifyContext,
  strings: ReadonlyArray<{ path: string; text: string }>,
): VerifiedFigure[] {
  const runs = flatten(place.content);
  const whole = runs.map((run) => run.text).join('');
  const rows: VerifiedFigure[] = [];
  for (const run of runs)
    if (run.source !== undefined) rows.push(verifySourced(run.text, run.source, place.lugar, reader, context));
  const marked = runs.filter((run) => run.source !== undefined);
  const inMark = (figure: FoundFigure): boolean =>
    marked.some((run) => figure.start < run.start + run.text.length && figure.end > run.start);
  for (const figure of reader.findFigures(whole)) {
    if (figure.kind === 'identificador' || inMark(figure)) continue;
    const quoted = strings.find((entry) => quotes(whole, entry.text, figure));
    if (quoted !== undefined) {
      rows.push({
        lugar: place.lugar,
        texto: figure.text,
        tipo: 'texto',
        leido: figure.value,
        campo: quoted.path,
        dato: quoted.text,
        correcta: true,
      });
      continue;
    }
    const what = figure.kind === 'fecha' ? 'La fecha' : 'La cifra';
    rows.push({
      lugar: place.lugar,
      texto: figure.text,
      tipo: figure.kind === 'fecha' ? 'fecha' : 'cifra',
      leido: figure.value,
      campo: null,
      dato: null,
      correcta: false,
      motivo: `${what} «${figure.text}» en ${place.lugar} no viene de ningún dato de la jornada (¿se escribió a mano en la plantilla?).`,
    });
  }
  return rows.sort((a, b) => whole.indexOf(a.texto) - whole.indexOf(b.texto));
}

function verifySourced(
  text: string,
  source: FigureSource,
  lugar: string,
  reader: FigureReader,
  context: VerifyContext,
): VerifiedFigure {
  const campo = source.fields.join(', ');
  const base = { lugar, texto: text, tipo: source.kind, campo };
  const fail = (leido: number | string | null, dato: number | string | null, motivo: string): VerifiedFigure => ({
    ...base,
    leido,
    dato,
    correcta: false,
    motivo,
  });
  const values = source.fields.map((field) => resolveField(context.jornada, context, field));
  const missing = source.fields.find((_field, index) => values[index] === undefined);
  if (missing !== undefined)
    return fail(null, null, `«${text}» en ${lugar} dice venir de «${missing}», que no existe en los datos.`);
  switch (source.kind) {
    case 'cifra':
    case 'porcentaje': {
      const expected =
        source.kind === 'cifra' ? Number(values[0]) : Number(percentTenths(Number(values[0]), Number(values[1]))) / 10;
      const read = readNumber(text, reader);
      if (read === null) return fail(null, expected, `La cifra «${text}» en ${lugar} no se puede leer como cifra.`);
      if (read !== expected) {
        return fail(
          read,
          expected,
          `La cifra «${text}» en ${lugar} se lee ${String(read)}, pero ${campo} vale ${String(expected)} en los datos.`,
        );
      }
      return { ...base, leido: read, dato: expected, correcta: true };
    }
    case 'numero': {
      const found = reader.findFigures(text).find((figure) => figure.kind === 'identificador');
      const expected = Number(values[0]);
      if (found?.value !== expected)
        return fail(
          found?.value ?? null,
          expected,
          `El número «${text}» en ${lugar} no es el ${String(expected)} del boletín.`,
        );
      return { ...base, leido: found.value, dato: expected, correcta: true };
    }
    case 'fecha': {
      const dates = values.flatMap((value) => (Array.isArray(value) ? value : [value])).map(String);
      const allowed = new Set(dates.flatMap((date) => [Number(date.slice(0, 4)), Number(date.slice(8, 10))]));
      const numbers = reader.findFigures(text).map((figure) => figure.value);
      const wrong = numbers.find((value) => !allowed.has(value));
      if (wrong !== undefined || numbers.length === 0) {
        return fail(
          numbers.join(', '),
          dates.join(', '),
          `La fecha «${text}» en ${lugar} no corresponde a ${campo} (${dates.join(', ')}).`,
        );
      }
      return { ...base, leido: numbers.join(', '), dato: dates.join(', '), correcta: true };
    }
    case 'ordinal': {
      const value = Number(values[0]);
      const written = (['f', 'm'] as const).flatMap((gender) =>
        (['words', 'oneWord', 'short'] as const).map((form) =>
          context.phrasing.ordinal(value, gender, { form }).toLocaleLowerCase(context.phrasing.lang),
        ),
      );
      if (!written.includes(text.toLocaleLowerCase(context.phrasing.lang))) {
        return fail(text, value, `El ordinal «${text}» en ${lugar} no es el ${String(value)} de ${campo}.`);
      }
      return { ...base, leido: value, dato: value, correcta: true };
    }
  }
}

/** The figure a marked run holds: read whole, or the one count the reader finds in it. */
function readNumber(text: string, reader: FigureReader): number | null {
  try {
    return reader.readFigure(text);
  } catch {
    const counts = reader.findFigures(text).filter((figure) => figure.kind === 'cifra');
    return counts.length === 1 ? (counts[0]?.value ?? null) : null;
  }
}

/**
 * Whether the figure sits inside words the edition copies from a dataset text (a name with a number,
 * "Hospital General de Zona 33", or a highlight's own words around its placeholders: "hubo una
 * jornada quirúrgica"): then it is the dataset's text, not a figure the edition wrote.
 */
function quotes(whole: string, datasetText: string, figure: FoundFigure): boolean {
  for (const piece of datasetText.split(/\{[^{}]*\}/)) {
    const words = piece.replace(/\s+/g, ' ').trim();
    if (words.length <= figure.text.length || !words.includes(figure.text)) continue;
    for (let at = whole.indexOf(words); at >= 0; at = whole.indexOf(words, at + 1)) {
      if (figure.start >= at && figure.end <= at + words.length) return true;
    }
  }
  return false;
}
