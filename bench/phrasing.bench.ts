/**
 * Benchmark (a script, not a test): writes every integer from 0 to 2,000,000 in each Spanish figure
 * style, reads each back with readFigure, checks the round trip, and prints the throughput.
 * Run with `npm run bench`.
 */
import { FIGURE_STYLES, phrasingFor, readFigure, type Phrasing } from '../src/lang/index.ts';

const LAST = 2_000_000;
const COUNT = LAST + 1;

interface Result {
  readonly name: string;
  readonly writeSeconds: number;
  readonly readSeconds: number;
}

function measure(name: string, phrasing: Phrasing, read: ((text: string) => number) | null): Result {
  const texts: string[] = new Array<string>(COUNT);
  const writeStart = performance.now();
  for (let value = 0; value <= LAST; value += 1) texts[value] = phrasing.figure(value);
  const writeSeconds = (performance.now() - writeStart) / 1000;
  let readSeconds = Number.NaN;
  if (read !== null) {
    const readStart = performance.now();
    for (let value = 0; value <= LAST; value += 1) {
      const text = texts[value] ?? '';
      if (read(text) !== value)
        throw new Error(`${name}: ${String(value)} -> «${text}» reads back as ${String(read(text))}`);
    }
    readSeconds = (performance.now() - readStart) / 1000;
  }
  return { name, writeSeconds, readSeconds };
}

const perSecond = (seconds: number): string =>
  Number.isNaN(seconds) ? '—' : `${Math.round(COUNT / seconds).toLocaleString('en-US')}/s`;

const results: Result[] = [];
for (const style of FIGURE_STYLES) results.push(measure(style, phrasingFor('es', style), readFigure));
results.push(measure('imss + 1 millón', phrasingFor('es', 'imss', { millionInDigits: true }), readFigure));
results.push(measure('en (write only)', phrasingFor('en'), null));

console.log(
  `Every integer from 0 to ${LAST.toLocaleString('en-US')} (${COUNT.toLocaleString('en-US')} figures), Node ${process.version}`,
);
console.log(
  [
    'style'.padEnd(18),
    'write'.padStart(14),
    'read'.padStart(14),
    'round trip'.padStart(14),
    'total s'.padStart(9),
  ].join(' '),
);
for (const { name, writeSeconds, readSeconds } of results) {
  const total = writeSeconds + (Number.isNaN(readSeconds) ? 0 : readSeconds);
  console.log(
    [
      name.padEnd(18),
      perSecond(writeSeconds).padStart(14),
      perSecond(readSeconds).padStart(14),
      perSecond(Number.isNaN(readSeconds) ? Number.NaN : total).padStart(14),
      total.toFixed(2).padStart(9),
    ].join(' '),
  );
}
console.log('Every figure read back to its own value.');
