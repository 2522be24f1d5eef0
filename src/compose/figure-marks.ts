import type { FigureSource } from '../model/bulletin-document.ts';

/**
 * How a figure keeps its source on its way through the templates: the helper that writes it wraps it
 * in three private-use characters (U+E000 kind:fields U+E001 words U+E002). Handlebars escapes none of
 * them, nobody types them (a stray one is dropped, and its figure then fails the verification), and the markup parser turns each mark into a text
 * run that carries its `source`. Nothing marked ever reaches a renderer as a character.
 */
const OPEN = '\uE000';
const MIDDLE = '\uE001';
const CLOSE = '\uE002';
const MARK = /\uE000([a-z]+):([^\uE000-\uE002]*)\uE001([^\uE000-\uE002]*)\uE002/gu;
const ANY_MARK_CHARACTER = /[\uE000-\uE002]/gu;
const KINDS: ReadonlySet<string> = new Set(['cifra', 'porcentaje', 'fecha', 'ordinal', 'numero']);

/** The words of a figure, marked with where they come from; unmarked when the source is unknown. */
export function markFigure(text: string, source: FigureSource | undefined): string {
  if (source === undefined || text === '') return text;
  return `${OPEN}${source.kind}:${source.fields.join('|')}${MIDDLE}${text}${CLOSE}`;
}

/** The text without any mark: what a reader sees. */
export function stripMarks(text: string): string {
  return text
    .replace(MARK, (_whole, _kind: string, _fields: string, words: string) => words)
    .replace(ANY_MARK_CHARACTER, '');
}

export interface MarkedPiece {
  readonly text: string;
  readonly source?: FigureSource;
}

/** Splits text into plain and sourced pieces, in order; empty pieces are left out. */
export function splitMarks(text: string): MarkedPiece[] {
  const pieces: MarkedPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(MARK)) {
    const [whole, kind = '', fields = '', words = ''] = match;
    if (match.index > last) pieces.push({ text: text.slice(last, match.index).replace(ANY_MARK_CHARACTER, '') });
    const source = KINDS.has(kind)
      ? { kind: kind as FigureSource['kind'], fields: fields === '' ? [] : fields.split('|') }
      : undefined;
    pieces.push(source === undefined ? { text: words } : { text: words, source });
    last = match.index + whole.length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last).replace(ANY_MARK_CHARACTER, '') });
  return pieces.filter((piece) => piece.text !== '');
}

/**
 * A list joined by the phrasing module from marked items: the phrasing sees the items' plain words
 * (so "y"/"e"/"u" agree with the next word, not with a mark), and each item gets its marks back.
 */
export function joinMarked(items: readonly string[], join: (plain: string[]) => string): string {
  const plain = items.map(stripMarks);
  const joined = join(plain);
  let result = '';
  let from = 0;
  plain.forEach((item, index) => {
    const at = joined.indexOf(item, from);
    if (at < 0) return;
    result += joined.slice(from, at) + (items[index] ?? item);
    from = at + item.length;
  });
  return result + joined.slice(from);
}
