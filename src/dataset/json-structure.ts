import type { ProblemSink } from './problem.ts';

/**
 * What JSON.parse does not say about a JSON text: a key repeated in one object (JSON.parse silently keeps the
 * last value, so a figure typed twice would publish the second), a number in exponent form (1e3 is read as
 * 1000, but nobody types a figure so), and nesting deep enough to make the later, recursive stages slow.
 *
 * Written by hand because it is small and exact: it runs before JSON.parse on any text and only needs to follow
 * strings and brackets, one pass, no recursion. JSON parsers that report duplicates build a whole syntax tree
 * (or depend on one) for what a set per open object does. Keys are compared after NFC normalisation, as every
 * text of a dataset is normalised: "Michoacán" typed with a combining accent is the same key as the composed one.
 */

/** Deepest nesting of objects and lists accepted: a dataset nests five or six levels. */
export const maxNesting = 32;

interface Open {
  readonly keys: Map<string, number> | undefined;
}

/**
 * Scans a JSON text, adding its problems to the sink: 'too-deep' when it must not even be parsed, 'problems'
 * when it holds repeated keys or exponents, 'ok' otherwise.
 */
export function checkJsonStructure(text: string, sink: ProblemSink): 'ok' | 'problems' | 'too-deep' {
  const stack: Open[] = [];
  let line = 1;
  let ok = true;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '\n') line += 1;
    else if (char === '{' || char === '[') {
      stack.push({ keys: char === '{' ? new Map() : undefined });
      if (stack.length > maxNesting) {
        sink.error(
          `línea ${line}`,
          `el JSON anida objetos o listas a más de ${maxNesting} niveles`,
          'Revise que sea el archivo de datos de una jornada; sus datos no anidan tanto.',
        );
        return 'too-deep';
      }
    } else if (char === '}' || char === ']') stack.pop();
    else if (char === '"') {
      const end = stringEnd(text, index);
      const top = stack.at(-1);
      if (top?.keys !== undefined && nextSignificant(text, end + 1) === ':') {
        const key = decodeKey(text.slice(index, end + 1)).normalize('NFC');
        const first = top.keys.get(key);
        if (first === undefined) top.keys.set(key, line);
        else {
          ok = false;
          sink.error(
            `línea ${line}`,
            `el campo «${key}» está repetido en el mismo objeto (también en la línea ${first}); sólo uno de sus valores se leería`,
            'Deje el campo una sola vez, con su valor correcto.',
          );
        }
      }
      index = end;
    } else if (
      (char === 'e' || char === 'E') &&
      /[\d.]/.test(text[index - 1] ?? '') &&
      /[\d+-]/.test(text[index + 1] ?? '')
    ) {
      ok = false;
      const number = /[-\d.]*$/.exec(text.slice(Math.max(0, index - 20), index))?.[0] ?? '';
      sink.error(
        `línea ${line}`,
        `el número «${number}${/^[eE][+-]?\d*/.exec(text.slice(index, index + 24))?.[0] ?? ''}» está en notación científica`,
        'Escriba el número con todos sus dígitos: 1000, no 1e3.',
      );
    }
  }
  return ok ? 'ok' : 'problems';
}

/** Index of the closing quote of the string opening at `start` (or the text's end, for JSON.parse to report). */
function stringEnd(text: string, start: number): number {
  for (let index = start + 1; index < text.length; index += 1) {
    const char = text[index];
    if (char === '\\') index += 1;
    else if (char === '"' || char === '\n') return index;
  }
  return text.length;
}

function nextSignificant(text: string, from: number): string | undefined {
  for (let index = from; index < text.length; index += 1) {
    const char = text[index] ?? '';
    if (!/\s/.test(char)) return char;
  }
  return undefined;
}

function decodeKey(quoted: string): string {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted.slice(1, -1);
  }
}
