import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { composeBulletin } from '../../../src/compose/compose-bulletin.ts';
import { loadTemplateSet } from '../../../src/compose/load-templates.ts';
import { loadCatalog } from '../../../src/dataset/catalog.ts';
import { dataPaths } from '../../../src/dataset/paths.ts';
import type { Jornada } from '../../../src/dataset/schema.ts';
import { validateJornada } from '../../../src/dataset/validate.ts';
import { resolveIssueDate } from '../../../src/generate/issue-date.ts';
import { phrasingFor } from '../../../src/lang/index.ts';
import { renderDocx } from '../../../src/render/docx/render-docx.ts';
import { renderHtml } from '../../../src/render/html/render-html.ts';
import { renderMarkdown } from '../../../src/render/markdown/render-markdown.ts';

/**
 * One validation: whatever `validateJornada` passes, compose and the renderers write (HTML, Markdown, Word;
 * the PDF prints the same HTML). Each value at a later stage's limit is tried on both sides of it.
 */

const catalog = loadCatalog();
const templates = loadTemplateSet('es');
const phrasing = phrasingFor('es');
const sample = JSON.parse(readFileSync(join(dataPaths.samples, '2023-02-cuarta-jornada-extraordinaria.json'), 'utf8')) as Record<string, unknown>;

type Change = (jornada: Record<string, unknown>) => void;
const changed = (change: Change): Record<string, unknown> => {
  const jornada = structuredClone(sample);
  change(jornada);
  return jornada;
};
const dated = (inicio: string, fin: string): Change => (jornada) => {
  jornada['fechas'] = { inicio, fin };
  delete jornada['boletin'];
  delete jornada['proxima'];
};
const highlight = (texto: string, cifras: Record<string, number>): Change => (jornada) => {
  jornada['destacados'] = [{ texto, cifras }];
};

async function renderAll(jornada: Jornada): Promise<void> {
  const doc = composeBulletin(jornada, {
    templates,
    catalog,
    phrasing,
    number: jornada.boletin?.numero ?? 1,
    issueDate: resolveIssueDate(jornada),
    draft: false,
    edition: 'nacional',
  });
  renderHtml(doc);
  renderMarkdown(doc);
  await renderDocx(doc);
}

const refused: readonly [string, Change, string][] = [
  ['an ordinal of a million', (j) => (j['ordinal'] = 1_000_000), 'el ordinal de la jornada es 1000000, y un ordinal se escribe con letras sólo de 1 a 99 («Primera» a «Nonagésima Novena»)'],
  ['an ordinal of 100', (j) => (j['ordinal'] = 100), 'el ordinal de la jornada es 100, y un ordinal se escribe con letras sólo de 1 a 99 («Primera» a «Nonagésima Novena»)'],
  ['the year 9999', dated('9999-02-24', '9999-02-26'), 'la fecha 9999-02-24: el año 9999 está fuera de los que Boletín publica (1980 a 2099)'],
  ['the year 1979', dated('1979-02-24', '1979-02-26'), 'la fecha 1979-02-24: el año 1979 está fuera de los que Boletín publica (1980 a 2099)'],
  ['a jornada whose next day is in 2100', dated('2099-12-29', '2099-12-31'), 'el boletín saldría el 2100-01-01, el día siguiente a la jornada: el año 2100 está fuera de los que Boletín publica (1980 a 2099)'],
  ['a bulletin dated 3000', (j) => (j['boletin'] = { fecha: '3000-01-01' }), 'la fecha 3000-01-01: el año 3000 está fuera de los que Boletín publica (1980 a 2099)'],
  ['a bulletin number of 10000', (j) => (j['boletin'] = { numero: 10_000, fecha: '2023-02-27' }), 'el número de boletín 10000 no cabe en «No. 001/AAAA»: va de 1 a 9999'],
  ['a URL with a space', (j) => (j['enlaces'] = { fotos: 'https://example.com/a b' }), 'el enlace «https://example.com/a b» lleva un espacio, que una dirección no puede llevar'],
  ['a URL with a double quote', (j) => (j['enlaces'] = { video: 'https://example.com/a"b' }), 'el enlace «https://example.com/a"b» lleva el carácter «"» (U+0022), que una dirección no puede llevar'],
  ['a URL with angle brackets', (j) => (j['enlaces'] = { video: 'https://example.com/<b>' }), 'el enlace «https://example.com/<b>» lleva el carácter «<» (U+003C), que una dirección no puede llevar'],
  ['a URL without a host', (j) => (j['enlaces'] = { video: 'http:///x' }), 'el enlace «http:///x» no tiene un dominio válido («x»)'],
  ['a URL with a password', (j) => (j['enlaces'] = { video: 'https://ana:secreta@example.com/' }), 'el enlace «https://ana:secreta@example.com/» lleva usuario o contraseña, que no se publican'],
  ['a highlight ordinal of 0', highlight('Fue el {cirugias|ordinal} caso del día.', { cirugias: 0 }), 'la cifra que {cirugias|ordinal} escribe como ordinal es 0, y un ordinal se escribe con letras sólo de 1 a 99 («Primera» a «Nonagésima Novena»)'],
  ['a highlight ordinal of 100', highlight('Fue el {cirugias|ordinal} caso del día.', { cirugias: 100 }), 'la cifra que {cirugias|ordinal} escribe como ordinal es 100, y un ordinal se escribe con letras sólo de 1 a 99 («Primera» a «Nonagésima Novena»)'],
];

const accepted: readonly [string, Change][] = [
  ['an ordinal of 99', (j) => (j['ordinal'] = 99)],
  ['the year 1980', dated('1980-02-24', '1980-02-26')],
  ['a jornada ending on 2099-12-30', dated('2099-12-28', '2099-12-30')],
  ['a bulletin number of 9999', (j) => (j['boletin'] = { numero: 9999, fecha: '2023-02-27' })],
  ['a URL with an accented path', (j) => (j['enlaces'] = { fotos: 'https://ejemplo.mx/año/fotos?id=1#x' })],
  ['a highlight ordinal of 99', highlight('Fue el {cirugias|ordinal} caso del día.', { cirugias: 99 })],
];

describe('validation refuses what a later stage cannot write', () => {
  test.each(refused)('%s', async (_name, change, message) => {
    const result = validateJornada(changed(change), { file: 'x.json', catalog });
    expect(result.jornada).toBeUndefined();
    expect(result.problems.filter((problem) => problem.severity === 'error').map((problem) => problem.message)).toContain(message);
  });
});

describe('what validation passes composes and renders', () => {
  test.each(accepted)('%s', async (_name, change) => {
    const result = validateJornada(changed(change), { file: 'x.json', catalog });
    expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    await expect(renderAll(result.jornada as Jornada)).resolves.toBeUndefined();
  });
});
