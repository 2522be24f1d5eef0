/**
 * Run by the benchmark in its own process (node --expose-gc): generates the given datasets as one batch
 * (HTML, PDF, DOCX, registry) and prints, as JSON, the resident memory after each mark of finished
 * bulletins, measured after a full garbage collection so that only what is kept counts.
 *   node --expose-gc bench/support/leak-check.ts <folder> <marks, comma separated> <dataset files...>
 */
import { join } from 'node:path';
import { generateBulletins } from '../../src/generate/generate-bulletins.ts';

const [folder = '', marksText = '', ...files] = process.argv.slice(2);
const marks = new Set(marksText.split(',').map(Number));
const rss: Record<string, number> = {};
/** Live JavaScript objects after the collection: what a leak would grow; RSS also counts the heap V8 keeps reserved. */
const heap: Record<string, number> = {};
let finished = 0;
const gc = (globalThis as { gc?: () => void }).gc;

const results = await generateBulletins({
  files,
  outputDir: join(folder, 'salida'),
  registryPath: join(folder, 'registro', 'boletines.sqlite'),
  onProgress: (event) => {
    if (event.stage !== 'listo') return;
    finished += 1;
    if (!marks.has(finished)) return;
    gc?.();
    const memory = process.memoryUsage();
    rss[String(finished)] = memory.rss;
    heap[String(finished)] = memory.heapUsed;
  },
});
const failed = results.filter((result) => result.error !== undefined);
process.stdout.write(`${JSON.stringify({ rss, heap, failed: failed.map((result) => result.error?.message) })}\n`);
