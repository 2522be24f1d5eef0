import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { formatProblems } from '../../dataset/format-problems.ts';
import { batchTuning } from '../browser-tuning.ts';
import { InputError } from '../../errors.ts';
import { newestSampleDataset } from '../../generate/default-dataset.ts';
import { type GeneratedBulletin, generateBulletins } from '../../generate/generate-bulletins.ts';
import { DEFAULT_EDITIONS, EDITION_NAMES, type EditionName, parseEditions } from '../../generate/editions.ts';
import { ALL_FORMATS, DEFAULT_FORMATS, type OutputFormat, isOutputFormat } from '../../generate/output-format.ts';
import { PROJECT_DIR, resolveRegistryPath } from '../../publish/data-folder.ts';
import { bulletinLabel } from '../../publish/registry-records.ts';
import type { CommandContext } from '../command-context.ts';
import type { CliIo } from '../io.ts';
import { ExitCode } from '../exit-codes.ts';
import { describeSystemError, isPathMistake } from '../../system-error.ts';

interface GenerarOptions {
  readonly salida?: string;
  readonly formatos: readonly OutputFormat[];
  readonly ediciones: readonly EditionName[];
  readonly numero?: number;
  readonly fecha?: string;
  readonly estilo?: string;
  readonly relleno?: boolean;
  readonly millonEnCifras?: boolean;
  readonly signo?: boolean;
  readonly ordinal?: 'palabras' | 'unaPalabra' | 'corta';
  readonly listasAbiertas?: boolean;
  readonly estricto?: boolean;
  readonly borrador?: boolean;
  readonly correccion?: boolean;
  readonly sobrescribir?: boolean;
  readonly json?: boolean;
  readonly datos?: string;
  readonly navegador?: string;
}

/** `boletin [ARCHIVO...]`: the main job. Renders each dataset as a numbered bulletin in every format. */
export function registerGenerar(program: Command, context: CommandContext): void {
  program
    .command('generar [archivos...]', { isDefault: true })
    .description(
      'escribe el boletín de cada jornada (por omisión, la jornada de ejemplo más reciente) en HTML, PDF y Word',
    )
    .option('-s, --salida <carpeta>', 'carpeta de salida (por omisión, output/ del proyecto)')
    .addOption(
      new Option('-f, --formatos <lista>', `formatos separados por comas (${ALL_FORMATS.join(', ')})`)
        .default(DEFAULT_FORMATS, DEFAULT_FORMATS.join(','))
        .argParser(parseFormats),
    )
    .addOption(
      new Option(
        '-e, --ediciones <lista>',
        `«todas» o ediciones separadas por comas (${EDITION_NAMES.join(', ')}); todas llevan el número del boletín en español`,
      )
        .default(DEFAULT_EDITIONS, DEFAULT_EDITIONS.join(','))
        .argParser(parseEditionsOption),
    )
    .option('-n, --numero <n>', 'número del boletín en su año (sólo con un archivo)', parseNumber)
    .option('--fecha <aaaa-mm-dd>', 'fecha de emisión (por omisión, la del archivo o el día siguiente a la jornada)')
    .option('--estilo <nombre>', 'estilo de las cifras (vea: boletin cifra --estilos); o «boletin.cifras» en los datos')
    .option('--relleno', 'grupos tras «mil» con tres cifras: «90 mil 034» (o «boletin.relleno»)')
    .option('--millon-en-cifras', '«1 millón» en lugar de «un millón» (o «boletin.millonEnCifras»)')
    .option('--signo', 'porcentajes con «%»: «120.9%» (o «boletin.signoPorcentaje»)')
    .addOption(
      new Option(
        '--ordinal <forma>',
        'ordinal de la jornada: palabras «Décima Cuarta», unaPalabra «Decimocuarta», corta «14ª» (o «boletin.ordinal»)',
      ).choices(['palabras', 'unaPalabra', 'corta']),
    )
    .option('--listas-abiertas', 'el resumen como lista abierta: «..., entre otras» (o «boletin.listasAbiertas»)')
    .option('--estricto', 'los avisos de los datos también detienen')
    .option('--borrador', 'borrador: marca «BORRADOR», sin número, en <año>/borradores/')
    .option('--correccion', 'publica una nueva versión de un número ya emitido con datos distintos')
    .option('--sobrescribir', 'reemplaza archivos que el registro no reconoce como de este boletín')
    .option('--json', 'imprime un resumen en JSON (para ejecuciones programadas)')
    .option('--datos <carpeta>', 'carpeta del registro de boletines (o BOLETIN_DATOS)')
    .option('--navegador <ruta>', 'ruta de Chrome o Chromium (o PUPPETEER_EXECUTABLE_PATH)')
    .action(async (archivos: string[], options: GenerarOptions) => {
      context.exitCode = await runGenerar(archivos, options, context);
    });
}

