import { LineCounter, parseDocument, visit } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import { checkJsonStructure, maxNesting } from './json-structure.ts';
import type { ProblemSink } from './problem.ts';
import { pathText, problemSink } from './problem.ts';

/** A parsed text dataset, and where each JSON path sits in the file ("cifras.cirugias (línea 12)"). */
export interface ParsedText {
  readonly raw: unknown;
  readonly placeOf: (path: readonly PropertyKey[]) => string;
}

export function parseJsonText(text: string, sink: ProblemSink): ParsedText | undefined {
  const structure = problemSink(sink.file);
  const scan = checkJsonStructure(text, structure);
  if (scan === 'too-deep') {
    sink.problems.push(...structure.problems);
    return undefined;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const { line, column, offset } = jsonErrorPosition(text, (error as Error).message);
    sink.error(
      line === undefined ? '(archivo)' : `línea ${line}, columna ${column ?? 1}`,
      `el JSON está mal formado${line === undefined ? '' : ` en la línea ${line}`}: ${jsonErrorHint(text, offset)}`,
      'Revise comas, comillas dobles y llaves cerca de ese punto. El JSON no admite comas antes de «}» o «]», comentarios ni comillas simples.',
    );
    return undefined;
  }
  if (scan === 'problems') {
    sink.problems.push(...structure.problems);
    return undefined;
  }
  return { raw, placeOf: linePlaces(text) };
}

function jsonErrorPosition(text: string, message: string): { line?: number; column?: number; offset?: number } {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  const position = /position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : /end of JSON|Unexpected end/i.test(message) ? text.length : undefined;
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]), ...(offset === undefined ? {} : { offset }) };
  if (offset === undefined) return {};
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n'), offset };
}

function jsonErrorHint(text: string, offset: number | undefined): string {
  if (offset === undefined) return 'no se pudo leer';
  if (offset >= text.trimEnd().length) return 'el archivo termina antes de tiempo (¿falta cerrar una llave «}» o un corchete «]»?)';
  const before = text.slice(0, offset).trimEnd();
  const here = text.slice(offset).trimStart();
  if (before.endsWith(',') && (here.startsWith('}') || here.startsWith(']'))) return 'sobra una coma antes del cierre';
  if (here.startsWith('//') || here.startsWith('/*')) return 'el JSON no admite comentarios';
  if (here.startsWith("'")) return 'el JSON usa comillas dobles ("), no simples';
  if (/^[A-Za-z_]/.test(here) && /[{,]$/.test(before)) return 'el nombre del campo va entre comillas dobles';
  if (here.startsWith('"') && /["\d}\]el]$/.test(before)) return 'falta una coma entre dos elementos';
  return `hay un carácter inesperado («${here.charAt(0)}»)`;
}

const yamlCodeMessages: Readonly<Record<string, string>> = {
  DUPLICATE_KEY: 'un campo está repetido en el mismo nivel',
  TAB_AS_INDENT: 'hay tabuladores en la sangría; YAML sólo admite espacios',
  BAD_INDENT: 'la sangría no es coherente',
  MISSING_CHAR: 'falta un carácter (¿unas comillas o un corchete sin cerrar?)',
  MULTILINE_IMPLICIT_KEY: 'un campo ocupa varias líneas (¿faltan los dos puntos o unas comillas?)',
  UNEXPECTED_TOKEN: 'hay un carácter inesperado',
  BLOCK_AS_IMPLICIT_KEY: 'la sangría o los dos puntos no son coherentes',
  BAD_DIRECTIVE: 'hay una directiva YAML inválida',
  RESOURCE_EXHAUSTION: 'el archivo anida demasiados niveles para ser datos de una jornada',
  TAG_RESOLVE_FAILED: 'hay una etiqueta YAML desconocida',
  MULTIPLE_DOCS: 'el archivo tiene varios documentos YAML (separados por ---)',
};

/** Most aliases (*name) expanded in a YAML file: a dataset needs none; more is a "billion laughs" file. */
export const maxYamlAliases = 100;

/**
 * YAML 1.2 with the core schema only, whatever the file says: a `%YAML 1.1` directive would make `0100` the
 * octal 64 and `yes` a boolean, so any directive but `%YAML 1.2` is refused, as are tags (`!!binary`,
 * `!!timestamp`...), numbers that are not plain decimals (0o17, 0x1F, 1e3, .inf), keys repeated in one map
 * (compared after NFC normalisation, with a set per map: the library's own check compares every pair) and
 * excessive aliases, each with its line.
 */
export function parseYamlText(text: string, sink: ProblemSink): ParsedText | undefined {
  if (!checkYamlDirectives(text, sink)) return undefined;
  if (flowNesting(text) > maxNesting) {
    sink.error('(archivo)', `el YAML anida objetos o listas a más de ${maxNesting} niveles`, 'Revise que sea el archivo de datos de una jornada; sus datos no anidan tanto.');
    return undefined;
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, version: '1.2', schema: 'core', merge: false });
  const lineOf = (offset: number): number => lineCounter.linePos(offset).line;
  if (document.errors.length > 0 || document.warnings.length > 0) {
    for (const error of [...document.errors, ...document.warnings]) {
      const position = lineCounter.linePos(error.pos[0]);
      const quoteLine = error.code === 'MISSING_CHAR' ? unclosedQuoteLine(text) : undefined;
      sink.error(
        `línea ${position.line}, columna ${position.col}`,
        `el YAML está mal formado en la línea ${position.line}: ${yamlCodeMessages[error.code] ?? 'no se pudo leer'}${quoteLine === undefined ? '' : `; las comillas de la línea ${quoteLine} no se cierran`}`,
        'Revise la sangría (sólo espacios), los dos puntos tras cada campo y las comillas cerca de ese punto.',
      );
    }
    return undefined;
  }
  if (!checkYamlNodes(document, lineOf, sink)) return undefined;
  let raw: unknown;
  try {
    // The library weighs each alias by what it expands to: aliases of aliases ("billion laughs") stop here.
    raw = document.toJS({ maxAliasCount: maxYamlAliases * 10 });
  } catch {
    sink.error('(archivo)', 'el YAML usa alias (*nombre) de alias que, expandidos, crecerían sin medida', 'Escriba los datos sin anclas ni alias (&nombre, *nombre).');
    return undefined;
  }
  return { raw, placeOf: yamlPlaces(document.contents, lineCounter) };
}

/** Only `%YAML 1.2` is accepted, and no `%TAG`: the data must read the same in every YAML reader. */
function checkYamlDirectives(text: string, sink: ProblemSink): boolean {
  let ok = true;
  const lines = text.split(/\r\n|\n|\r/);
  for (const [index, line] of lines.entries()) {
    if (/^(---|\.\.\.)(\s|$)/.test(line)) break;
    const directive = /^%(\S+)(?:[ \t]+(\S+))?/.exec(line);
    if (directive === null) continue;
    const [, name = '', value = ''] = directive;
    if (name === 'YAML' && value === '1.2') continue;
    ok = false;
    sink.error(
      `línea ${index + 1}`,
      name === 'YAML'
        ? `la directiva «%YAML ${value}» pide otra versión de YAML, que leería distinto algunos valores (en YAML 1.1, 0100 es 64 y «yes» es verdadero)`
        : `la directiva «%${name}» no se admite en los datos`,
      'Quite la línea de la directiva: Boletín lee YAML 1.2.',
    );
  }
  return ok;
}

/** The deepest [ and { nesting of a YAML text (block nesting is bounded by the parser itself). */
function flowNesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const char of text) {
    if (char === '[' || char === '{') deepest = Math.max(deepest, (depth += 1));
    else if ((char === ']' || char === '}') && depth > 0) depth -= 1;
  }
  return deepest;
}

