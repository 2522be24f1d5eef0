import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, startCli, type CliRun } from '../support/run-cli.ts';

/**
 * Browser faults through the real CLI: each run gets its own temporary folder (TMPDIR), so its Chromium
 * profiles, and the processes whose command line names them, can be told apart from every other run's.
 */

const samples = join(PROJECT_ROOT, 'data', 'jornadas');
const SAMPLE_FILES = [
  '2021-05-segunda-jornada-nacional.json',
  '2021-06-periodo-plan-nacional.json',
  '2021-08-jornadas-monotematicas.json',
  '2021-12-decima-cuarta-jornada-nacional.json',
  '2023-02-cuarta-jornada-extraordinaria.json',
].map((name) => join(samples, name));

/** Longest any of these runs may take before the test calls it hung (every wait inside is far shorter). */
const RUN_DEADLINE_MS = 150_000;

/** Ids of live processes whose command line contains `text` (a stopped one counts: it is not gone). */
async function processesMentioning(text: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8');
      const status = await readFile(`/proc/${entry}/status`, 'utf8');
      if (cmdline.includes(text) && !/^State:\s+Z/m.test(status)) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

async function eventually(check: () => Promise<boolean>, deadlineMs = 20_000): Promise<boolean> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return check();
}

interface Scene {
  readonly folder: string;
  /** The run's TMPDIR: Chromium profiles go here. */
  readonly temp: string;
  readonly output: string;
  readonly registry: string;
}

const scenes: Scene[] = [];

async function scene(): Promise<Scene> {
  const folder = await mkdtemp(join(tmpdir(), 'boletin-fallas-'));
  const made = {
    folder,
    temp: join(folder, 'tmp'),
    output: join(folder, 'salida'),
    registry: join(folder, 'registro'),
  };
  await import('node:fs/promises').then(({ mkdir }) => mkdir(made.temp));
  scenes.push(made);
  return made;
}

