import type { Block, Inline, SourcedLines } from '../model/bulletin-document.ts';
import { splitMarks } from './figure-marks.ts';

/**
 * The small structured markup that templates write and compose parses into the document model.
 *
 * It is tag-shaped on purpose: Handlebars escapes `<`, `>`, `&`, `"`, `'`, `=` and `` ` `` in every
 * `{{value}}`, so a dataset's text can never open or close an element. Only the template author writes
 * structure; data always arrives here as escaped text and leaves as plain text.
 *
 * Top level: <fecha>, <numero>, <titulo>, <balazo>, <p>, <h2>, <h3>, <lista><li>..</li></lista>.
 * Inline: <b>, <i>, <a href="https://...">. Whitespace collapses as in HTML.
 */
export interface ParsedMarkup {
  readonly dateline: string;
  readonly number: string;
  readonly headline: string;
  readonly bullets: readonly (readonly Inline[])[];
  readonly body: readonly Block[];
  /** The dateline, number and headline as runs: their figures keep the marks of their sources. */
  readonly lines: SourcedLines;
}

type MutableResult = {
  dateline: string;
  number: string;
  headline: string;
  bullets: Inline[][];
  body: Block[];
  lines: { dateline: Inline[]; number: Inline[]; headline: Inline[] };
};

export class MarkupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MarkupError';
  }
}

type Token =
  | {
      readonly type: 'open';
      readonly name: string;
      readonly attributes: ReadonlyMap<string, string>;
      readonly at: number;
    }
  | { readonly type: 'close'; readonly name: string; readonly at: number }
  | { readonly type: 'text'; readonly text: string; readonly at: number };

const TOKEN = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z]+="[^"<>]*")*)\s*>|([^<]+)/y;
const ATTRIBUTE = /([a-z]+)="([^"]*)"/g;
const PLAIN_ELEMENTS = new Set(['fecha', 'numero', 'titulo']);
const INLINE_BLOCKS = new Set(['balazo', 'p', 'h2', 'h3', 'li']);
const INLINE_ELEMENTS = new Set(['b', 'i', 'a']);

export function parseMarkup(markup: string): ParsedMarkup {
  const parser = new MarkupParser(tokenize(markup));
  return parser.parseDocument();
}

function tokenize(markup: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < markup.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(markup);
    if (match === null) {
      throw new MarkupError(`Marcado mal formado en la posición ${at}: «${markup.slice(at, at + 40)}»`);
    }
    const [, slash, name, attributeText, text] = match;
    if (text !== undefined) tokens.push({ type: 'text', text: decodeEntities(text), at });
    else if (slash === '/') tokens.push({ type: 'close', name: name ?? '', at });
    else tokens.push({ type: 'open', name: name ?? '', attributes: readAttributes(attributeText ?? ''), at });
  }
  return tokens;
}

function readAttributes(text: string): ReadonlyMap<string, string> {
  const attributes = new Map<string, string>();
  for (const match of text.matchAll(ATTRIBUTE)) attributes.set(match[1] ?? '', decodeEntities(match[2] ?? ''));
  return attributes;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Undoes Handlebars' escaping (and any numeric entity), so the model holds plain text. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(Number.parseInt(body.slice(1), 10));
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}

class MarkupParser {
  private position = 0;
  private readonly tokens: readonly Token[];

  constructor(tokens: readonly Token[]) {
    this.tokens = tokens;
  }

  parseDocument(): ParsedMarkup {
    const result: MutableResult = {
      dateline: '',
      number: '',
      headline: '',
      bullets: [],
      body: [],
      lines: { dateline: [], number: [], headline: [] },
    };
    for (let token = this.next(); token !== undefined; token = this.next()) {
      if (token.type === 'text') {
        if (token.text.trim() !== '')
          throw new MarkupError(`Texto fuera de un elemento: «${token.text.trim().slice(0, 40)}»`);
        continue;
      }
      if (token.type === 'close') throw new MarkupError(`Cierre </${token.name}> sin apertura`);
      this.parseTopLevel(token.name, result);
    }
    return result;
  }

