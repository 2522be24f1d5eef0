import { describe, expect, test } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { fakeIo } from '../../support/fake-io.ts';

describe('the boletin CLI speaks Spanish', () => {
  test('help', async () => {
    const io = fakeIo();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.out()).toMatch(/^Uso: boletin \[opciones\] \[comando\]/);
    expect(io.out()).toContain('Opciones:');
    expect(io.out()).toContain('Comandos:');
    expect(io.out()).not.toMatch(/Usage|Options|Commands|\[options\]|display help/);
  });

  test('help of the main job, with its defaults in Spanish', async () => {
    const io = fakeIo();
    expect(await main(['generar', '--help'], io)).toBe(0);
    expect(io.out()).toContain('Uso: boletin generar [opciones] [archivos...]');
    expect(io.out()).toContain('(por omisión: html,pdf,docx)');
    expect(io.out()).not.toMatch(/default:/);
  });

  test.each([
    [['--formatoss', 'pdf'], 'error: opción desconocida «--formatoss»\n(¿quiso decir --formatos?)\n'],
    [
      ['--formatos', 'odt'],
      'error: el valor «odt» de la opción «-f, --formatos <lista>» no es válido: formato desconocido «odt»: use html, pdf, docx, md\n',
    ],
    [
      ['--numero', 'x'],
      'error: el valor «x» de la opción «-n, --numero <n>» no es válido: el número debe ser un entero de 1 a 9999\n',
    ],
  ])('a bad option %j: exit 2 and a Spanish message', async (argv, message) => {
    const io = fakeIo();
    expect(await main(argv, io)).toBe(2);
    expect(io.err()).toBe(`${message}(use --help para ver las opciones)\n`);
    expect(io.out()).toBe('');
  });

  test('a mistyped command is not taken for a file', async () => {
    const io = fakeIo();
    expect(await main(['valdiar', 'x.json'], io)).toBe(2);
    expect(io.err()).toBe(
      '«valdiar» no es un archivo ni un comando de boletin. Vea los comandos con: boletin --help\n',
    );
  });

  test('a number given for several files at once is refused before anything is read', async () => {
    const io = fakeIo();
    expect(await main(['a.json', 'b.json', '--numero', '5', '--salida', '/nonexistent/x'], io)).toBe(2);
    expect(io.err()).toContain('sólo puede darse para un archivo a la vez');
  });
});
