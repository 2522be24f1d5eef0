import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { readFileSync } from 'node:fs';
import { buildCatalog, dataPaths, indicatorGroups, loadCatalog, validateJornada } from '../../../src/dataset/index.ts';
import { minimalJornada, summary, useTempDirs } from './helpers.ts';

const tempDir = useTempDirs();

describe('indicator catalog', () => {
  const catalog = loadCatalog();

  test('has every indicator the seeds report, in groups the catalog declares', () => {
    for (const id of [
      'consulta-medicina-familiar',
      'consulta-especialidad',
      'cirugias',
      'trasplante-rinon',
      'trasplante-cornea',
      'trasplante-higado',
      'trasplante-medula-osea',
      'trasplante-celulas-hematopoyeticas',
      'trasplante-corazon',
      'donacion-cadaverica',
      'donacion-multiorganica',
      'donacion-tejidos',
      'deteccion-diabetes',
      'deteccion-hipertension',
      'deteccion-cancer-cervicouterino',
      'deteccion-hepatitis-c',
      'mastografia',
      'exploracion-clinica-mama',
      'vasectomia',
      'oclusion-tubaria-bilateral',
      'implante-hormonal',
      'resonancia-magnetica',
      'tomografia',
      'estudios-auxiliares',
      'esquema-vacunacion-completo',
      'intervencion-trabajo-social',
    ]) {
      expect(catalog.has(id), id).toBe(true);
    }
    expect(catalog.groups.map((group) => group.id)).toEqual([...indicatorGroups]);
  });

  test('gives the words the bulletin writes', () => {
    const rinon = catalog.require('trasplante-rinon');
    expect(rinon.es).toMatchObject({
      singular: 'trasplante renal',
      plural: 'trasplantes renales',
      gender: 'm',
      de: { singular: 'renal', plural: 'renales' },
    });
    expect(rinon.es.corto).toEqual({ singular: 'riñón', plural: 'riñones', gender: 'm' });
    expect(catalog.require('trasplante-cornea').es.corto?.gender).toBe('f');
    expect(catalog.require('cirugias').en.plural).toBe('surgeries');
  });

  test('the English nouns are spelled as the en-US edition is (found in review: "haematopoietic", "catheterisations")', () => {
    const british = /isation|aem|oedi|paed|\bcolour|\bcentre|\btumour/i;
    const nouns = catalog.ids.flatMap((id) => {
      const { en } = catalog.require(id);
      return [en.singular, en.plural];
    });
    expect(nouns.filter((noun) => british.test(noun))).toEqual([]);
    expect(catalog.require('trasplante-celulas-hematopoyeticas').en.plural).toBe('hematopoietic cell transplants');
  });

  test('knows parts and totals, and orders ids for display', () => {
    expect(catalog.partsOf('trasplantes').map((indicator) => indicator.id)).toContain('trasplante-rinon');
    expect(catalog.totalsAbove('consulta-oftalmologia').map((indicator) => indicator.id)).toEqual([
      'consulta-especialidad',
      'consultas',
    ]);
    expect(catalog.order(['trasplante-cornea', 'desconocido', 'cirugias', 'trasplantes'])).toEqual([
      'cirugias',
      'trasplantes',
      'trasplante-cornea',
      'desconocido',
    ]);
  });

  test('suggests the id a typo meant', () => {
    expect(catalog.suggest('trasplante-riñon')).toBe('trasplante-rinon');
    expect(catalog.suggest('Trasplantes_Renales')).toBe('trasplante-rinon');
    expect(catalog.suggest('cirugia')).toBe('cirugias');
    expect(catalog.suggest('mastografias')).toBe('mastografia');
    expect(catalog.suggest('vasectomias')).toBe('vasectomia');
    expect(catalog.suggest('zzzzzz')).toBeUndefined();
  });

  test('refuses a malformed catalog: unknown parent, cycle, repeated id', () => {
    const entry = (id: string, parte?: string) => ({
      id,
      grupo: 'otros',
      orden: 1,
      accion: true,
      ...(parte ? { parte_de: parte } : {}),
      es: { singular: id, plural: id, genero: 'm' },
      en: { singular: id, plural: id },
    });
    const grupos = [{ id: 'otros', es: 'otros', en: 'other' }];
    expect(() => buildCatalog({ grupos, indicadores: [entry('a', 'b')] })).toThrow(/no existe/);
    expect(() => buildCatalog({ grupos, indicadores: [entry('a', 'b'), entry('b', 'a')] })).toThrow(/ciclo/);
    expect(() => buildCatalog({ grupos, indicadores: [entry('a'), entry('a')] })).toThrow(/repetido/);
    expect(() => buildCatalog({ grupos, indicadores: [{ id: 'Mal Id' }] })).toThrow(/mal formado/);
  });

  test('adding an indicator needs only the data file', () => {
    const original = parse(readFileSync(dataPaths.catalog, 'utf8')) as { indicadores: unknown[] };
    const withNew = {
      ...original,
      indicadores: [
        ...original.indicadores,
        {
          id: 'trasplante-pancreas',
          grupo: 'trasplantes',
          orden: 37,
          accion: true,
          parte_de: 'trasplantes',
          es: { singular: 'trasplante de páncreas', plural: 'trasplantes de páncreas', genero: 'm' },
          en: { singular: 'pancreas transplant', plural: 'pancreas transplants' },
        },
      ],
    };
    const path = join(tempDir(), 'indicadores.yaml');
    writeFileSync(path, stringify(withNew));
    const extended = loadCatalog(path);
    const jornada = { ...minimalJornada(), cifras: { trasplantes: 25, 'trasplante-pancreas': 30 } };
    expect(summary(validateJornada(jornada, { file: 'x.json' }).problems)).toEqual([
      'error cifras.trasplante-pancreas: «trasplante-pancreas» no es un indicador del catálogo',
    ]);
    // With the extended catalog the id is known, and the new part is checked against its total.
    expect(summary(validateJornada(jornada, { file: 'x.json', catalog: extended }).problems)).toEqual([
      'error cifras.trasplantes: las partes de «trasplantes» suman 30 (trasplante-pancreas 30), más que el total, 25',
    ]);
  });
});
