// Plain JavaScript on purpose: a .ts file here would make every measured process load Node's TypeScript
// stripper, which the commands themselves skip (bin/strip-cache.js).
// Loaded with --import into a measured process: at exit it writes its peak resident memory (bytes) and
// the CPU seconds it used to the file named by BOLETIN_BENCH_RSS, so the benchmark needs no /usr/bin/time.
// CPU time depends far less on a shared machine's load than wall time does.
import { writeFileSync } from 'node:fs';

const target = process.env.BOLETIN_BENCH_RSS;
if (target !== undefined) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      target,
      JSON.stringify({ rss: usage.maxRSS * 1024, cpu: (usage.userCPUTime + usage.systemCPUTime) / 1e6 }),
    );
  });
}
