import type { Command } from 'commander';
import type { CommandContext } from '../command-context.ts';
import { registerAprobacion } from './aprobacion.ts';
import { registerArchivo } from './archivo.ts';
import { registerCifra } from './cifra.ts';
import { registerFecha } from './fecha.ts';
import { registerEsquema } from './esquema.ts';
import { registerGenerar } from './generar.ts';
import { registerPlantilla } from './plantilla.ts';
import { registerValidar } from './validar.ts';

/**
 * Every CLI command registers itself here: one import and one line each.
 * A command module exports `register<Name>(program, context)`; its action sets `context.exitCode`.
 */
export function registerCommands(program: Command, context: CommandContext): void {
  registerGenerar(program, context);
  registerArchivo(program, context);
  registerAprobacion(program, context);
  registerCifra(program, context);
  registerFecha(program, context);
  registerValidar(program, context);
  registerPlantilla(program, context);
  registerEsquema(program, context);
}
