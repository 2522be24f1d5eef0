import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { describeSystemError } from '../../../src/system-error.ts';
import { PublishIoError, openRegistry, publishBulletin } from '../../../src/publish/index.ts';
import { fakeIo } from '../../support/fake-io.ts';
import { baseRequest, countingRenderer } from '../publish/helpers.ts';

const DATASET = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'data',
  'jornadas',
  '2021-05-segunda-jornada-nacional.json',
);
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'boletin-sistema-'));
  dirs.push(dir);
  return dir;
}

/** A system error as Node raises it (code, syscall, path), for the codes a root test process cannot cause. */
function systemError(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: raw English message, open '${path}'`), {
    code,
    errno: -1,
    syscall: 'open',
    path,
  });
}

describe('system errors are told in Spanish with the path and what to do', () => {
  test.each([
    ['EACCES', 'no hay permiso para usar «/srv/salida/2023»: revise los permisos (ls -l) o elija otra carpeta'],
    ['ENOSPC', 'no queda espacio en el disco de «/srv/salida/2023»: libere espacio (df -h) y vuelva a intentarlo'],
    ['EROFS', '«/srv/salida/2023» está en un disco de sólo lectura: elija una carpeta donde se pueda escribir'],
    [
      'ENAMETOOLONG',
      'la ruta «/srv/salida/2023» es demasiado larga para el sistema: use una carpeta con una ruta más corta',
    ],
    [
      'ENOTDIR',
      'una parte de la ruta «/srv/salida/2023» es un archivo y no una carpeta: revise la ruta o elija otra carpeta',
    ],
    [
      'EEXIST',
      'ya existe «/srv/salida/2023» (un archivo donde hacía falta una carpeta, o uno que no se reemplaza): muévalo o elija otra ruta',
    ],
  ])('%s', (code, expected) => {
    expect(describeSystemError(systemError(code, '/srv/salida/2023'))).toBe(expected);
  });

  test('without a path, an error already told in Spanish keeps its words (no «?»)', () => {
    const told = new PublishIoError(
      'No se pudo publicar el No. 094/2023: no hay permiso para usar «/srv/salida»: revise los permisos.',
      'EACCES',
    );
    expect(describeSystemError(told)).toBe(told.message);
    const raw = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    expect(describeSystemError(raw)).toBe(
      'no hay permiso para usar «(sin ruta)»: revise los permisos (ls -l) o elija otra carpeta',
    );
  });

  test.each([
    [undefined, 'el registro sólo se puede leer: revise los permisos del archivo y de su carpeta'],
    [
      '/srv/datos/registro.sqlite',
      'el registro «/srv/datos/registro.sqlite» sólo se puede leer: revise los permisos del archivo y de su carpeta',
    ],
  ])('a read-only registry (SQLite 8) with the registry path %s', (path, expected) => {
    const readonly = Object.assign(new Error('attempt to write a readonly database'), { errcode: 8 });
    expect(describeSystemError(readonly, path)).toBe(expected);
  });

  test("an error that is not the system's keeps its own message", () => {
    expect(describeSystemError(new Error('La plantilla falló.'))).toBe('La plantilla falló.');
  });

  test('a disk-full failure after the number was taken says that the number was given back', async () => {
    const dir = tempDir();
    using registry = openRegistry(join(dir, 'registro.sqlite'));
    const out = join(dir, 'salida');
    const request = baseRequest(registry, out, countingRenderer().render);
    await publishBulletin({ ...request, datasetHash: 'primero' });
    const failing = publishBulletin({
      ...request,
      hooks: {
        afterFile: (path) => {
          throw systemError('ENOSPC', path);
        },
      },
    });
    await expect(failing).rejects.toThrow(PublishIoError);
    const again = publishBulletin({
      ...request,
      hooks: {
        afterFile: (path) => {
          throw systemError('ENOSPC', path);
        },
      },
    });
    await expect(again).rejects.toThrow(
      `No se pudo publicar el No. 002/2023: no queda espacio en el disco de «${join(out, '2023', '002-cuarta-jornada-extraordinaria.html')}»: libere espacio (df -h) y vuelva a intentarlo. El número 002/2023 quedó libre: lo tomará el siguiente boletín de 2023.`,
    );
    expect(readdirSync(join(out, '2023')).sort()).toEqual([
      '001-cuarta-jornada-extraordinaria.html',
      '001-cuarta-jornada-extraordinaria.pdf',
    ]);
    expect((await publishBulletin(request)).number).toBe(2);
  });
});

describe('a bad output or data path through the CLI: Spanish, exit 2, nothing written, no trace', () => {
  test.each([
    [
      'a file given as the output folder',
      (dir: string) => ['--salida', join(dir, 'un-archivo')],
      /ya existe «.*un-archivo» \(un archivo donde hacía falta una carpeta/,
    ],
    [
      'a folder under a file',
      (dir: string) => ['--salida', join(dir, 'un-archivo', 'sub')],
      /una parte de la ruta «.*un-archivo\/sub» es un archivo y no una carpeta/,
    ],
    [
      'a name too long',
      (dir: string) => ['--salida', join(dir, 'x'.repeat(300))],
      /la ruta «.*» es demasiado larga para el sistema: use una carpeta con una ruta más corta/,
    ],
    [
      'a file given as the data folder',
      (dir: string) => ['--datos', join(dir, 'un-archivo'), '--salida', join(dir, 'salida')],
      /No se pudo crear la carpeta del registro: ya existe «.*un-archivo»/,
    ],
  ])('%s', async (_what, args, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'un-archivo'), 'no es una carpeta');
    const io = fakeIo({ cwd: dir });
    const code = await main(
      ['generar', DATASET, '--formatos', 'html', '--datos', join(dir, 'datos'), ...args(dir)],
      io,
    );
    expect(io.err()).toMatch(message);
    expect(io.err()).not.toMatch(/\n\s+at |ENOTDIR:|EEXIST:|ENAMETOOLONG:/);
    expect(code).toBe(2);
    expect(existsSync(join(dir, 'salida', '2021'))).toBe(false);
  });
});
