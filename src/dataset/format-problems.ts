import type { Problem } from '../errors.ts';

/**
 * The Spanish report of a list of problems, grouped by file, errors first:
 *
 *   data/x.json: 1 error, 1 aviso
 *     ✗ error en cifras.trasplante-rinnon (línea 12): «trasplante-rinnon» no es un indicador del catálogo.
 *       → ¿Quiso decir «trasplante-rinon»? ...
 *     ! aviso en cifras.vasectomia: ...
 */
export function formatProblems(problems: readonly Problem[]): string {
  const byFile = new Map<string, Problem[]>();
  for (const problem of problems) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
  const sections: string[] = [];
  for (const [file, list] of byFile) {
    sections.push(`${file}: ${countText(list)}\n${formatProblemLines(list)}`);
  }
  return sections.length === 0 ? '' : sections.join('\n');
}

/** The indented lines of a list of problems, errors first, each with its fix. */
export function formatProblemLines(problems: readonly Problem[]): string {
  const ordered = [
    ...problems.filter((problem) => problem.severity === 'error'),
    ...problems.filter((problem) => problem.severity === 'aviso'),
  ];
  const lines: string[] = [];
  for (const problem of ordered) {
    const mark = problem.severity === 'error' ? '✗ error' : '! aviso';
    lines.push(`  ${mark} en ${problem.place}: ${sentence(problem.message)}`);
    if (problem.fix !== undefined) lines.push(`    → ${problem.fix}`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** "2 errores, 1 aviso". */
export function countText(problems: readonly Problem[]): string {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  const parts: string[] = [];
  if (errors > 0) parts.push(`${errors} ${errors === 1 ? 'error' : 'errores'}`);
  if (warnings > 0) parts.push(`${warnings} ${warnings === 1 ? 'aviso' : 'avisos'}`);
  return parts.length === 0 ? 'sin problemas' : parts.join(', ');
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.?!]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
