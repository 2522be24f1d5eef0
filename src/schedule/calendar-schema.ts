import { Cron } from 'croner';
import { z } from 'zod';
import { ALL_FORMATS, type OutputFormat } from '../generate/output-format.ts';
import { isoDateSchema } from '../dataset/schema.ts';

/**
 * The calendar of jornadas (data/calendario.yaml): for each announced jornada, where its dataset will
 * arrive and when to look for it. Field names are Spanish: editors write this file. Its JSON Schema
 * (data/calendario.schema.json) is generated from this one (`boletin programa esquema`).
 */

/** The zone every calendar time is read in, and the scheduler's hours run in. */
export const SCHEDULE_ZONE = 'America/Mexico_City';

/** How a scheduled render ends: a draft a person approves (the default), or published at once. */
export const PublishMode = { approval: 'aprobacion', direct: 'directa' } as const;
export type PublishMode = (typeof PublishMode)[keyof typeof PublishMode];

const localDateTimePattern = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/;

/** A local date ("2023-03-13") or date and time ("2023-03-13T08:00") in America/Mexico_City. */
const localDateTimeSchema = z
  .string()
  .regex(localDateTimePattern, { message: 'escriba año-mes-día, o año-mes-díaThora:minuto (2023-03-13T08:00)' })
  .meta({ description: 'Fecha (2023-03-13) o fecha y hora (2023-03-13T08:00), hora de la Ciudad de México.' });

/** A cron pattern of the hours to look ("0 8,12,18 * * *"), checked by croner itself. */
const cronSchema = z
  .string()
  .refine((pattern) => isCronPattern(pattern), {
    message: 'no es un horario cron válido; por ejemplo "0 8,12,18 * * *" (a las 8, 12 y 18 h)',
  })
  .meta({
    description: 'Horario cron (minuto hora día mes día-de-semana) en hora de la Ciudad de México: "0 8,12,18 * * *".',
  });

function isCronPattern(pattern: string): boolean {
  try {
    new Cron(pattern, { timezone: SCHEDULE_ZONE, paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}

const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: 'use minúsculas, cifras y guiones, como quinta-extraordinaria-2023-03',
  })
  .meta({ description: 'Identificador único de la jornada en el calendario: minúsculas, cifras y guiones.' });

const formatSchema = z.enum(ALL_FORMATS as [OutputFormat, ...OutputFormat[]]);

export const calendarJornadaSchema = z.strictObject({
  id: slugSchema,
  tipo: z
    .string()
    .trim()
    .min(1)
    .meta({ description: 'Tipo de jornada, como en los datos: extraordinaria-continuidad, nacional-recuperacion...' }),
  programa: z
    .string()
    .trim()
    .min(1)
    .optional()
    .meta({ description: 'Programa o nombre de la jornada, para el personal.' }),
  ordinal: z.int().min(1).max(999).optional().meta({ description: 'Su número de orden: 5 para la «Quinta Jornada».' }),
  fechas: z.strictObject({
    inicio: isoDateSchema.meta({ description: 'Primer día de la jornada.' }),
    fin: isoDateSchema.meta({ description: 'Último día de la jornada.' }),
  }),
  carpeta: z
    .string()
    .trim()
    .min(1)
    .meta({ description: 'Carpeta donde llegarán los datos (relativa a este archivo).' }),
  patron: z.string().trim().min(1).optional().meta({
    description: 'Patrón del nombre del archivo de datos, por ejemplo "*.xlsx"; por omisión el del calendario.',
  }),
  buscar: z
    .strictObject({
      desde: localDateTimeSchema
        .optional()
        .meta({ description: 'Desde cuándo buscar; por omisión, el día siguiente al fin a las 00:00.' }),
      hasta: localDateTimeSchema
        .optional()
        .meta({ description: 'Hasta cuándo; después la jornada queda vencida. Por omisión, 7 días después del fin.' }),
      horario: cronSchema.optional(),
    })
    .optional(),
  publicacion: z
    .enum([PublishMode.approval, PublishMode.direct])
    .optional()
    .meta({ description: 'aprobacion (borrador que una persona aprueba) o directa.' }),
});
export type CalendarJornada = z.infer<typeof calendarJornadaSchema>;

export const calendarSchema = z.strictObject({
  $schema: z.string().optional(),
  horario: cronSchema.default('0 8,12,16,20 * * *'),
  patron: z.string().trim().min(1).default('*.xlsx').meta({ description: 'Patrón del archivo de datos por omisión.' }),
  espera: z.int().min(0).max(240).default(2).meta({
    description:
      'Minutos entre las dos miradas que confirman que un archivo terminó de escribirse (si no hay marca .listo).',
  }),
  publicacion: z.enum([PublishMode.approval, PublishMode.direct]).default(PublishMode.approval),
  formatos: z
    .array(formatSchema)
    .min(1)
    .optional()
    .meta({ description: 'Formatos del boletín; por omisión html, pdf y docx.' }),
  salida: z
    .string()
    .trim()
    .min(1)
    .optional()
    .meta({ description: 'Carpeta de salida (relativa a este archivo); por omisión output/ del proyecto.' }),
  aviso: z
    .strictObject({
      url: z.url({ protocol: /^https?$/ }).meta({
        description: 'URL que recibe por POST el resumen del boletín cuando hay un borrador o un boletín publicado.',
      }),
      intentos: z.int().min(1).max(10).default(3),
    })
    .optional(),
  jornadas: z.array(calendarJornadaSchema).default([]),
});
export type CalendarFile = z.infer<typeof calendarSchema>;
