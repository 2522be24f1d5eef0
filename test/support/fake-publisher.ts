/**
 * A real process that publishes one bulletin through publishBulletin with a trivial renderer, for the
 * registry's process tests. Run with Node 24: `node test/support/fake-publisher.ts --datos D --salida O --hash H`.
 *
 * --pausa PUNTO stops at one point and prints "PAUSA <punto>" so that a test can SIGKILL it there:
 *   asignacion      inside the number's transaction, before COMMIT
 *   render          while rendering (number committed, nothing written)
 *   plan            inside the transaction recording the files, before COMMIT
 *   escritura       half of the first file in its temporary file
 *   entre-archivos  after the first file is in place, before the second
 *   publicacion     inside the final transaction, before COMMIT
 * --arranque FILE prints "LISTO" and waits for FILE to exist, so a test starts many at once.
 * Prints "ESPERA <pid>" when it waits for another process, "RESULTADO <json>" on success; errors go to stderr with exit 2 (input) or 1.
 */
import { existsSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { InputError } from '../../src/errors.ts';
import { openRegistry, publishBulletin, type PublishStep, type RenderedFile } from '../../src/publish/index.ts';
import { fakeContent } from './fake-content.ts';

const { values } = parseArgs({
  options: {
    datos: { type: 'string' },
    salida: { type: 'string' },
    hash: { type: 'string' },
    slug: { type: 'string' },
    anio: { type: 'string', default: '2023' },
    fecha: { type: 'string', default: '2023-03-01' },
    edicion: { type: 'string', default: 'nacional' },
    estilo: { type: 'string', default: 'estandar' },
    plantilla: { type: 'string', default: '1' },
    numero: { type: 'string' },
    correccion: { type: 'boolean', default: false },
    sobrescribir: { type: 'boolean', default: false },
    borrador: { type: 'boolean', default: false },
    formatos: { type: 'string', default: 'html,txt,md' },
    tamano: { type: 'string', default: '4096' },
    pausa: { type: 'string' },
    arranque: { type: 'string' },
    'espera-render': { type: 'string', default: '0' },
    'falla-render': { type: 'boolean', default: false },
  },
});

/** Longest a paused process lives if nobody kills it, so a failing test never leaves it behind for good. */
const PAUSE_LIMIT_MS = 120_000;

function say(line: string): void {
  // Synchronous, so the line is out before a synchronous pause blocks the thread.
  writeSync(1, `${line}\n`);
}

function pauseSync(point: string): void {
  say(`PAUSA ${point}`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, PAUSE_LIMIT_MS);
  process.exit(99);
}

async function pauseAsync(point: string): Promise<never> {
  say(`PAUSA ${point}`);
  await sleep(PAUSE_LIMIT_MS);
  process.exit(99);
}

async function main(): Promise<number> {
  const { datos, salida, hash } = values;
  if (datos === undefined || salida === undefined || hash === undefined) {
    process.stderr.write('faltan --datos, --salida o --hash\n');
    return 2;
  }
  const pause = values.pausa;
  const registry = openRegistry(join(datos, 'registro.sqlite'));
  if (values.arranque !== undefined) {
    say('LISTO');
    while (!existsSync(values.arranque)) await sleep(5);
  }
  const extensions = values.formatos.split(',');
  const size = Number(values.tamano);
  let waited = false;
  try {
    const result = await publishBulletin({
      registry,
      outputDir: salida,
      year: Number(values.anio),
      slug: values.slug ?? `jornada-${hash}`,
      title: `Boletín de prueba ${hash}`,
      issueDate: values.fecha,
      datasetHash: hash,
      edition: values.edicion,
      style: values.estilo,
      templateVersion: values.plantilla,
      explicitNumber: values.numero === undefined ? undefined : Number(values.numero),
      correction: values.correccion,
      overwrite: values.sobrescribir,
      draft: values.borrador,
      hooks: {
        onWait: (holder) => {
          if (!waited) say(`ESPERA ${holder.owner?.pid ?? '?'}`);
          waited = true;
        },
        beforeCommit: (step: PublishStep) => {
          if (step === pause) pauseSync(step);
        },
        midwayThroughFile: async () => {
          if (pause === 'escritura') await pauseAsync(pause);
        },
        afterFile: async (_path, index) => {
          if (pause === 'entre-archivos' && index === 0) await pauseAsync(pause);
        },
      },
      render: async (numbering): Promise<RenderedFile[]> => {
        say(`RENDER ${numbering.number ?? 'borrador'} v${numbering.version}`);
        if (pause === 'render') await pauseAsync(pause);
        const wait = Number(values['espera-render']);
        if (wait > 0) await sleep(wait);
        if (values['falla-render']) throw new Error('render roto a propósito');
        return extensions.map((extension) => ({
          format: extension,
          extension,
          bytes: new TextEncoder().encode(fakeContent({ hash, ...numbering, extension }, size)),
        }));
      },
    });
    say(`RESULTADO ${JSON.stringify(result)}`);
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
    return error instanceof InputError ? 2 : 1;
  } finally {
    registry.close();
  }
}

process.exitCode = await main();
