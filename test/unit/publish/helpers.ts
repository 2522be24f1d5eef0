import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Numbering, PublishRequest, RenderedFile, Registry } from '../../../src/publish/index.ts';

/** A fresh temporary folder per call, removed after the test. */
export function useTempDirs(): () => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'boletin-publish-'));
    made.push(dir);
    return dir;
  };
}

/** The pid of a process that has already exited. */
export function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

/** A renderer that writes one small text file per extension and counts its calls. */
export function countingRenderer(extensions: readonly string[] = ['html', 'pdf']): {
  render: (n: Numbering) => Promise<RenderedFile[]>;
  calls: Numbering[];
} {
  const calls: Numbering[] = [];
  return {
    calls,
    render: async (n) => {
      calls.push(n);
      return extensions.map((extension) => ({
        format: extension,
        extension,
        bytes: new TextEncoder().encode(`No. ${n.number ?? 'BORRADOR'}/${n.year} v${n.version} ${extension}\n`),
      }));
    },
  };
}

export function baseRequest(registry: Registry, outputDir: string, render: PublishRequest['render']): PublishRequest {
  return {
    registry,
    outputDir,
    year: 2023,
    slug: 'cuarta-jornada-extraordinaria',
    title: 'Rebasa IMSS meta con 197 mil 144 acciones',
    issueDate: '2023-03-01',
    datasetHash: 'a'.repeat(64),
    edition: 'nacional',
    style: 'estandar',
    templateVersion: 't1',
    render,
  };
}
