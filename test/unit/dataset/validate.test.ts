import { describe, expect, test } from 'vitest';
import { InputError } from '../../../src/errors.ts';
import { loadJornada, validateJornada } from '../../../src/dataset/index.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minimalJornada, summary, useTempDirs } from './helpers.ts';

const tempDir = useTempDirs();

function problemsOf(change: (jornada: Record<string, unknown>) => void): string[] {
  const jornada = minimalJornada();
  change(jornada);
  return summary(validateJornada(jornada, { file: 'j.json' }).problems);
}

describe('validateJornada', () => {
  test('a minimal jornada is valid, with no problem', () => {
    const result = validateJornada(minimalJornada(), { file: 'j.json' });
    expect(result.problems).toEqual([]);
    expect(result.jornada?.tipo).toBe('extraordinaria-continuidad');
  });

  test('reports every problem at once, each with its place and fix', () => {
    const result = validateJornada(
      {
        ...minimalJornada(),
        tipo: 'extraordinaria',
        ordinal: 'cuarta',
        fechas: { inicio: '24/02/2023', fin: '2023-02-26' },
        cifras: { cirugia: 3029, trasplantes: '3,729' },
        lugar: 'CDMX',
      },
      { file: 'j.json' },
    );
    expect(result.jornada).toBeUndefined();
    expect(result.problems.map((problem) => [problem.place, problem.message, problem.fix])).toEqual([
      [
        'tipo',
        '«extraordinaria» no es un valor válido para «tipo»',
        '¿Quiso decir «extraordinaria-continuidad»? Los valores posibles son: nacional-recuperacion, nacional-para-la-recuperacion, nacional-recuperacion-servicios, nacional-continuidad-ordinarios, nacional-continuidad, extraordinaria-continuidad, continuidad, periodo-plan, monotematica.',
      ],
      ['ordinal', '«cuarta» es un ordinal escrito con letras en «ordinal»', 'Escriba el número con dígitos: 4.'],
      [
        'fechas.inicio',
        'La fecha «24/02/2023» está en formato día/mes/año, que Boletín no adivina («fechas.inicio»)',
        'Escríbala como año-mes-día: 2023-02-24.',
      ],
      [
        'cifras.trasplantes',
        'La cifra «3,729» está escrita como texto con separador de miles en «cifras.trasplantes»',
        'Escriba sólo los dígitos, sin comas, puntos ni espacios: 3729 (si es lo que quiso decir).',
      ],
      [
        'lugar',
        'el campo «lugar» no existe',
        'Quítelo o corrija su nombre; los campos posibles aquí son: tipo, ordinal, ultimaDelAnio, fechas, programa, proxima, participacion, meta, cifras, cifrasUmae, acumuladoAnual, especialidades, procedimientos, estrategias, personal, destacados, estados, gruposDeEstados, hospitales, enlaces, boletin, web, notas, $schema, estadosCsv.',
      ],
      [
        'cifras.cirugia',
        '«cirugia» no es un indicador del catálogo',
        '¿Quiso decir «cirugias»? Los indicadores están en data/catalogo/indicadores.yaml; para uno nuevo, agréguelo ahí.',
      ],
    ]);
  });

  test('dates: end before start, too long for the kind, days out of range, next jornada too early', () => {
    expect(problemsOf((j) => (j['fechas'] = { inicio: '2023-02-26', fin: '2023-02-24' }))).toEqual([
      'error fechas.fin: la jornada termina (2023-02-24) antes de empezar (2023-02-26)',
    ]);
    expect(problemsOf((j) => (j['fechas'] = { inicio: '2023-02-24', fin: '2023-03-26' }))).toEqual([
      'error fechas.fin: la jornada duraría 31 días (del 2023-02-24 al 2023-03-26); una de este tipo dura a lo más 5',
    ]);
    expect(
      problemsOf((j) =>
        Object.assign(j, { tipo: 'periodo-plan', fechas: { inicio: '2021-05-31', fin: '2021-06-06' } }),
      ),
    ).toEqual([]);
    expect(
      problemsOf(
        (j) => (j['fechas'] = { inicio: '2023-02-24', fin: '2023-02-26', dias: ['2023-02-24', '2023-02-27'] }),
      ),
    ).toEqual([
      'error fechas.dias[1]: el día 2023-02-27 queda fuera de la jornada (2023-02-24 a 2023-02-26)',
      'error fechas.dias: la lista de días debe empezar en «inicio» (2023-02-24) y acabar en «fin» (2023-02-26)',
    ]);
    expect(problemsOf((j) => (j['proxima'] = { inicio: '2023-02-26', fin: '2023-02-28' }))).toEqual([
      'error proxima.inicio: la próxima jornada (2023-02-26) empieza antes de que termine ésta (2023-02-26)',
    ]);
    expect(problemsOf((j) => (j['fechas'] = { inicio: '2023-02-30', fin: '2023-03-01' }))).toEqual([
      'error fechas.inicio: la fecha «2023-02-30» de «fechas.inicio» no existe en el calendario',
    ]);
  });

  test('counts: negative and fractional are errors', () => {
    expect(problemsOf((j) => (j['cifras'] = { cirugias: -3, vasectomia: 2.5 }))).toEqual([
      'error cifras.cirugias: «cifras.cirugias» vale -3, pero una cifra no puede ser negativa',
      'error cifras.vasectomia: «cifras.vasectomia» vale 2.5, pero un conteo es un número entero',
    ]);
  });

  test('parts greater than their total are errors, at any level and in any scope', () => {
    expect(
      problemsOf((j) => (j['cifras'] = { trasplantes: 5, 'trasplante-rinon': 4, 'trasplante-cornea': 3 })),
    ).toEqual([
      'error cifras.trasplantes: las partes de «trasplantes» suman 7 (trasplante-rinon 4 + trasplante-cornea 3), más que el total, 5',
    ]);
    // Without the middle total, a grandchild is checked against the nearest reported total.
    expect(problemsOf((j) => (j['cifras'] = { consultas: 100, 'consulta-oftalmologia': 150 }))).toEqual([
      'error cifras.consultas: las partes de «consultas» suman 150 (consulta-oftalmologia 150), más que el total, 100',
    ]);
    expect(
      problemsOf(
        (j) =>
          (j['estados'] = [{ nombre: 'Jalisco', cifras: { 'donacion-cadaverica': 1, 'donacion-multiorganica': 2 } }]),
      ),
    ).toEqual([
      'error estados[0].cifras.donacion-cadaverica: las partes de «donacion-cadaverica» suman 2 (donacion-multiorganica 2), más que el total, 1',
    ]);
  });

  test('states and hospitals above the national figure, and actions above the achieved ones, are warnings', () => {
    expect(
      problemsOf((j) => {
        j['estados'] = [{ nombre: 'Nuevo León', cifras: { cirugias: 3000 } }];
        j['hospitales'] = [{ nombre: 'CMN Siglo XXI', cifras: { cirugias: 100 } }];
      }),
    ).toEqual([
      'aviso cifras.cirugias: los estados (3000) y las UMAE (100) suman 3100 de «cirugias», más que la cifra nacional, 3029',
    ]);
    expect(problemsOf((j) => (j['meta'] = { planeadas: 100, logradas: 1000 }))).toEqual([
      'aviso meta.logradas: se lograron 1000 acciones de 100 planeadas, más del doble',
      'aviso meta.logradas: las cifras nacionales que cuentan como acciones suman 3054, más que las 1000 acciones logradas',
    ]);
    expect(
      problemsOf((j) =>
        Object.assign(j, { cifrasUmae: { cirugias: 50 }, hospitales: [{ nombre: 'A', cifras: { cirugias: 60 } }] }),
      ),
    ).toEqual([
      'aviso cifrasUmae.cirugias: los hospitales suman 60 de «cirugias», más que la cifra de todas las UMAE, 50',
    ]);
  });

  test('participation, names and bulletin metadata', () => {
    expect(problemsOf((j) => (j['participacion'] = { ooad: 3, ooadNombres: ['Jalisco', 'Oaxaca'] }))).toEqual([
      'error participacion.ooadNombres: la lista nombra 2 OOAD, pero «participacion.ooad» dice 3',
    ]);
    expect(problemsOf((j) => (j['estados'] = [{ nombre: 'Jalisco' }, { nombre: 'jalisco' }]))).toEqual([
      'error estados[1].nombre: «jalisco» está repetido (también en la posición 1)',
      'aviso estados[0].nombre: «Jalisco» no tiene cifras ni destacados: el boletín no lo nombra',
      'aviso estados[1].nombre: «jalisco» no tiene cifras ni destacados: el boletín no lo nombra',
    ]);
    expect(problemsOf((j) => (j['boletin'] = { numero: 93 }))).toEqual([
      'error boletin.numero: el boletín tiene número pero no fecha, y el año del número sale de la fecha',
    ]);
    expect(problemsOf((j) => (j['boletin'] = { fecha: '2023-02-20' }))).toEqual([
      'error boletin.fecha: el boletín (2023-02-20) sería anterior al inicio de la jornada (2023-02-24)',
    ]);
    expect(problemsOf((j) => (j['participacion'] = { ooad: 40, umae: 25 }))).toEqual([
      'aviso participacion.ooad: 40 OOAD son más de las 35 que tiene el IMSS',
    ]);
  });

  test('highlights carry no typed figures: placeholders name them', () => {
    const withHighlight = (destacado: Record<string, unknown>) =>
      problemsOf((j) => (j['estados'] = [{ nombre: 'Nuevo León', destacados: [destacado] }]));
    expect(
      withHighlight({
        texto: 'El {unidad} realizó {trasplante-cornea}.',
        unidad: 'Hospital General de Zona 33',
        cifras: { 'trasplante-cornea': 4 },
      }),
    ).toEqual([]);
    expect(withHighlight({ texto: 'El Hospital General de Zona 33 realizó 4 trasplantes.' })).toEqual([
      'error estados[0].destacados[0].texto: el texto del destacado lleva cifras escritas («33», «4»)',
    ]);
    expect(withHighlight({ texto: 'Se realizaron cuatro trasplantes de córnea y dos de riñón.' })).toEqual([
      'aviso estados[0].destacados[0].texto: el texto del destacado tiene números escritos con letras («cuatro», «dos»)',
    ]);
    expect(
      withHighlight({
        texto: 'Se realizaron {trasplante-corneas} y {cirugias|largo} en {unidad}.',
        cifras: { cirugias: 2, vasectomia: 1 },
      }),
    ).toEqual([
      'error estados[0].destacados[0].texto: en el texto del destacado, «{cirugias|largo}»: la forma «largo» no existe; use cifra, corto u ordinal',
      'error estados[0].destacados[0].texto: el marcador {trasplante-corneas}: «trasplante-corneas» no es un indicador del catálogo',
      'error estados[0].destacados[0].texto: el texto usa {unidad} pero el destacado no tiene «unidad»',
      'aviso estados[0].destacados[0].cifras.cirugias: la cifra «cirugias» del destacado no aparece en su texto',
      'aviso estados[0].destacados[0].cifras.vasectomia: la cifra «vasectomia» del destacado no aparece en su texto',
    ]);
    expect(
      withHighlight({
        texto: 'Se realizaron {vasectomia} y se acumulan {anual:vasectomia|cifra}.',
        cifras: { vasectomia: 3 },
      }),
    ).toEqual([
      'error estados[0].destacados[0].texto: el marcador {anual:vasectomia|cifra} no tiene su cifra en «acumuladoAnual» del destacado',
    ]);
    expect(withHighlight({ texto: 'Durante la pandemia de COVID-19 se difirió la atención.' })).toEqual([]);
  });

  test('a non-dataset value is refused with one clear problem', () => {
    expect(summary(validateJornada([1, 2], { file: 'x' }).problems)).toEqual([
      'error (raíz): no es un conjunto de datos de una jornada: es una lista, no un objeto',
    ]);
    expect(summary(validateJornada({ name: 'boletin', version: '0.1.0' }, { file: 'x' }).problems)).toEqual([
      'error (raíz): no es un conjunto de datos de una jornada: no tiene «tipo», «fechas» ni «cifras» (tiene: name, version)',
    ]);
  });
});

