/** A piece of text the figure reader looks at: a run of digits, a word, or one other character. */
export interface FigureToken {
  /** The text as written. */
  readonly raw: string;
  /** Lower case, for comparing words ("Mil" is "mil"). */
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  readonly type: 'digits' | 'decimal' | 'commaGrouped' | 'word' | 'symbol';
  /** The text between the previous token and this one ("" when glued). */
  readonly gap: string;
}

// Order matters: "3,729" before "3"; "120.5" before "120".
const tokenPattern = /(\d{1,3}(?:,\d{3})+(?![\d,]))|(\d+\.\d+)|(\d+)|(\p{L}+)|(\S)/gu;

/** Splits a text into figure tokens, keeping positions. */
export function tokenizeFigures(text: string): FigureToken[] {
  const tokens: FigureToken[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(tokenPattern)) {
    const raw = match[0];
    const start = match.index;
    const type = match[1] ? 'commaGrouped' : match[2] ? 'decimal' : match[3] ? 'digits' : match[4] ? 'word' : 'symbol';
    tokens.push({
      raw,
      // Spanish has no special casing rules, and the locale-free toLowerCase is several times faster.
      lower: raw.toLowerCase(),
      start,
      end: start + raw.length,
      type,
      gap: text.slice(previousEnd, start),
    });
    previousEnd = start + raw.length;
  }
  return tokens;
}
