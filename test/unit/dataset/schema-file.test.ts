import { describe, expect, test } from 'vitest';
import { jornadaJsonSchema, loadCatalog } from '../../../src/dataset/index.ts';

describe('generated JSON Schema', () => {
  const schema = jornadaJsonSchema() as {
    properties: Record<string, { $ref?: string; properties?: Record<string, unknown> }>;
    required: string[];
    $defs: { Cifras: { propertyNames: { enum: string[] }; properties: Record<string, { description: string }> } };
  };

  test('lists the catalog ids for every set of figures, so editors complete them', () => {
    expect(schema.$defs.Cifras.propertyNames.enum).toEqual(loadCatalog().ids);
    expect(schema.$defs.Cifras.properties['trasplante-rinon']?.description).toBe('trasplantes renales (trasplantes)');
    expect(schema.properties['cifras']?.$ref).toBe('#/$defs/Cifras');
    expect(schema.properties['cifrasUmae']?.$ref).toBe('#/$defs/Cifras');
  });

  test('requires tipo, fechas and cifras and allows $schema and estadosCsv', () => {
    expect(schema.required.sort()).toEqual(['cifras', 'fechas', 'tipo']);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['$schema', 'estadosCsv', 'hospitales', 'boletin']),
    );
  });
});