describe('loadJornada', () => {
  test('strict mode turns warnings into an InputError carrying them', async () => {
    const path = join(tempDir(), 'j.json');
    writeFileSync(path, JSON.stringify({ ...minimalJornada(), participacion: { ooad: 40 } }));
    const loaded = await loadJornada(path);
    expect(summary(loaded.warnings)).toEqual([
      'aviso participacion.ooad (línea 1): 40 OOAD son más de las 35 que tiene el IMSS',
    ]);
    const error = await loadJornada(path, { strict: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toContain('en modo estricto los avisos también detienen');
    expect((error as InputError).problems).toHaveLength(1);
  });

  test('errors throw InputError with every problem; the hash ignores $schema and key order', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...minimalJornada(), cifras: { cirugia: 1, trasplantes: -1 } }));
    const error = (await loadJornada(bad).catch((caught: unknown) => caught)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.problems.map((problem) => problem.place)).toEqual([
      'cifras.trasplantes (línea 1)',
      'cifras.cirugia (línea 1)',
    ]);
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    writeFileSync(a, JSON.stringify({ $schema: 'x', ...minimalJornada() }, null, 2));
    writeFileSync(b, JSON.stringify(Object.fromEntries(Object.entries(minimalJornada()).reverse())));
    expect((await loadJornada(a)).hash).toBe((await loadJornada(b)).hash);
  });
});
