import { access, mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { writeJornadaWorkbook } from '../../dataset/excel-writer.ts';
import { formatProblems } from '../../dataset/format-problems.ts';
import { loadJornada } from '../../dataset/load-jornada.ts';
import { InputError } from '../../errors.ts';
import type { CommandContext } from '../command-context.ts';
import { ExitCode } from '../exit-codes.ts';

interface PlantillaOptions {
  readonly desde?: string;
  readonly forzar?: boolean;
}

/** `boletin plantilla ARCHIVO.xlsx`: writes the blank workbook an office fills in (or one from a dataset). */
export function registerPlantilla(program: Command, context: CommandContext): void {
  program
    .command('plantilla')
    .usage('[opciones] <archivo>')
    .description('escribe el libro de Excel en blanco para capturar los datos de una jornada')
    .argument('<archivo>', 'libro que se escribe (.xlsx)')
    .option('--desde <datos>', 'llena el libro con los datos de este archivo de jornada')
    .option('--forzar', 'reemplaza el archivo si ya existe')
    .action(async (archivo: string, options: PlantillaOptions) => {
      context.exitCode = await runPlantilla(archivo, options, context);
    });
}

async function runPlantilla(archivo: string, options: PlantillaOptions, context: CommandContext): Promise<ExitCode> {
  const { io } = context;
  const target = resolve(io.cwd, archivo);
  if (!target.toLowerCase().endsWith('.xlsx')) {
    io.stderr(`El libro debe tener extensión .xlsx: ${archivo}\n`);
    return ExitCode.badInput;
  }
  if (options.forzar !== true && (await exists(target))) {
    io.stderr(`Ya existe ${archivo}; no se reemplaza. Use --forzar para reemplazarlo.\n`);
    return ExitCode.badInput;
  }
  let jornada;
  if (options.desde !== undefined) {
    try {
      jornada = (await loadJornada(resolve(io.cwd, options.desde))).jornada;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      io.stderr(`${error.message}\n${formatProblems(error.problems)}No se escribió el libro.\n`);
      return ExitCode.badInput;
    }
  }
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, await writeJornadaWorkbook(jornada));
  io.stdout(`Libro escrito: ${relative(io.cwd, target) || archivo}\n`);
  return ExitCode.ok;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
