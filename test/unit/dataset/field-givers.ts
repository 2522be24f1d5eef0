import { loadCatalog } from '../../../src/dataset/catalog.ts';
import { jornadaJsonSchema } from '../../../src/dataset/json-schema.ts';

/**
 * Every field of the dataset's schema and one way to give each: walked from the generated JSON Schema,
 * so a new field appears here (and fails the tests that use this list) until it has a way to be given.
 * Shared by the bulletin's every-field test and the workbook's round trip.
 */

export type Json = { [key: string]: unknown };

/** Leaf field paths ("participacion.umaeNombres", "estados[].cifras"), walking objects and arrays. */
export function fieldPaths(node: unknown, prefix = ''): string[] {
  const object = node as Json;
  const properties = object['properties'] as Json | undefined;
  if (properties !== undefined && prefix !== '' && object['title'] === 'Cifras') return [prefix];
  if (properties !== undefined) {
    return Object.entries(properties).flatMap(([key, child]) => {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      const childObject = child as Json;
      if (childObject['$ref'] !== undefined) return [path];
      const items = childObject['items'] as Json | undefined;
      if (childObject['type'] === 'array' && items?.['properties'] !== undefined) return fieldPaths(items, `${path}[]`);
      if (childObject['properties'] !== undefined) return fieldPaths(childObject, path);
      return [path];
    });
  }
  return [prefix];
}

/** A base jornada that says a little of everything, so a field's effect shows. */
export const base = (): Json => ({
  tipo: 'extraordinaria-continuidad',
  fechas: { inicio: '2023-02-24', fin: '2023-02-26' },
  cifras: { cirugias: 90_034, trasplantes: 3, 'trasplante-rinon': 2, 'trasplante-cornea': 1 },
});

