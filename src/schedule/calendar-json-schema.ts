import { z } from 'zod';
import { repoRoot } from '../dataset/paths.ts';
import { join } from 'node:path';
import { calendarSchema } from './calendar-schema.ts';

/** Where the calendar's JSON Schema lives, beside the calendar. */
export const CALENDAR_SCHEMA_PATH = join(repoRoot, 'data', 'calendario.schema.json');

/**
 * The JSON Schema of the calendar, generated from the zod schema, so an editor completes and checks
 * data/calendario.yaml. `boletin programa esquema` writes it; a test fails when the file is stale.
 */
export function calendarJsonSchemaText(): string {
  const generated = z.toJSONSchema(calendarSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  const schema = {
    $schema,
    $comment:
      'Generado por `boletin programa esquema` a partir de src/schedule/calendar-schema.ts. No lo edite a mano.',
    title: 'Calendario de jornadas de Boletín',
    ...rest,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
