import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Role, addPerson } from '../../src/people/index.ts';
import { buildPortal } from '../../src/portal/build-portal.ts';
import { type Registry, openRegistry, publishBulletin } from '../../src/publish/index.ts';

export const PASSWORD = 'una clave bastante larga';

export interface PortalFixture {
  readonly app: FastifyInstance;
  readonly dir: string;
  readonly outputDir: string;
  /** A file beside the archive that no request may ever return. */
  readonly secret: string;
  close(): Promise<void>;
}

/**
 * A portal over a real registry in a temporary folder: No. 093/2023 published with small HTML and PDF
 * files, one account per role (redaccion, titular, consulta), and a secret file outside the archive.
 */
export async function portalFixture(options: { maxUploadBytes?: number } = {}): Promise<PortalFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'boletin-portal-'));
  const outputDir = join(dir, 'salida');
  const registryPath = join(dir, 'datos', 'registro.sqlite');
  const secret = `SECRETO-${Math.random().toString(36).slice(2)}`;
  writeFileSync(join(dir, 'secreto.txt'), secret);
  mkdirSync(join(dir, 'datos'), { recursive: true });
  writeFileSync(join(dir, 'datos', 'secreto.txt'), secret);
  {
    using registry = openRegistry(registryPath);
    await publishSample(registry, outputDir);
    await addPerson(registry, { username: 'redaccion', name: 'Rosa Redacción', role: Role.editor, password: PASSWORD });
    await addPerson(registry, { username: 'titular', name: 'Tomás Titular', role: Role.head, password: PASSWORD });
    await addPerson(registry, { username: 'consulta', name: 'Carla Consulta', role: Role.reader, password: PASSWORD });
  }
  const { app } = await buildPortal({
    registryPath,
    outputDir,
    workDir: join(dir, 'datos', 'portal'),
    singleUser: false,
    maxUploadBytes: options.maxUploadBytes ?? 64 * 1024,
    now: () => new Date(),
    archiveCheckMaxAgeMs: 0,
  });
  await app.ready();
  return {
    app,
    dir,
    outputDir,
    secret,
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function publishSample(registry: Registry, outputDir: string): Promise<void> {
  await publishBulletin({
    registry,
    outputDir,
    year: 2023,
    explicitNumber: 93,
    slug: 'cuarta-jornada-extraordinaria',
    title: 'Supera IMSS su meta en la Cuarta Jornada',
    issueDate: '2023-03-01',
    datasetHash: 'a'.repeat(64),
    edition: 'nacional',
    style: 'imss',
    templateVersion: 't1',
    render: async () => [
      {
        format: 'html',
        extension: 'html',
        bytes: new TextEncoder().encode('<!DOCTYPE html><title>No. 093/2023</title><p>Boletín</p>'),
      },
      {
        format: 'pdf',
        extension: 'pdf',
        bytes: new TextEncoder().encode('%PDF-1.4\n% No. 093/2023 (muestra)\n%%EOF\n'),
      },
    ],
  });
}

/** Cookies of a response, as a Cookie header adds them to the jar. */
export function cookiesOf(response: LightMyRequestResponse, jar: Record<string, string> = {}): Record<string, string> {
  const header = response.headers['set-cookie'];
  for (const line of Array.isArray(header) ? header : header === undefined ? [] : [header]) {
    const [pair = ''] = line.split(';');
    const at = pair.indexOf('=');
    jar[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return jar;
}

export function cookieHeader(jar: Record<string, string>): string {
  return Object.entries(jar)
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
}

export function csrfIn(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (match?.[1] === undefined) throw new Error('La página no trae el código _csrf.');
  return match[1];
}

/** Signs a person in; returns their cookie header and their session's CSRF token. */
export async function signIn(app: FastifyInstance, username: string): Promise<{ cookie: string; csrf: string }> {
  const form = await app.inject({ method: 'GET', url: '/entrar' });
  const jar = cookiesOf(form);
  const posted = await app.inject({
    method: 'POST',
    url: '/entrar',
    headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      _csrf: csrfIn(form.body),
      usuario: username,
      contrasena: PASSWORD,
      siguiente: '/',
    }).toString(),
  });
  if (posted.statusCode !== 303)
    throw new Error(`No entró ${username}: ${posted.statusCode} ${posted.body.slice(0, 300)}`);
  cookiesOf(posted, jar);
  const cookie = cookieHeader(jar);
  const page = await app.inject({ method: 'GET', url: '/', headers: { cookie } });
  return { cookie, csrf: csrfIn(page.body) };
}

/** A multipart/form-data body, fields first, as a browser sends the form. */
export function multipart(
  fields: Record<string, string>,
  files: readonly { name: string; filename: string; bytes: Uint8Array }[],
): { body: Buffer; contentType: string } {
  const boundary = `----boletin${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
    );
    chunks.push(Buffer.from(file.bytes));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
