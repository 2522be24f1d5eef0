import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { phrasingFor, readFigure } from '../../src/lang/index.ts';
import { fakeIo } from '../support/fake-io.ts';
import { CLI_NODE_ARGS } from '../support/run-cli.ts';

const ROOT = join(import.meta.dirname, '..', '..');
/** The Node 24 the project brings (the system node is older and cannot run .ts files). */
const NODE =
  Number(process.versions.node.split('.')[0]) >= 24 || !existsSync(join(ROOT, 'node_modules', '.bin', 'node'))
    ? process.execPath
    : join(ROOT, 'node_modules', '.bin', 'node');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the CLI in this process through `main`, as the bin does, with `input` as its standard input's
 * lines: a new process would add only its start-up. The tests of the bin itself and of standard input
 * read from a real pipe use `boletinProcess`.
 */
async function boletin(args: readonly string[], input = ''): Promise<Run> {
  const lines = input.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const io = fakeIo({ cwd: ROOT, stdinLines: lines });
  const code = await main(args, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

/** Runs the real CLI as its own process, with `input` on its standard input. */
function boletinProcess(args: readonly string[], input = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [...CLI_NODE_ARGS, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('boletin cifra', () => {
  test('one number, several numbers, a percentage', async () => {
    expect(await boletinProcess(['cifra', '3729'])).toEqual({ code: 0, stdout: '3 mil 729\n', stderr: '' });
    expect(await boletin(['cifra', '3729', '1', '1283', '197144/163110', '1529812'])).toEqual({
      code: 0,
      stdout: '3 mil 729\nun\nmil 283\n120.9 por ciento\nun millón 529 mil 812\n',
      stderr: '',
    });
  });

  test('styles and options', async () => {
    const cases: Array<[string[], string]> = [
      [['cifra', '--estilos'], 'imss\nimss-letras\nrae\nrelleno\ndigitos\n'],
      [['cifra', '--estilo', 'imss-letras', '7309'], 'siete mil 309\n'],
      // A terminal gets plain spaces; --espacio-duro gives the bulletin's no-break spaces (U+00A0).
      [['cifra', '-e', 'rae', '154000'], '154 000\n'],
      [['cifra', '--espacio-duro', '-e', 'rae', '154000'], '154\u00A0000\n'],
      [['cifra', '--espacio-duro', '3729', '197144/163110'], '3\u00A0mil\u00A0729\n120.9\u00A0por\u00A0ciento\n'],
      [['cifra', '--estilo', 'relleno', '90034'], '90 mil 034\n'],
      [['cifra', '--genero', 'f', '1'], 'una\n'],
      [['cifra', '--signo', '197144/163110'], '120.9%\n'],
      [['cifra', '--millon-en-cifras', '1200000'], '1 millón 200 mil\n'],
      [['cifra', '--idioma', 'en', '3242', '9'], '3,242\nnine\n'],
    ];
    const runs = await Promise.all(cases.map(([args]) => boletin(args)));
    expect(runs.map((run) => run.stdout)).toEqual(cases.map(([, stdout]) => stdout));
    expect(runs.every((run) => run.code === 0 && run.stderr === '')).toBe(true);
  });

  test('bad numbers: Spanish message on standard error, nothing on standard output, exit 2', async () => {
    const run = await boletin(['cifra', '3729', '3,729', '-5', 'abc']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      [
        'boletin cifra: «3,729» lleva separador de miles: escriba sólo los dígitos, 3729.',
        'boletin cifra: La cifra -5 es negativa: un conteo no puede ser menor que cero.',
        'boletin cifra: «abc» no es un número: escriba la cifra con dígitos (3729) o parte/total (197144/163110).',
        '',
      ].join('\n'),
    );
    const style = await boletin(['cifra', '--estilo', 'casa', '1']);
    expect(style.code).toBe(2);
    expect(style.stderr).toContain('El estilo de cifras «casa» no existe');
    expect(style.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  test('10,000 numbers through standard input in one process, answered line for line', async () => {
    const numbers = Array.from({ length: 10_000 }, (_, index) => (index * 104_729 * 9_973 + index) % 999_999_999_999);
    const run = await boletinProcess(['cifra'], `${numbers.join('\n')}\n`);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(10_000);
    const imss = phrasingFor('es');
    lines.forEach((line, index) => {
      const value = numbers[index] ?? -1;
      // The library's figure, with the plain spaces a terminal gets (no U+00A0 anywhere).
      if (line !== imss.figure(value).replaceAll('\u00A0', ' ') || /\u00A0/.test(line) || readFigure(line) !== value) {
        expect.fail(`line ${String(index + 1)}: «${line}»`);
      }
    });
  });

  test('a bad line from standard input: empty answer, its line number, the rest goes on, exit 2', async () => {
    const run = await boletinProcess(['cifra', '--estilo', 'imss-letras'], '7309\n\nabc\r\n2989\n-1\n');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('siete mil 309\n\n\ndos mil 989\n\n');
    expect(run.stderr).toBe(
      'boletin cifra: línea 3: «abc» no es un número: escriba la cifra con dígitos (3729) o parte/total (197144/163110).\n' +
        'boletin cifra: línea 5: La cifra -1 es negativa: un conteo no puede ser menor que cero.\n',
    );
  });
});

describe('boletin fecha', () => {
  test('a range, a date, a list of days, a dateline', async () => {
    const cases: Array<[string[], string]> = [
      [['fecha', '2023-02-24', '2023-02-26'], 'del 24 al 26 de febrero\n'],
      [['fecha', '2023-02-24'], '24 de febrero de 2023\n'],
      [['fecha', '2023-03-10', '2023-03-11', '2023-03-12'], '10, 11 y 12 de marzo\n'],
      [['fecha', '--dias', '2023-03-10', '2023-03-12'], '10 y 12 de marzo\n'],
      [['fecha', '--anio', '2022-12-30', '2023-01-02'], 'del 30 de diciembre de 2022 al 2 de enero de 2023\n'],
      [['fecha', '--anio', '--del', '--mayuscula', '2021-08-27', '2021-08-29'], 'Del 27 al 29 de agosto del 2021\n'],
      [['fecha', '--entre', '2021-05-31', '2021-06-06'], 'entre el 31 de mayo y el 6 de junio\n'],
      [['fecha', '--lugar', 'Ciudad de México', '2023-03-01'], 'Ciudad de México, miércoles 1 de marzo de 2023\n'],
      [['fecha', '--idioma', 'en', '--anio', '2021-12-17', '2021-12-19'], 'December 17 to 19, 2021\n'],
      [['fecha', '--espacio-duro', '2023-02-24', '2023-02-26'], 'del 24\u00A0al\u00A026 de febrero\n'],
    ];
    const runs = await Promise.all(cases.map(([args]) => boletin(args)));
    expect(runs.map((run) => run.stdout)).toEqual(cases.map(([, stdout]) => stdout));
    expect(runs.every((run) => run.code === 0 && run.stderr === '')).toBe(true);
  });

  test('bad dates: exit 2 with a Spanish message and the fix', async () => {
    const dayFirst = await boletin(['fecha', '24/02/2023']);
    expect(dayFirst).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'boletin fecha: La fecha «24/02/2023» no está en formato AAAA-MM-DD: escríbala así: 2023-02-24 (año, mes, día).\n',
    });
    const impossible = await boletin(['fecha', '2023-02-29']);
    expect(impossible.code).toBe(2);
    expect(impossible.stderr).toBe('boletin fecha: La fecha «2023-02-29» no existe: ese mes tiene 28 días.\n');
    const reversed = await boletin(['fecha', '2023-02-26', '2023-02-24']);
    expect(reversed.code).toBe(2);
    expect(reversed.stderr).toContain('antes de empezar');
  });

  test('dates from standard input, one set per line', async () => {
    const run = await boletin(['fecha'], '2023-02-24 2023-02-26\n2024-02-29\n29/02/2024\n');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('del 24 al 26 de febrero\n29 de febrero de 2024\n\n');
    expect(run.stderr).toContain('línea 3: La fecha «29/02/2024» no está en formato AAAA-MM-DD');
  });
});
