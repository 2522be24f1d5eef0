import { figureStyleNames, ordinalForms } from './schema.ts';

/**
 * The documented layout of a jornada workbook (docs/dataset.md, "Excel"), shared by the reader and the
 * writer so the template and the loader never disagree.
 */

export const sheetNames = {
  jornada: 'Jornada',
  nacional: 'Nacional',
  estados: 'Estados',
  hospitales: 'Hospitales',
  destacados: 'Destacados',
  grupos: 'Grupos de estados',
  instrucciones: 'Instrucciones',
} as const;

export const requiredSheets = [sheetNames.jornada, sheetNames.nacional] as const;

/** `decimal`: a number with at most one decimal, as a percentage is published (120.9). */
export type FieldKind = 'texto' | 'entero' | 'decimal' | 'fecha' | 'booleano' | 'url';

export interface JornadaField {
  /** The JSON path, as written in column A of the sheet "Jornada": "fechas.inicio". */
  readonly campo: string;
  readonly kind: FieldKind;
  /** A list: one row per element, all with the same campo. */
  readonly lista?: boolean;
  /** The only words the field takes: the template offers them as a drop-down list. */
  readonly opciones?: readonly string[];
  readonly descripcion: string;
}

export const jornadaFields: readonly JornadaField[] = [
  {
    campo: 'tipo',
    kind: 'texto',
    descripcion: 'El programa: un id de data/catalogo/programas.yaml (extraordinaria-continuidad...)',
  },
  { campo: 'ordinal', kind: 'entero', descripcion: 'Número de la jornada en su serie: 4 para la Cuarta' },
  { campo: 'ultimaDelAnio', kind: 'booleano', descripcion: 'sí si fue la última jornada del año' },
  { campo: 'fechas.inicio', kind: 'fecha', descripcion: 'Primer día (fecha, o texto año-mes-día)' },
  { campo: 'fechas.fin', kind: 'fecha', descripcion: 'Último día' },
  {
    campo: 'fechas.dias',
    kind: 'fecha',
    lista: true,
    descripcion: 'Sólo si los días no fueron seguidos: una fila por día',
  },
  { campo: 'programa.nombre', kind: 'texto', descripcion: '"150 Días de Recuperación de Servicios de Salud"' },
  { campo: 'programa.plan', kind: 'texto', descripcion: '"Plan Nacional de Recuperación de los Servicios de Salud"' },
  { campo: 'programa.inicio', kind: 'fecha', descripcion: 'Desde cuándo corre la estrategia' },
  { campo: 'proxima.inicio', kind: 'fecha', descripcion: 'Primer día de la próxima jornada, si se anunció' },
  { campo: 'proxima.fin', kind: 'fecha', descripcion: 'Último día de la próxima jornada' },
  { campo: 'proxima.dias', kind: 'fecha', lista: true, descripcion: 'Días de la próxima jornada, si no son seguidos' },
  { campo: 'participacion.ooad', kind: 'entero', descripcion: 'Cuántas OOAD (Representaciones) participaron' },
  { campo: 'participacion.umae', kind: 'entero', descripcion: 'Cuántas UMAE participaron' },
  { campo: 'participacion.ooadNombres', kind: 'texto', lista: true, descripcion: 'Cuáles OOAD: una fila por nombre' },
  { campo: 'participacion.umaeNombres', kind: 'texto', lista: true, descripcion: 'Cuáles UMAE: una fila por nombre' },
  { campo: 'meta.planeadas', kind: 'entero', descripcion: 'Acciones planeadas' },
  { campo: 'meta.logradas', kind: 'entero', descripcion: 'Acciones logradas (sin porcentaje publicado, se calcula)' },
  {
    campo: 'meta.porcentaje',
    kind: 'decimal',
    descripcion: 'Porcentaje de la meta tal como se publicó, con a lo más un decimal: 120.9 (si no, se calcula)',
  },
  {
    campo: 'especialidades.consultaExterna',
    kind: 'texto',
    lista: true,
    descripcion: 'Especialidades con mayor demanda en Consulta Externa: una fila por especialidad',
  },
  {
    campo: 'especialidades.cirugia',
    kind: 'texto',
    lista: true,
    descripcion: 'Especialidades con mayor demanda en cirugía',
  },
  { campo: 'procedimientos', kind: 'texto', lista: true, descripcion: 'Procedimientos que se nombran sin cifra' },
  { campo: 'estrategias', kind: 'texto', lista: true, descripcion: 'Estrategias con nombre' },
  { campo: 'personal', kind: 'texto', lista: true, descripcion: 'Quiénes participaron' },
  { campo: 'enlaces.fotos', kind: 'url', descripcion: 'Enlace a las fotos (https://...)' },
  { campo: 'enlaces.video', kind: 'url', descripcion: 'Enlace al video (https://...)' },
  { campo: 'boletin.numero', kind: 'entero', descripcion: 'Número del boletín en el año: 93 para "No. 093/2023"' },
  { campo: 'boletin.fecha', kind: 'fecha', descripcion: 'Fecha de emisión' },
  { campo: 'boletin.lugar', kind: 'texto', descripcion: 'Lugar de la fecha: "Ciudad de México"' },
  { campo: 'web.imagen', kind: 'texto', descripcion: 'Post web: ruta de la imagen ("/uploads/2021/imagen.jpeg")' },
  { campo: 'web.alt', kind: 'texto', descripcion: 'Post web: texto alternativo de la imagen (si falta, el título)' },
  { campo: 'web.seccion', kind: 'texto', descripcion: 'Post web: sección del sitio ("Local", "Nacional")' },
  { campo: 'web.portada', kind: 'booleano', descripcion: 'Post web: sí si va en la portada' },
  { campo: 'web.autor', kind: 'texto', descripcion: 'Post web: autor' },
  {
    campo: 'web.etiquetas',
    kind: 'texto',
    lista: true,
    descripcion: 'Post web: etiquetas además de las de los datos, una fila por etiqueta',
  },
  { campo: 'web.redirectFrom', kind: 'texto', descripcion: 'Post web: dirección anterior del post ("/news/187342")' },
  {
    campo: 'boletin.cifras',
    kind: 'texto',
    opciones: figureStyleNames,
    descripcion: `Estilo de las cifras: ${figureStyleNames.join(', ')} (vacío: imss)`,
  },
  {
    campo: 'boletin.ordinal',
    kind: 'texto',
    opciones: ordinalForms,
    descripcion: 'Forma del ordinal: palabras «Décima Cuarta», unaPalabra «Decimocuarta», corta «14ª»',
  },
  { campo: 'boletin.relleno', kind: 'booleano', descripcion: 'sí: grupos tras «mil» con tres cifras, «90 mil 034»' },
  { campo: 'boletin.millonEnCifras', kind: 'booleano', descripcion: 'sí: «1 millón» en lugar de «un millón»' },
  { campo: 'boletin.signoPorcentaje', kind: 'booleano', descripcion: 'sí: «120.9%» en lugar de «120.9 por ciento»' },
  {
    campo: 'boletin.listasAbiertas',
    kind: 'booleano',
    descripcion: 'sí: el resumen como lista abierta, «..., entre otras»',
  },
  { campo: 'notas', kind: 'texto', descripcion: 'Notas internas; nunca se publican' },
];

/** Columns of the sheet "Nacional": each scope of figures has its own column. */
export const nacionalColumns = [
  { header: 'nacional', key: 'cifras' },
  { header: 'umae', key: 'cifrasUmae' },
  { header: 'acumulado anual', key: 'acumuladoAnual' },
] as const;

export const estadoTextColumns = ['nombre', 'lugar'] as const;
export const hospitalTextColumns = ['nombre', 'siglas', 'ciudad', 'estado'] as const;
export const destacadoTextColumns = ['ambito', 'entidad', 'texto', 'textoEn', 'unidad'] as const;
export const ambitos = ['nacional', 'estado', 'hospital'] as const;
/**
 * Columns of the sheet "Grupos de estados": one row per state of a group; the rows of a group share its
 * number in «grupo», and its settings (masDe, de, enunciado) may be repeated on each row or given once.
 */
export const grupoColumns = ['grupo', 'estado', 'masDe', 'de', 'enunciado'] as const;
export type GrupoColumn = (typeof grupoColumns)[number];

/** Header prefix of a year-to-date figure in the sheet "Destacados": "anual:trasplante-cornea". */
export const anualPrefix = 'anual:';
