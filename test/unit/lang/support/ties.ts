import { findFigures } from '../../../../src/lang/index.ts';

/**
 * Expected texts are written with TeX's tie: "3~mil~729 cirugías" stands for "3 mil 729 cirugías" with
 * no-break spaces (U+00A0) inside the figure and a plain space before the noun, so each row says
 * exactly where a line may break and where it may not.
 */
export function tie(text: string): string {
  return text.replaceAll('~', '\u00A0');
}

/** The text as a seed (plain text, typed in) shows it: no-break spaces read as plain ones. */
export function asTyped(text: string): string {
  return text.replaceAll('\u00A0', ' ');
}

/**
 * The places in a written phrase where a line could break inside one unit: a figure with a plain space
 * in it ("3 mil 729"), a day range "24 al 26", a number "No. 093". Empty when every such unit is tied.
 */
export function breakableUnits(text: string): string[] {
  // Figures, and the bulletin's own number ("No. 093/2023"); a unit's number inside a name that comes
  // from the data ("Hospital de Especialidades No. 25") is the office's text, not the phrasing's.
  const figures = findFigures(text)
    .filter((figure) => figure.kind === 'cifra' || (figure.kind === 'identificador' && figure.text.includes('/')))
    .filter((figure) => /[ \n]/.test(figure.text))
    .map((figure) => figure.text);
  // A range of days within one month ("24 al 26", "entre el 24 y el 26", "17 to 19"); a list of days
  // ("10, 11 y 12 de marzo") may break after its commas and conjunction, as any list.
  const ranges = [...text.matchAll(/\b\d{1,2}\s(?:al|y\sel|to)\s\d{1,2}\b/gu)]
    .map((match) => match[0])
    .filter((range) => /[ \n]/.test(range));
  return [...figures, ...ranges];
}
