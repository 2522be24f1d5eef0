import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandsFor } from '../../../src/cli/commands/index.ts';
import { modulesLoadedBy } from '../../support/modules-loaded.ts';

const sample = join(import.meta.dirname, '../../../data/jornadas/2023-02-cuarta-jornada-extraordinaria.json');
const workbook = sample.replace(/\.json$/, '.xlsx');
const RENDERERS = ['docx', 'puppeteer-core', 'pdf-lib', '@cantoo/pdf-lib'];

/** What each run must not load: the packages a command that does not need them would pay for at start-up. */
const cases: ReadonlyArray<{ argv: string[]; loads: string[]; never: string[]; exitCode: number }> = [
  {
    argv: ['fecha', '2023-02-24'],
    loads: ['luxon'],
    never: [...RENDERERS, 'exceljs', 'zod', 'handlebars'],
    exitCode: 0,
  },
  { argv: ['validar', sample], loads: ['zod'], never: [...RENDERERS, 'exceljs', 'handlebars'], exitCode: 0 },
  { argv: ['validar', workbook], loads: ['exceljs'], never: RENDERERS, exitCode: 0 },
  {
    argv: ['generar', '--formatos', 'html', '--salida', 'salida', '--datos', 'registro', sample],
    loads: ['handlebars'],
    never: [...RENDERERS, 'exceljs'],
    exitCode: 0,
  },
  {
    argv: ['generar', '--formatos', 'html,docx', '--salida', 'salida-docx', '--datos', 'registro-docx', sample],
    loads: ['docx'],
    never: ['puppeteer-core', 'pdf-lib', '@cantoo/pdf-lib', 'exceljs'],
    exitCode: 0,
  },
];

describe('what a command loads at start-up', () => {
  let cwd = '';
  beforeAll(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'boletin-arranque-'));
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it.each(cases)(
    'boletin $argv.0 $argv.1 loads $loads and none of $never',
    async ({ argv, loads, never, exitCode }) => {
      const loaded = await modulesLoadedBy(argv, cwd);
      expect(loaded.exitCode).toBe(exitCode);
      expect(loaded.packages).toEqual(expect.arrayContaining(loads));
      for (const name of never) expect(loaded.packages).not.toContain(name);
    },
    120_000,
  );

  it('cifra loads no dataset, compose, render, publish or generate module of the project, nor any package but commander and luxon', async () => {
    const loaded = await modulesLoadedBy(['cifra', '3729'], cwd);
    expect(loaded.exitCode).toBe(0);
    expect(loaded.packages).toEqual(['commander', 'luxon']);
    const heavy = loaded.sources.filter((path) => /^src\/(dataset|compose|render|publish|generate)\//.test(path));
    expect(heavy).toEqual([]);
    expect(loaded.sources).toContain('src/cli/commands/cifra.ts');
    expect(loaded.sources).not.toContain('src/cli/commands/generar.ts');
  }, 120_000);
});

describe('which commands are registered for a command line', () => {
  const all = [
    'generar',
    'archivo',
    'aprobacion',
    'programa',
    'usuarios',
    'cifra',
    'fecha',
    'validar',
    'plantilla',
    'esquema',
  ];
  it.each([
    { argv: ['cifra', '3729'], expected: ['cifra'] },
    { argv: ['archivo', 'listar'], expected: ['archivo'] },
    { argv: ['cifra', '--help'], expected: ['cifra'] },
    { argv: [], expected: ['generar'] },
    { argv: ['datos.json'], expected: ['generar'] },
    { argv: ['datos.json', '--formatos', 'html'], expected: ['generar'] },
    { argv: ['--help'], expected: all },
    { argv: ['-h'], expected: all },
    { argv: ['ayuda', 'cifra'], expected: all },
    { argv: ['--opcion-desconocida'], expected: all },
  ])('$argv registers $expected', ({ argv, expected }) => {
    expect(commandsFor(argv)).toEqual(expected);
  });
});
