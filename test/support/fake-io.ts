import type { CliIo } from '../../src/cli/io.ts';

/** A CliIo that records what a command writes, for in-process CLI tests. */
export function fakeIo(
  options: { cwd?: string; stdinLines?: readonly string[]; env?: Record<string, string> } = {},
): CliIo & {
  out: () => string;
  err: () => string;
} {
  let out = '';
  let err = '';
  return {
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    stdin: async function* () {
      yield* options.stdinLines ?? [];
    },
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    signal: new AbortController().signal,
    out: () => out,
    err: () => err,
  };
}