/** How to give each field, on top of the base (with what it needs beside it). */
const ownGivers: Readonly<Record<string, (j: Json) => void>> = {
  tipo: (j) => (j['tipo'] = 'nacional-continuidad'),
  ordinal: (j) => (j['ordinal'] = 4),
  ultimaDelAnio: (j) => (j['ultimaDelAnio'] = true),
  'fechas.inicio': (j) => (j['fechas'] = { inicio: '2023-02-25', fin: '2023-02-26' }),
  'fechas.fin': (j) => (j['fechas'] = { inicio: '2023-02-24', fin: '2023-02-25' }),
  'fechas.dias': (j) => (j['fechas'] = { inicio: '2023-02-24', fin: '2023-02-26', dias: ['2023-02-24', '2023-02-26'] }),
  'programa.nombre': (j) => (j['programa'] = { nombre: '150 Días de Recuperación de Servicios de Salud' }),
  'programa.plan': (j) => (j['programa'] = { plan: 'Plan Nacional de Recuperación de los Servicios de Salud' }),
  'programa.inicio': (j) => (j['programa'] = { inicio: '2021-04-16' }),
  'proxima.inicio': (j) => (j['proxima'] = { inicio: '2023-03-10', fin: '2023-03-12' }),
  'proxima.fin': (j) => (j['proxima'] = { inicio: '2023-03-10', fin: '2023-03-11' }),
  'proxima.dias': (j) =>
    (j['proxima'] = { inicio: '2023-03-10', fin: '2023-03-12', dias: ['2023-03-10', '2023-03-12'] }),
  'participacion.ooad': (j) => (j['participacion'] = { ooad: 35 }),
  'participacion.umae': (j) => (j['participacion'] = { ooad: 35, umae: 25 }),
  'participacion.ooadNombres': (j) => (j['participacion'] = { ooad: 2, ooadNombres: ['Jalisco', 'Oaxaca'] }),
  'participacion.umaeNombres': (j) => (j['participacion'] = { ooad: 35, umae: 1, umaeNombres: ['CMN Siglo XXI'] }),
  'meta.logradas': (j) => (j['meta'] = { logradas: 120, planeadas: 100 }),
  'meta.planeadas': (j) => (j['meta'] = { logradas: 120, planeadas: 100 }),
  'meta.porcentaje': (j) => (j['meta'] = { logradas: 120, porcentaje: 120.5 }),
  cifras: (j) => (j['cifras'] = { ...(j['cifras'] as Json), mastografia: 15 }),
  cifrasUmae: (j) => (j['cifrasUmae'] = { cirugias: 770 }),
  acumuladoAnual: (j) => (j['acumuladoAnual'] = { 'donacion-cadaverica': 129 }),
  'especialidades.consultaExterna': (j) => (j['especialidades'] = { consultaExterna: ['Urología'] }),
  'especialidades.cirugia': (j) => (j['especialidades'] = { cirugia: ['Urología'] }),
  procedimientos: (j) => (j['procedimientos'] = ['colocación de marcapasos']),
  estrategias: (j) => (j['estrategias'] = ['Con el Águila Bien Puesta']),
  personal: (j) => (j['personal'] = ['personal de base']),
  'destacados[].texto': (j) => (j['destacados'] = [{ texto: 'Se abrió un quirófano nuevo.' }]),
  'destacados[].textoEn': (j) =>
    (j['destacados'] = [{ texto: 'Se abrió un quirófano nuevo.', textoEn: 'A new theatre opened.' }]),
  'destacados[].unidad': (j) =>
    (j['destacados'] = [{ texto: 'El {unidad} abrió un quirófano.', unidad: 'Hospital General de Zona 33' }]),
  'destacados[].cifras': (j) => (j['destacados'] = [{ texto: 'Hubo {cirugias}.', cifras: { cirugias: 12 } }]),
  'destacados[].acumuladoAnual': (j) =>
    (j['destacados'] = [{ texto: 'Van {anual:cirugias}.', acumuladoAnual: { cirugias: 12 } }]),
  'estados[].nombre': (j) => (j['estados'] = [{ nombre: 'Tlaxcala' }]),
  'estados[].cifras': (j) => (j['estados'] = [{ nombre: 'Tlaxcala', cifras: { cirugias: 40 } }]),
  'estados[].destacados': (j) =>
    (j['estados'] = [{ nombre: 'Tlaxcala', destacados: [{ texto: 'En Tlaxcala se operó de cataratas.' }] }]),
  'gruposDeEstados[].estados': (j) =>
    (j['gruposDeEstados'] = [{ estados: ['Jalisco', 'Oaxaca'], enunciado: 'cumplieron su meta' }]),
  'gruposDeEstados[].masDe': (j) => (j['gruposDeEstados'] = [{ estados: ['Jalisco', 'Oaxaca'], masDe: 10_000 }]),
  'gruposDeEstados[].de': (j) =>
    (j['gruposDeEstados'] = [{ estados: ['Jalisco', 'Oaxaca'], masDe: 10_000, de: 'cirugias' }]),
  'gruposDeEstados[].enunciado': (j) =>
    (j['gruposDeEstados'] = [{ estados: ['Jalisco'], enunciado: 'cumplió su meta' }]),
  'hospitales[].nombre': (j) =>
    (j['hospitales'] = [{ nombre: 'Hospital de Especialidades de Puebla', cifras: { cirugias: 40 } }]),
  'hospitales[].siglas': (j) =>
    (j['hospitales'] = [
      { nombre: 'Hospital de Especialidades de Puebla', siglas: 'HE Puebla', cifras: { cirugias: 40 } },
    ]),
  'hospitales[].ciudad': (j) =>
    (j['hospitales'] = [
      { nombre: 'Hospital de Especialidades de Puebla', ciudad: 'Puebla', cifras: { cirugias: 40 } },
    ]),
  'hospitales[].estado': (j) =>
    (j['hospitales'] = [
      { nombre: 'Hospital de Especialidades de Puebla', estado: 'Puebla', cifras: { cirugias: 40 } },
    ]),
  'hospitales[].cifras': (j) =>
    (j['hospitales'] = [{ nombre: 'Hospital de Especialidades de Puebla', cifras: { cirugias: 40 } }]),
  'hospitales[].destacados': (j) =>
    (j['hospitales'] = [
      { nombre: 'Hospital de Especialidades de Puebla', destacados: [{ texto: 'Se operó de columna.' }] },
    ]),
  'enlaces.fotos': (j) => (j['enlaces'] = { fotos: 'https://bit.ly/3KIgH0Y' }),
  'enlaces.video': (j) => (j['enlaces'] = { video: 'https://bit.ly/3F9mUQ7' }),
  'boletin.numero': (j) => (j['boletin'] = { numero: 93, fecha: '2023-03-01' }),
  'boletin.fecha': (j) => (j['boletin'] = { fecha: '2023-03-02' }),
  'boletin.lugar': (j) => (j['boletin'] = { lugar: 'Guadalajara' }),
  'boletin.cifras': (j) => (j['boletin'] = { cifras: 'rae' }),
  'boletin.relleno': (j) => (j['boletin'] = { relleno: true }),
  'boletin.millonEnCifras': (j) => {
    j['boletin'] = { millonEnCifras: true };
    j['cifras'] = { ...(j['cifras'] as Json), consultas: 1_200_000 };
  },
  'boletin.signoPorcentaje': (j) => {
    j['boletin'] = { signoPorcentaje: true };
    j['meta'] = { logradas: 120, planeadas: 100 };
  },
  'boletin.ordinal': (j) => {
    j['boletin'] = { ordinal: 'corta' };
    j['ordinal'] = 4;
  },
  'boletin.listasAbiertas': (j) => (j['boletin'] = { listasAbiertas: true }),
  notas: (j) => (j['notas'] = 'Revisar con la DPM.'),
  'estados[].lugar': (j) =>
    (j['estados'] = [{ nombre: 'Jalisco', lugar: 'Guadalajara, Jalisco', cifras: { cirugias: 40 } }]),
  'web.imagen': (j) => (j['web'] = { imagen: '/uploads/2021/imagen.jpeg' }),
  'web.alt': (j) => (j['web'] = { alt: 'Personal médico en un quirófano' }),
  'web.seccion': (j) => (j['web'] = { seccion: 'Local' }),
  'web.portada': (j) => (j['web'] = { portada: true }),
  'web.autor': (j) => (j['web'] = { autor: 'Comunicación Social' }),
  'web.etiquetas': (j) => (j['web'] = { etiquetas: ['chihuahua'] }),
  'web.redirectFrom': (j) => (j['web'] = { redirectFrom: '/news/187342' }),
};

/** A highlight field given in a state's or a hospital's highlight, as the national one gives it. */
function nested(list: 'estados' | 'hospitales', nombre: string): Record<string, (j: Json) => void> {
  return Object.fromEntries(
    Object.entries(ownGivers)
      .filter(([path]) => path.startsWith('destacados[].'))
      .map(([path, give]) => [
        `${list}[].${path}`,
        (j: Json) => {
          const inner: Json = {};
          give(inner);
          j[list] = [{ nombre, destacados: inner['destacados'] }];
        },
      ]),
  );
}

export const givers: Readonly<Record<string, (j: Json) => void>> = {
  ...ownGivers,
  ...nested('estados', 'Tlaxcala'),
  ...nested('hospitales', 'Hospital de Especialidades de Puebla'),
};

/** The fields a jornada may give: the file-only "$schema" and "estadosCsv" are resolved before validation. */
export function schemaFieldPaths(): string[] {
  return fieldPaths(jornadaJsonSchema(loadCatalog())).filter((path) => path !== '$schema' && path !== 'estadosCsv');
}
