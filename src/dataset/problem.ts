import type { Problem } from '../errors.ts';

/** Builds problems for one file, so each check names only the place, the message and the fix. */
export interface ProblemSink {
  readonly file: string;
  readonly problems: Problem[];
  error(place: string, message: string, fix?: string): void;
  warn(place: string, message: string, fix?: string): void;
}

export function problemSink(file: string): ProblemSink {
  const problems: Problem[] = [];
  const add = (severity: Problem['severity'], place: string, message: string, fix?: string): void => {
    problems.push({ severity, file, place, message, ...(fix === undefined ? {} : { fix }) });
  };
  return {
    file,
    problems,
    error: (place, message, fix) => add('error', place, message, fix),
    warn: (place, message, fix) => add('aviso', place, message, fix),
  };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

/** A JSON path as users read it: cifras.trasplante-rinon, estados[2].nombre. */
export function pathText(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? '(raíz)' : text;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
