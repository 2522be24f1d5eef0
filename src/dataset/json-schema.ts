import { z } from 'zod';
import type { Catalog } from './catalog.ts';
import { loadCatalog } from './catalog.ts';
import { jornadaFileSchema } from './schema.ts';

type JsonObject = { [key: string]: unknown };

/**
 * The JSON Schema of a dataset file, generated from the zod schema, with the catalog's indicator ids as
 * the only keys every set of figures allows, so an editor completes them and flags typos.
 * `boletin esquema` writes it to data/jornada.schema.json; a test fails when the file is stale.
 */
export function jornadaJsonSchema(catalog: Catalog = loadCatalog()): JsonObject {
  const generated = z.toJSONSchema(jornadaFileSchema, { io: 'input', unrepresentable: 'any' }) as JsonObject;
  const cifras: JsonObject = {
    type: 'object',
    description:
      'Cifras por indicador: la clave es el id del catálogo (data/catalogo/indicadores.yaml), el valor un entero.',
    properties: Object.fromEntries(
      catalog.indicators.map((indicator) => [
        indicator.id,
        { type: 'integer', minimum: 0, description: `${indicator.es.plural} (${indicator.grupo})` },
      ]),
    ),
    propertyNames: { enum: [...catalog.ids] },
    additionalProperties: { type: 'integer', minimum: 0 },
  };
  const body = replaceCifras(generated) as JsonObject;
  const { $schema, ...rest } = body;
  return {
    $schema,
    $comment:
      'Generado por `boletin esquema` a partir de src/dataset/schema.ts y data/catalogo/indicadores.yaml. No lo edite a mano.',
    ...rest,
    $defs: { Cifras: cifras },
  };
}

function replaceCifras(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(replaceCifras);
  if (typeof node !== 'object' || node === null) return node;
  const object = node as JsonObject;
  if (object['title'] === 'Cifras') {
    return {
      $ref: '#/$defs/Cifras',
      ...(typeof object['description'] === 'string' ? { description: object['description'] } : {}),
    };
  }
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, replaceCifras(value)]));
}

/** The schema file's exact text. */
export function jornadaJsonSchemaText(catalog?: Catalog): string {
  return `${JSON.stringify(jornadaJsonSchema(catalog), null, 2)}\n`;
}
