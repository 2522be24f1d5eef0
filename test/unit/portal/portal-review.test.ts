import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Role, addPerson, removePerson } from '../../../src/people/index.ts';
import { buildPortal } from '../../../src/portal/build-portal.ts';
import { downloadName } from '../../../src/portal/download-name.ts';
import { openRegistry, publishBulletin } from '../../../src/publish/index.ts';
import {
  PASSWORD,
  type PortalFixture,
  cookieHeader,
  cookiesOf,
  csrfIn,
  portalFixture,
  signIn,
} from '../../support/portal-fixture.ts';

/**
 * Found in a review of the download page: the verification report and the editions' files are
 * downloadable (their formats were refused by the URL check, a 404 behind every "Comprobación de cifras"
 * link), a JSON body is refused instead of crashing a route, a reader is told what their role may not
 * do, and single-user mode ends with the first account.
 */
let fixture: PortalFixture;
let reader: { cookie: string; csrf: string };

const encode = (text: string) => new TextEncoder().encode(text);

beforeAll(async () => {
  fixture = await portalFixture();
  reader = await signIn(fixture.app, 'consulta');
  // A second bulletin with a verification report and an English edition, as `generar --ediciones es,en` records them.
  using registry = openRegistry(join(fixture.dir, 'datos', 'registro.sqlite'));
  await publishBulletin({
    registry,
    outputDir: fixture.outputDir,
    year: 2023,
    explicitNumber: 94,
    slug: 'quinta-jornada',
    title: 'Realiza IMSS la Quinta Jornada',
    issueDate: '2023-03-02',
    datasetHash: 'b'.repeat(64),
    edition: 'nacional',
    style: 'imss',
    templateVersion: 't1',
    render: async () => [
      { format: 'html', extension: 'html', bytes: encode('<!DOCTYPE html><title>No. 094/2023</title><p>Boletín</p>') },
      { format: 'verificacion', extension: 'verificacion.json', bytes: encode('{"estado":"aprobada"}') },
      {
        format: 'verificacion-html',
        extension: 'verificacion.html',
        bytes: encode('<!DOCTYPE html><title>Comprobación</title>'),
      },
      { format: 'en.pdf', extension: 'en.pdf', bytes: encode('%PDF-1.4\n% Bulletin No. 094/2023\n%%EOF\n') },
    ],
  });
}, 60_000);
afterAll(async () => fixture?.close());

describe('every recorded format is downloadable, under a name that tells it apart', () => {
  test.each([
    ['verificacion-html', 'Boletín 094-2023.verificacion.html', 'Comprobación'],
    ['verificacion', 'Boletín 094-2023.verificacion.json', '"aprobada"'],
    ['en.pdf', 'Boletín 094-2023.en.pdf', 'Bulletin No. 094/2023'],
    ['html', 'Boletín 094-2023.html', 'No. 094/2023'],
  ])('%s', async (format, name, content) => {
    const response = await fixture.app.inject({
      method: 'GET',
      url: `/boletines/2023/94/v1/${format}`,
      headers: { cookie: reader.cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
    expect(response.body).toContain(content);
  });

  test.each([
    ['pdf', 'pdf', 'B.pdf'],
    ['en.pdf', 'pdf', 'B.en.pdf'],
    ['verificacion-html', 'html', 'B.verificacion.html'],
    ['verificacion', 'json', 'B.verificacion.json'],
    ['tarjeta.png-1200x675', 'png', 'B.tarjeta.png-1200x675.png'],
  ])('downloadName(%s, %s) is %s', (format, extension, name) => {
    expect(downloadName('B', format, extension)).toBe(name);
  });
});

describe('odd requests get a Spanish answer, not a crash', () => {
  test('a JSON body is refused with 415 (the forms post form data)', async () => {
    const response = await fixture.app.inject({
      method: 'POST',
      url: '/entrar',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ _csrf: {}, usuario: 'titular', contrasena: PASSWORD }),
    });
    expect(response.statusCode).toBe(415);
    expect(response.body).toContain('La página no acepta ese tipo de contenido.');
  });

  test.each([
    ['/%', 400, 'La dirección no es válida.'],
    [`/boletines/2023/93/v1/${'a'.repeat(300)}`, 414, 'La dirección es demasiado larga.'],
  ])('an address the router cannot take (%s) gets a Spanish page with the usual headers', async (url, status, text) => {
    const response = await fixture.app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain(text);
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
  });

  test('a reader opening the approvals is told what the role may not do', async () => {
    const response = await fixture.app.inject({
      method: 'GET',
      url: '/aprobaciones',
      headers: { cookie: reader.cookie },
    });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('Su rol (consulta) no permite ver las solicitudes y sus borradores.');
  });
});

describe('single-user mode', () => {
  test('ends with the first account, without a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'boletin-portal-solo-'));
    const registryPath = join(dir, 'datos', 'registro.sqlite');
    openRegistry(registryPath).close();
    const { app } = await buildPortal({
      registryPath,
      outputDir: join(dir, 'salida'),
      workDir: join(dir, 'datos', 'portal'),
      singleUser: true,
      maxUploadBytes: 64 * 1024,
      now: () => new Date(),
    });
    try {
      expect((await app.inject({ method: 'GET', url: '/subir' })).statusCode).toBe(200);
      {
        using registry = openRegistry(registryPath);
        await addPerson(registry, { username: 'mgarcia', name: 'María García', role: Role.head, password: PASSWORD });
      }
      const after = await app.inject({ method: 'GET', url: '/subir' });
      expect(after.statusCode).toBe(401);
      expect(after.body).toContain('Inicie sesión para ver esta página.');
      // One way: removing the last account does not open the page again.
      {
        using registry = openRegistry(registryPath);
        removePerson(registry, 'mgarcia');
      }
      expect((await app.inject({ method: 'GET', url: '/subir' })).statusCode).toBe(401);
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the sign-in brake', () => {
  test('holds for attempts sent all at once: three wrong passwords are checked, the rest wait (429)', async () => {
    const form = await fixture.app.inject({ method: 'GET', url: '/entrar' });
    const cookie = cookieHeader(cookiesOf(form));
    const payload = new URLSearchParams({
      _csrf: csrfIn(form.body),
      usuario: 'redaccion',
      contrasena: 'no es la clave',
      siguiente: '/',
    }).toString();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        fixture.app.inject({
          method: 'POST',
          url: '/entrar',
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
          payload,
        }),
      ),
    );
    const statuses = answers.map((answer) => answer.statusCode).sort();
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429, 429, 429, 429, 429]);
  });
});
