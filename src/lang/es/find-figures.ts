import { tokenizeFigures, type FigureToken } from './figure-tokens.ts';
import { parseFigureAt } from './parse-figure-tokens.ts';
import { type FigureKind, type FoundFigure, identifiersAndSkippedSpans, inSpans } from '../found-figure.ts';

export type { FigureKind, FoundFigure } from '../found-figure.ts';

const MONTHS = 'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre';
/** After a day: more days ("10, 11 y 12", "24 al 26") and then "de <mes>". */
const dayContinuation = new RegExp(
  `^(?:\\s*(?:,|y|e|o|al|a|-|–)\\s*\\d{1,2})*\\s+(?:de|del)\\s+(?:${MONTHS})(?!\\p{L})`,
  'iu',
);
/** Numbers that name something: bulletin and hospital numbers. */
const numberSign = /\b(?:No|Núm|Num)\.\s?(\d+)(?:\/(\d{4}))?/gu;
/** Spans with digits that are not prose: web addresses and ISO dates or times. */
const notProse = /\b(?:https?:\/\/|www\.)\S+|\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?/gu;
/** Words after which a number is the name of a unit: "Zona 33", "Regional 1", "Especialidades 25". */
const unitWords = new Set([
  'Zona',
  'Subzona',
  'Regional',
  'Especialidades',
  'Pediatría',
  'Ginecopediatría',
  'Ginecobstetricia',
  'Familiar',
  'Hospital',
  'Clínica',
  'UMF',
  'HE',
  'HGZ',
  'HGZMF',
  'HGR',
  'HGSZ',
  'HGO',
  'HGP',
  'UMAA',
  'COVID',
  'Número',
]);

/**
 * Finds every number in a paragraph with its position and kind, so a later check can prove that each
 * printed figure comes from the data. Every form of readFigure is found, across line breaks too
 * ("cinco mil\n447"). The rules, pragmatic and documented:
 * - Digits glued to letters are part of a name, not a number: "COVID-19", "L5-S1", "IMG_9999", a URL.
 *   Web addresses and ISO dates ("2021-09-01T20:23:00") are skipped.
 * - "No. 093/2023" is one "identificador" (value 93); so are "No. 25" and plain digits right after a unit
 *   word ("Zona 33", "Regional 1", "COVID 19").
 * - A day followed by "de <mes>" (alone or in a list or range) is a "fecha"; so is a four-digit number from
 *   1900 to 2099 (a year): the house styles never write a count that way ("2 mil 21"); in the rae style
 *   a count from 1900 to 2099 is reported as a "fecha" too.
 * - "dos" to "nueve" and "cero" are always figures ("los tres niveles" too: it is a number).
 * - "un", "una", "uno" are articles far more often than numbers. They count as figures when: "uno" (a
 *   pronoun: "y uno de hígado"); "una de ..." ("una de éstas multiorgánica"); or inside an enumeration of
 *   figures, with up to ten words and a comma or "y"/"e" between them and the figure before or after
 *   ("un hígado, ocho riñones y dos córneas"). "a una paciente" is an article.
 */
export function findFigures(paragraph: string): FoundFigure[] {
  const { identifiers, skipped } = identifiersAndSkippedSpans(paragraph, numberSign, notProse);
  const found: FoundFigure[] = [...identifiers];
  const tokens = tokenizeFigures(paragraph);
  const ones: FoundFigure[] = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index];
    if (token === undefined) break;
    const parsed =
      startsFigure(token) && !inSpans(token.start, skipped) && !gluedToName(paragraph, token)
        ? parseFigureAt(tokens, index, { strict: false })
        : null;
    if (parsed === null) {
      index += 1;
      continue;
    }
    const last = tokens[parsed.next - 1] ?? token;
    const figure = {
      value: parsed.value,
      text: paragraph.slice(token.start, last.end),
      start: token.start,
      end: last.end,
      percent: parsed.percent,
    };
    if (parsed.shape === 'word' && parsed.value === 1) ones.push({ ...figure, kind: 'cifra' });
    else found.push({ ...figure, kind: parsed.shape === 'digits' ? kindOfDigits(paragraph, tokens, index) : 'cifra' });
    index = parsed.next;
  }
  const figures = found.filter((figure) => figure.kind === 'cifra');
  found.push(...ones.filter((one) => oneIsAFigure(paragraph, tokens, one, figures)));
  return found.sort((a, b) => a.start - b.start);
}

function startsFigure(token: FigureToken): boolean {
  return (
    token.type !== 'symbol' &&
    (token.type !== 'word' || /^(?:cero|un|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|mil)$/.test(token.lower))
  );
}

/** "COVID-19", "L5-S1", "3KIgH0Y", "IMG_9999": digits that belong to a name. */
function gluedToName(paragraph: string, token: FigureToken): boolean {
  if (token.type === 'word') return false;
  const before = paragraph.charAt(token.start - 1);
  const after = paragraph.charAt(token.end);
  if (/[\p{L}\d_]/u.test(before) || /[\p{L}_]/u.test(after)) return true;
  return (before === '-' || before === '/') && /[\p{L}]/u.test(paragraph.charAt(token.start - 2));
}

/** Plain digits: a day or a year of a date, a unit's number, or a figure. */
function kindOfDigits(paragraph: string, tokens: readonly FigureToken[], index: number): FigureKind {
  const token = tokens[index];
  if (token === undefined) return 'cifra';
  const value = Number(token.raw);
  if (value >= 1 && value <= 31 && token.raw.length <= 2 && dayContinuation.test(paragraph.slice(token.end)))
    return 'fecha';
  if (token.raw.length === 4 && value >= 1900 && value <= 2099) return 'fecha';
  const previous = tokens[index - 1];
  if (previous?.type === 'word' && token.gap.trim() === '' && token.gap !== '' && unitWords.has(previous.raw)) {
    return 'identificador';
  }
  return 'cifra';
}

/** The context rule for "un", "una", "uno" (see findFigures). */
function oneIsAFigure(
  paragraph: string,
  tokens: readonly FigureToken[],
  one: FoundFigure,
  figures: readonly FoundFigure[],
): boolean {
  const word = one.text.toLocaleLowerCase('es-MX');
  if (word === 'uno') return true;
  const nextToken = tokens.find((token) => token.start >= one.end);
  if (word === 'una' && (nextToken?.lower === 'de' || nextToken?.lower === 'del')) return true;
  const before = figures.filter((figure) => figure.end <= one.start).at(-1);
  const after = figures.find((figure) => figure.start >= one.end);
  return (
    (before !== undefined && enumerationGap(paragraph.slice(before.end, one.start))) ||
    (after !== undefined && enumerationGap(paragraph.slice(one.end, after.start)))
  );
}

/**
 * Up to ten words ending in a comma, "y" or "e": the gap between two items of a list of figures
 * ("26 especialidades en Estado de México Poniente y una donación"). A miss would let a wrong "una"
 * through unchecked, a false find only asks a reader to look: so the limit errs on the generous side.
 */
function enumerationGap(gap: string): boolean {
  if (!/^[\s\p{L}]*(?:,|\s[ye])\s+$/u.test(gap)) return false;
  return gap.split(/[\s,]+/).filter((word) => word !== '').length <= 10;
}
