import type { CliIo } from './io.ts';
import type { ExitCode } from './exit-codes.ts';

/** Shared by every command of one CLI run: the world it may touch, and the exit code it reports. */
export interface CommandContext {
  readonly io: CliIo;
  exitCode: ExitCode;
}
