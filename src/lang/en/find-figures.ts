import { type FigureKind, type FoundFigure, identifiersAndSkippedSpans, inSpans } from '../found-figure.ts';
import { readEnglishFigure } from './read-figure.ts';

/** The value of what was found, in any shape: "2021" or a typed "3242" are numbers too, to be checked. */
function looseValue(text: string): number {
  const digits = /^[\d,]+$/.test(text) ? text.replaceAll(',', '') : undefined;
  return digits === undefined ? readEnglishFigure(text) : Number(digits);
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** A number and what may follow it: "3,242", "120.9 percent", "16.1 million"; or a small number in words. */
const NUMBER =
  /(?<![\p{L}\d_,.\/-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d)?(?:\s+(?:million|billion))?(?:\s*(?:%|percent))?(?![\p{L}\d_]|,\d)|\b(?:zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/giu;
/** "No. 093/2023", "No. 25". */
const NUMBER_SIGN = /\bNo\.\s?(\d+)(?:\/(\d{4}))?/gu;
/** Before a day: "December 17", "December 17 to 19", "March 10, 11 and". */
const DAY_CONTEXT = new RegExp(
  `(?:${MONTHS})\\s+\\d{1,2}(?:(?:,\\s*|\\s+(?:to|and)\\s+|\\s*–\\s*)\\d{1,2})*(?:,\\s*|\\s+(?:to|and)\\s+|\\s*–\\s*)?$|(?:${MONTHS})\\s+$`,
  'u',
);
const NOT_PROSE = /\b(?:https?:\/\/|www\.)\S+|\b\d{4}-\d{2}-\d{2}\S*/gu;
const UNIT_WORDS = /\b(?:Zone|Hospital|Regional|Unit|Clinic|COVID|Number|No\.)\s+$/u;

/**
 * Every number of an English paragraph with its position and kind, as findFigures does for Spanish:
 * "cifra" (a count or percentage that must come from the data), "fecha" (a day or year of a date) or
 * "identificador" (a bulletin or unit number). "one" is left out: in English prose it is a pronoun far
 * more often than a count ("one of the units"), and a count of one is verified where it is printed.
 */
export function findEnglishFigures(paragraph: string): FoundFigure[] {
  const { identifiers, skipped } = identifiersAndSkippedSpans(paragraph, NUMBER_SIGN, NOT_PROSE);
  const found: FoundFigure[] = [...identifiers];
  for (const match of paragraph.matchAll(NUMBER)) {
    const start = match.index;
    if (inSpans(start, skipped)) continue;
    const text = match[0];
    const percent = /(?:%|percent)$/.test(text);
    found.push({
      value: looseValue(text),
      text,
      start,
      end: start + text.length,
      percent,
      kind: kindOf(paragraph, start, text, percent),
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

function kindOf(paragraph: string, start: number, text: string, percent: boolean): FigureKind {
  if (percent || !/^\d+$/.test(text)) return 'cifra';
  const before = paragraph.slice(Math.max(0, start - 60), start);
  const value = Number(text);
  if (value >= 1 && value <= 31 && DAY_CONTEXT.test(before)) return 'fecha';
  if (text.length === 4 && value >= 1900 && value <= 2099) return 'fecha';
  if (UNIT_WORDS.test(before)) return 'identificador';
  return 'cifra';
}
