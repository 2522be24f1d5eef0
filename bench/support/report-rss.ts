// Loaded with --import into a measured process: at exit it writes its peak resident memory (bytes) to
// the file named by BOLETIN_BENCH_RSS, so the benchmark needs no /usr/bin/time.
import { writeFileSync } from 'node:fs';

const target = process.env['BOLETIN_BENCH_RSS'];
if (target !== undefined) {
  process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS * 1024)));
}