async function runGenerar(
  archivos: readonly string[],
  options: GenerarOptions,
  context: CommandContext,
): Promise<ExitCode> {
  const { io } = context;
  const mistyped = archivos.find((name) => !/[./\\]/.test(name) && !existsSync(resolve(io.cwd, name)));
  if (mistyped !== undefined) {
    io.stderr(`«${mistyped}» no es un archivo ni un comando de boletin. Vea los comandos con: boletin --help\n`);
    return ExitCode.badInput;
  }
  const files = archivos.length > 0 ? archivos.map((file) => resolve(io.cwd, file)) : [newestSampleDataset()];
  const outputDir = options.salida === undefined ? join(PROJECT_DIR, 'output') : resolve(io.cwd, options.salida);
  const registryPath = resolveRegistryPath({ option: options.datos, env: io.env, cwd: io.cwd });
  // The bulletins finished so far: an interrupted batch still says which ones were published.
  const finished: { index: number; result: GeneratedBulletin }[] = [];
  try {
    const tuning = batchTuning(io.env);
    const results = await generateBulletins({
      files,
      outputDir,
      registryPath,
      formats: options.formatos,
      editions: options.ediciones,
      ...(options.numero !== undefined ? { number: options.numero } : {}),
      ...(options.fecha !== undefined ? { issueDate: options.fecha } : {}),
      ...(options.estilo !== undefined ? { style: options.estilo } : {}),
      styleSettings: {
        ...(options.relleno === true ? { relleno: true } : {}),
        ...(options.millonEnCifras === true ? { millonEnCifras: true } : {}),
        ...(options.signo === true ? { signoPorcentaje: true } : {}),
        ...(options.ordinal !== undefined ? { ordinal: options.ordinal } : {}),
        ...(options.listasAbiertas === true ? { listasAbiertas: true } : {}),
      },
      strict: options.estricto ?? false,
      draft: options.borrador ?? false,
      correction: options.correccion ?? false,
      overwrite: options.sobrescribir ?? false,
      signal: io.signal,
      ...(tuning.concurrency !== undefined ? { concurrency: tuning.concurrency } : {}),
      browser: {
        ...tuning.browser,
        ...(options.navegador !== undefined ? { executablePath: options.navegador } : {}),
        onRelaunch: (reason) => io.stderr(`aviso: ${reason}\n`),
      },
      onProgress: (event) => {
        if (event.stage === 'listo' && event.result !== undefined)
          finished.push({ index: event.index, result: event.result });
        if (event.total > 1 && event.stage === 'inicio' && options.json !== true) {
          io.stderr(`[${event.index + 1}/${event.total}] ${displayPath(event.source, io.cwd)}\n`);
        }
      },
    });
    if (options.json === true) io.stdout(`${JSON.stringify(summaryJson(results), null, 2)}\n`);
    for (const result of results) {
      if (result.error !== undefined) io.stderr(describeFailure(result, io.cwd, registryPath));
      else if (options.json !== true) io.stdout(describe(result, io.cwd));
    }
    return batchExitCode(results);
  } catch (error) {
    const code = error instanceof InputError || isPathMistake(error) ? ExitCode.badInput : ExitCode.renderFailed;
    if (io.signal.aborted && !(error instanceof InputError)) {
      // In the batch's order, as a finished run lists them.
      const inOrder = finished.sort((a, b) => a.index - b.index).map((entry) => entry.result);
      return interrupted(inOrder, options.json === true, io);
    }
    if (options.json === true) io.stdout(`${JSON.stringify({ error: errorJson(error, code) }, null, 2)}\n`);
    if (error instanceof InputError) {
      // The report of problems carries its own header per file; the summary message is for when there is none.
      io.stderr(error.problems.length > 0 ? `${formatProblems(error.problems)}\n` : `${error.message}\n`);
      io.stderr('No se escribió ningún archivo.\n');
    } else {
      io.stderr(
        `No se pudo generar el boletín: ${describeSystemError(error, undefined, registryPath)}\nNo se publicó ningún boletín.\n`,
      );
    }
    return code;
  }
}

const INTERRUPTED = 'Interrumpido: no quedó ningún archivo a medias.';

/**
 * Ctrl-C (or SIGTERM) in the middle of a batch: the bulletins already published stay published, with
 * their numbers, and are listed as a finished run lists them; the rest were not started or were undone.
 * Exit code 1, as for a failed run.
 */
