import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { fakeIo } from '../../support/fake-io.ts';
import { main } from '../../../src/cli/main.ts';
import type { Problem } from '../../../src/errors.ts';

/** A fresh temporary folder per call, removed after each test. */
export function useTempDirs(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'boletin-dataset-'));
    dirs.push(dir);
    return dir;
  };
}

/** Runs the real CLI in-process with captured output. */
export async function boletin(
  args: readonly string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = fakeIo({ cwd });
  const code = await main(args, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

/** A minimal valid jornada, to be broken one field at a time. */
export function minimalJornada(): Record<string, unknown> {
  return {
    tipo: 'extraordinaria-continuidad',
    ordinal: 4,
    fechas: { inicio: '2023-02-24', fin: '2023-02-26' },
    participacion: { ooad: 35, umae: 25 },
    meta: { planeadas: 163110, logradas: 197144 },
    cifras: { cirugias: 3029, trasplantes: 25, 'trasplante-rinon': 10, 'trasplante-cornea': 12 },
  };
}

export function summary(problems: readonly Problem[]): string[] {
  return problems.map((problem) => `${problem.severity} ${problem.place}: ${problem.message}`);
}
