import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type PortalFixture,
  cookieHeader,
  cookiesOf,
  csrfIn,
  multipart,
  portalFixture,
  signIn,
} from '../../support/portal-fixture.ts';

/**
 * Hostile requests against a real portal (real registry, real files): each gets a 4xx with a Spanish
 * page, and no response ever carries a file, neither the archive's nor one beside it.
 */
let fixture: PortalFixture;
let editor: { cookie: string; csrf: string };
let reader: { cookie: string; csrf: string };
let archiveFiles: Buffer[];

beforeAll(async () => {
  fixture = await portalFixture({ maxUploadBytes: 8 * 1024 });
  editor = await signIn(fixture.app, 'redaccion');
  reader = await signIn(fixture.app, 'consulta');
  archiveFiles = filesUnder(fixture.outputDir).map((path) => readFileSync(path));
}, 60_000);
afterAll(async () => fixture?.close());

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function expectNoFile(response: { statusCode: number; rawPayload: Buffer; headers: Record<string, unknown> }): void {
  expect(response.statusCode).toBeGreaterThanOrEqual(400);
  expect(response.statusCode).toBeLessThan(500);
  expect(response.rawPayload.toString('latin1')).not.toContain(fixture.secret);
  expect(response.rawPayload.toString('latin1')).not.toContain('root:x:0:0');
  for (const file of archiveFiles) expect(response.rawPayload.includes(file)).toBe(false);
  expect(response.headers['content-disposition']).toBeUndefined();
}

const traversals = [
  '/boletines/2023/93/v1/../../../secreto.txt',
  '/boletines/2023/93/v1/..%2F..%2F..%2Fsecreto.txt',
  '/boletines/2023/93/v1/%2e%2e%2f%2e%2e%2fsecreto.txt',
  '/boletines/2023/93/v1/%252e%252e%252fsecreto.txt',
  '/boletines/2023/93/v1/..%5c..%5csecreto.txt',
  '/boletines/2023/93/v1/..\\..\\secreto.txt',
  '/boletines/2023/93/v1/%2Fetc%2Fpasswd',
  '/boletines/2023/93/v1//etc/passwd',
  '/boletines/2023/93/v1/C:%5Cwindows%5Cwin.ini',
  '/boletines/2023/93/v1/pdf%00.txt',
  '/boletines/2023/93/v1/pdf%00',
  '/boletines/2023/93/v1/paginas/..%2F..%2Fsecreto.txt',
  '/boletines/2023/93/v1/paginas/1.png%00',
  `/boletines/2023/93/v1/${'a'.repeat(300)}`,
  `/boletines/2023/93/v1/${'%2e%2e%2f'.repeat(200)}secreto.txt`,
  '/boletines/2023/999',
  '/boletines/2023/999/v1/pdf',
  '/boletines/2023/93/v9/pdf',
  '/boletines/2023/93/v1/docx',
  '/boletines/99999/93',
  '/boletines/2023/0x5d/v1/pdf',
  '/boletines/2023/93/v1.0/pdf',
  '/subidas/../../datos/secreto.txt',
  '/subidas/00000000000000000000000000000000/0/html',
  '/recursos/../datos/secreto.txt',
  '/recursos/%2e%2e/datos/secreto.txt',
];

