import { relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadCatalog } from '../../dataset/catalog.ts';
import { readEstadosCsv } from '../../dataset/csv-reader.ts';
import { countText, formatProblemLines } from '../../dataset/format-problems.ts';
import { checkJornadaFile } from '../../dataset/load-jornada.ts';
import { hasErrors, problemSink } from '../../dataset/problem.ts';
import type { Problem } from '../../errors.ts';
import type { CommandContext } from '../command-context.ts';
import { ExitCode } from '../exit-codes.ts';

interface ValidarOptions {
  readonly estricto?: boolean;
  readonly json?: boolean;
}

interface FileResult {
  readonly archivo: string;
  readonly valido: boolean;
  readonly problems: readonly Problem[];
  readonly hash?: string;
  readonly resumen: string;
}

/** `boletin validar ARCHIVO...`: checks datasets and prints every problem; writes nothing. */
export function registerValidar(program: Command, context: CommandContext): void {
  program
    .command('validar')
    .usage('[opciones] <archivos...>')
    .description('revisa los datos de una o más jornadas (JSON, YAML, Excel; CSV de estados) y dice qué corregir')
    .argument('[archivos...]', 'archivos de datos')
    .option('--estricto', 'los avisos también cuentan como errores')
    .option('--json', 'imprime el resultado en JSON')
    .action(async (archivos: string[], options: ValidarOptions) => {
      context.exitCode = await runValidar(archivos, options, context);
    });
}

async function runValidar(
  archivos: readonly string[],
  options: ValidarOptions,
  context: CommandContext,
): Promise<ExitCode> {
  const { io } = context;
  if (archivos.length === 0) {
    io.stderr('Indique al menos un archivo de datos: boletin validar ARCHIVO... (vea boletin validar --help).\n');
    return ExitCode.badInput;
  }
  const strict = options.estricto === true;
  const results: FileResult[] = [];
  for (const archivo of archivos) {
    const path = resolve(io.cwd, archivo);
    const shown = relative(io.cwd, path) || archivo;
    results.push(await checkFile(path, shown, strict));
  }
  if (options.json === true) {
    const json = results.map((result) => ({
      archivo: result.archivo,
      valido: result.valido,
      ...(result.hash === undefined ? {} : { sha256: result.hash }),
      errores: result.problems.filter((problem) => problem.severity === 'error').map(problemJson),
      avisos: result.problems.filter((problem) => problem.severity === 'aviso').map(problemJson),
    }));
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    for (const result of results) {
      const text = `${result.valido ? '✓' : '✗'} ${result.archivo}: ${result.resumen}\n${formatProblemLines(result.problems)}`;
      if (result.valido) io.stdout(text);
      else io.stderr(text);
    }
    if (results.length > 1) {
      const valid = results.filter((result) => result.valido).length;
      io.stdout(
        `${results.length} archivos: ${valid} ${valid === 1 ? 'válido' : 'válidos'}, ${results.length - valid} con errores.\n`,
      );
    }
  }
  return results.every((result) => result.valido) ? ExitCode.ok : ExitCode.badInput;
}

async function checkFile(path: string, shown: string, strict: boolean): Promise<FileResult> {
  let problems: readonly Problem[];
  let hash: string | undefined;
  let what = 'datos válidos';
  if (path.toLowerCase().endsWith('.csv')) {
    const sink = problemSink(shown);
    const table = await readEstadosCsv(path, sink, loadCatalog());
    problems = sink.problems;
    if (table !== undefined)
      what = `tabla de estados válida (${table.estados.length} ${table.estados.length === 1 ? 'estado' : 'estados'})`;
  } else {
    const report = await checkJornadaFile(path);
    problems = report.problems.map((problem) => ({ ...problem, file: shown }));
    hash = report.loaded?.hash;
  }
  const valid = !hasErrors(problems) && !(strict && problems.length > 0);
  const resumen = valid
    ? problems.length === 0
      ? `${what}, sin avisos`
      : `${what}, con ${countText(problems)}`
    : !hasErrors(problems)
      ? `no válido en modo estricto (${countText(problems)})`
      : `no válido (${countText(problems)})`;
  return { archivo: shown, valido: valid, problems, ...(valid && hash !== undefined ? { hash } : {}), resumen };
}

function problemJson(problem: Problem): Record<string, string> {
  return {
    lugar: problem.place,
    mensaje: problem.message,
    ...(problem.fix === undefined ? {} : { correccion: problem.fix }),
  };
}
