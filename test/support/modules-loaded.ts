import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const mainModule = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

/** What one real run of the CLI loaded: the packages (by name) and the project's own modules (by path). */
export interface ModulesLoaded {
  readonly packages: readonly string[];
  readonly sources: readonly string[];
  readonly exitCode: number;
}

/**
 * Runs `main(argv)` in a fresh Node with a resolve hook that records every module resolved, the way the
 * bin shim runs it, and returns what was loaded. Nothing is mocked: the command really runs.
 */
export async function modulesLoadedBy(argv: readonly string[], cwd: string): Promise<ModulesLoaded> {
  const script = `
import { registerHooks } from 'node:module';
const seen = new Set();
registerHooks({ resolve(specifier, context, next) { const result = next(specifier, context); seen.add(result.url); return result; } });
const { main } = await import(${JSON.stringify(mainModule)});
const io = { stdout: () => {}, stderr: () => {}, stdin: async function* () {}, cwd: process.cwd(), env: {}, signal: new AbortController().signal };
const exitCode = await main(${JSON.stringify(argv)}, io);
process.stdout.write(JSON.stringify({ exitCode, urls: [...seen] }));
`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd, timeout: 120_000 });
  const { exitCode, urls } = JSON.parse(stdout) as { exitCode: number; urls: string[] };
  const packages = new Set<string>();
  const sources = new Set<string>();
  for (const url of urls) {
    const name = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
    if (name !== undefined) packages.add(name);
    else if (url.startsWith('file:') && url.includes('/src/')) sources.add(url.slice(url.indexOf('/src/') + 1));
  }
  return { packages: [...packages].sort(), sources: [...sources].sort(), exitCode };
}
