import { readFileSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { dataPaths } from '../../src/dataset/paths.ts';

/**
 * The benchmark's jornadas: `count` national bulletins made from the sample jornadas (until per-state
 * bulletins exist, a jornada's package is stood in for by 36 national ones). Variant k of a sample has
 * every date moved by k fortnights, so each is its own bulletin (its own slug and number) and the text
 * differs by its dates; the samples differ in shape (plans, states, monothematic days).
 */
export async function writeBenchDatasets(folder: string, count: number): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const samples = readdirSync(dataPaths.samples)
    .filter((name) => /^\d{4}-\d{2}-.+\.json$/.test(name))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dataPaths.samples, name), 'utf8')) as Record<string, unknown>);
  const files: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const sample = samples[index % samples.length] ?? {};
    const variant = Math.floor(index / samples.length);
    const dataset = shiftDates(structuredClone(sample), variant * 14) as Record<string, unknown>;
    delete dataset['$schema'];
    const boletin = dataset['boletin'] as Record<string, unknown> | undefined;
    // Numbers are given by the registry in order of issue, as in a real package.
    if (boletin !== undefined) delete boletin['numero'];
    const file = join(folder, `jornada-${String(index + 1).padStart(3, '0')}.json`);
    await writeFile(file, JSON.stringify(dataset, null, 2));
    files.push(file);
  }
  return files;
}

function shiftDates(value: unknown, days: number): unknown {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return DateTime.fromISO(value).plus({ days }).toISODate() ?? value;
  }
  if (Array.isArray(value)) return value.map((item) => shiftDates(item, days));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shiftDates(item, days)]));
  }
  return value;
}
