import { z } from 'zod';
import { loadProgrammeCatalog } from './programme-catalog.ts';

/**
 * The shape of a jornada's dataset. Every figure is a number in `cifras` (never free text), so the
 * compose stage writes each one through the phrasing module. The catalog, not this schema, decides which
 * indicator ids exist (see validate.ts), so adding an indicator needs no code.
 * Field names are Spanish: the office types them in JSON, YAML and Excel.
 */

/**
 * The programmes a jornada may belong to: the ids of data/catalogo/programas.yaml, read when this module
 * loads, so a renamed programme is a catalog entry (then `npm run schema`), never code.
 */
const programmes = loadProgrammeCatalog();
export const programmeIds: readonly [string, ...string[]] = programmes.ids;
export type JornadaKind = string;

export const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date written year-month-day: "2023-02-24". */
export const isoDateSchema = z
  .string()
  .regex(isoDatePattern, { abort: true })
  .refine((text) => isRealDate(text), { message: 'fecha inexistente' })
  .meta({ description: 'Fecha en formato año-mes-día, por ejemplo 2023-02-24.', format: 'date' });

function isRealDate(text: string): boolean {
  const [year, month, day] = text.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A count: a whole number, zero or more. */
export const countSchema = z
  .int()
  .nonnegative()
  .max(100_000_000)
  .meta({ description: 'Un conteo: número entero, sin comillas ni separadores (3729, no "3,729").' });

/** Figures by indicator id (ids from data/catalogo/indicadores.yaml): { "cirugias": 3029 }. */
export const cifrasSchema = z.record(z.string(), countSchema).meta({
  title: 'Cifras',
  description:
    'Cifras por indicador: la clave es el id del catálogo (data/catalogo/indicadores.yaml), el valor un entero.',
});

const textSchema = z.string().trim().min(1);
const textListSchema = z.array(textSchema);

export const fechasSchema = z
  .strictObject({
    inicio: isoDateSchema.meta({ description: 'Primer día (año-mes-día).' }),
    fin: isoDateSchema.meta({ description: 'Último día (año-mes-día); igual a inicio si fue un solo día.' }),
    dias: z.array(isoDateSchema).optional().meta({
      description: 'Sólo si los días no fueron seguidos: la lista de días, del primero (inicio) al último (fin).',
    }),
  })
  .meta({ description: 'Las fechas: del inicio al fin, ambos incluidos.' });

/**
 * A highlight of the jornada, a state or a hospital. Its text never carries a figure: figures go in
 * `cifras` (or `acumuladoAnual`) and the text names them with placeholders that compose fills through the
 * phrasing module: "{trasplante-cornea}" -> "cuatro trasplantes de córnea", "{trasplante-cornea|cifra}" ->
 * "cuatro", "{trasplante-rinon|corto}" -> "ocho riñones", "{anual:trasplante-medula-osea|cifra}" -> "38",
 * "{anual:trasplante-higado|ordinal}" -> "segundo", "{unidad}" -> the unit's name (which may have digits).
 */
export const destacadoSchema = z
  .strictObject({
    texto: textSchema.meta({
      description:
        'Una oración completa, sin cifras escritas: use {id} para las cifras de este destacado (formas: {id}, {id|cifra}, {id|corto}, {id|ordinal}; anuales: {anual:id}) y {unidad} para el nombre de la unidad.',
    }),
    textoEn: textSchema.optional().meta({ description: 'La misma oración en inglés, con los mismos marcadores.' }),
    unidad: textSchema.optional().meta({
      description: 'Nombre de la unidad médica que el texto nombra con {unidad}: "Hospital General de Zona 33".',
    }),
    cifras: cifrasSchema.optional().meta({ description: 'Cifras de la jornada que el texto menciona.' }),
    acumuladoAnual: cifrasSchema
      .optional()
      .meta({ description: 'Cifras acumuladas en el año que el texto menciona con {anual:id}.' }),
  })
  .meta({ title: 'Destacado' });

export const estadoSchema = z
  .strictObject({
    nombre: textSchema.meta({
      description: 'Estado u OOAD: "Nuevo León", "Veracruz Sur", "Estado de México Poniente".',
    }),
    lugar: textSchema.optional().meta({
      description: 'Lugar de la fecha de su boletín local: "Guadalajara, Jalisco"; si falta, el nombre del estado.',
    }),
    cifras: cifrasSchema.optional(),
    destacados: z.array(destacadoSchema).optional(),
  })
  .meta({ title: 'Estado' });

export const hospitalSchema = z
  .strictObject({
    nombre: textSchema.meta({
      description: 'Nombre de la UMAE: "Hospital de Especialidades del Centro Médico Nacional Siglo XXI".',
    }),
    siglas: textSchema
      .optional()
      .meta({ description: 'Forma breve: "CMN Siglo XXI", "HTO Magdalena de las Salinas".' }),
    ciudad: textSchema.optional(),
    estado: textSchema.optional(),
    cifras: cifrasSchema.optional(),
    destacados: z.array(destacadoSchema).optional(),
  })
  .meta({ title: 'Hospital' });

/**
 * The goal: the actions achieved against a planned count, or against the percentage the office
 * published. The bulletin prints what was given and never derives the other (a planned count computed
 * from a rounded percentage would be printed as a fact nobody published).
 */
export const metaSchema = z
  .strictObject({
    logradas: countSchema.meta({ description: 'Acciones logradas.' }),
    planeadas: z
      .int()
      .positive()
      .optional()
      .meta({ description: 'Acciones planeadas, si se publicaron; sin «porcentaje», el boletín lo calcula.' }),
    porcentaje: z
      .number()
      .positive()
      .max(1000)
      .refine((value) => Math.abs(value * 10 - Math.round(value * 10)) < 1e-9, {
        message: 'el porcentaje lleva a lo más un decimal',
      })
      .optional()
      .meta({
        description:
          'Porcentaje de la meta tal como se publicó (120.5), si no se publicaron las acciones planeadas o si el boletín da este porcentaje.',
      }),
  })
  .refine((meta) => meta.planeadas !== undefined || meta.porcentaje !== undefined, {
    message: 'la meta necesita «planeadas» o «porcentaje» (el publicado)',
    path: ['planeadas'],
  })
  .meta({
    title: 'Meta',
    description: 'La meta: acciones logradas frente a las planeadas o frente al porcentaje publicado.',
  });

/** States named together with one statement and no figures of their own ("más de 10 mil acciones" each). */
export const grupoDeEstadosSchema = z
  .strictObject({
    estados: textListSchema.min(1).meta({ description: 'Los estados u OOAD del grupo: ["Jalisco", "Nuevo León"].' }),
    masDe: countSchema
      .optional()
      .meta({ description: 'El umbral que cada uno superó: 10000 para «más de 10 mil acciones».' }),
    de: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
      .optional()
      .meta({ description: 'Qué cuenta el umbral: «accion» (por omisión) o el id de un indicador del catálogo.' }),
    enunciado: textSchema
      .optional()
      .meta({ description: 'En lugar de un umbral, lo que todos hicieron, sin cifras: «cumplieron su meta».' }),
  })
  .refine((grupo) => (grupo.masDe === undefined) !== (grupo.enunciado === undefined), {
    message: 'un grupo de estados lleva «masDe» o «enunciado» (uno de los dos)',
    path: ['masDe'],
  })
  .meta({ title: 'Grupo de estados' });

/** Figure styles a dataset may ask for (see `boletin cifra --estilos`). */
export const figureStyleNames = ['imss', 'imss-letras', 'rae', 'relleno', 'digitos'] as const;

/** Forms of the jornada's ordinal a dataset may ask for (see `boletin generar --ordinal`). */
export const ordinalForms = ['palabras', 'unaPalabra', 'corta'] as const;

/** The style settings of a bulletin; each is also a `generar` option, which wins over the dataset. */
export const bulletinStyleShape = {
  cifras: z
    .enum(figureStyleNames)
    .optional()
    .meta({ description: 'Estilo de las cifras (generar --estilo): imss, imss-letras, rae, relleno, digitos.' }),
  relleno: z
    .boolean()
    .optional()
    .meta({ description: 'true: los grupos tras «mil» con tres cifras, «90 mil 034» (generar --relleno).' }),
  millonEnCifras: z
    .boolean()
    .optional()
    .meta({ description: 'true: «1 millón» en lugar de «un millón» (generar --millon-en-cifras).' }),
  signoPorcentaje: z
    .boolean()
    .optional()
    .meta({ description: 'true: «120.9%» en lugar de «120.9 por ciento» (generar --signo).' }),
  ordinal: z.enum(ordinalForms).optional().meta({
    description:
      'Forma del ordinal de la jornada (generar --ordinal): palabras «Décima Cuarta», unaPalabra «Decimocuarta», corta «14ª».',
  }),
  listasAbiertas: z.boolean().optional().meta({
    description: 'true: las listas de resumen terminan abiertas, «..., entre otras» (generar --listas-abiertas).',
  }),
} as const;

export const jornadaSchema = z
  .strictObject({
    tipo: z.enum(programmeIds).meta({
      description: `El programa de la jornada, un id de data/catalogo/programas.yaml: ${programmes.programmes
        .map((programme) => `${programme.id} (${programme.nombre})`)
        .join(', ')}.`,
    }),
    ordinal: z.int().positive().optional().meta({ description: 'Número de la jornada en su serie: 4 para la Cuarta.' }),
    ultimaDelAnio: z.boolean().optional().meta({ description: 'true si fue la última jornada del año.' }),
    fechas: fechasSchema,
    programa: z
      .strictObject({
        nombre: textSchema.optional().meta({ description: '"150 Días de Recuperación de Servicios de Salud".' }),
        plan: textSchema.optional().meta({ description: '"Plan Nacional de Recuperación de los Servicios de Salud".' }),
        inicio: isoDateSchema.optional().meta({ description: 'Desde cuándo corre la estrategia.' }),
      })
      .optional(),
    proxima: fechasSchema.optional().meta({ description: 'Fechas de la próxima jornada, si ya se anunciaron.' }),
    participacion: z
      .strictObject({
        ooad: countSchema.meta({ description: 'Número de OOAD (Representaciones) que participaron.' }),
        umae: countSchema.optional().meta({ description: 'Número de UMAE que participaron.' }),
        ooadNombres: textListSchema.optional().meta({ description: 'Cuáles OOAD, si se nombran.' }),
        umaeNombres: textListSchema.optional().meta({ description: 'Cuáles UMAE, si se nombran.' }),
      })
      .optional(),
    meta: metaSchema.optional(),
    cifras: cifrasSchema.meta({ description: 'Cifras nacionales de la jornada, por indicador.' }),
    cifrasUmae: cifrasSchema
      .optional()
      .meta({ description: 'Cifras de todas las UMAE juntas, cuando el boletín las da.' }),
    acumuladoAnual: cifrasSchema
      .optional()
      .meta({ description: 'Cifras nacionales acumuladas en el año de la jornada.' }),
    especialidades: z
      .strictObject({
        consultaExterna: textListSchema
          .optional()
          .meta({ description: 'Especialidades con mayor demanda en Consulta Externa.' }),
        cirugia: textListSchema.optional().meta({ description: 'Especialidades con mayor demanda en cirugía.' }),
      })
      .optional(),
    procedimientos: textListSchema
      .optional()
      .meta({ description: 'Procedimientos realizados que se nombran sin cifra.' }),
    estrategias: textListSchema.optional().meta({ description: 'Estrategias nombradas: "Con el Águila Bien Puesta".' }),
    personal: textListSchema
      .optional()
      .meta({ description: 'Quiénes participaron: "personal de base", "Médicos Residentes".' }),
    destacados: z.array(destacadoSchema).optional().meta({ description: 'Destacados nacionales.' }),
    estados: z.array(estadoSchema).optional(),
    gruposDeEstados: z.array(grupoDeEstadosSchema).optional().meta({
      description:
        'Estados que se nombran juntos, sin sus cifras, con un mismo enunciado: «más de 10 mil acciones» en cada uno.',
    }),
    hospitales: z.array(hospitalSchema).optional().meta({ description: 'UMAE con cifras o destacados.' }),
    enlaces: z
      .strictObject({
        fotos: z.url({ protocol: /^https?$/ }).optional(),
        video: z.url({ protocol: /^https?$/ }).optional(),
      })
      .optional(),
    boletin: z
      .strictObject({
        numero: z
          .int()
          .positive()
          .optional()
          .meta({ description: 'Número del boletín en el año: 93 para "No. 093/2023".' }),
        fecha: isoDateSchema
          .optional()
          .meta({ description: 'Fecha de emisión (año-mes-día); da también el año del número.' }),
        lugar: textSchema.optional().meta({ description: 'Lugar de la fecha: "Ciudad de México".' }),
        ...bulletinStyleShape,
      })
      .optional()
      .meta({ description: 'Datos del boletín que fija la oficina.' }),
    web: z
      .strictObject({
        imagen: textSchema
          .optional()
          .meta({ description: 'Ruta de la imagen del post: "/uploads/2021/images-IMG_9999.jpeg".' }),
        alt: textSchema.optional().meta({ description: 'Texto alternativo de la imagen; si falta, el título.' }),
        seccion: textSchema.optional().meta({ description: 'Sección del sitio: "Local", "Nacional".' }),
        portada: z.boolean().optional().meta({ description: 'true si el post va en la portada (front).' }),
        autor: textSchema.optional().meta({ description: 'Autor del post; si falta, ninguno.' }),
        etiquetas: textListSchema.optional().meta({ description: 'Etiquetas además de las que salen de los datos.' }),
        redirectFrom: textSchema.optional().meta({ description: 'Dirección anterior del post: "/news/187342".' }),
      })
      .optional()
      .meta({ description: 'Datos del post para el sitio web (edición web).' }),
    notas: z.string().optional().meta({ description: 'Notas internas; nunca se publican.' }),
  })
  .meta({ title: 'Jornada', description: 'Los datos de una jornada, de los que Boletín escribe el boletín.' });

/** A validated jornada: what the compose stage reads. */
export type Jornada = z.infer<typeof jornadaSchema>;
export type Destacado = z.infer<typeof destacadoSchema>;
export type Estado = z.infer<typeof estadoSchema>;
export type Hospital = z.infer<typeof hospitalSchema>;
export type Fechas = z.infer<typeof fechasSchema>;
export type Cifras = Jornada['cifras'];
export type Meta = z.infer<typeof metaSchema>;
export type GrupoDeEstados = z.infer<typeof grupoDeEstadosSchema>;

/**
 * What a dataset file may hold: a Jornada, plus "$schema" (for editors) and the name of a CSV file
 * holding the per-state table. The loader resolves and removes both before validating.
 */
export const jornadaFileSchema = jornadaSchema
  .extend({
    $schema: z
      .string()
      .optional()
      .meta({ description: 'Ruta del esquema JSON, para que el editor complete el archivo.' }),
    estadosCsv: textSchema
      .optional()
      .meta({ description: 'Archivo CSV (relativo a este) con la tabla de estados, en lugar de "estados".' }),
  })
  .meta({ title: 'Jornada' });
