import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./fake-publisher.ts', import.meta.url));

export interface PublisherRun {
  readonly child: ChildProcess;
  /** Resolves when a stdout line starts with `prefix` (rejects if the process ends first). */
  readonly line: (prefix: string) => Promise<string>;
  readonly done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts the fake publisher with the Node that runs the tests (Node 24: type stripping, node:sqlite). */
export function startPublisher(args: readonly string[]): PublisherRun {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const waiters: { prefix: string; resolve: (line: string) => void; reject: (e: Error) => void }[] = [];
  const seen: string[] = [];
  let pending = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      seen.push(line);
      for (const waiter of waiters.filter((w) => line.startsWith(w.prefix))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve) => {
      child.on('close', (code, signal) => {
        for (const waiter of waiters.splice(0)) {
          waiter.reject(
            new Error(
              `el proceso terminó (código ${code}, señal ${signal}) sin escribir «${waiter.prefix}»; stderr: ${stderr}`,
            ),
          );
        }
        resolve({ code, signal, stdout, stderr });
      });
    },
  );
  const line = (prefix: string): Promise<string> => {
    const already = seen.find((l) => l.startsWith(prefix));
    if (already !== undefined) return Promise.resolve(already);
    if (child.exitCode !== null || child.signalCode !== null) {
      return Promise.reject(new Error(`el proceso ya terminó sin escribir «${prefix}»; stderr: ${stderr}`));
    }
    return new Promise((resolve, reject) => waiters.push({ prefix, resolve, reject }));
  };
  return { child, line, done };
}

/** The JSON a successful run printed after "RESULTADO ". */
export function resultOf(stdout: string): {
  number: number;
  year: number;
  version: number;
  reused: boolean;
  recovered: boolean;
  files: { path: string; relativePath: string; sha256: string; bytes: number }[];
} {
  const line = stdout.split('\n').find((l) => l.startsWith('RESULTADO '));
  if (line === undefined) throw new Error(`sin RESULTADO en: ${stdout}`);
  return JSON.parse(line.slice('RESULTADO '.length));
}
