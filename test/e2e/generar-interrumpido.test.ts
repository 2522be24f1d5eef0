import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, test } from 'vitest';
import { writeBenchDatasets } from '../../bench/support/bench-datasets.ts';
import { REGISTRY_FILE_NAME } from '../../src/publish/data-folder.ts';
import { startCli } from '../support/run-cli.ts';

/**
 * Ctrl-C in the middle of a batch, found in review: with --json the run printed an English TypeError
 * ("Cannot set property message of ... which has only a getter") in place of the interruption, and in
 * both modes the bulletins already published, with their numbers, went unreported.
 */
const dir = mkdtempSync(join(tmpdir(), 'boletin-interrumpido-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => /\.[a-z]+$/.test(name));
}

/** Published versions in the registry, read as another process would (0 before it exists). */
function publishedIn(registryPath: string): number {
  if (!existsSync(registryPath)) return 0;
  try {
    const db = new DatabaseSync(registryPath, { readOnly: true });
    try {
      const row = db.prepare("SELECT count(*) AS n FROM versiones WHERE estado = 'publicado'").get() as { n: number };
      return row.n;
    } finally {
      db.close();
    }
  } catch {
    // Being created: not yet.
    return 0;
  }
}

describe('generar interrupted by SIGINT', () => {
  test.each([['--json'], ['texto']])(
    '%s: the published bulletins are listed, the message is Spanish, nothing is left half-written',
    async (mode) => {
      const work = join(dir, mode.replace(/-/g, ''));
      const datasets = await writeBenchDatasets(join(work, 'datos'), 40);
      const output = join(work, 'salida');
      const run = startCli([
        'generar',
        ...datasets,
        '--formatos',
        'html,docx',
        '--salida',
        output,
        '--datos',
        join(work, 'registro'),
        ...(mode === '--json' ? ['--json'] : []),
      ]);
      // Interrupted once the registry holds a published bulletin (its files on disk are not enough: a
      // bulletin whose commit had not landed is undone by the interruption), long before the fortieth.
      const deadline = Date.now() + 60_000;
      while (publishedIn(join(work, 'registro', REGISTRY_FILE_NAME)) < 1 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // The bulletin is reported once its «listo» follows the commit: a moment later.
      await new Promise((resolve) => setTimeout(resolve, 100));
      run.child.kill('SIGINT');
      const result = await run.done;
      expect(result.code).toBe(1);
      expect(result.stderr).not.toMatch(/TypeError|Cannot set|aborted/);
      const onDisk = filesUnder(output).filter((name) => /^\d{4}\//.test(name));
      expect(onDisk.some((name) => name.includes('.tmp'))).toBe(false);
      let listed: string[];
      let bulletins: number;
      if (mode === '--json') {
        const json = JSON.parse(result.stdout) as {
          boletines: { numero: number; archivos: { ruta: string }[] }[];
          error: { codigo: number; mensaje: string };
        };
        expect(json.error).toEqual({ codigo: 1, mensaje: 'Interrumpido: no quedó ningún archivo a medias.' });
        listed = json.boletines.flatMap((bulletin) => bulletin.archivos.map((file) => file.ruta));
        const numbers = json.boletines.map((bulletin) => bulletin.numero);
        expect(new Set(numbers).size).toBe(numbers.length);
        bulletins = numbers.length;
      } else {
        listed = result.stdout
          .split('\n')
          .filter((line) => line.startsWith('  ') && !line.startsWith('  aviso'))
          .map((line) => line.trim());
        bulletins = result.stdout.split('\n').filter((line) => /^No\. \d{3}\/\d{4}: /.test(line)).length;
      }
      expect(bulletins).toBeGreaterThanOrEqual(1);
      expect(bulletins).toBeLessThan(40);
      for (const path of listed) expect(existsSync(path)).toBe(true);
      expect(result.stderr).toContain(
        `Interrumpido: no quedó ningún archivo a medias. Antes de la interrupción se publicaron ${String(bulletins)} (arriba); los demás no.`,
      );
    },
    120_000,
  );
});