  private parseTopLevel(name: string, result: MutableResult): void {
    if (PLAIN_ELEMENTS.has(name)) {
      const content = this.parseInlines(name);
      const text = plainText(content);
      if (name === 'fecha') [result.dateline, result.lines.dateline] = [text, content];
      else if (name === 'numero') [result.number, result.lines.number] = [text, content];
      else [result.headline, result.lines.headline] = [text, content];
      return;
    }
    if (name === 'balazo') {
      const content = this.parseInlines(name);
      if (content.length > 0) result.bullets.push(content);
      return;
    }
    if (name === 'p') {
      const content = this.parseInlines(name);
      if (content.length > 0) result.body.push({ kind: 'paragraph', content });
      return;
    }
    if (name === 'h2' || name === 'h3') {
      const content = this.parseInlines(name);
      if (content.length > 0) result.body.push({ kind: 'heading', level: name === 'h2' ? 2 : 3, content });
      return;
    }
    if (name === 'lista') {
      const items = this.parseListItems();
      if (items.length > 0) result.body.push({ kind: 'list', items });
      return;
    }
    throw new MarkupError(`Elemento desconocido en el nivel superior: <${name}>`);
  }

  private parseListItems(): Inline[][] {
    const items: Inline[][] = [];
    for (let token = this.next(); token !== undefined; token = this.next()) {
      if (token.type === 'close' && token.name === 'lista') return items;
      if (token.type === 'text' && token.text.trim() === '') continue;
      if (token.type === 'open' && token.name === 'li') {
        const content = this.parseInlines('li');
        if (content.length > 0) items.push(content);
        continue;
      }
      throw new MarkupError('Dentro de <lista> solo van elementos <li>');
    }
    throw new MarkupError('Falta el cierre </lista>');
  }

  /** Reads inline content up to the closing tag of `parent`, collapsing whitespace as HTML does. */
  private parseInlines(parent: string): Inline[] {
    return trimInlines(this.parseInlineRun(parent));
  }

  private parseInlineRun(parent: string): Inline[] {
    const content: Inline[] = [];
    for (let token = this.next(); token !== undefined; token = this.next()) {
      if (token.type === 'text') {
        // ASCII whitespace collapses as in HTML; a no-break space from the phrasing ("3 mil 729") stays.
        appendText(content, token.text.replace(/[ \t\n\r\f]+/g, ' '));
      } else if (token.type === 'close') {
        if (token.name !== parent) throw new MarkupError(`Se esperaba </${parent}> y se encontró </${token.name}>`);
        return content;
      } else if (INLINE_ELEMENTS.has(token.name)) {
        const children = this.parseInlineRun(token.name);
        if (children.length === 0) continue;
        if (token.name === 'b') content.push({ kind: 'strong', children });
        else if (token.name === 'i') content.push({ kind: 'em', children });
        else content.push({ kind: 'link', href: safeHref(token.attributes.get('href')), children });
      } else {
        throw new MarkupError(`<${token.name}> no puede ir dentro de <${parent}>`);
      }
    }
    if (INLINE_BLOCKS.has(parent) || PLAIN_ELEMENTS.has(parent) || INLINE_ELEMENTS.has(parent)) {
      throw new MarkupError(`Falta el cierre </${parent}>`);
    }
    return content;
  }

  private next(): Token | undefined {
    const token = this.tokens[this.position];
    this.position += 1;
    return token;
  }
}

/** Appends text, merging plain text with the plain run before it; a sourced figure stays its own run. */
function appendText(content: Inline[], text: string): void {
  for (const piece of splitMarks(text)) {
    const last = content.at(-1);
    if (piece.source !== undefined) content.push({ kind: 'text', text: piece.text, source: piece.source });
    else if (last?.kind === 'text' && last.source === undefined) {
      content[content.length - 1] = { kind: 'text', text: (last.text + piece.text).replace(/ {2,}/g, ' ') };
    } else content.push({ kind: 'text', text: piece.text });
  }
}

/** Drops the spaces a template's line breaks leave at the start and end of a block. */
function trimInlines(content: Inline[]): Inline[] {
  const result = [...content];
  const first = result[0];
  if (first?.kind === 'text') result[0] = { ...first, text: first.text.trimStart() };
  const last = result.at(-1);
  if (last?.kind === 'text') result[result.length - 1] = { ...last, text: last.text.trimEnd() };
  return result.filter((inline) => inline.kind !== 'text' || inline.text !== '');
}

export function plainText(content: readonly Inline[]): string {
  return content.map((inline) => (inline.kind === 'text' ? inline.text : plainText(inline.children))).join('');
}

function safeHref(href: string | undefined): string {
  if (href === undefined || !/^(https?:\/\/|mailto:)/i.test(href)) {
    throw new MarkupError(`Enlace sin dirección válida (se aceptan http://, https:// y mailto:): «${href ?? ''}»`);
  }
  return href;
}