function interrupted(finished: readonly GeneratedBulletin[], json: boolean, io: CliIo): ExitCode {
  const published = finished.filter((result) => result.publication !== undefined);
  if (json) {
    const summary = summaryJson(published) as object;
    io.stdout(
      `${JSON.stringify({ ...summary, error: { codigo: ExitCode.renderFailed, mensaje: INTERRUPTED } }, null, 2)}\n`,
    );
  } else {
    for (const result of published) io.stdout(describe(result, io.cwd));
  }
  io.stderr(
    published.length === 0
      ? `${INTERRUPTED} No se publicó ningún boletín.\n`
      : `${INTERRUPTED} Antes de la interrupción se publicaron ${String(published.length)} (arriba); los demás no.\n`,
  );
  return ExitCode.renderFailed;
}

/** 0 when every bulletin was published; 2 when one was refused for its input; 1 when one failed to render. */
function batchExitCode(results: readonly GeneratedBulletin[]): ExitCode {
  const errors = results.flatMap((result) => (result.error === undefined ? [] : [result.error]));
  if (errors.length === 0) return ExitCode.ok;
  // A path that cannot be one (a file where the year's folder goes) is the user's input, as for --salida.
  return errors.every((error) => error instanceof InputError || isPathMistake(error))
    ? ExitCode.badInput
    : ExitCode.renderFailed;
}

function describeFailure(result: GeneratedBulletin, cwd: string, registryPath: string): string {
  const what = result.error instanceof InputError ? 'no se publicó' : 'falló la generación';
  const why = result.error === undefined ? '' : describeSystemError(result.error, undefined, registryPath);
  return `${displayPath(result.source, cwd)}: ${what}. ${why}\nNo se escribió ningún archivo de este boletín.\n`;
}

function errorJson(error: unknown, code: ExitCode): unknown {
  const problems = error instanceof InputError ? error.problems : [];
  return {
    codigo: code,
    mensaje: error instanceof Error ? error.message : String(error),
    problemas: problems.map((problem) => ({
      gravedad: problem.severity,
      archivo: problem.file,
      lugar: problem.place,
      mensaje: problem.message,
      arreglo: problem.fix ?? null,
    })),
  };
}

function describe(result: GeneratedBulletin, cwd: string): string {
  const { publication } = result;
  if (publication === undefined) return '';
  const label = publication.number === null ? 'Borrador' : bulletinLabel(publication.number, publication.year);
  const state = publication.reused ? ' (ya publicado; archivos verificados)' : '';
  const lines = [`${label}: ${result.title}${state}`];
  for (const warning of result.warnings) lines.push(`  aviso: ${warning.place}: ${warning.message}`);
  for (const file of publication.files) lines.push(`  ${displayPath(file.path, cwd)}`);
  return `${lines.join('\n')}\n`;
}

/** A path as the user can type it: relative inside the working folder, absolute outside it. */
function displayPath(path: string, cwd: string): string {
  const inside = relative(cwd, path);
  return inside.startsWith('..') ? path : inside;
}

function summaryJson(results: readonly GeneratedBulletin[]): unknown {
  return {
    boletines: results.map((result) => {
      const { publication } = result;
      const avisos = result.warnings.map((warning) => ({ lugar: warning.place, mensaje: warning.message }));
      if (publication === undefined) {
        const code = result.error instanceof InputError ? ExitCode.badInput : ExitCode.renderFailed;
        return { origen: result.source, avisos, error: errorJson(result.error, code) };
      }
      return {
        origen: result.source,
        titulo: result.title,
        numero: publication.number,
        anio: publication.year,
        version: publication.version,
        reutilizado: publication.reused,
        avisos,
        archivos: publication.files.map((file) => ({
          formato: file.format,
          ruta: file.path,
          sha256: file.sha256,
          bytes: file.bytes,
        })),
      };
    }),
  };
}

export function parseFormats(value: string): OutputFormat[] {
  const names = value
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  const unknown = names.filter((name) => !isOutputFormat(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new InvalidArgumentError(`formato desconocido «${unknown.join(', ')}»: use ${ALL_FORMATS.join(', ')}`);
  }
  return [...new Set(names)] as OutputFormat[];
}

export function parseNumber(value: string): number {
  if (!/^\d{1,4}$/.test(value) || Number(value) < 1)
    throw new InvalidArgumentError('el número debe ser un entero de 1 a 9999');
  return Number(value);
}

function parseEditionsOption(value: string): EditionName[] {
  try {
    return parseEditions(value);
  } catch (error) {
    throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
  }
}
