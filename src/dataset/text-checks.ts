import type { ProblemSink } from './problem.ts';
import { isRecord } from './problem.ts';

/**
 * Every text of a dataset, whatever file it came from, is NFC-normalised (so "Michoacán" typed with a combining
 * accent is the same name as the composed one) and refused, with its place and the character's code, when it
 * holds what a reader cannot see or a file cannot carry:
 * - control characters (line breaks and tabs are allowed only in the free texts of highlights and notes);
 * - noncharacters (U+FFFE, U+FDD0...), which make a Word file no reader opens, and unpaired surrogates;
 * - format characters: bidi overrides and isolates, which reverse the template's own text in the PDF, and
 *   zero-width characters, which make "Jalisco" and "Jalisco" two states (the soft hyphen alone is allowed);
 * - private-use characters, which print as empty boxes;
 * - a word longer than the limit: a line cannot break inside it, so it would run off the page.
 * Applied once, in validation, so JSON, YAML, Excel and CSV are held to the same rule.
 */

/** Longest run of characters without a space: Spanish words and names stay far below it. */
export const maxWordChars = 60;

/** Fields whose text may run over several lines. */
const multilineFields = new Set(['texto', 'textoEn', 'notas']);
/** Fields never published or checked on their own (addresses have their own rule). */
const unpublishedFields = new Set(['notas', '$schema', 'fotos', 'video', 'estadosCsv']);

const namedCharacters: Readonly<Record<number, string>> = {
  0x200b: 'espacio de ancho cero',
  0x200c: 'separador de ancho cero',
  0x200d: 'unión de ancho cero',
  0x2060: 'unión de palabras invisible',
  0xfeff: 'marca de orden de bytes dentro del texto',
  0x200e: 'marca de izquierda a derecha',
  0x200f: 'marca de derecha a izquierda',
  0x061c: 'marca de letra árabe',
  0x202a: 'inicio de texto de izquierda a derecha',
  0x202b: 'inicio de texto de derecha a izquierda',
  0x202c: 'fin de cambio de dirección',
  0x202d: 'forzado de izquierda a derecha',
  0x202e: 'forzado de derecha a izquierda',
  0x2066: 'aislamiento de izquierda a derecha',
  0x2067: 'aislamiento de derecha a izquierda',
  0x2068: 'aislamiento de primera dirección',
  0x2069: 'fin de aislamiento de dirección',
};

type PlaceOf = (path: readonly PropertyKey[]) => string;

/** The dataset with every text (and key) NFC-normalised; refusals go to the sink. */
export function checkTexts(raw: unknown, sink: ProblemSink, placeOf: PlaceOf): unknown {
  return walk(raw, [], sink, placeOf);
}

function walk(value: unknown, path: PropertyKey[], sink: ProblemSink, placeOf: PlaceOf): unknown {
  if (typeof value === 'string') return checkText(value, path, sink, placeOf);
  if (Array.isArray(value)) return value.map((item, index) => walk(item, [...path, index], sink, placeOf));
  if (!isRecord(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const normalKey = key.normalize('NFC');
    if (refusedCharacter(normalKey, false) !== undefined)
      checkText(normalKey, [...path, key], sink, placeOf, 'el nombre del campo');
    // Defined, not assigned: a key "__proto__" (JSON.parse makes it an own key) assigned would set the
    // object's prototype, and the unknown-field checks would never see it.
    Object.defineProperty(result, normalKey, {
      value: walk(item, [...path, key], sink, placeOf),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return result;
}

function checkText(
  text: string,
  path: readonly PropertyKey[],
  sink: ProblemSink,
  placeOf: PlaceOf,
  what = 'el texto',
): string {
  const normal = text.normalize('NFC');
  const field = String(path.findLast((key) => typeof key === 'string') ?? '');
  const refused = refusedCharacter(normal, multilineFields.has(field));
  if (refused !== undefined) {
    sink.error(
      placeOf(path),
      `${what} lleva un carácter ${refused.name} (U+${refused.code}) en la posición ${refused.position}${refused.visible ? `, tras «${refused.before}»` : ''}`,
      refused.fix,
    );
    return normal;
  }
  if (!unpublishedFields.has(field)) {
    const long = /[^\s]+/gu;
    for (const [word] of normal.matchAll(long)) {
      if (word.length <= maxWordChars) continue;
      sink.error(
        placeOf(path),
        `${what} tiene una palabra de ${word.length} caracteres sin espacios («${word.slice(0, 20)}…»); ninguna línea del boletín puede partirla (el límite es ${maxWordChars})`,
        'Separe las palabras con espacios; si es una dirección web, póngala en «enlaces».',
      );
      break;
    }
  }
  return normal;
}

interface Refused {
  readonly name: string;
  readonly code: string;
  readonly position: number;
  readonly before: string;
  readonly visible: boolean;
  readonly fix: string;
}

/** The first character a dataset's text must not hold, or undefined. */
export function refusedCharacter(text: string, multiline: boolean): Refused | undefined {
  let position = 0;
  for (const char of text) {
    position += 1;
    const code = char.codePointAt(0) ?? 0;
    const kind = classify(char, code, multiline);
    if (kind === undefined) continue;
    const before = [...text]
      .slice(Math.max(0, position - 21), position - 1)
      .join('')
      .trim();
    return {
      ...kind,
      code: code.toString(16).toUpperCase().padStart(4, '0'),
      position,
      before,
      visible: before !== '',
    };
  }
  return undefined;
}

function classify(char: string, code: number, multiline: boolean): { name: string; fix: string } | undefined {
  const invisible =
    'Bórrelo: suele llegar al copiar y pegar desde una página web, un PDF o un mensaje; vuelva a escribir esa parte a mano.';
  if (code === 0x09 || code === 0x0a || code === 0x0d) {
    return multiline
      ? undefined
      : {
          name: code === 0x09 ? 'de tabulación' : 'de salto de línea',
          fix: 'Escriba el texto en una sola línea, sin tabuladores.',
        };
  }
  if (/\p{Cc}/u.test(char)) return { name: 'de control', fix: invisible };
  if (/\p{Cs}/u.test(char))
    return {
      name: 'inválido (media pareja de un carácter UTF-16)',
      fix: 'Vuelva a escribir esa parte y guarde el archivo en UTF-8.',
    };
  if ((code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe)
    return { name: 'que no es un carácter (no carácter de Unicode)', fix: invisible };
  const named = namedCharacters[code];
  if (named !== undefined) return { name: `invisible (${named})`, fix: invisible };
  if (/\p{Cf}/u.test(char) && code !== 0xad) return { name: 'invisible de formato', fix: invisible };
  if (/\p{Co}/u.test(char))
    return {
      name: 'de uso privado (se imprime como un cuadro vacío)',
      fix: 'Cámbielo por el carácter que quiso escribir.',
    };
  return undefined;
}
