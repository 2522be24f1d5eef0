import { Command, CommanderError } from 'commander';
import type { CliIo } from './io.ts';
import { ExitCode } from './exit-codes.ts';
import { describeSystemError } from '../system-error.ts';
import type { CommandContext } from './command-context.ts';
import { registerCommands } from './commands/index.ts';
import { spanishHelp, translateCommanderError } from './spanish-help.ts';
import { packageVersion } from './package-version.ts';

/**
 * The boletin CLI. Parses the arguments, runs one command, and returns the exit code.
 * It never calls process.exit, so tests call it in-process.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const context: CommandContext = { io, exitCode: ExitCode.ok };
  const program = new Command('boletin')
    .description('Escribe los boletines de prensa del IMSS a partir de los datos de cada jornada.')
    .version(packageVersion(), '-V, --version', 'muestra la versión de Boletín')
    .helpOption('-h, --help', 'muestra esta ayuda')
    .helpCommand('ayuda [comando]', 'muestra la ayuda de un comando')
    .showHelpAfterError('(use --help para ver las opciones)')
    .configureHelp(spanishHelp)
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (text, write) => write(translateCommanderError(text)),
    });
  await registerCommands(program, context, argv);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.badInput;
    }
    // Whatever a command did not handle is still told in Spanish, without a stack trace.
    io.stderr(`Error: ${describeSystemError(error)}\n`);
    return ExitCode.renderFailed;
  }
  return context.exitCode;
}
