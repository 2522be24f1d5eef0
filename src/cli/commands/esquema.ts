import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { jornadaJsonSchemaText } from '../../dataset/json-schema.ts';
import { dataPaths } from '../../dataset/paths.ts';
import { writeFileAtomic } from '../../publish/write-file-atomic.ts';
import type { CommandContext } from '../command-context.ts';
import { ExitCode } from '../exit-codes.ts';

/**
 * `boletin esquema`: regenerates data/jornada.schema.json from the zod schema and the indicator catalog.
 * Another existing file is replaced only with --forzar: «esquema mijornada.json» read as "check my data
 * against the schema" used to replace the jornada with the schema, without a word.
 */
export function registerEsquema(program: Command, context: CommandContext): void {
  program
    .command('esquema')
    .usage('[archivo] [--forzar]')
    .description('regenera el esquema JSON de los datos (data/jornada.schema.json) a partir del código y del catálogo')
    .argument('[archivo]', 'dónde escribirlo', dataPaths.schema)
    .option('--forzar', 'reemplaza el archivo si ya existe (el esquema del proyecto se regenera siempre)')
    .action(async (archivo: string, options: { forzar?: boolean }) => {
      const { io } = context;
      const target = resolve(io.cwd, archivo);
      const shown = relative(io.cwd, target) || target;
      const existing = await stat(target).catch(() => undefined);
      if (existing?.isDirectory() === true) {
        io.stderr(
          `«${shown}» es una carpeta: indique el archivo donde escribir el esquema (por ejemplo ${shown}/jornada.schema.json).\n`,
        );
        context.exitCode = ExitCode.badInput;
        return;
      }
      if (existing !== undefined && target !== resolve(dataPaths.schema) && options.forzar !== true) {
        io.stderr(
          `Ya existe ${shown}; no se reemplaza. «esquema» escribe el esquema JSON, no revisa datos: para revisar una jornada use «boletin validar ${shown}». Use --forzar para reemplazarlo.\n`,
        );
        context.exitCode = ExitCode.badInput;
        return;
      }
      await writeFileAtomic(target, new TextEncoder().encode(jornadaJsonSchemaText()));
      io.stdout(`Esquema escrito: ${shown}\n`);
      context.exitCode = ExitCode.ok;
    });
}