afterEach(async () => {
  for (const { folder } of scenes.splice(0)) {
    for (const pid of await processesMentioning(folder)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    await rm(folder, { recursive: true, force: true });
  }
});

/** Starts `boletin generar` in the scene and gives up (killing it) if it has not exited by the deadline. */
function generar(where: Scene, files: readonly string[], env: Record<string, string>, extra: readonly string[] = []) {
  const run = startCli(
    ['generar', ...files, '--formatos', 'pdf', '--salida', where.output, '--datos', where.registry, ...extra],
    {
      env: { TMPDIR: where.temp, ...env },
    },
  );
  let timer: NodeJS.Timeout | undefined;
  const bounded = new Promise<CliRun | 'no terminó'>((resolve) => {
    timer = setTimeout(() => {
      run.child.kill('SIGKILL');
      resolve('no terminó');
    }, RUN_DEADLINE_MS);
    void run.done.then(resolve);
  }).finally(() => clearTimeout(timer));
  return { child: run.child, done: bounded };
}

async function pdfsIn(folder: string): Promise<string[]> {
  try {
    // Only the year folders: the output folder also holds its archive identity (.boletin-archivo.json).
    const years = (await readdir(folder)).filter((name) => /^\d{4}$/.test(name));
    const files = await Promise.all(
      years.map(async (year) => (await readdir(join(folder, year))).map((name) => join(year, name))),
    );
    return files.flat().filter((name) => name.endsWith('.pdf'));
  } catch {
    return [];
  }
}

/** No Chromium (or fake browser) of the run is left, and no profile either. */
async function expectNothingLeft(where: Scene, marker: string = where.temp): Promise<void> {
  expect(await eventually(async () => (await processesMentioning(marker)).length === 0)).toBe(true);
  expect((await readdir(where.temp)).filter((name) => name.startsWith('boletin-chromium-'))).toEqual([]);
}

describe('browser faults through the real CLI', () => {
  it(
    'a missing executable: a Spanish message, exit 1, no file, no profile',
    async () => {
      const where = await scene();
      const missing = join(where.folder, 'no-existe', 'chromium');
      const run = await generar(where, [SAMPLE_FILES[0] ?? ''], {}, ['--navegador', missing]).done;
      if (run === 'no terminó') throw new Error('boletin no terminó');
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`El navegador indicado no existe o no es ejecutable: «${missing}».`);
      expect(run.stderr).toContain('No se escribió ningún archivo de este boletín.');
      expect(await pdfsIn(where.output)).toEqual([]);
      await expectNothingLeft(where);
    },
    RUN_DEADLINE_MS + 30_000,
  );

  it(
    'a rerun of published data never starts the browser, not even early',
    async () => {
      const where = await scene();
      const first = await generar(where, [SAMPLE_FILES[0] ?? ''], {}).done;
      if (first === 'no terminó') throw new Error('boletin no terminó');
      expect(first.code, first.stderr).toBe(0);
      // A fake browser that leaves a mark when started: the rerun reuses the published files.
      const mark = join(where.folder, 'navegador-arrancado');
      const fake = join(where.folder, 'navegador-marca.sh');
      await writeFile(fake, `#!/bin/sh\ntouch '${mark}'\nexit 1\n`);
      await chmod(fake, 0o755);
      const rerun = await generar(where, [SAMPLE_FILES[0] ?? ''], {}, ['--navegador', fake]).done;
      if (rerun === 'no terminó') throw new Error('boletin no terminó');
      expect(rerun.code, rerun.stderr).toBe(0);
      await expect(readFile(mark)).rejects.toThrow('ENOENT');
      await expectNothingLeft(where);
    },
    RUN_DEADLINE_MS + 30_000,
  );

  it(
    'the web post alone never starts the browser; the bulletin with a PDF does',
    async () => {
      const where = await scene();
      const mark = join(where.folder, 'navegador-arrancado');
      const fake = join(where.folder, 'navegador-marca.sh');
      await writeFile(fake, `#!/bin/sh\ntouch '${mark}'\nexit 1\n`);
      await chmod(fake, 0o755);
      const web = await generar(where, [SAMPLE_FILES[0] ?? ''], {}, ['--ediciones', 'web', '--navegador', fake]).done;
      if (web === 'no terminó') throw new Error('boletin no terminó');
      expect(web.code, web.stderr).toBe(0);
      await expect(readFile(mark)).rejects.toThrow('ENOENT');
      // The same fake browser is started, and fails, as soon as a PDF is asked for: the mark works.
      const pdf = await generar(where, [SAMPLE_FILES[1] ?? ''], {}, ['--ediciones', 'es', '--navegador', fake]).done;
      if (pdf === 'no terminó') throw new Error('boletin no terminó');
      expect(pdf.code).toBe(1);
      expect((await readFile(mark)).length).toBe(0);
      await expectNothingLeft(where);
    },
    RUN_DEADLINE_MS + 30_000,
  );

  it(
    'a fake browser that hangs: stopped after the launch wait, exit 1, the script and its children killed',
    async () => {
      const where = await scene();
      const fake = join(where.folder, 'navegador-colgado.sh');
      // Not `exec`: the shell stays, with `sleep` as its child, so only killing the whole group cleans up.
      await writeFile(fake, '#!/bin/sh\nsleep 600\n');
      await chmod(fake, 0o755);
      const run = await generar(where, [SAMPLE_FILES[0] ?? ''], { BOLETIN_ESPERA_NAVEGADOR: '3' }, [
        '--navegador',
        fake,
      ]).done;
      if (run === 'no terminó') throw new Error('boletin no terminó');
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`El navegador «${fake}» no respondió en 3 s al arrancar: se detuvo.`);
      expect(run.stderr).not.toMatch(/protocolTimeout|Timed out|TimeoutError/);
      expect(await pdfsIn(where.output)).toEqual([]);
      await expectNothingLeft(where, fake);
      await expectNothingLeft(where);
    },
    RUN_DEADLINE_MS + 30_000,
  );

  it(
    'Chromium killed mid-batch: it is relaunched once, said in Spanish, and every bulletin is published',
    async () => {
      const where = await scene();
      const { child, done } = generar(where, SAMPLE_FILES, { BOLETIN_PAGINAS: '1' });
      // The first PDF is out, so the batch is under way with a Chromium that has printed.
      const started = await eventually(async () => (await pdfsIn(where.output)).length >= 1, 120_000);
      expect(started).toBe(true);
      // Chromium's processes come and go while it prints: try until a kill lands on the main one.
      expect(await eventually(async () => (await killChromium(where.temp)) > 0, 20_000)).toBe(true);
      const run = await done;
      if (run === 'no terminó') throw new Error('boletin no terminó');
      expect(run.stderr).toContain('aviso: el navegador se cerró inesperadamente; se abrió otro y el trabajo sigue.');
      expect(run.code).toBe(0);
      expect((await pdfsIn(where.output)).length).toBe(SAMPLE_FILES.length);
      expect(child.exitCode).toBe(0);
      await expectNothingLeft(where);
    },
    RUN_DEADLINE_MS + 30_000,
  );

  it(
    'every Chromium process stopped: a Spanish message, exit 1, and nothing left behind',
    async () => {
      const where = await scene();
      const { done } = generar(where, SAMPLE_FILES, { BOLETIN_PAGINAS: '1', BOLETIN_ESPERA_NAVEGADOR: '5' });
      // The first PDF is out: Chromium is past its start, so the stop lands on printing, not on launching.
      expect(await eventually(async () => (await pdfsIn(where.output)).length >= 1, 120_000)).toBe(true);
      // Stops every Chromium of the run, and every one it starts after, until the run ends.
      let stopping = true;
      const stopper = (async () => {
        while (stopping) {
          for (const pid of await processesMentioning(where.temp)) {
            try {
              process.kill(pid, 'SIGSTOP');
            } catch {
              // Gone meanwhile.
            }
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();
      const run = await done;
      stopping = false;
      await stopper;
      if (run === 'no terminó') throw new Error('boletin no terminó');
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        'aviso: el navegador dejó de responder durante 5 s; se abrió otro y el trabajo sigue.',
      );
      expect(run.stderr).toContain('falló la generación.');
      expect(run.stderr).not.toMatch(/protocolTimeout|Timed out|TimeoutError/);
      await expectNothingLeft(where);
    },
    RUN_DEADLINE_MS + 30_000,
  );
});

/** Kills the main Chromium process of the run (the one without --type=, which starts the others). */
async function killChromium(temp: string): Promise<number> {
  let killed = 0;
  for (const pid of await processesMentioning(temp)) {
    // An empty command line is a process that ended (or became a zombie) since it was listed.
    const cmdline = await readFile(`/proc/${String(pid)}/cmdline`, 'utf8').catch(() => '');
    if (cmdline === '' || cmdline.includes('--type=')) continue;
    try {
      process.kill(pid, 'SIGKILL');
      killed += 1;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  }
  return killed;
}
