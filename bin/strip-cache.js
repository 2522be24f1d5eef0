// Loaded with `node --import ./bin/strip-cache.js src/….ts` by the project's own commands (npm run
// boletin, programador, portal) and by the tests that start them. Plain JavaScript on purpose: it must run
// before any TypeScript is read.
//
// Why by hand: Node strips a .ts file's types with amaro, a WebAssembly build of swc that it loads and
// instantiates in every new process (about 130 ms of CPU, a third of `boletin cifra 3729`'s start-up
// here), and Node's compile cache keeps V8's code but not the stripped text. No package caches it
// without bringing its own transpiler; this hook keeps Node's own stripping (same output, same line
// numbers) and stores each result by the hash of its source and Node's version, so a run whose sources
// did not change never loads amaro at all.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { registerHooks, stripTypeScriptTypes } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** In the project's node_modules/.cache, where tools keep what they can rebuild; BOLETIN_CACHE_TS moves it (tests). */
const CACHE_DIR =
  process.env.BOLETIN_CACHE_TS ??
  join(fileURLToPath(new URL('..', import.meta.url)), 'node_modules', '.cache', 'boletin-ts');

/**
 * Runs `work` without Node's one "stripTypeScriptTypes is an experimental feature" warning: running
 * a .ts file directly strips the same way and says nothing, and a user's command must print only its answer.
 */
function quietly(work) {
  const emitWarning = process.emitWarning;
  process.emitWarning = (warning, ...rest) => {
    if (!String(warning).includes('stripTypeScriptTypes')) emitWarning.call(process, warning, ...rest);
  };
  try {
    return work();
  } finally {
    process.emitWarning = emitWarning;
  }
}

/** The stripped JavaScript of one source, from the cache or stripped now and stored. */
function strippedSource(source) {
  const key = createHash('sha256').update(process.version).update('\0').update(source).digest('hex');
  const file = join(CACHE_DIR, `${key}.js`);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    const code = quietly(() => stripTypeScriptTypes(source, { mode: 'strip' }));
    try {
      mkdirSync(CACHE_DIR, { recursive: true });
      // Written aside and renamed: two processes starting at once never read half a file.
      const aside = `${file}.${String(process.pid)}.tmp`;
      writeFileSync(aside, code);
      renameSync(aside, file);
    } catch {
      // A read-only checkout still runs; it only strips again next time.
    }
    return code;
  }
}

registerHooks({
  load(url, context, nextLoad) {
    if (!url.startsWith('file:') || !url.endsWith('.ts') || url.includes('/node_modules/')) {
      return nextLoad(url, context);
    }
    const source = readFileSync(fileURLToPath(url), 'utf8');
    return { format: 'module', source: strippedSource(source), shortCircuit: true };
  },
});
