import type { z } from 'zod';
import { explainBadCount, explainBadDate } from './figure-text.ts';
import type { ProblemSink } from './problem.ts';
import { pathText } from './problem.ts';
import { closest } from './text-similarity.ts';

/**
 * Turns zod's issues into Spanish problems a person can act on: which field, what is wrong, how to fix it.
 * `placeOf` maps a JSON path to where the user typed it (a sheet cell for Excel).
 */
export function reportIssues(
  issues: readonly z.core.$ZodIssue[],
  root: z.ZodType,
  sink: ProblemSink,
  placeOf: (path: readonly PropertyKey[]) => string,
): void {
  const seen = new Set<string>();
  for (const issue of issues) {
    const path = issue.path as PropertyKey[];
    if (issue.code === 'unrecognized_keys') {
      const known = objectKeysAt(root, path);
      for (const key of issue.keys) {
        const suggestion = closest(
          key,
          known.map((value) => ({ value, names: [] })),
        );
        const where = pathText([...path, key]);
        sink.error(
          placeOf([...path, key]),
          `el campo «${key}» no existe${path.length === 0 ? '' : ` en «${pathText(path)}»`}`,
          suggestion === undefined
            ? `Quítelo o corrija su nombre; los campos posibles aquí son: ${known.join(', ')}.`
            : `¿Quiso decir «${suggestion}»? Corrija el nombre de «${where}».`,
        );
      }
      continue;
    }
    const place = placeOf(path);
    if (seen.has(place)) continue;
    seen.add(place);
    const { message, fix } = describeIssue(issue, pathText(path));
    sink.error(place, message, fix);
  }
}

function describeIssue(issue: z.core.$ZodIssue, field: string): { message: string; fix: string } {
  const input: unknown = issue.input;
  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) {
        return { message: `falta el campo obligatorio «${field}»`, fix: `Escriba «${field}» (vea docs/dataset.md).` };
      }
      if (input === null) {
        return { message: `«${field}» está vacío (null)`, fix: 'Escriba su valor, o quite el campo si no aplica.' };
      }
      const expected = issue.expected;
      if ((expected === 'number' || expected === 'int') && typeof input === 'string') {
        const why = explainBadCount(input);
        if (/^\s*-?\d+\s*$/.test(input)) {
          return {
            message: `la cifra «${input}» de «${field}» está entre comillas (es texto)`,
            fix: `Escriba el número sin comillas: ${input.trim()}.`,
          };
        }
        return { message: `${capitalize(why.message)} en «${field}»`, fix: why.fix };
      }
      if (expected === 'int' && typeof input === 'number') {
        return {
          message: `«${field}» vale ${String(input)}, pero un conteo es un número entero`,
          fix: 'Escriba un número entero, sin decimales.',
        };
      }
      return {
        message: `«${field}» debe ser ${typeName(expected)}, pero es ${describeValue(input)}`,
        fix: fixFor(expected),
      };
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      const suggestion =
        typeof input === 'string'
          ? closest(
              input,
              values.map((value) => ({ value, names: [] })),
            )
          : undefined;
      return {
        message: `«${String(input)}» no es un valor válido para «${field}»`,
        fix: `${suggestion === undefined ? '' : `¿Quiso decir «${suggestion}»? `}Los valores posibles son: ${values.join(', ')}.`,
      };
    }
    case 'invalid_format': {
      if (issue.format === 'url') {
        return {
          message: `«${String(input)}» en «${field}» no es una dirección web completa`,
          fix: 'Escriba la dirección completa, con https:// al principio.',
        };
      }
      if (typeof input === 'string') {
        const why = explainBadDate(input);
        return { message: `${capitalize(why.message)} («${field}»)`, fix: why.fix };
      }
      return { message: `«${field}» no tiene el formato esperado`, fix: 'Vea docs/dataset.md.' };
    }
    case 'too_small': {
      if (issue.origin === 'string')
        return { message: `«${field}» está vacío`, fix: 'Escriba el texto, o quite el campo.' };
      if (issue.origin === 'array')
        return { message: `la lista «${field}» está vacía`, fix: 'Agregue elementos, o quite el campo.' };
      if (Number(issue.minimum) === 0 && issue.inclusive === true) {
        return {
          message: `«${field}» vale ${String(input)}, pero una cifra no puede ser negativa`,
          fix: 'Escriba un número entero de cero en adelante.',
        };
      }
      return {
        message: `«${field}» vale ${String(input)}, pero debe ser mayor que cero`,
        fix: 'Escriba un número entero mayor que cero.',
      };
    }
    case 'too_big':
      return {
        message: `«${field}» vale ${String(input)}, un número demasiado grande para ser cierto`,
        fix: 'Revise la cifra: ¿sobran dígitos?',
      };
    case 'custom':
      if (issue.message === 'fecha inexistente') {
        return {
          message: `la fecha «${String(input)}» de «${field}» no existe en el calendario`,
          fix: 'Revise el día y el mes (año-mes-día).',
        };
      }
      return { message: `«${field}»: ${issue.message}`, fix: 'Vea docs/dataset.md.' };
    default:
      return { message: `«${field}» no es válido`, fix: 'Vea docs/dataset.md.' };
  }
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    number: 'un número',
    int: 'un número entero',
    string: 'un texto',
    boolean: 'true o false',
    array: 'una lista',
    object: 'un objeto con campos',
    record: 'un objeto con campos',
  };
  return names[expected] ?? expected;
}

function fixFor(expected: string): string {
  const fixes: Record<string, string> = {
    number: 'Escriba un número sin comillas.',
    int: 'Escriba un número entero sin comillas.',
    string: 'Escriba el valor entre comillas.',
    boolean: 'Escriba true o false, sin comillas.',
    array: 'Escriba una lista entre corchetes: [ ... ].',
    object: 'Escriba un objeto entre llaves: { ... }.',
    record: 'Escriba un objeto entre llaves: { "cirugias": 3029 }.',
  };
  return fixes[expected] ?? 'Vea docs/dataset.md.';
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'una lista';
  if (typeof value === 'string') return `el texto «${value.length > 40 ? `${value.slice(0, 40)}…` : value}»`;
  if (typeof value === 'number') return `el número ${String(value)}`;
  if (typeof value === 'boolean') return `el valor ${String(value)}`;
  if (typeof value === 'object') return 'un objeto';
  return typeof value;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

interface ZodInternals {
  readonly _zod: { readonly def: Record<string, unknown> & { readonly type: string } };
}

/** The field names the schema allows at a path, for "¿quiso decir ...?" on unknown fields. */
export function objectKeysAt(root: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: ZodInternals | undefined = unwrap(root as unknown as ZodInternals);
  for (const key of path) {
    if (node === undefined) return [];
    const def = node._zod.def;
    if (def.type === 'object' && typeof key === 'string') {
      node = unwrap((def['shape'] as Record<string, ZodInternals>)[key]);
    } else if (def.type === 'array' && typeof key === 'number') {
      node = unwrap(def['element'] as ZodInternals);
    } else if (def.type === 'record') {
      node = unwrap(def['valueType'] as ZodInternals);
    } else {
      return [];
    }
  }
  if (node?._zod.def.type !== 'object') return [];
  return Object.keys(node._zod.def['shape'] as Record<string, unknown>);
}

function unwrap(node: ZodInternals | undefined): ZodInternals | undefined {
  let current = node;
  while (current !== undefined && (current._zod.def.type === 'optional' || current._zod.def.type === 'nullable')) {
    current = current._zod.def['innerType'] as ZodInternals;
  }
  return current;
}
