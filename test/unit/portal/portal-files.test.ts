import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contentDisposition } from '../../../src/portal/content-disposition.ts';
import { type PortalFixture, portalFixture, signIn } from '../../support/portal-fixture.ts';

let fixture: PortalFixture;
let reader: { cookie: string; csrf: string };
let pdf: Buffer;
let sha: string;
const url = '/boletines/2023/93/v1/pdf';

beforeAll(async () => {
  fixture = await portalFixture();
  reader = await signIn(fixture.app, 'consulta');
  pdf = readFileSync(join(fixture.outputDir, '2023', '093-cuarta-jornada-extraordinaria.pdf'));
  sha = createHash('sha256').update(pdf).digest('hex');
}, 60_000);
afterAll(async () => fixture?.close());

const get = (path: string, headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET') =>
  fixture.app.inject({ method, url: path, headers: { cookie: reader.cookie, ...headers } });

describe('Content-Disposition (RFC 6266)', () => {
  test.each([
    [
      'Boletín 093-2023.pdf',
      `attachment; filename="Boletin 093-2023.pdf"; filename*=UTF-8''Bolet%C3%ADn%20093-2023.pdf`,
    ],
    [
      'Año "nuevo"; 100%.docx',
      `attachment; filename="Ano _nuevo__ 100_.docx"; filename*=UTF-8''A%C3%B1o%20%22nuevo%22%3B%20100%25.docx`,
    ],
    ['a/b\\c\r\n.pdf', `attachment; filename="abc.pdf"; filename*=UTF-8''abc.pdf`],
    ["l'été (1).md", `attachment; filename="l'ete (1).md"; filename*=UTF-8''l%27%C3%A9t%C3%A9%20%281%29.md`],
  ])('%j', (name, header) => {
    expect(contentDisposition(name)).toBe(header);
  });
});

describe('a recorded file', () => {
  test('GET: the bytes, their type, the registry sha256 as ETag, an accented download name', async () => {
    const response = await get(url);
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(pdf)).toBe(true);
    expect(response.headers).toMatchObject({
      'content-type': 'application/pdf',
      etag: `"${sha}"`,
      'accept-ranges': 'bytes',
      'content-length': String(pdf.length),
      'content-disposition': `attachment; filename="Boletin 093-2023.pdf"; filename*=UTF-8''Bolet%C3%ADn%20093-2023.pdf`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; frame-ancestors 'self'; sandbox",
    });
  });

  test('HEAD: the same headers, no body', async () => {
    const response = await get(url, {}, 'HEAD');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-length']).toBe(String(pdf.length));
    expect(response.headers.etag).toBe(`"${sha}"`);
    expect(response.rawPayload.length).toBe(0);
  });

  test('If-None-Match with the ETag: 304 without a body; another ETag: the file', async () => {
    const same = await get(url, { 'if-none-match': `"${sha}"` });
    expect(same.statusCode).toBe(304);
    expect(same.rawPayload.length).toBe(0);
    expect((await get(url, { 'if-none-match': '"otro"' })).statusCode).toBe(200);
  });

  test.each([
    ['bytes=0-3', 0, 3],
    ['bytes=5-', 5, null],
    ['bytes=-6', -6, null],
  ])('Range %s: 206 with those bytes', async (range, start, end) => {
    const response = await get(url, { range });
    const expected =
      start < 0 ? pdf.subarray(pdf.length + start) : pdf.subarray(start, end === null ? undefined : end + 1);
    const first = start < 0 ? pdf.length + start : start;
    expect(response.statusCode).toBe(206);
    expect(response.rawPayload.equals(expected)).toBe(true);
    expect(response.headers['content-range']).toBe(`bytes ${first}-${first + expected.length - 1}/${pdf.length}`);
  });

  test('a range past the end: 416 with the size; a stale If-Range: the whole file', async () => {
    const past = await get(url, { range: `bytes=${pdf.length}-` });
    expect(past.statusCode).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${pdf.length}`);
    const stale = await get(url, { range: 'bytes=0-3', 'if-range': '"viejo"' });
    expect(stale.statusCode).toBe(200);
    expect(stale.rawPayload.equals(pdf)).toBe(true);
  });

  test('the HTML preview is sandboxed and may only be framed by the page itself', async () => {
    const response = await get('/boletines/2023/93/v1/html?ver=1');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-security-policy']).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox",
    );
    expect(response.headers['content-disposition']).toBe(
      `inline; filename="Boletin 093-2023.html"; filename*=UTF-8''Bolet%C3%ADn%20093-2023.html`,
    );
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});

describe('pages', () => {
  test('security headers: no script allowed at all, never framed', async () => {
    const response = await get('/');
    expect(response.headers['content-security-policy']).toBe(
      "default-src 'none'; style-src 'self'; img-src 'self' data:; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    );
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).not.toMatch(/<script|\sstyle=|\son[a-z]+=/);
  });

  test.each([
    ['/?q=cuarta', true],
    ['/?q=CUÁRTA%20jornada', true],
    ['/?q=quinta', false],
    ['/?anio=2023', true],
    ['/?anio=2022', false],
    ['/?estado=publicado', true],
    ['/?estado=corregido', false],
  ])('the list %s shows No. 093/2023: %s', async (path, shown) => {
    const response = await get(path);
    expect(response.statusCode).toBe(200);
    expect(response.body.includes('No. 093/2023</a>')).toBe(shown);
  });

  test('the stylesheet carries the bulletin’s letterhead colours', async () => {
    const css = (await get('/recursos/portal.css')).body;
    const bulletinCss = readFileSync(
      join(import.meta.dirname, '..', '..', '..', 'templates', 'layout', 'estilo.css'),
      'utf8',
    );
    const root = /:root\s*\{[^}]*\}/.exec(bulletinCss)?.[0];
    expect(root).toContain('--verde');
    expect(css.startsWith(root ?? 'sin bloque')).toBe(true);
  });
});

describe('the archive as it is on disk', () => {
  test('an altered file is not served (410) and the list and the page say so; a missing one too', async () => {
    const path = join(fixture.outputDir, '2023', '093-cuarta-jornada-extraordinaria.pdf');
    writeFileSync(path, Buffer.concat([pdf, Buffer.from('% cambiado\n')]));
    const altered = await get(url);
    expect(altered.statusCode).toBe(410);
    expect(altered.body).toContain('cambió en el disco después de publicarse; no se sirve.');
    expect((await get('/')).body).toContain('<span class="archivo-alterado">1 archivo alterado</span>');
    expect((await get('/boletines/2023/93/v1/zip')).statusCode).toBe(410);
    rmSync(path);
    const missing = await get(url);
    expect(missing.statusCode).toBe(410);
    expect(missing.body).toContain('Falta en el archivo el PDF de este boletín');
    expect((await get('/boletines/2023/93')).body).toContain('falta 1 archivo');
    writeFileSync(path, pdf);
    expect((await get(url)).statusCode).toBe(200);
  });
});
