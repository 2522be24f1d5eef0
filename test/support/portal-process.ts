import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { NODE_FLAGS } from '../../src/node-flags.ts';

export const PROJECT_ROOT = join(import.meta.dirname, '..', '..');

export interface PortalProcess {
  readonly child: ChildProcess;
  /** "http://127.0.0.1:40123" */
  readonly origin: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `node src/portal/main.ts` (what `npm run portal` runs) with PORT=0 and waits for the line that
 * gives its address. The process is its own group, so stop() ends it and only it.
 */
export async function startPortal(env: Record<string, string>, timeoutMs = 120_000): Promise<PortalProcess> {
  const child = spawn(process.execPath, [...NODE_FLAGS, '--import', './bin/strip-cache.js', 'src/portal/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`El portal no dijo su dirección en ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const look = (): void => {
      const match = /Portal de boletines escuchando en (http:\/\/[^"\s]+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', look);
    child.stderr?.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`El portal terminó (código ${code}) antes de escuchar:\n${output}`));
    });
  });
  return {
    child,
    origin,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
