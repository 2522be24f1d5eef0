import type { Command } from 'commander';
import type { CommandContext } from '../command-context.ts';

type Register = (program: Command, context: CommandContext) => void;

/**
 * Every CLI command, by name, with the import of its module: one line each. A command module exports
 * `register<Name>(program, context)`; its action sets `context.exitCode`.
 *
 * Modules are imported only when needed: `boletin cifra 3729` loads the cifra module and the phrasing,
 * not the datasets, the renderers, exceljs or the browser (see test/unit/cli/startup-modules.test.ts).
 */
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  generar: async () => (await import('./generar.ts')).registerGenerar,
  archivo: async () => (await import('./archivo.ts')).registerArchivo,
  aprobacion: async () => (await import('./aprobacion.ts')).registerAprobacion,
  programa: async () => (await import('./programa.ts')).registerPrograma,
  usuarios: async () => (await import('./usuarios.ts')).registerUsuarios,
  cifra: async () => (await import('./cifra.ts')).registerCifra,
  fecha: async () => (await import('./fecha.ts')).registerFecha,
  validar: async () => (await import('./validar.ts')).registerValidar,
  plantilla: async () => (await import('./plantilla.ts')).registerPlantilla,
  esquema: async () => (await import('./esquema.ts')).registerEsquema,
};

/** The default command: `boletin ARCHIVO...` and a bare `boletin` generate. */
const DEFAULT_COMMAND = 'generar';

/**
 * Registers the command that `argv` runs, or every command when it asks for help (or for something
 * commander must answer with the list of commands).
 */
export async function registerCommands(
  program: Command,
  context: CommandContext,
  argv: readonly string[],
): Promise<void> {
  for (const register of await Promise.all(commandsFor(argv).map((name) => COMMANDS[name]?.()))) {
    register?.(program, context);
  }
}

/** The names of the commands to register for `argv`, in the order help lists them. */
export function commandsFor(argv: readonly string[]): string[] {
  const first = argv[0];
  if (first !== undefined && Object.hasOwn(COMMANDS, first)) return [first];
  const asksForHelp = argv.some((arg) => arg === '-h' || arg === '--help') || first === 'ayuda';
  // A leading option or word that is no command: commander answers with its own message and the list.
  const defaultRuns = first === undefined || (!first.startsWith('-') && first !== 'ayuda');
  if (defaultRuns && !asksForHelp) return [DEFAULT_COMMAND];
  return Object.keys(COMMANDS);
}
