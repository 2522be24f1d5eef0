import { join } from 'node:path';
import type { Readable } from 'node:stream';

/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdin: () => AsyncIterable<string>;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Aborted on Ctrl-C / SIGTERM so long renders stop and clean up. */
  readonly signal: AbortSignal;
}

export function processIo(): CliIo {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdin: () => linesOf(process.stdin),
    cwd: userWorkingFolder(),
    env: process.env,
    signal: controller.signal,
  };
}

/**
 * Where the user typed the command. `npm run boletin` runs in the project's folder and keeps the user's
 * folder in INIT_CWD; any other launch (a direct `node src/cli.ts`, a scheduler, a test) is where it runs.
 */
function userWorkingFolder(): string {
  const projectDir = join(import.meta.dirname, '..', '..');
  const initCwd = process.env['INIT_CWD'];
  return initCwd !== undefined && process.cwd() === projectDir ? initCwd : process.cwd();
}

export async function* linesOf(stream: Readable): AsyncIterable<string> {
  let pending = '';
  stream.setEncoding('utf8');
  for await (const chunk of stream) {
    pending += chunk as string;
    const lines = pending.split(/\r?\n/);
    pending = lines.pop() ?? '';
    yield* lines;
  }
  if (pending !== '') yield pending;
}