describe('paths never become files', () => {
  test.each(
    traversals.map((url) => [url.length > 120 ? `${url.slice(0, 100)}… (${url.length} caracteres)` : url, url]),
  )('%s', async (_title, url) => {
    // As the editor, who may see uploads too; the reader gets 403 there before any lookup.
    const response = await fixture.app.inject({ method: 'GET', url, headers: { cookie: editor.cookie } });
    expectNoFile(response);
    expect(response.statusCode).toBe(url.length > 300 ? 414 : 404);
  });

  test('the real file is served to the same person, so the probes above fail for their path alone', async () => {
    const response = await fixture.app.inject({
      method: 'GET',
      url: '/boletines/2023/93/v1/pdf',
      headers: { cookie: reader.cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.toString()).toContain('No. 093/2023');
  });
});

describe('methods, sessions, roles and CSRF', () => {
  test.each([
    ['DELETE', '/boletines/2023/93/v1/pdf'],
    ['PUT', '/boletines/2023/93/v1/pdf'],
    ['POST', '/boletines/2023/93'],
    ['PATCH', '/subir'],
    ['PUT', '/entrar'],
  ] as const)('%s %s: refused', async (method, url) => {
    const response = await fixture.app.inject({ method, url, headers: { cookie: editor.cookie } });
    expectNoFile(response);
    expect(response.statusCode).toBe(404);
  });

  test.each([
    '/',
    '/boletines/2023/93',
    '/boletines/2023/93/v1/pdf',
    '/boletines/2023/93/v1/zip',
    '/subir',
    '/plantilla.xlsx',
  ])('no session: %s asks to sign in (401)', async (url) => {
    const response = await fixture.app.inject({ method: 'GET', url });
    expectNoFile(response);
    expect(response.statusCode).toBe(401);
    expect(response.body).toContain('Inicie sesión para ver esta página.');
    expect(response.body).toContain('action="/entrar"');
  });

  test('a forged session cookie is no session', async () => {
    const response = await fixture.app.inject({
      method: 'GET',
      url: '/boletines/2023/93/v1/pdf',
      headers: { cookie: `boletin_sesion=${'A'.repeat(43)}` },
    });
    expect(response.statusCode).toBe(401);
  });

  test('consulta may not open the upload form nor post to it (403)', async () => {
    const form = await fixture.app.inject({ method: 'GET', url: '/subir', headers: { cookie: reader.cookie } });
    expect(form.statusCode).toBe(403);
    expect(form.body).toContain('Su rol (consulta) no permite subir datos.');
    const { body, contentType } = multipart({ _csrf: reader.csrf }, [
      { name: 'datos', filename: 'x.json', bytes: new TextEncoder().encode('{}') },
    ]);
    const post = await fixture.app.inject({
      method: 'POST',
      url: '/subir',
      headers: { cookie: reader.cookie, 'content-type': contentType },
      payload: body,
    });
    expectNoFile(post);
    expect(post.statusCode).toBe(403);
  });

  test.each([
    ['missing', null],
    ['wrong', 'x'.repeat(43)],
    ['another person’s', 'READER'],
  ])('a %s CSRF token on the upload is refused (403) before any file is read', async (_what, token) => {
    const fields: Record<string, string> = token === null ? {} : { _csrf: token === 'READER' ? reader.csrf : token };
    const { body, contentType } = multipart(fields, [
      { name: 'datos', filename: 'jornada.json', bytes: new TextEncoder().encode('{}') },
    ]);
    const response = await fixture.app.inject({
      method: 'POST',
      url: '/subir',
      headers: { cookie: editor.cookie, 'content-type': contentType },
      payload: body,
    });
    expectNoFile(response);
    expect(response.statusCode).toBe(403);
    expect(readdirSync(join(fixture.dir, 'datos', 'portal', 'subidas'))).toEqual([]);
  });

  test.each([
    ['missing', {}],
    ['wrong', { _csrf: 'y'.repeat(43) }],
  ])('a %s CSRF token on sign-out and sign-in is refused (403)', async (_what, fields) => {
    const out = await fixture.app.inject({
      method: 'POST',
      url: '/salir',
      headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });
    expect(out.statusCode).toBe(403);
    const signInForm = await fixture.app.inject({ method: 'GET', url: '/entrar' });
    const jar = cookiesOf(signInForm);
    const post = await fixture.app.inject({
      method: 'POST',
      url: '/entrar',
      headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        ...fields,
        usuario: 'redaccion',
        contrasena: 'una clave bastante larga',
      }).toString(),
    });
    expect(post.statusCode).toBe(403);
    expect(post.headers['set-cookie']).toBeUndefined();
    // The editor's session still works: a refused sign-out changed nothing.
    expect((await fixture.app.inject({ method: 'GET', url: '/', headers: { cookie: editor.cookie } })).statusCode).toBe(
      200,
    );
    expect(csrfIn(signInForm.body)).toHaveLength(43);
  });
});

describe('uploads that are not datasets', () => {
  const upload = (filename: string, bytes: Uint8Array) => {
    const { body, contentType } = multipart({ _csrf: editor.csrf }, [{ name: 'datos', filename, bytes }]);
    return fixture.app.inject({
      method: 'POST',
      url: '/subir',
      headers: { cookie: editor.cookie, 'content-type': contentType },
      payload: body,
    });
  };

  test('an oversize upload: 413 with the limit in the message, nothing kept', async () => {
    const response = await upload('jornada.json', new Uint8Array(9 * 1024).fill(0x20));
    expectNoFile(response);
    expect(response.statusCode).toBe(413);
    expect(response.body).toContain('El archivo pasa del límite de 8 KB');
    expect(readdirSync(join(fixture.dir, 'datos', 'portal', 'subidas'))).toEqual([]);
  });

  test('a PDF renamed .json: 422 and a report that says what it is', async () => {
    const pdf = readFileSync(join(fixture.outputDir, '2023', '093-cuarta-jornada-extraordinaria.pdf'));
    const response = await upload('jornada.json', pdf);
    expectNoFile(response);
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('No se aceptó «jornada.json»: es un documento PDF, no los datos de una jornada.');
    expect(response.body).toContain(
      '<span class="lugar">(archivo)</span>: el archivo es un documento PDF, aunque su nombre termine en .json',
    );
  });

  test.each([
    ['boletin.pdf', 'la página no recibe archivos «.pdf»'],
    ['../../datos/registro.sqlite', 'la página no recibe archivos «.sqlite»'],
    ['sin-extension', 'el archivo no tiene extensión'],
    ['.json', 'el nombre del archivo tiene caracteres que la página no acepta'],
  ])('the name %j: 400 with «%s»', async (filename, message) => {
    const response = await upload(filename, new TextEncoder().encode('{}'));
    expectNoFile(response);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(message);
  });
});
