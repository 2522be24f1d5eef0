import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { dataPaths, jornadaJsonSchemaText, loadJornada } from '../../../src/dataset/index.ts';
import { summary } from './helpers.ts';

const sample = (name: string): string => join(dataPaths.samples, name);

describe('sample jornadas', () => {
  test('all eight seed jornadas load and pass validation', async () => {
    const files = readdirSync(dataPaths.samples).filter((name) => name.endsWith('.json'));
    expect(files).toHaveLength(8);
    const warnings: Record<string, string[]> = {};
    for (const file of files) {
      const loaded = await loadJornada(sample(file));
      warnings[file] = summary(loaded.warnings);
    }
    // Only the contradictions the published texts carry (data/README.md) remain, as warnings.
    expect(warnings).toEqual({
      '2021-05-jornada-nacional-para-la-recuperacion.json': [],
      '2021-05-segunda-jornada-nacional.json': [],
      '2021-08-jornadas-monotematicas-estados-agrupados.json': [],
      '2023-02-cuarta-jornada-con-meta-en-porcentaje.json': [],
      '2021-06-periodo-plan-nacional.json': [
        'aviso cifras.trasplante-cornea (línea 19): los estados (4) y las UMAE (7) suman 11 de «trasplante-cornea», más que la cifra nacional, 2',
      ],
      '2021-08-jornadas-monotematicas.json': [],
      '2021-12-decima-cuarta-jornada-nacional.json': [
        'aviso cifras.vasectomia (línea 21): los estados suman 70 de «vasectomia», más que la cifra nacional, 49',
      ],
      '2023-02-cuarta-jornada-extraordinaria.json': [],
    });
  });

  test('seed 002 holds the true plan and result, and its bulletin metadata', async () => {
    const { jornada } = await loadJornada(sample('2023-02-cuarta-jornada-extraordinaria.json'));
    expect(jornada.meta).toEqual({ planeadas: 163110, logradas: 197144 });
    // The percentage is not stored; computed it is 120.9, not the published 120.5.
    expect(JSON.stringify(jornada)).not.toMatch(/120\.[59]/);
    expect(((jornada.meta?.logradas ?? 0) / (jornada.meta?.planeadas ?? 1)) * 100).toBeCloseTo(120.87, 2);
    expect(jornada.boletin).toEqual({ numero: 93, fecha: '2023-03-01', lugar: 'Ciudad de México' });
    expect(jornada.proxima).toEqual({ inicio: '2023-03-10', fin: '2023-03-12' });
    expect(jornada.cifras).toMatchObject({
      'trasplante-rinon': 10,
      'trasplante-cornea': 12,
      'trasplante-celulas-hematopoyeticas': 2,
      'trasplante-higado': 1,
      trasplantes: 25,
    });
  });

  test('seed 004 holds 65 mil 211 consultations, not the mistranslated "65,000 surgeries"', async () => {
    const { jornada } = await loadJornada(sample('2021-12-decima-cuarta-jornada-nacional.json'));
    expect(jornada.cifras).toMatchObject({
      cirugias: 3242,
      consultas: 65211,
      'trasplante-rinon': 11,
      'trasplante-cornea': 9,
      'trasplante-higado': 2,
      'trasplante-medula-osea': 1,
    });
    expect(jornada).toMatchObject({
      tipo: 'nacional-recuperacion',
      ordinal: 14,
      participacion: { ooad: 33, umae: 23 },
      fechas: { inicio: '2021-12-17', fin: '2021-12-19' },
    });
  });

  test('seed 001 and 003 and 000 hold their published figures', async () => {
    const second = (await loadJornada(sample('2021-05-segunda-jornada-nacional.json'))).jornada;
    expect(second.cifras).toMatchObject({
      cirugias: 3729,
      'consulta-especialidad': 17408,
      'consulta-medicina-familiar': 70067,
      'deteccion-hipertension': 23080,
    });
    const week = (await loadJornada(sample('2021-06-periodo-plan-nacional.json'))).jornada;
    expect(week.cifras).toMatchObject({
      'consulta-especialidad': 7309,
      'exploracion-clinica-mama': 2989,
      'deteccion-cancer-cervicouterino': 1600,
      'trasplante-higado': 1,
      'trasplante-rinon': 8,
      'trasplante-cornea': 2,
    });
    expect(week.participacion).toEqual({ ooad: 19, umae: 16 });
    const monotematicas = (await loadJornada(sample('2021-08-jornadas-monotematicas.json'))).jornada;
    expect(monotematicas.participacion?.ooadNombres).toHaveLength(9);
    expect(monotematicas.cifras).toMatchObject({
      'consulta-especialidad': 1283,
      'consulta-medicina-familiar': 5488,
      mastografia: 1576,
    });
  });

  test('the .xlsx twin loads to the same dataset as its JSON', async () => {
    const fromJson = await loadJornada(sample('2023-02-cuarta-jornada-extraordinaria.json'));
    const fromExcel = await loadJornada(sample('2023-02-cuarta-jornada-extraordinaria.xlsx'));
    expect(fromExcel.jornada).toEqual(fromJson.jornada);
    expect(fromExcel.hash).toBe(fromJson.hash);
    expect(fromExcel.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  test('every sample names the generated schema, and the schema file is not stale', () => {
    for (const file of readdirSync(dataPaths.samples).filter((name) => name.endsWith('.json'))) {
      expect((JSON.parse(readFileSync(sample(file), 'utf8')) as { $schema?: string }).$schema).toBe(
        '../jornada.schema.json',
      );
    }
    const committed = readFileSync(dataPaths.schema, 'utf8');
    // If this fails, run: npm run --silent boletin -- esquema
    expect(
      committed === jornadaJsonSchemaText(),
      'data/jornada.schema.json está desactualizado: corra `boletin esquema`',
    ).toBe(true);
  });
});
