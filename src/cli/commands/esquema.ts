import { writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { jornadaJsonSchemaText } from '../../dataset/json-schema.ts';
import { dataPaths } from '../../dataset/paths.ts';
import type { CommandContext } from '../command-context.ts';
import { ExitCode } from '../exit-codes.ts';

/** `boletin esquema`: regenerates data/jornada.schema.json from the zod schema and the indicator catalog. */
export function registerEsquema(program: Command, context: CommandContext): void {
  program
    .command('esquema')
    .usage('[archivo]')
    .description('regenera el esquema JSON de los datos (data/jornada.schema.json) a partir del código y del catálogo')
    .argument('[archivo]', 'dónde escribirlo', dataPaths.schema)
    .action(async (archivo: string) => {
      const target = resolve(context.io.cwd, archivo);
      await writeFile(target, jornadaJsonSchemaText());
      context.io.stdout(`Esquema escrito: ${relative(context.io.cwd, target) || target}\n`);
      context.exitCode = ExitCode.ok;
    });
}
