import { describe, expect, test } from 'vitest';
import { COMPILE_OPTIONS, RUNTIME_OPTIONS, createTemplateEngine } from '../../../src/compose/template-engine.ts';
import type { Phrasing } from '../../../src/lang/phrasing.ts';

// A recording stand-in: these tests are about the Handlebars environment, not about phrasing.
const calls: string[] = [];
const phrasing: Phrasing = {
  lang: 'es-MX',
  style: 'prueba',
  figure: (value, options) => (calls.push(`figure ${value} ${options?.gender ?? ''}`), `cifra(${value})`),
  count: (value, noun) => `${value} ${noun.plural}`,
  elidedCount: (value, _gender, complement) => `${value} ${complement}`,
  percent: (part, whole) => `${part}/${whole}`,
  givenPercent: (value) => `${value}%`,
  dateRange: (start, end, options) => `${start}..${end}${options?.capitalize === true ? '!' : ''}`,
  dayList: (dates) => dates.join('+'),
  date: (date) => date,
  dateline: (place, date) => `${place}, ${date}`,
  bulletinNumber: (number, year) => `No. ${number}/${year}`,
  ordinal: (value, gender) => `${value}${gender}`,
  list: (items) => items.join(' | '),
};
const nouns = (id: string) =>
  id === 'cirugia' ? { singular: 'cirugía', plural: 'cirugías', gender: 'f' as const } : undefined;

function render(template: string, context: object, partials: Record<string, string> = {}): string {
  return createTemplateEngine({ templates: { t: template }, partials }, phrasing, nouns).render('t', context);
}

describe('template engine', () => {
  test('security defaults are pinned', () => {
    expect(COMPILE_OPTIONS).toEqual({ strict: true, knownHelpersOnly: true, noEscape: false, trackIds: true });
    expect(RUNTIME_OPTIONS).toEqual({ allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  });

  test('helpers write through the phrasing module', () => {
    expect(render('{{cifra n genero="f"}} {{cantidad n "cirugia"}} {{porcentaje a b}}', { n: 3, a: 1, b: 2 })).toBe(
      'cifra(3) 3 cirugías 1/2',
    );
    expect(calls).toContain('figure 3 f');
    expect(render('{{rango a b mayuscula=true}} {{lista xs}}', { a: 'x', b: 'y', xs: ['p', 'q'] })).toBe('x..y! p | q');
  });

  test('data is always escaped, including what helpers return', () => {
    expect(render('{{texto}} {{lista xs}}', { texto: '<script>&"\'`=', xs: ['<b>'] })).toBe(
      '&lt;script&gt;&amp;&quot;&#x27;&#x60;&#x3D; &lt;b&gt;',
    );
  });

  test('strict: a missing field is an error, not an empty string', () => {
    expect(() => render('{{falta}}', {})).toThrow(/falta/);
  });

  test('an unknown helper cannot be called', () => {
    expect(() => render('{{log "x"}}{{desconocido 1}}', {})).toThrow(
      'La plantilla «t» falló: You specified knownHelpersOnly, but used the unknown helper desconocido',
    );
  });

  test('no prototype access', () => {
    expect(() => render('{{constructor.name}}', {})).toThrow('La plantilla «t» falló: "name" not defined in undefined');
    expect(render('{{#with this}}{{__proto__}}{{/with}}', { __proto__: { x: 1 } })).not.toContain('object');
  });

  test('an unknown noun or a wrong type is a clear template error', () => {
    expect(() => render('{{cantidad 3 "higado"}}', {})).toThrow(/Sustantivo desconocido.*higado/);
    expect(() => render('{{cifra "3"}}', {})).toThrow(/espera una cifra/);
  });

  test('partials share the helpers', () => {
    expect(render('{{> parte}}', { n: 7 }, { parte: '[{{cifra n}}]' })).toBe('[cifra(7)]');
  });
});
