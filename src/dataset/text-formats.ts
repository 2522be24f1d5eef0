import { LineCounter, parseDocument } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { ProblemSink } from './problem.ts';
import { pathText } from './problem.ts';

/** A parsed text dataset, and where each JSON path sits in the file ("cifras.cirugias (línea 12)"). */
export interface ParsedText {
  readonly raw: unknown;
  readonly placeOf: (path: readonly PropertyKey[]) => string;
}

export function parseJsonText(text: string, sink: ProblemSink): ParsedText | undefined {
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
  MULTIPLE_DOCS: 'el archivo tiene varios documentos YAML (separados por ---)',
};

export function parseYamlText(text: string, sink: ProblemSink): ParsedText | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
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
  const raw: unknown = document.toJS({ maxAliasCount: 100 });
  return { raw, placeOf: yamlPlaces(document.contents, lineCounter) };
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