function checkYamlNodes(document: Document.Parsed, lineOf: (offset: number) => number, sink: ProblemSink): boolean {
  let ok = true;
  let aliases = 0;
  const place = (node: { range?: [number, number, number] | null }): string => `línea ${node.range ? lineOf(node.range[0]) : 1}`;
  visit(document, {
    Alias: () => {
      aliases += 1;
    },
    Map: (_key, map) => {
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value).normalize('NFC');
        const line = pair.key.range ? lineOf(pair.key.range[0]) : 1;
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, line);
          continue;
        }
        ok = false;
        sink.error(`línea ${line}`, `el campo «${key}» está repetido en el mismo nivel (también en la línea ${first}); sólo uno de sus valores se leería`, 'Deje el campo una sola vez, con su valor correcto.');
      }
    },
    Node: (_key, node) => {
      if (node.tag !== undefined) {
        ok = false;
        sink.error(place(node), `la etiqueta YAML «${node.tag.replace('tag:yaml.org,2002:', '!!')}» no se admite en los datos`, 'Quite la etiqueta y escriba el valor tal cual (un texto, un número, una lista).');
      }
      if (isScalar(node) && typeof node.value === 'number' && node.type === 'PLAIN' && !/^[-+]?\d+(\.\d+)?$/.test(node.source ?? '')) {
        ok = false;
        sink.error(place(node), `el número «${node.source ?? ''}» no está escrito con dígitos decimales`, 'Escriba el número con sus dígitos: 1000, no 1e3, 0o17 ni 0x1F.');
      }
    },
  });
  if (aliases > maxYamlAliases) {
    ok = false;
    sink.error('(archivo)', `el YAML usa ${aliases} alias (*nombre), más de los ${maxYamlAliases} que se admiten`, 'Escriba los datos sin anclas ni alias (&nombre, *nombre).');
  }
  return ok;
}

/** The first line with an odd number of double quotes: where a quoted value was left open. */
function unclosedQuoteLine(text: string): number | undefined {
  const index = text.split(/\r?\n/).findIndex((line) => (line.replace(/\\"/g, '').match(/"/g)?.length ?? 0) % 2 === 1);
  return index === -1 ? undefined : index + 1;
}

/** JSON positions come from the same text read as YAML (JSON is YAML), which keeps node ranges. */
function linePlaces(text: string): (path: readonly PropertyKey[]) => string {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: false });
  return yamlPlaces(document.contents, lineCounter);
}

function yamlPlaces(root: unknown, lineCounter: LineCounter): (path: readonly PropertyKey[]) => string {
  return (path) => {
    const offset = offsetOf(root, path);
    const text = pathText(path);
    return offset === undefined ? text : `${text} (línea ${lineCounter.linePos(offset).line})`;
  };
}

/** Where the deepest existing node of a path starts: the key of a field, the item of a list. */
function offsetOf(root: unknown, path: readonly PropertyKey[]): number | undefined {
  let node: unknown = root;
  let offset = rangeStart(root);
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key));
      if (pair === undefined) return offset;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      if (item === undefined) return offset;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      return offset;
    }
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as YamlNode | undefined)?.range;
  return range === undefined || range === null ? undefined : range[0];
}
