import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { NODE_FLAGS } from '../../src/node-flags.ts';

export const PROJECT_ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(PROJECT_ROOT, 'src', 'cli.ts');
/** Node's arguments that start the CLI as `npm run boletin` does: its V8 flags and the stripped-TypeScript cache (bin/strip-cache.js). */
export const CLI_NODE_ARGS: readonly string[] = [
  ...NODE_FLAGS,
  '--import',
  join(PROJECT_ROOT, 'bin', 'strip-cache.js'),
  CLI,
];

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts the real CLI as its own process, on the Node 24 that runs the tests. */
export function startCli(
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; input?: string } = {},
): {
  child: ChildProcess;
  done: Promise<CliRun>;
} {
  const child = spawn(process.execPath, [...CLI_NODE_ARGS, ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin?.end(options.input ?? '');
  const done = new Promise<CliRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export function runCli(
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; input?: string } = {},
): Promise<CliRun> {
  return startCli(args, options).done;
}
