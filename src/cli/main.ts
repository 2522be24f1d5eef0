import { Command, CommanderError } from 'commander';
import type { CliIo } from './io.ts';
import { ExitCode } from './exit-codes.ts';
import type { CommandContext } from './command-context.ts';
import { registerCommands } from './commands/index.ts';

/**
 * The boletin CLI. Parses the arguments, runs one command, and returns the exit code.
 * It never calls process.exit, so tests call it in-process.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const context: CommandContext = { io, exitCode: ExitCode.ok };
  const program = new Command('boletin')
    .description('Escribe los boletines de prensa del IMSS a partir de los datos de cada jornada.')
    .helpOption('-h, --help', 'muestra esta ayuda')
    .addHelpCommand('ayuda [comando]', 'muestra la ayuda de un comando')
    .showHelpAfterError('(use --help para ver las opciones)')
    .configureHelp({ styleTitle: translateHelpTitle })
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  registerCommands(program, context);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.badInput;
    }
    throw error;
  }
  return context.exitCode;
}

const helpTitles: Readonly<Record<string, string>> = {
  'Usage:': 'Uso:',
  'Options:': 'Opciones:',
  'Commands:': 'Comandos:',
  'Arguments:': 'Argumentos:',
  'Global Options:': 'Opciones generales:',
};

function translateHelpTitle(title: string): string {
  return helpTitles[title] ?? title;
}
