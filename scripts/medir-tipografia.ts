/**
 * Measures the type of printed bulletins: `node scripts/medir-tipografia.ts archivo.pdf...`.
 * For each PDF: figures split across lines, the widest word gap of a justified line (in spaces) and the
 * share of full lines with a gap over twice a space. The definitions are in test/support/typeset-lines.ts.
 */
import { basename } from 'node:path';
import { brokenUnits, layoutText, printedLines, wordGaps } from '../test/support/typeset-lines.ts';

for (const file of process.argv.slice(2)) {
  const report = wordGaps(await printedLines(file));
  const broken = brokenUnits(await layoutText(file));
  const share = report.fullLines === 0 ? 0 : (100 * report.over.length) / report.fullLines;
  console.log(
    `${basename(file)}: cortes ${String(broken.length)} ${JSON.stringify(broken)}; líneas llenas ${String(report.fullLines)}; ` +
      `hueco mayor ${report.worst.toFixed(2)} espacios; sobre 2: ${String(report.over.length)} (${share.toFixed(1)} %)`,
  );
}
